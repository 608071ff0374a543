//! The timeline from a start date to the report in hand, as low / likely / high dates.

use super::date::{add_weeks, format, WEEKS_PER_MONTH};
use crate::catalog::estimation::{EstimationParams, Param};
use super::range::{Driver, Range};
use serde::{Deserialize, Serialize};
use time::Date;

/// Three dates: the earliest, most likely and latest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct DateRange {
    pub low: String,
    pub likely: String,
    pub high: String,
}

impl DateRange {
    fn from(dates: [Date; 3]) -> DateRange {
        DateRange {
            low: format(dates[0]),
            likely: format(dates[1]),
            high: format(dates[2]),
        }
    }
}

/// One bar of the Gantt chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Phase {
    pub id: String,
    pub label: String,
    pub start: DateRange,
    pub end: DateRange,
    pub weeks: Range,
    pub drivers: Vec<Driver>,
}

/// The remediation workload, in person-days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Workload {
    /// Remaining effort of the open gaps.
    pub gap_days: f64,
    /// The largest single item: it cannot be split between people.
    pub longest_days: f64,
    /// Full effort of visible questions not yet answered.
    pub unanswered_days: f64,
}

/// What the timeline depends on besides the parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Plan {
    pub type1: bool,
    pub window_months: u32,
    pub fte: f64,
    pub platform: bool,
    pub workload: Workload,
}

