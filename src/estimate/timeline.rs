//! The timeline from a start date to the report in hand, as low / likely / high dates.

use super::date::{
    add_months, add_months_keeping_end, add_weeks, days_between, format, month_end, months_through,
    next_month_end, WEEKS_PER_MONTH,
};
use super::range::{Driver, Range};
use crate::catalog::estimation::{EstimationParams, Param};
use crate::catalog::Text;
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
    pub label: Text,
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
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    pub type1: bool,
    pub window_months: u32,
    pub fte: f64,
    pub platform: bool,
    /// An ISO 27001, HIPAA or PCI DSS programme already runs.
    pub framework: bool,
    pub workload: Workload,
    /// A renewal: the day after the last report's period ended.
    pub continue_from: Option<Date>,
    /// For a SOC 1: the month customers' financial years end.
    pub customer_year_end: Option<u8>,
    pub soc1: bool,
    pub soc2: bool,
    /// A penetration test is part of the plan.
    pub pen_test: bool,
}

/// How a SOC 1 period sits against customers' financial year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct FiscalOverlap {
    /// The end of the customers' financial year the period serves best.
    pub year_end: String,
    /// Months of the (likely) period inside that financial year.
    pub months: f64,
    /// Customers' auditors usually need at least this many.
    pub needed_months: f64,
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
    /// A renewal period continues from this date (the day after the last one ended).
    pub continues_from: Option<String>,
    /// The last period ended so long ago that coverage has lapsed since this date.
    pub coverage_lapsed_since: Option<String>,
    /// For a SOC 1 Type II with customers' year end known.
    pub fiscal_overlap: Option<FiscalOverlap>,
    pub deadline: Option<Deadline>,
    /// The recurring controls laid on the (likely) observation window.
    pub calendar: Vec<CalendarItem>,
}

/// One recurring control in the control calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CalendarItem {
    pub label: Text,
    pub every_months: u32,
    /// The date each run is due by, inside the window.
    pub due: Vec<String>,
    /// A yearly control in a window shorter than 12 months: it must be scheduled
    /// inside the window or the auditor has nothing to test.
    pub must_fit_short_window: bool,
}

