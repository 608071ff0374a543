//! Timeline and effort/cost estimates from the assessment, as ranges with their drivers.

pub mod cost;
pub mod date;
pub mod range;
pub mod timeline;

use crate::catalog::kinds::{AddOn, Alternative, Report};
use crate::catalog::{Catalog, Text};
use crate::engine::applicability::{Decision, SECURITY};
use crate::engine::conditions::Effective;
use crate::engine::gaps::Gap;
use crate::engine::scoring::{Item, State};
use litemap::LiteMap;
use serde::{Deserialize, Serialize};

/// What the user can set about the estimates, apart from the answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Assumptions {
    /// `YYYY-MM-DD`; the app fills in today.
    pub start_date: String,
    /// `boutique`, `mid_tier` or `large_firm`.
    pub tier: String,
    pub pen_test: bool,
    pub consultant: bool,
    pub tooling: bool,
    /// User values for editable parameters, by key (see `EstimationParams::assumptions`).
    #[serde(
        serialize_with = "crate::engine::object_map::write",
        deserialize_with = "crate::engine::object_map::read"
    )]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "std::collections::BTreeMap<String, [f64; 3]>")
    )]
    pub overrides: LiteMap<String, [f64; 3]>,
}

impl Assumptions {
    /// The start date in use: an unreadable one (checked on import) falls back to a fixed date.
    pub fn start(&self) -> time::Date {
        date::parse(&self.start_date)
            .or_else(|| time::Date::from_calendar_date(2026, time::Month::January, 5).ok())
            .expect("a valid fixed date")
    }
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions {
            start_date: "2026-01-05".into(),
            tier: "boutique".into(),
            pen_test: true,
            consultant: false,
            tooling: false,
            overrides: LiteMap::new(),
        }
    }
}

/// Both estimates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Estimate {
    pub timeline: timeline::Timeline,
    pub cost: cost::Cost,
    pub profile: cost::Profile,
}

fn number(eff: &Effective, id: &str) -> Option<f64> {
    eff.get(id).and_then(|a| a.as_number())
}

/// The remediation workload of the gaps (and unanswered questions) in the given categories.
pub fn workload(gaps: &[Gap], items: &[Item], categories: &[&str]) -> timeline::Workload {
    let in_cat = |c: &str| categories.contains(&c);
    let open: Vec<&Gap> = gaps.iter().filter(|g| in_cat(&g.category)).collect();
    timeline::Workload {
        gap_days: open.iter().map(|g| g.remaining_days).sum(),
        longest_days: open.iter().map(|g| g.remaining_days).fold(0.0, f64::max),
        unanswered_days: items
            .iter()
            .filter(|i| in_cat(i.questionnaire) && matches!(i.state, State::Unanswered))
            .map(|i| i.question.effort_days)
            .sum(),
    }
}