/// An option that would change the end date when the deadline cannot be met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Alternative {
    pub id: crate::catalog::kinds::Alternative,
    pub first_report: DateRange,
    pub meets_deadline: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Deadline {
    pub date: String,
    /// True when even the likely date is on or before the deadline.
    pub met: bool,
    pub alternatives: Vec<Alternative>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Timeline {
    pub start: String,
    pub phases: Vec<Phase>,
    pub type1: bool,
    pub window_months: u32,
    /// The Type I "as of" date, when a Type I comes first.
    pub type1_as_of: Option<DateRange>,
    /// The first report in hand (Type I when it comes first, else Type II).
    pub first_report: DateRange,
    /// The Type II report in hand.
    pub type2_report: DateRange,
    pub remediation_person_days: Range,
    pub capacity_fte: f64,
    /// From when bridge letters will be needed (end of the report period).
    pub bridge_letter_from: Option<DateRange>,
    pub deadline: Option<Deadline>,
}

fn driver(key: &str, p: &Param, amount: Range) -> Driver {
    Driver {
        key: key.into(),
        label: p.label.clone(),
        amount,
        source: p.source.clone(),
        assumption: p.assumption,
    }
}

/// Person-days still to do, per scenario.
pub fn person_days(plan: &Plan, p: &EstimationParams) -> Range {
    let t = &p.timeline;
    let w = plan.workload;
    let factor = |i: usize| {
        if plan.platform {
            t.platform_effort_factor.range[i]
        } else {
            1.0
        }
    };
    Range::new(
        [0, 1, 2].map(|i| {
            (w.gap_days + w.unanswered_days * t.unanswered_effort_share.range[i]) * factor(i)
        }),
    )
}

/// Remediation duration in weeks, per scenario.
fn remediation_weeks(plan: &Plan, p: &EstimationParams, days: Range) -> Range {
    let t = &p.timeline;
    Range::new([0, 1, 2].map(|i| {
        let d = days.get(i);
        if d <= 0.0 {
            return 0.0;
        }
        // The low estimate assumes the most productive case.
        let people = plan.fte.min(t.max_parallel_people.range[i]) * t.productive_share.range[2 - i];
        let longest = plan.workload.longest_days
            * if plan.platform {
                t.platform_effort_factor.range[i]
            } else {
                1.0
            };
        (d / people.max(0.01)).max(longest) / 5.0
    }))
}

/// Builds the timeline for a plan.
pub fn build(plan: &Plan, p: &EstimationParams, start: Date, soc1: bool, bridge: bool) -> Timeline {
    let t = &p.timeline;
    let days = person_days(plan, p);
    let mut phases = Vec::new();
    let mut cursor = [start; 3];
    let mut push = |id: &str,
                    label: String,
                    weeks: Range,
                    drivers: Vec<Driver>,
                    from: [Date; 3]|
     -> [Date; 3] {
        let end = [0, 1, 2].map(|i| add_weeks(from[i], weeks.get(i)));
        phases.push(Phase {
            id: id.into(),
            label,
            start: DateRange::from(from),
            end: DateRange::from(end),
            weeks,
            drivers,
        });
        end
    };
    let scoping = Range::new(t.scoping_weeks.range);
    cursor = push(
        "scoping",
        t.scoping_weeks.label.clone(),
        scoping,
        vec![driver("timeline.scoping_weeks", &t.scoping_weeks, scoping)],
        cursor,
    );
    let rem = remediation_weeks(plan, p, days);
    let rem_drivers = vec![
        Driver {
            key: "remediation.person_days".into(),
            label: "Open work, person-days".into(),
            amount: days,
            source: None,
            assumption: false,
        },
        Driver {
            key: "remediation.capacity".into(),
            label: "Compliance capacity, FTE".into(),
            amount: Range::splat(plan.fte),
            source: None,
            assumption: false,
        },
        driver(
            "timeline.productive_share",
            &t.productive_share,
            Range::new(t.productive_share.range),
        ),
    ];
    cursor = push(
        "remediation",
        "Remediation".into(),
        rem,
        rem_drivers,
        cursor,
    );
    let ready = cursor;
    let fw1 = Range::new(t.type1_fieldwork_weeks.range);
    let rep = Range::new(t.report_weeks.range);
    let mut type1_as_of = None;
    let mut first_report = None;
    if plan.type1 {
        type1_as_of = Some(DateRange::from(ready));
        let f = push(
            "type1_fieldwork",
            t.type1_fieldwork_weeks.label.clone(),
            fw1,
            vec![driver(
                "timeline.type1_fieldwork_weeks",
                &t.type1_fieldwork_weeks,
                fw1,
            )],
            ready,
        );
        let r = push(
            "type1_report",
            "Type I report issued".into(),
            rep,
            vec![driver("timeline.report_weeks", &t.report_weeks, rep)],
            f,
        );
        first_report = Some(DateRange::from(r));
    }
    let window = Range::splat(f64::from(plan.window_months) * WEEKS_PER_MONTH);
    let label = if soc1 {
        format!(
            "Observation window ({} months, SOC 1 and SOC 2 together)",
            plan.window_months
        )
    } else {
        format!("Observation window ({} months)", plan.window_months)
    };
    let obs_end = push(
        "observation",
        label,
        window,
        vec![Driver {
            key: "decision.window_months".into(),
            label: "Recommended window, months".into(),
            amount: Range::splat(f64::from(plan.window_months)),
            source: None,
            assumption: false,
        }],
        ready,
    );
    let fw2 = Range::new(t.type2_fieldwork_weeks.range);
    let f2 = push(
        "type2_fieldwork",
        t.type2_fieldwork_weeks.label.clone(),
        fw2,
        vec![driver(
            "timeline.type2_fieldwork_weeks",
            &t.type2_fieldwork_weeks,
            fw2,
        )],
        obs_end,
    );
    let r2 = push(
        "type2_report",
        "Type II report issued".into(),
        rep,
        vec![driver("timeline.report_weeks", &t.report_weeks, rep)],
        f2,
    );
    let type2_report = DateRange::from(r2);
    let bridge_letter_from =
        bridge.then(|| DateRange::from(if plan.type1 { ready } else { obs_end }));
    Timeline {
        start: format(start),
        phases,
        type1: plan.type1,
        window_months: plan.window_months,
        type1_as_of,
        first_report: first_report.unwrap_or_else(|| type2_report.clone()),
        type2_report,
        remediation_person_days: days,
        capacity_fte: plan.fte,
        bridge_letter_from,
        deadline: None,
    }
}