/// Lays recurring controls on a window: a control that runs every N months is due
/// N months after the window opens, and every N months after that, up to its end;
/// one that runs less often than the window lasts is due by the window's middle,
/// so a slip still falls inside it.
pub fn calendar(
    controls: &[crate::catalog::estimation::RecurringControl],
    opens: Date,
    closes: Date,
    window_months: u32,
) -> Vec<CalendarItem> {
    controls
        .iter()
        .map(|c| {
            let mut due: Vec<String> = (1..)
                .map_while(|k| {
                    let d = add_months(opens, c.every_months * k)?.previous_day()?;
                    (d <= closes).then(|| format(d))
                })
                .collect();
            if due.is_empty() {
                let middle = add_weeks(opens, days_between(opens, closes) as f64 / 14.0);
                due.push(format(middle));
            }
            CalendarItem {
                label: c.label.clone(),
                every_months: c.every_months,
                due,
                must_fit_short_window: c.every_months >= 12 && window_months < 12,
            }
        })
        .collect()
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

/// What tooling and an existing framework programme leave of the effort, per scenario.
fn effort_factor(plan: &Plan, p: &EstimationParams, i: usize) -> f64 {
    let t = &p.timeline;
    let platform = if plan.platform {
        t.platform_effort_factor.range[i]
    } else {
        1.0
    };
    let framework = if plan.framework {
        t.framework_effort_factor.range[i]
    } else {
        1.0
    };
    platform * framework
}

/// Person-days still to do, per scenario.
pub fn person_days(plan: &Plan, p: &EstimationParams) -> Range {
    let t = &p.timeline;
    let w = plan.workload;
    let factor = |i: usize| effort_factor(plan, p, i);
    Range::new([0, 1, 2].map(|i| {
        (w.gap_days + w.unanswered_days * t.unanswered_effort_share.range[i])
            * factor(i)
            * t.effort_calibration.range[i]
    }))
}

/// Remediation duration in weeks, per scenario.
fn remediation_weeks(plan: &Plan, p: &EstimationParams, days: Range) -> Range {
    let t = &p.timeline;
    Range::new([0, 1, 2].map(|i| {
        let d = days.get(i);
        if d <= 0.0 {
            return 0.0;
        }
        // The low estimate assumes the most productive case: most people at once, most of their time.
        let people =
            plan.fte.min(t.max_parallel_people.range[2 - i]) * t.productive_share.range[2 - i];
        let longest =
            plan.workload.longest_days * t.effort_calibration.range[i] * effort_factor(plan, p, i);
        (d / people.max(0.01)).max(longest) / 5.0
    }))
}

/// Keeps each scenario no earlier than the one before: a wait that applies to an
/// early date only must not put it after a later one.
fn ordered(mut d: [Date; 3]) -> [Date; 3] {
    d[1] = d[1].max(d[0]);
    d[2] = d[2].max(d[1]);
    d
}

/// When fieldwork can start: not before the auditor has a slot (booked from the
/// start), and in the busy season up to a few weeks later, but never past its end,
/// so a later start never gives an earlier date. Also returns its drivers.
fn fieldwork_start(p: &EstimationParams, start: Date, from: [Date; 3]) -> ([Date; 3], Vec<Driver>) {
    let t = &p.timeline;
    let booking = Range::new(t.auditor_booking_weeks.range);
    let booked = [0, 1, 2].map(|i| from[i].max(add_weeks(start, booking.get(i))));
    let mut drivers = vec![driver(
        "timeline.auditor_booking_weeks",
        &t.auditor_booking_weeks,
        booking,
    )];
    let delayed = [0, 1, 2].map(|i| {
        busy_season_end(&t.busy_season_months, booked[i]).map_or(booked[i], |end| {
            end.min(add_weeks(booked[i], t.busy_season_delay_weeks.range[i]))
        })
    });
    if delayed != booked {
        drivers.push(driver(
            "timeline.busy_season_delay_weeks",
            &t.busy_season_delay_weeks,
            Range::new(t.busy_season_delay_weeks.range),
        ));
    }
    (ordered(delayed), drivers)
}

/// The first day after the busy season, when `d` falls in it.
fn busy_season_end(months: &[u8], d: Date) -> Option<Date> {
    let busy = |m: u8| months.contains(&m);
    if !busy(u8::from(d.month())) {
        return None;
    }
    let mut first = Date::from_calendar_date(d.year(), d.month(), 1).ok()?;
    for _ in 0..12 {
        first = add_months(first, 1)?;
        if !busy(u8::from(first.month())) {
            return Some(first);
        }
    }
    None
}

/// Builds the timeline for a plan.
pub fn build(plan: &Plan, p: &EstimationParams, start: Date, bridge: bool) -> Timeline {
    let t = &p.timeline;
    let days = person_days(plan, p);
    let mut phases = Vec::new();
    let mut push =
        |id: &str, label: Text, weeks: Range, drivers: Vec<Driver>, from: [Date; 3]| -> [Date; 3] {
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
    let scoped = push(
        "scoping",
        t.scoping_weeks.label.clone(),
        scoping,
        vec![driver("timeline.scoping_weeks", &t.scoping_weeks, scoping)],
        [start; 3],
    );
    let rem = remediation_weeks(plan, p, days);
    let mut rem_drivers = vec![
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
    if plan.framework {
        rem_drivers.push(driver(
            "timeline.framework_effort_factor",
            &t.framework_effort_factor,
            Range::new(t.framework_effort_factor.range),
        ));
    }
    let rem_end = push(
        "remediation",
        "Remediation".into(),
        rem,
        rem_drivers,
        scoped,
    );
    // A renewal continues from the day after the last period, with no gap, unless
    // that period ended so long ago that the new one would be over already. Its
    // period runs whole calendar months, to the day before the same date.
    // A period that ended a little before today is still worth examining: coverage
    // counts as lapsed only beyond the typical bridge-letter gap.
    let mut window = Range::splat(f64::from(plan.window_months) * WEEKS_PER_MONTH);
    let grace = t.bridge_letter_gap_months.range[2] * WEEKS_PER_MONTH;
    let renewal = plan.continue_from.filter(|_| !plan.type1).and_then(|d| {
        let last = add_months_keeping_end(d.previous_day()?, plan.window_months)?;
        Some((d, last, add_weeks(last, grace) >= start))
    });
    let running_window = match renewal {
        Some((d, last, true)) => {
            window = Range::splat(days_between(d, last) as f64 / 7.0);
            Some(d)
        }
        _ => None,
    };
    let renewal = renewal.map(|(d, _, running)| (d, running));
    // The penetration test runs beside remediation: booked, tested, fixed, retested.
    // A Type I needs the test report by its "as of" date (the retest can follow);
    // a Type II gets the report as its window opens, so the retest falls inside it.
    let mut ready = rem_end;
    if plan.pen_test {
        let parts = [
            ("timeline.pen_test_booking_weeks", &t.pen_test_booking_weeks),
            ("timeline.pen_test_weeks", &t.pen_test_weeks),
            ("timeline.pen_test_retest_weeks", &t.pen_test_retest_weeks),
        ];
        let weeks = parts
            .iter()
            .fold(Range::default(), |a, (_, x)| a + Range::new(x.range));
        let drivers: Vec<Driver> = parts
            .iter()
            .map(|(k, x)| driver(k, x, Range::new(x.range)))
            .collect();
        let until_report =
            Range::new(t.pen_test_booking_weeks.range) + Range::new(t.pen_test_weeks.range);
        // Booking a tester can start on day one, beside scoping.
        let from = if plan.type1 {
            [start; 3]
        } else {
            let opens = running_window.map_or(rem_end, |d| [d; 3]);
            ordered(opens.map(|o| start.max(add_weeks(o, -until_report.get(1)))))
        };
        if plan.type1 {
            ready = [0, 1, 2].map(|i| rem_end[i].max(add_weeks(from[i], until_report.get(i))));
        }
        push(
            "pen_test",
            "Penetration test, fixes and retest".into(),
            weeks,
            drivers,
            from,
        );
    }
    let fw1 = Range::new(t.type1_fieldwork_weeks.range);
    let rep = Range::new(t.report_weeks.range);
    let mut type1_as_of = None;
    let mut first_report = None;
    if plan.type1 {
        type1_as_of = Some(DateRange::from(ready));
        let (from, mut drivers) = fieldwork_start(p, start, ready);
        drivers.insert(
            0,
            driver(
                "timeline.type1_fieldwork_weeks",
                &t.type1_fieldwork_weeks,
                fw1,
            ),
        );
        let f = push(
            "type1_fieldwork",
            t.type1_fieldwork_weeks.label.clone(),
            fw1,
            drivers,
            from,
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
    let obs_start = running_window.map_or(ready, |d| [d; 3]);
    let label = if plan.soc1 && plan.soc2 {
        format!(
            "Observation window ({} months, SOC 1 and SOC 2 together)",
            plan.window_months
        )
    } else {
        format!("Observation window ({} months)", plan.window_months)
    };
    let obs_end = push(
        "observation",
        label.into(),
        window,
        vec![Driver {
            key: "decision.window_months".into(),
            label: "Recommended window, months".into(),
            amount: Range::splat(f64::from(plan.window_months)),
            source: None,
            assumption: false,
        }],
        obs_start,
    );
    let fw2 = Range::new(t.type2_fieldwork_weeks.range);
    let (from, mut drivers) = fieldwork_start(p, start, obs_end);
    drivers.insert(
        0,
        driver(
            "timeline.type2_fieldwork_weeks",
            &t.type2_fieldwork_weeks,
            fw2,
        ),
    );
    let f2 = push(
        "type2_fieldwork",
        t.type2_fieldwork_weeks.label.clone(),
        fw2,
        drivers,
        from,
    );
    let r2 = push(
        "type2_report",
        "Type II report issued".into(),
        rep,
        vec![driver("timeline.report_weeks", &t.report_weeks, rep)],
        f2,
    );
    let type2_report = DateRange::from(r2);
    let last_end = |d: Date| d.previous_day().unwrap_or(d);
    let bridge_letter_from = bridge.then(|| match renewal {
        Some((d, true)) => DateRange::from([last_end(d); 3]),
        _ => DateRange::from(if plan.type1 { ready } else { obs_end }),
    });
    let fiscal_overlap = plan
        .customer_year_end
        .filter(|_| plan.soc1 && !plan.type1)
        .and_then(|month| {
            let (from, to) = (obs_start[1], obs_end[1]);
            // The financial years holding the start and the end of the period.
            [from, to]
                .into_iter()
                .filter_map(|d| {
                    let fy_end = next_month_end(d, month)?;
                    let fy_start = month_end(fy_end.year() - 1, month)?.next_day()?;
                    let (a, b) = (from.max(fy_start), to.min(fy_end));
                    Some((fy_end, if a <= b { months_through(a, b) } else { 0.0 }))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1))
        })
        .map(|(fy_end, months)| FiscalOverlap {
            year_end: format(fy_end),
            months: (months * 10.0).round() / 10.0,
            needed_months: t.soc1_min_overlap_months,
        });
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
        continues_from: match renewal {
            Some((d, true)) => Some(format(d)),
            _ => None,
        },
        coverage_lapsed_since: match renewal {
            Some((d, false)) => Some(format(last_end(d))),
            _ => None,
        },
        fiscal_overlap,
        deadline: None,
        calendar: calendar(&t.recurring, obs_start[1], obs_end[1], plan.window_months),
    }
}
