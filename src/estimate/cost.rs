//! Audit fee, internal effort and optional line items, each a sum of named drivers.

use super::range::{number, total, Driver, Range};
use crate::catalog::estimation::{EstimationParams, Param, Per};
use crate::catalog::Text;
use serde::{Deserialize, Serialize};

/// What drives the audit fee, read from the scope answers and the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Profile {
    pub tier: String,
    pub type1: bool,
    pub window_months: u32,
    /// Categories in scope other than Security.
    pub extra_categories: Vec<Text>,
    pub systems: f64,
    pub locations: f64,
    pub subservice_count: f64,
    pub subservice_inclusive: bool,
    pub headcount: f64,
    pub soc1: bool,
    /// A SOC 2 is examined (false for a SOC 1 on its own).
    pub soc2: bool,
    /// SOC 1 control objectives in view.
    pub soc1_objectives: usize,
    pub soc3: bool,
    pub soc2plus: bool,
    /// Purchases (by ID) whose questions are gaps.
    pub purchases: Vec<Text>,
}

/// Which optional line items the user switched on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Optional {
    pub pen_test: bool,
    pub consultant: bool,
    pub tooling: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cost {
    pub currency: Text,
    pub audit_fee: Range,
    pub audit_drivers: Vec<Driver>,
    pub internal_hours: Range,
    pub internal_hour_drivers: Vec<Driver>,
    pub internal_cost: Range,
    pub hourly_rate: Range,
    pub optional: Vec<Driver>,
    /// Tools and services the gaps call for.
    pub purchases: Vec<Driver>,
    pub first_year_total: Range,
    pub renewal_total: Range,
    pub renewal_drivers: Vec<Driver>,
    /// When a Type I comes first: the Type II that follows in the same plan.
    pub follow_on_type2: Option<Driver>,
    pub effort: AuditEffort,
}

/// The audit's effort on both sides of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AuditEffort {
    /// The fee divided by the blended rate: most hours from the lowest fee over the highest rate, and so on.
    pub auditor_hours: Range,
    /// The blended hourly rate used, an editable assumption.
    pub auditor_rate: Range,
    /// Your team's hours answering evidence requests, walkthroughs and samples.
    pub support_hours: Range,
    /// Your team's remediation hours before the audit.
    pub remediation_hours: Range,
    /// Your team's hours running the controls in their first twelve months.
    pub operating_hours: Range,
}

fn from(key: &str, p: &Param, count: f64, label: Option<String>) -> Driver {
    Driver {
        key: key.into(),
        label: label.map_or_else(|| p.label.clone(), Text::from),
        amount: Range::new(p.range).scale(count),
        source: p.source.clone(),
        assumption: p.assumption,
    }
}

/// Where fee lines go: kept as drivers to show, or only added up. The renewal and
/// the Type II after a Type I need only their fee, and the labels cost more to
/// write than the sums.
trait Lines {
    /// Adds a line of `amount`; `driver` describes it, called only when kept.
    fn add(&mut self, amount: Range, driver: impl FnOnce(Range) -> Driver);
}

impl Lines for Vec<Driver> {
    /// The driver shown carries `amount`, the figure the sum adds, whatever it computed.
    fn add(&mut self, amount: Range, driver: impl FnOnce(Range) -> Driver) {
        self.push(Driver {
            amount,
            ..driver(amount)
        });
    }
}

/// The sum alone, added in the same order as [`total`] adds the drivers.
impl Lines for Range {
    fn add(&mut self, amount: Range, _: impl FnOnce(Range) -> Driver) {
        *self = *self + amount;
    }
}

/// A parameter's range times a count, as [`from`] computes it.
fn scaled(p: &Param, count: f64) -> Range {
    Range::new(p.range).scale(count)
}

/// The audit fee drivers for a profile; their sum is the fee.
pub fn audit_drivers(pr: &Profile, p: &EstimationParams) -> Vec<Driver> {
    let mut d = Vec::new();
    audit_lines(pr, p, &mut d);
    d
}

/// The audit fee of a profile: the sum of [`audit_drivers`] without making them.
fn fee_of(pr: &Profile, p: &EstimationParams) -> Range {
    let mut fee = Range::default();
    audit_lines(pr, p, &mut fee);
    fee
}