/// Estimates the timeline and cost for the current assessment.
pub fn estimate(
    catalog: &Catalog,
    eff: &Effective,
    decision: &Decision,
    gaps: &[Gap],
    items: &[Item],
    a: &Assumptions,
) -> Estimate {
    // Borrowed unless the user changed something: copying every parameter and label
    // took a large share of the estimate's time.
    let p = if a.overrides.is_empty() {
        std::borrow::Cow::Borrowed(&catalog.estimation)
    } else {
        std::borrow::Cow::Owned(catalog.estimation.with_overrides(&a.overrides))
    };
    let inp = &p.inputs;
    let start = a.start();
    let fte = number(eff, &inp.compliance_fte)
        .or_else(|| {
            // The capacity a company of this size typically has.
            let people = number(eff, &inp.headcount)?;
            let band = p
                .timeline
                .capacity_by_headcount
                .iter()
                .find(|b| people <= b.up_to)?;
            Some(band.fte)
        })
        .unwrap_or(p.timeline.default_fte.range[1])
        .max(0.1);
    // A readiness consultant adds to the people doing the work: already, when paid
    // for, or as a way to meet a deadline when not.
    let (consultant_fte, outside_help) = match (a.consultant, p.timeline.outside_help_fte.range[1])
    {
        (true, help) => (help, 0.0),
        (false, help) => (0.0, help),
    };
    let fte = fte + consultant_fte;
    let platform = eff.get(inp.tooling.as_str()).and_then(|v| v.as_str())
        == Some(inp.platform_option.as_str());
    let framework = eff
        .get(inp.frameworks.as_str())
        .is_some_and(|v| v.is_one_of(&inp.framework_options));
    let in_scope: Vec<&str> = decision.assessed.iter().map(Text::as_str).collect();
    let tsc = &decision.categories_in_scope;
    let plan = timeline::Plan {
        type1: decision.is_type1(),
        window_months: decision.window_months,
        fte,
        platform,
        framework,
        workload: workload(gaps, items, &in_scope),
        continue_from: eff
            .get(inp.last_period_end.as_str())
            .and_then(|v| v.as_str())
            .and_then(date::parse)
            .and_then(|d| d.next_day()),
        customer_year_end: eff
            .get(inp.customer_year_end.as_str())
            .and_then(|v| v.as_str())
            .and_then(|o| inp.year_end_month(o)),
        soc1: decision.recommends(Report::Soc1),
        soc2: !decision.categories_in_scope.is_empty(),
        pen_test: a.pen_test,
    };
    let bridge = !decision.bridge_letter.is_empty();
    let mut tl = timeline::build(&plan, &p, start, bridge);

    if let Some(deadline) = decision.deadline.as_deref().and_then(date::parse) {
        let meets = |t: &timeline::Timeline| {
            date::parse(&t.first_report.likely).is_some_and(|d| d <= deadline)
        };
        let met = meets(&tl);
        let mut alternatives = Vec::new();
        if !met {
            let type1_allowed = decision.allows(Alternative::Type1First);
            // Narrowing to Security keeps the SOC 1 objectives: they are a report of their own.
            let narrower = (tsc.len() > 1).then(|| {
                let security_only: Vec<&str> = in_scope
                    .iter()
                    .copied()
                    .filter(|c| *c == SECURITY || !tsc.iter().any(|t| t == c))
                    .collect();
                workload(gaps, items, &security_only)
            });
            let mut options: Vec<(Alternative, timeline::Plan)> = Vec::new();
            if !plan.type1 && type1_allowed {
                options.push((
                    Alternative::Type1First,
                    timeline::Plan {
                        type1: true,
                        ..plan
                    },
                ));
            }
            if let Some(w) = narrower {
                options.push((
                    Alternative::SecurityOnly,
                    timeline::Plan {
                        workload: w,
                        ..plan
                    },
                ));
            }
            if outside_help > 0.0 {
                options.push((
                    Alternative::OutsideHelp,
                    timeline::Plan {
                        fte: fte + outside_help,
                        ..plan
                    },
                ));
            }
            options.push((
                Alternative::DoubleCapacity,
                timeline::Plan {
                    fte: fte * 2.0,
                    ..plan
                },
            ));
            // When no single change is enough, show what all of them together give.
            let together = timeline::Plan {
                type1: plan.type1 || type1_allowed,
                fte: fte * 2.0 + outside_help,
                workload: narrower.unwrap_or(plan.workload),
                ..plan
            };
            let several = options.len() > 1;
            for (id, alt) in options {
                let t = timeline::build(&alt, &p, start, bridge);
                alternatives.push(timeline::Alternative {
                    id,
                    meets_deadline: meets(&t),
                    first_report: t.first_report,
                });
            }
            if several && !alternatives.iter().any(|a| a.meets_deadline) {
                let t = timeline::build(&together, &p, start, bridge);
                alternatives.push(timeline::Alternative {
                    id: Alternative::AllTogether,
                    meets_deadline: meets(&t),
                    first_report: t.first_report,
                });
            }
        }
        tl.deadline = Some(timeline::Deadline {
            date: date::format(deadline),
            met,
            alternatives,
        });
    }

    // The design gaps of what is assessed (the control, and so the tool, is not in
    // place yet), by question: checked once each rather than once per purchase.
    let design_gaps = crate::engine::Index::new(
        gaps.iter()
            .filter(|g| {
                in_scope.contains(&g.category.as_str())
                    && catalog
                        .scale_option(&g.answer)
                        .is_some_and(|o| o.design < 100.0)
            })
            .map(|g| g.question.as_str())
            .collect::<Vec<_>>()
            .into_iter(),
    );
    let profile = cost::Profile {
        tier: a.tier.clone(),
        type1: plan.type1,
        window_months: plan.window_months,
        extra_categories: tsc.iter().filter(|c| *c != SECURITY).cloned().collect(),
        systems: number(eff, &inp.systems).unwrap_or(1.0),
        locations: number(eff, &inp.locations).unwrap_or(1.0),
        subservice_count: number(eff, &inp.subservice_count).unwrap_or(0.0),
        subservice_inclusive: eff
            .get(inp.subservice_method.as_str())
            .and_then(|v| v.as_str())
            == Some(inp.inclusive_option.as_str()),
        headcount: number(eff, &inp.headcount).unwrap_or(1.0),
        soc1: plan.soc1,
        soc2: plan.soc2,
        soc1_objectives: crate::engine::scoring::soc1_objectives_in_view(catalog, items).count(),
        soc3: decision.has_add_on(AddOn::Soc3),
        soc2plus: decision.has_add_on(AddOn::Soc2Plus),
        purchases: p
            .cost
            .purchases
            .iter()
            .filter(|b| b.when_gap.iter().any(|q| design_gaps.get(q).is_some()))
            .map(|b| b.id.clone())
            .collect(),
    };
    let optional = cost::Optional {
        pen_test: a.pen_test,
        consultant: a.consultant,
        tooling: a.tooling,
    };
    let cost = cost::build(&profile, &p, optional, tl.remediation_person_days);
    Estimate {
        timeline: tl,
        cost,
        profile,
    }
}