/// The audit fee's lines for a profile, in the order they are shown.
fn audit_lines(pr: &Profile, p: &EstimationParams, d: &mut impl Lines) {
    let c = &p.cost;
    let tier = c
        .tier(&pr.tier)
        .or_else(|| c.tiers.first())
        .expect("validated: tiers exist");
    let tier_id = tier.id.as_str();
    let (kind, base) = if pr.type1 {
        ("type1", &tier.type1)
    } else {
        ("type2", &tier.type2)
    };
    let base_label = || {
        if pr.soc2 {
            format!("{} ({})", base.label, tier.label)
        } else {
            // Public fee ranges cover SOC 1 and SOC 2 examinations alike.
            format!(
                "SOC 1 {} base fee ({})",
                if pr.type1 { "Type I" } else { "Type II" },
                tier.label
            )
        }
    };
    let base_fee = scaled(base, 1.0);
    d.add(base_fee, |_| {
        from(
            &format!("cost.tiers.{tier_id}.{kind}"),
            base,
            1.0,
            Some(base_label()),
        )
    });
    // Categories scale with the base fee: a larger engagement, a larger addition.
    for cat in &pr.extra_categories {
        if let Some(param) = c.category_fee(cat) {
            d.add(base_fee.times(Range::new(param.range)), |amount| Driver {
                key: format!("cost.categories.{cat}"),
                label: format!(
                    "{} ({} to {} % of the base fee)",
                    param.label,
                    number(param.range[0] * 100.0),
                    number(param.range[2] * 100.0)
                )
                .into(),
                amount,
                source: param.source.clone(),
                assumption: param.assumption,
            });
        }
    }
    let x = &c.complexity;
    let extra_systems = (pr.systems - x.included_systems).max(0.0);
    if extra_systems > 0.0 {
        d.add(scaled(&x.per_extra_system, extra_systems), |_| {
            from(
                "cost.complexity.per_extra_system",
                &x.per_extra_system,
                extra_systems,
                Some(format!(
                    "{} systems in scope ({} included)",
                    number(pr.systems),
                    number(x.included_systems)
                )),
            )
        });
    }
    let extra_locations = (pr.locations - x.included_locations).max(0.0);
    if extra_locations > 0.0 {
        d.add(scaled(&x.per_extra_location, extra_locations), |_| {
            from(
                "cost.complexity.per_extra_location",
                &x.per_extra_location,
                extra_locations,
                Some(format!(
                    "{} locations ({} included)",
                    number(pr.locations),
                    number(x.included_locations)
                )),
            )
        });
    }
    if pr.subservice_count > 0.0 {
        let (key, param, how) = if pr.subservice_inclusive {
            (
                "cost.complexity.per_subservice_inclusive",
                &x.per_subservice_inclusive,
                "inclusive",
            )
        } else {
            (
                "cost.complexity.per_subservice_carve_out",
                &x.per_subservice_carve_out,
                "carve-out",
            )
        };
        d.add(scaled(param, pr.subservice_count), |_| {
            from(
                key,
                param,
                pr.subservice_count,
                Some(format!(
                    "{} subservice organisation{}, {how}",
                    number(pr.subservice_count),
                    if pr.subservice_count == 1.0 { "" } else { "s" }
                )),
            )
        });
    }
    if !pr.type1 && pr.window_months > 3 {
        let months = f64::from(pr.window_months - 3);
        d.add(scaled(&x.per_window_month_over_3, months), |_| {
            from(
                "cost.complexity.per_window_month_over_3",
                &x.per_window_month_over_3,
                months,
                Some(format!(
                    "{}-month window: {} months beyond 3",
                    pr.window_months,
                    number(months)
                )),
            )
        });
    }
    if let Some((i, band)) = x
        .headcount_bands
        .iter()
        .enumerate()
        .find(|(_, b)| pr.headcount <= b.up_to)
    {
        if band.add.range.iter().any(|v| *v > 0.0) {
            d.add(scaled(&band.add, 1.0), |_| {
                from(
                    &format!("cost.complexity.headcount_bands.{i}"),
                    &band.add,
                    1.0,
                    Some(format!(
                        "Headcount {}: {}",
                        number(pr.headcount),
                        band.add.label
                    )),
                )
            });
        }
    }
    let r = &c.reports;
    let extra_objectives = pr.soc1_objectives as f64 - r.soc1_included_objectives;
    if pr.soc1 && extra_objectives > 0.0 {
        d.add(
            scaled(&r.soc1_per_extra_objective, extra_objectives),
            |_| {
                from(
                    "cost.reports.soc1_per_extra_objective",
                    &r.soc1_per_extra_objective,
                    extra_objectives,
                    Some(format!(
                        "{} SOC 1 control objectives ({} included)",
                        pr.soc1_objectives,
                        number(r.soc1_included_objectives)
                    )),
                )
            },
        );
    }
    for (on, key, param) in [
        (pr.soc1 && pr.soc2, "cost.reports.soc1", &r.soc1),
        (pr.soc3, "cost.reports.soc3", &r.soc3),
        (pr.soc2plus, "cost.reports.soc2plus", &r.soc2plus),
    ] {
        if on {
            d.add(scaled(param, 1.0), |_| from(key, param, 1.0, None));
        }
    }
}

/// Internal hours drivers: remediation work, audit support, added categories.
fn hour_drivers(
    pr: &Profile,
    p: &EstimationParams,
    remediation_days: Range,
    with_remediation: bool,
) -> Vec<Driver> {
    let i = &p.cost.internal;
    let mut d = Vec::new();
    if with_remediation && remediation_days.high > 0.0 {
        d.push(Driver {
            key: "remediation.person_days".into(),
            label: "Remediation work (person-days x hours per day)".into(),
            amount: remediation_days.scale(i.hours_per_person_day),
            source: None,
            assumption: false,
        });
    }
    let support = if pr.type1 {
        (
            "cost.internal.audit_support_hours_type1",
            &i.audit_support_hours_type1,
        )
    } else {
        (
            "cost.internal.audit_support_hours_type2",
            &i.audit_support_hours_type2,
        )
    };
    d.push(from(support.0, support.1, 1.0, None));
    // Once the controls are in place they have to be run and evidenced: the first
    // year counts their first twelve months, whenever audit-ready falls, so being
    // less ready never makes the year cheaper.
    if with_remediation {
        d.push(from(
            "cost.internal.operating_fte",
            &i.operating_fte,
            i.hours_per_year,
            Some(format!(
                "Running the controls for their first 12 months, from audit-ready ({} hours a year each)",
                number(i.hours_per_year)
            )),
        ));
    }
    if pr.soc1 && pr.soc1_objectives > 0 {
        let n = pr.soc1_objectives as f64;
        d.push(from(
            "cost.reports.soc1_hours_per_objective",
            &p.cost.reports.soc1_hours_per_objective,
            n,
            Some(format!("{} SOC 1 control objectives", number(n))),
        ));
    }
    if !pr.extra_categories.is_empty() {
        let n = pr.extra_categories.len() as f64;
        d.push(from(
            "cost.internal.per_extra_category_hours",
            &i.per_extra_category_hours,
            n,
            Some(format!("{} added categories", number(n))),
        ));
    }
    d
}

/// What the gaps call for buying, priced per person or per company.
fn purchase_drivers(pr: &Profile, p: &EstimationParams) -> Vec<Driver> {
    p.cost
        .purchases
        .iter()
        .filter(|b| pr.purchases.contains(&b.id))
        .map(|b| {
            let (count, label) = match b.per {
                Per::Person => (
                    pr.headcount.max(1.0),
                    format!(
                        "{} x {} people",
                        b.price.label,
                        number(pr.headcount.max(1.0))
                    ),
                ),
                Per::Company => (1.0, b.price.label.to_string()),
            };
            from(
                &format!("cost.purchases.{}", b.id),
                &b.price,
                count,
                Some(label),
            )
        })
        .collect()
}

/// The whole cost picture for the first year and a renewal year.
pub fn build(pr: &Profile, p: &EstimationParams, opt: Optional, remediation_days: Range) -> Cost {
    let audit_drivers = audit_drivers(pr, p);
    let audit_fee = total(&audit_drivers);
    let rate = Range::new(p.cost.internal.hourly_rate.range);
    let internal_hour_drivers = hour_drivers(pr, p, remediation_days, true);
    let internal_hours = total(&internal_hour_drivers);
    let internal_cost = internal_hours.times(rate);
    let o = &p.cost.optional;
    let mut optional = Vec::new();
    for (on, key, param) in [
        (opt.pen_test, "cost.optional.pen_test", &o.pen_test),
        (opt.consultant, "cost.optional.consultant", &o.consultant),
        (opt.tooling, "cost.optional.tooling", &o.tooling),
    ] {
        if on {
            optional.push(from(key, param, 1.0, None));
        }
    }
    // A Type I first is followed by the Type II the plan shows: both fees fall in the plan.
    // Its add-ons (SOC 3, SOC 2+) are already counted once, with the Type I.
    let follow_on_type2 = pr.type1.then(|| {
        let type2 = Profile {
            type1: false,
            soc3: false,
            soc2plus: false,
            ..pr.clone()
        };
        let fee = fee_of(&type2, p);
        // Running the controls through its window is already in the first year's hours.
        let hours = total(&hour_drivers(&type2, p, Range::default(), false));
        (fee, hours)
    });
    let follow_on_fee = follow_on_type2.map_or(Range::default(), |(fee, _)| fee);
    let follow_on_type2 = follow_on_type2.map(|(fee, hours)| Driver {
        key: "cost.follow_on_type2".into(),
        label: format!(
            "Type II that follows the Type I ({}-month window): audit fee and your hours",
            pr.window_months
        )
        .into(),
        amount: fee + hours.times(rate),
        source: None,
        assumption: false,
    });
    let purchases = purchase_drivers(pr, p);
    let first_year_total = audit_fee
        + internal_cost
        + total(&optional)
        + total(&purchases)
        + follow_on_type2
            .as_ref()
            .map_or(Range::default(), |d| d.amount);
    let i = &p.cost.internal;
    let hours = |keep: &dyn Fn(&str) -> bool| {
        internal_hour_drivers
            .iter()
            .filter(|d| keep(&d.key))
            .fold(Range::default(), |a, d| a + d.amount)
    };
    const REMEDIATION: &str = "remediation.person_days";
    const OPERATING: &str = "cost.internal.operating_fte";
    let remediation_hours = hours(&|k| k == REMEDIATION);
    let operating_hours = hours(&|k| k == OPERATING);
    let support_hours = hours(&|k| k != REMEDIATION && k != OPERATING);
    let auditor_rate = Range::new(p.cost.auditor.blended_rate.range);
    let effort = AuditEffort {
        auditor_hours: {
            // Both audits of the plan, the one that follows a Type I included.
            let fees = audit_fee + follow_on_fee;
            Range::new([
                fees.low / auditor_rate.high.max(1.0),
                fees.likely / auditor_rate.likely.max(1.0),
                fees.high / auditor_rate.low.max(1.0),
            ])
        },
        auditor_rate,
        support_hours,
        remediation_hours,
        operating_hours,
    };

    // A renewal year: a 12-month Type II, audit support only, recurring items only.
    let renewal_profile = Profile {
        type1: false,
        window_months: 12,
        ..pr.clone()
    };
    let renewal_fee = fee_of(&renewal_profile, p);
    let support = total(&hour_drivers(&renewal_profile, p, Range::default(), false))
        .times(Range::new(i.renewal_support_share.range))
        .times(rate);
    let mut renewal_drivers = vec![
        Driver {
            key: "renewal.audit_fee".into(),
            label: "Type II audit, 12-month window".into(),
            amount: renewal_fee,
            source: None,
            assumption: false,
        },
        Driver {
            key: "renewal.internal".into(),
            label: format!(
                "Internal audit support ({} to {} % of the first audit's: narratives and walkthroughs are reused)",
                number(i.renewal_support_share.range[0] * 100.0),
                number(i.renewal_support_share.range[2] * 100.0)
            ).into(),
            amount: support,
            source: None,
            assumption: true,
        },
        Driver {
            key: "cost.internal.operating_fte".into(),
            label: format!(
                "{} ({} hours a year each)",
                i.operating_fte.label,
                number(i.hours_per_year)
            ).into(),
            amount: Range::new(i.operating_fte.range)
                .scale(i.hours_per_year)
                .times(rate),
            source: None,
            assumption: true,
        },
    ];
    renewal_drivers.extend(
        optional
            .iter()
            .filter(|d| d.key != "cost.optional.consultant")
            .cloned(),
    );
    // Subscriptions are paid again; one-off purchases are not.
    renewal_drivers.extend(
        purchases
            .iter()
            .filter(|d| {
                p.cost.purchases.iter().any(|b| {
                    b.recurring && d.key.strip_prefix("cost.purchases.") == Some(b.id.as_str())
                })
            })
            .cloned(),
    );
    Cost {
        currency: p.currency.clone(),
        audit_fee,
        audit_drivers,
        internal_hours,
        internal_hour_drivers,
        internal_cost,
        hourly_rate: rate,
        optional,
        purchases,
        first_year_total,
        renewal_total: total(&renewal_drivers),
        renewal_drivers,
        follow_on_type2,
        effort,
    }
}
