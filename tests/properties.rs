//! Property tests (proptest) for the readiness engine and the estimates.
//!
//! Issue 3: improving any one answer never lowers any score; the order in which
//! answers are given never changes a result. Issue 4: more open gaps never shorten
//! the timeline; adding a category or a subservice organisation never lowers the
//! cost; Type II never ends before Type I; low <= likely <= high everywhere; every
//! audit-fee driver stays inside the bounds of its source range.

use proptest::prelude::*;
use proptest::sample::Index;
use soc_readiness::catalog::estimation::Param;
use soc_readiness::catalog::{Catalog, ScaleOption};
use soc_readiness::engine::scoring::Score;
use soc_readiness::estimate::range::{Driver, Range};
use soc_readiness::estimate::timeline::DateRange;
use soc_readiness::{assess, evaluate, AnswerValue, Answers, Assumptions, Readiness};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const CATEGORIES: [&str; 5] = [
    "security",
    "availability",
    "confidentiality",
    "processing_integrity",
    "privacy",
];
const OPTIONAL_CATEGORIES: [&str; 4] = [
    "availability",
    "confidentiality",
    "processing_integrity",
    "privacy",
];
const TIERS: [&str; 3] = ["boutique", "mid_tier", "large_firm"];
const EPS: f64 = 1e-6;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(Catalog::builtin)
}

/// IDs of every control question of the five categories, in catalog order.
fn control_ids() -> &'static [String] {
    static IDS: OnceLock<Vec<String>> = OnceLock::new();
    IDS.get_or_init(|| {
        catalog()
            .questions()
            .filter(|(qn, _, _)| CATEGORIES.contains(&qn.id.as_str()))
            .map(|(_, _, q)| q.id.to_string())
            .collect()
    })
}

fn scale() -> &'static [ScaleOption] {
    &catalog().manifest.scale
}

/// Indices into the scale of the options that score (not `na`).
fn scored_options() -> Vec<usize> {
    (0..scale().len())
        .filter(|i| !scale()[*i].not_applicable)
        .collect()
}

fn at_least_as_good(a: &ScaleOption, b: &ScaleOption) -> bool {
    a.design >= b.design && a.operating >= b.operating
}

/// Scope and applicability answers that vary the estimates (not the scores).
#[derive(Debug, Clone)]
struct Scope {
    deadline: &'static str,
    type1_accepted: &'static str,
    prior: &'static str,
    financial_impact: &'static str,
    security_reviews: &'static str,
    public_report: &'static str,
    other_frameworks: &'static str,
    headcount: f64,
    systems: f64,
    locations: f64,
    subservice_count: f64,
    subservice_method: &'static str,
    fte: f64,
    tooling: &'static str,
    tier: &'static str,
}

fn scope_strategy() -> impl Strategy<Value = Scope> {
    let a = (
        prop::sample::select(vec!["3m", "6m", "9m", "12m", "none"]),
        prop::sample::select(vec!["yes", "no", "unsure"]),
        prop::sample::select(vec!["none", "type1", "type2"]),
        prop::sample::select(vec!["yes", "no", "unsure"]),
        prop::sample::select(vec!["yes", "no"]),
        prop::sample::select(vec!["yes", "no"]),
        prop::sample::select(vec!["yes", "no"]),
    );
    let b = (
        1u32..3000,
        1u32..40,
        1u32..12,
        0u32..12,
        prop::sample::select(vec!["carve_out", "inclusive", "unsure"]),
        prop::sample::select(vec![0.2, 0.5, 1.0, 2.0, 6.0]),
        prop::sample::select(vec!["platform", "manual", "none"]),
        prop::sample::select(TIERS.to_vec()),
    );
    (a, b).prop_map(|(a, b)| Scope {
        deadline: a.0,
        type1_accepted: a.1,
        prior: a.2,
        financial_impact: a.3,
        security_reviews: a.4,
        public_report: a.5,
        other_frameworks: a.6,
        headcount: f64::from(b.0),
        systems: f64::from(b.1),
        locations: f64::from(b.2),
        subservice_count: f64::from(b.3),
        subservice_method: b.4,
        fte: b.5,
        tooling: b.6,
        tier: b.7,
    })
}

/// One optional scale index (None = unanswered) per control question.
fn controls_strategy() -> impl Strategy<Value = Vec<Option<usize>>> {
    prop::collection::vec(
        prop::option::weighted(0.85, 0..scale().len()),
        control_ids().len(),
    )
}

/// The answers as (question, value) pairs: scope first, then the control answers.
fn pairs(
    scope: &Scope,
    categories: &[&str],
    controls: &[Option<usize>],
) -> Vec<(String, AnswerValue)> {
    let mut v: Vec<(String, AnswerValue)> = vec![
        ("scope.headcount".into(), scope.headcount.into()),
        ("scope.systems".into(), scope.systems.into()),
        ("scope.locations".into(), scope.locations.into()),
        (
            "scope.subservice_count".into(),
            scope.subservice_count.into(),
        ),
        (
            "scope.subservice_method".into(),
            scope.subservice_method.into(),
        ),
        ("scope.deadline".into(), scope.deadline.into()),
        ("scope.compliance_fte".into(), scope.fte.into()),
        ("scope.tooling".into(), scope.tooling.into()),
        ("app.financial_impact".into(), scope.financial_impact.into()),
        ("app.security_reviews".into(), scope.security_reviews.into()),
        ("app.prior_report".into(), scope.prior.into()),
        ("app.type1_accepted".into(), scope.type1_accepted.into()),
        ("app.public_report".into(), scope.public_report.into()),
        ("app.other_frameworks".into(), scope.other_frameworks.into()),
        // Personal data always calls for a SOC 2, so the categories chosen below
        // are examined whatever the SOC 1 answers say.
        (
            "scope.data_kinds".into(),
            AnswerValue::Many(vec!["personal".into()]),
        ),
    ];
    let chosen: Vec<String> = if categories.is_empty() {
        vec!["security_only".into()]
    } else {
        categories.iter().map(|c| (*c).to_owned()).collect()
    };
    v.push(("app.categories".into(), AnswerValue::Many(chosen)));
    for (id, opt) in control_ids().iter().zip(controls) {
        if let Some(i) = opt {
            v.push((id.clone(), scale()[*i].id.as_str().into()));
        }
    }
    v
}

fn answers(scope: &Scope, categories: &[&str], controls: &[Option<usize>]) -> Answers {
    let mut a = Answers::default();
    for (id, value) in pairs(scope, categories, controls) {
        a.set(&id, Some(value));
    }
    a
}

fn params_soc1_included() -> f64 {
    catalog().estimation.cost.reports.soc1_included_objectives
}

fn assumptions(scope: &Scope) -> Assumptions {
    Assumptions {
        start_date: "2027-01-04".into(),
        tier: scope.tier.into(),
        ..Default::default()
    }
}

fn run(scope: &Scope, categories: &[&str], controls: &[Option<usize>]) -> Readiness {
    evaluate(
        catalog(),
        &answers(scope, categories, controls),
        &assumptions(scope),
    )
}

/// Every score of an assessment, overall first.
fn every_score(r: &Readiness) -> Vec<&Score> {
    r.scores.all().collect()
}

fn band_pos(id: &str) -> usize {
    catalog()
        .manifest
        .bands
        .iter()
        .position(|b| b.id == id)
        .expect("known band")
}

/// `after` is not below `before`, for an optional score.
fn not_lower(before: Option<f64>, after: Option<f64>, what: &str) -> Result<(), TestCaseError> {
    match (before, after) {
        (Some(b), Some(a)) => prop_assert!(a >= b - EPS, "{what}: {b} -> {a}"),
        (None, None) => {}
        (b, a) => prop_assert!(false, "{what}: {b:?} -> {a:?} (both answers score)"),
    }
    Ok(())
}

fn ordered(r: &Range, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(r.low <= r.likely && r.likely <= r.high, "{what}: {r:?}");
    prop_assert!(
        r.low.is_finite() && r.high.is_finite() && r.low >= 0.0,
        "{what}: {r:?}"
    );
    Ok(())
}

fn dates_ordered(d: &DateRange, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(d.low <= d.likely && d.likely <= d.high, "{what}: {d:?}");
    Ok(())
}

/// `later` is on or after `earlier` for each of low, likely and high (ISO dates compare as strings).
fn not_earlier(earlier: &DateRange, later: &DateRange, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        later.low >= earlier.low,
        "{what} low: {} -> {}",
        earlier.low,
        later.low
    );
    prop_assert!(
        later.likely >= earlier.likely,
        "{what} likely: {} -> {}",
        earlier.likely,
        later.likely
    );
    prop_assert!(
        later.high >= earlier.high,
        "{what} high: {} -> {}",
        earlier.high,
        later.high
    );
    Ok(())
}

fn not_lower_range(before: &Range, after: &Range, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        after.low >= before.low - EPS,
        "{what} low: {before:?} -> {after:?}"
    );
    prop_assert!(
        after.likely >= before.likely - EPS,
        "{what} likely: {before:?} -> {after:?}"
    );
    prop_assert!(
        after.high >= before.high - EPS,
        "{what} high: {before:?} -> {after:?}"
    );
    Ok(())
}

/// Forces question `qi` to a scored option and returns the indices of that option
/// and of the options at least as good (or, with `better = false`, at most as good).
fn pick_change(
    controls: &mut [Option<usize>],
    qi: &Index,
    from: &Index,
    to: &Index,
    better: bool,
) -> (usize, usize, usize) {
    let scored = scored_options();
    let q = qi.index(controls.len());
    let current = *from.get(&scored);
    controls[q] = Some(current);
    let c = &scale()[current];
    let targets: Vec<usize> = scored
        .iter()
        .copied()
        .filter(|i| {
            if better {
                at_least_as_good(&scale()[*i], c)
            } else {
                at_least_as_good(c, &scale()[*i])
            }
        })
        .collect();
    (q, current, *to.get(&targets))
}

fn params_by_key() -> &'static BTreeMap<String, Param> {
    static P: OnceLock<BTreeMap<String, Param>> = OnceLock::new();
    P.get_or_init(|| {
        let mut copy = catalog().estimation.clone();
        copy.params_mut()
            .into_iter()
            .map(|(k, p)| (k, p.clone()))
            .collect()
    })
}

/// Every audit-fee driver lies within its parameter's range times its count.
fn drivers_within_sources(r: &Readiness) -> Result<(), TestCaseError> {
    let pr = &r.estimate.profile;
    let x = &catalog().estimation.cost.complexity;
    let params = params_by_key();
    let cost = &r.estimate.cost;
    let kind = if pr.type1 { "type1" } else { "type2" };
    prop_assert_eq!(
        &cost.audit_drivers[0].key,
        &format!("cost.tiers.{}.{kind}", pr.tier),
        "the base fee comes first"
    );
    for d in &cost.audit_drivers {
        let p = params
            .get(&d.key)
            .ok_or_else(|| TestCaseError::fail(format!("driver {} names no parameter", d.key)))?;
        let count = match d.key.as_str() {
            "cost.complexity.per_extra_system" => pr.systems - x.included_systems,
            "cost.complexity.per_extra_location" => pr.locations - x.included_locations,
            "cost.complexity.per_subservice_carve_out" => {
                prop_assert!(!pr.subservice_inclusive);
                pr.subservice_count
            }
            "cost.complexity.per_subservice_inclusive" => {
                prop_assert!(pr.subservice_inclusive);
                pr.subservice_count
            }
            "cost.complexity.per_window_month_over_3" => {
                prop_assert!(!pr.type1);
                f64::from(pr.window_months) - 3.0
            }
            k if k.starts_with("cost.complexity.headcount_bands.") => {
                let i: usize = k.rsplit('.').next().unwrap().parse().unwrap();
                let first = x
                    .headcount_bands
                    .iter()
                    .position(|b| pr.headcount <= b.up_to);
                prop_assert_eq!(first, Some(i), "headcount {} in band {}", pr.headcount, i);
                1.0
            }
            "cost.reports.soc1_per_extra_objective" => {
                prop_assert!(pr.soc1);
                pr.soc1_objectives as f64 - params_soc1_included()
            }
            k if k.starts_with("cost.categories.") => {
                prop_assert!(
                    pr.extra_categories.iter().any(|c| k.ends_with(c.as_str())),
                    "{} not in scope",
                    k
                );
                // A share of the base fee, scenario by scenario.
                prop_assert_eq!(
                    d.amount,
                    cost.audit_drivers[0].amount.times(Range::new(p.range)),
                    "{}",
                    k
                );
                prop_assert_eq!(d.assumption, p.assumption, "{}", d.key);
                continue;
            }
            _ => 1.0,
        };
        prop_assert!(count > 0.0, "driver {} with count {}", d.key, count);
        let [lo, _, hi] = p.range;
        for v in [d.amount.low, d.amount.likely, d.amount.high] {
            prop_assert!(
                v >= lo * count - EPS && v <= hi * count + EPS,
                "{}: {:?} outside [{} x {count}, {} x {count}]",
                d.key,
                d.amount,
                lo,
                hi
            );
        }
        prop_assert_eq!(d.assumption, p.assumption, "{}", d.key);
    }
    // Internal-hour and timeline drivers taken from the data are their parameter's range times its count.
    for d in &cost.internal_hour_drivers {
        if let Some(p) = params.get(&d.key) {
            let count = match d.key.as_str() {
                "cost.internal.per_extra_category_hours" => pr.extra_categories.len() as f64,
                "cost.reports.soc1_hours_per_objective" => pr.soc1_objectives as f64,
                "cost.internal.operating_fte" => {
                    let i = &catalog().estimation.cost.internal;
                    i.hours_per_year
                }
                _ => 1.0,
            };
            prop_assert_eq!(d.amount, Range::new(p.range).scale(count), "{}", &d.key);
        } else {
            prop_assert_eq!(d.key.as_str(), "remediation.person_days");
        }
    }
    for ph in &r.estimate.timeline.phases {
        for d in ph.drivers.iter().filter(|d| d.key.starts_with("timeline.")) {
            let p = params.get(&d.key).ok_or_else(|| {
                TestCaseError::fail(format!("driver {} names no parameter", d.key))
            })?;
            prop_assert_eq!(d.amount, Range::new(p.range), "{}", &d.key);
        }
    }
    // The base fee alone sits inside its tier range.
    let tier = catalog()
        .estimation
        .cost
        .tier(&pr.tier)
        .expect("a known tier");
    let base = if pr.type1 { &tier.type1 } else { &tier.type2 };
    prop_assert_eq!(cost.audit_drivers[0].amount, Range::new(base.range));
    // The figure shown is the sum of its drivers.
    let sum: Range = cost.audit_drivers.iter().map(|d| d.amount).sum();
    for i in 0..3 {
        prop_assert!((sum.get(i) - cost.audit_fee.get(i)).abs() < EPS);
    }
    Ok(())
}

fn all_ranges_ordered(r: &Readiness) -> Result<(), TestCaseError> {
    let c = &r.estimate.cost;
    ordered(&c.audit_fee, "audit_fee")?;
    ordered(&c.internal_hours, "internal_hours")?;
    ordered(&c.internal_cost, "internal_cost")?;
    ordered(&c.hourly_rate, "hourly_rate")?;
    ordered(&c.first_year_total, "first_year_total")?;
    ordered(&c.renewal_total, "renewal_total")?;
    let drivers: Vec<&Driver> = c
        .audit_drivers
        .iter()
        .chain(&c.internal_hour_drivers)
        .chain(&c.optional)
        .chain(&c.renewal_drivers)
        .collect();
    for d in drivers {
        ordered(&d.amount, &d.key)?;
    }
    ordered(&c.effort.auditor_hours, "auditor_hours")?;
    ordered(&c.effort.auditor_rate, "auditor_rate")?;
    ordered(&c.effort.support_hours, "support_hours")?;
    ordered(&c.effort.remediation_hours, "remediation_hours")?;
    if let Some(f) = &c.follow_on_type2 {
        ordered(&f.amount, "follow_on_type2")?;
    }
    let t = &r.estimate.timeline;
    ordered(&t.remediation_person_days, "remediation_person_days")?;
    for p in &t.phases {
        dates_ordered(&p.start, &format!("{} start", p.id))?;
        dates_ordered(&p.end, &format!("{} end", p.id))?;
        ordered(&p.weeks, &format!("{} weeks", p.id))?;
        prop_assert!(
            p.end.low >= p.start.low
                && p.end.likely >= p.start.likely
                && p.end.high >= p.start.high,
            "{} ends before it starts",
            p.id
        );
        for d in &p.drivers {
            ordered(&d.amount, &format!("{} driver {}", p.id, d.key))?;
        }
    }
    dates_ordered(&t.first_report, "first_report")?;
    dates_ordered(&t.type2_report, "type2_report")?;
    if let Some(d) = &t.type1_as_of {
        dates_ordered(d, "type1_as_of")?;
    }
    if let Some(d) = &t.bridge_letter_from {
        dates_ordered(d, "bridge_letter_from")?;
    }
    if let Some(dl) = &t.deadline {
        for alt in &dl.alternatives {
            dates_ordered(&alt.first_report, alt.id.label())?;
        }
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(64)
}

proptest! {
    #![proptest_config(config())]

    /// Issue 13: the questionnaire's live result (what the app computes on each
    /// answer) is exactly that part of the whole evaluation.
    #[test]
    fn the_live_result_is_the_evaluation_s_own(
        scope in scope_strategy(),
        controls in controls_strategy(),
    ) {
        let (a, s) = (answers(&scope, &CATEGORIES, &controls), assumptions(&scope));
        let live = assess(catalog(), &a, &s);
        let whole = evaluate(catalog(), &a, &s);
        prop_assert_eq!(&live.visibility, &whole.visibility);
        prop_assert_eq!(&live.progress, &whole.progress);
        prop_assert_eq!(&live.decision, &whole.decision);
        prop_assert_eq!(&live.scores, &whole.scores);
        prop_assert_eq!(&live.gaps, &whole.gaps);
        prop_assert_eq!(&live.overall_contributions, &whole.overall_contributions);
    }

    /// Issue 3: improving any one answer never lowers any score, at any level.
    #[test]
    fn improving_one_answer_never_lowers_a_score(
        scope in scope_strategy(),
        mut controls in controls_strategy(),
        qi in any::<Index>(),
        from in any::<Index>(),
        to in any::<Index>(),
    ) {
        let (q, _, better) = pick_change(&mut controls, &qi, &from, &to, true);
        let before = run(&scope, &OPTIONAL_CATEGORIES, &controls);
        let mut improved = controls.clone();
        improved[q] = Some(better);
        let after = run(&scope, &OPTIONAL_CATEGORIES, &improved);
        prop_assert_eq!(before.decision.categories_in_scope.len(), 5);
        let same_type = before.decision.is_type1() == after.decision.is_type1();
        let (b, a) = (every_score(&before), every_score(&after));
        prop_assert_eq!(b.len(), a.len());
        for (sb, sa) in b.iter().zip(&a) {
            prop_assert_eq!(&sb.id, &sa.id);
            let what = format!("{:?} {} after {} improved", sb.level, sb.id, control_ids()[q]);
            not_lower(sb.design, sa.design, &format!("{what}: design"))?;
            not_lower(sb.operating, sa.operating, &format!("{what}: operating"))?;
            // Better readiness can turn a Type I first into a Type II, whose target is
            // the operating score: targets, bands and gaps compare within one type.
            if same_type {
                not_lower(sb.target, sa.target, &format!("{what}: target"))?;
                if let (Some(bb), Some(ba)) = (&sb.band, &sa.band) {
                    prop_assert!(band_pos(ba) <= band_pos(bb), "{}: band {} -> {}", what, bb, ba);
                }
                prop_assert!(sa.key_gaps.len() <= sb.key_gaps.len(), "{}: more key gaps", what);
            }
            prop_assert_eq!(sa.confidence, sb.confidence);
        }
        if same_type {
            prop_assert!(after.gaps.len() <= before.gaps.len());
        } else {
            prop_assert!(before.decision.is_type1() && !after.decision.is_type1(), "better answers never bring a Type I back");
        }
    }

    /// Issue 3: the order in which answers are given never changes a result.
    #[test]
    fn answer_order_never_changes_the_result(
        scope in scope_strategy(),
        controls in controls_strategy(),
        draft in controls_strategy(),
        seed in any::<u64>(),
    ) {
        let final_pairs = pairs(&scope, &OPTIONAL_CATEGORIES, &controls);
        let reference = evaluate(catalog(), &answers(&scope, &OPTIONAL_CATEGORIES, &controls), &assumptions(&scope));

        // Shuffle with a small generator seeded by proptest (so shrinking stays simple).
        let mut x = seed | 1;
        let mut next = move |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let shuffle = |v: &mut Vec<(String, AnswerValue)>, next: &mut dyn FnMut(usize) -> usize| {
            for i in (1..v.len()).rev() {
                let j = next(i + 1);
                v.swap(i, j);
            }
        };

        // Order 1: the final answers, shuffled.
        let mut shuffled = final_pairs.clone();
        shuffle(&mut shuffled, &mut next);
        let mut a1 = Answers::default();
        for (id, v) in &shuffled {
            a1 = a1.with(id, v.clone());
        }
        // Order 2: a draft with other answers (some later cleared) first, then the final ones, both shuffled.
        let mut earlier = pairs(&scope, &["privacy"], &draft);
        shuffle(&mut earlier, &mut next);
        let mut a2 = Answers::default();
        for (id, v) in &earlier {
            a2.set(id, Some(v.clone()));
        }
        let final_ids: Vec<&String> = final_pairs.iter().map(|(id, _)| id).collect();
        for (id, _) in &earlier {
            if !final_ids.contains(&id) {
                a2.set(id, None);
            }
        }
        let mut again = final_pairs.clone();
        shuffle(&mut again, &mut next);
        for (id, v) in &again {
            a2.set(id, Some(v.clone()));
        }
        let r1 = evaluate(catalog(), &a1, &assumptions(&scope));
        let r2 = evaluate(catalog(), &a2, &assumptions(&scope));
        prop_assert_eq!(&r1, &reference);
        prop_assert_eq!(&r2, &reference);
        // Explanations do not depend on the order either.
        for s in every_score(&reference).into_iter().take(8) {
            prop_assert_eq!(
                soc_readiness::engine::explain(catalog(), &a2, assumptions(&scope).start(), s.level, &s.id),
                soc_readiness::engine::explain(catalog(), &a1, assumptions(&scope).start(), s.level, &s.id)
            );
        }
    }

    /// Issue 4: more open gaps never shorten the timeline (worsening one answer).
    #[test]
    fn worsening_one_answer_never_shortens_the_timeline(
        scope in scope_strategy(),
        cats in prop::sample::subsequence(OPTIONAL_CATEGORIES.to_vec(), 0..=4),
        mut controls in controls_strategy(),
        qi in any::<Index>(),
        from in any::<Index>(),
        to in any::<Index>(),
    ) {
        let (q, _, worse) = pick_change(&mut controls, &qi, &from, &to, false);
        let before = run(&scope, &cats, &controls);
        let mut worsened = controls.clone();
        worsened[q] = Some(worse);
        let after = run(&scope, &cats, &worsened);
        // Lower readiness can make a Type I first the plan: a different plan, whose
        // first report comes sooner by design. Compare plans of the same type.
        prop_assume!(before.decision.is_type1() == after.decision.is_type1());
        let (tb, ta) = (&before.estimate.timeline, &after.estimate.timeline);
        prop_assert!(after.gaps.len() >= before.gaps.len());
        not_lower_range(&tb.remediation_person_days, &ta.remediation_person_days, "person-days")?;
        not_earlier(&tb.first_report, &ta.first_report, "first report")?;
        not_earlier(&tb.type2_report, &ta.type2_report, "type II report")?;
        if let (Some(b), Some(a)) = (&tb.type1_as_of, &ta.type1_as_of) {
            not_earlier(b, a, "type I as-of")?;
        }
        not_lower_range(&before.estimate.cost.internal_hours, &after.estimate.cost.internal_hours, "internal hours")?;
        not_lower_range(&before.estimate.cost.first_year_total, &after.estimate.cost.first_year_total, "first-year total")?;
        if let (Some(b), Some(a)) = (&tb.deadline, &ta.deadline) {
            prop_assert!(b.met || !a.met, "a worse answer made the deadline");
        }
    }

    /// Issue 4: adding a category or one more subservice organisation never lowers the cost.
    #[test]
    fn adding_scope_never_lowers_the_cost(
        scope in scope_strategy(),
        cats in prop::sample::subsequence(OPTIONAL_CATEGORIES.to_vec(), 0..=3),
        add in any::<Index>(),
        controls in controls_strategy(),
    ) {
        // With a Type I allowed, more scope can lower the readiness enough to make a
        // Type I first the better plan: a different, cheaper first report. Compare like with like.
        let scope = Scope { type1_accepted: "no", ..scope };
        let before = run(&scope, &cats, &controls);
        let missing: Vec<&str> = OPTIONAL_CATEGORIES.iter().copied().filter(|c| !cats.contains(c)).collect();
        let added = *add.get(&missing);
        let mut more = cats.clone();
        more.push(added);
        let after = run(&scope, &more, &controls);
        prop_assert_eq!(after.decision.categories_in_scope.len(), before.decision.categories_in_scope.len() + 1);
        let (cb, ca) = (&before.estimate.cost, &after.estimate.cost);
        not_lower_range(&cb.audit_fee, &ca.audit_fee, &format!("audit fee adding {added}"))?;
        prop_assert!(ca.audit_fee.likely > cb.audit_fee.likely, "adding {} leaves the likely fee at {}", added, cb.audit_fee.likely);
        not_lower_range(&cb.first_year_total, &ca.first_year_total, &format!("first-year total adding {added}"))?;
        not_lower_range(&cb.renewal_total, &ca.renewal_total, &format!("renewal adding {added}"))?;
        not_earlier(&before.estimate.timeline.first_report, &after.estimate.timeline.first_report, "first report")?;

        let mut one_more = scope.clone();
        one_more.subservice_count += 1.0;
        let after = run(&one_more, &cats, &controls);
        let ca = &after.estimate.cost;
        not_lower_range(&cb.audit_fee, &ca.audit_fee, "audit fee with one more subservice organisation")?;
        not_lower_range(&cb.first_year_total, &ca.first_year_total, "first-year total with one more subservice organisation")?;
        not_lower_range(&cb.renewal_total, &ca.renewal_total, "renewal with one more subservice organisation")?;
    }

    /// Issue 11: low <= likely <= high for every date and amount, whatever ordered
    /// values the user gives the editable assumptions (the capacity ones included,
    /// whose highest value gives the earliest date).
    #[test]
    fn ranges_stay_ordered_under_any_ordered_assumptions(
        scope in scope_strategy(),
        controls in controls_strategy(),
        factors in prop::collection::vec((0.25f64..4.0, 0.25f64..4.0, 0.25f64..4.0), 64),
    ) {
        let editable = catalog().estimation.assumptions();
        let mut overrides = litemap::LiteMap::new();
        for ((key, p), (a, b, c)) in editable.iter().zip(&factors) {
            let mut f = [*a, *b, *c];
            f.sort_by(f64::total_cmp);
            let base = p.range[1].max(1.0);
            // Inside the bounds a user may give it (others would be refused).
            let [lo, hi] = p.bounds.expect("editable numbers have bounds");
            overrides.insert(key.clone(), f.map(|x| (x * base).clamp(lo, hi)));
        }
        let assume = Assumptions { overrides, ..assumptions(&scope) };
        let r = evaluate(catalog(), &answers(&scope, &OPTIONAL_CATEGORIES, &controls), &assume);
        all_ranges_ordered(&r)?;
    }

    /// Issue 4: Type II never ends before Type I; low <= likely <= high everywhere;
    /// every audit-fee driver within its source range times its count.
    #[test]
    fn estimates_are_ordered_and_within_their_sources(
        scope in scope_strategy(),
        cats in prop::sample::subsequence(OPTIONAL_CATEGORIES.to_vec(), 0..=4),
        controls in controls_strategy(),
        pen_test in any::<bool>(),
        consultant in any::<bool>(),
        tooling in any::<bool>(),
    ) {
        let a = answers(&scope, &cats, &controls);
        let assume = Assumptions { pen_test, consultant, tooling, ..assumptions(&scope) };
        let r = evaluate(catalog(), &a, &assume);
        let t = &r.estimate.timeline;
        not_earlier(&t.first_report, &t.type2_report, "type II report vs first report")?;
        prop_assert_eq!(t.type1, r.decision.is_type1());
        if t.type1 {
            let as_of = t.type1_as_of.as_ref().expect("a Type I has an as-of date");
            not_earlier(as_of, &t.first_report, "type I report vs as-of date")?;
            not_earlier(as_of, &t.type2_report, "type II report vs type I as-of date")?;
            prop_assert!(t.type2_report.likely > t.first_report.likely);
        } else {
            prop_assert_eq!(&t.first_report, &t.type2_report);
        }
        prop_assert!(t.first_report.low > t.start);
        all_ranges_ordered(&r)?;
        drivers_within_sources(&r)?;
        // Optional line items are within their (unmodified) parameter ranges.
        for d in &r.estimate.cost.optional {
            let p = &params_by_key()[&d.key];
            prop_assert_eq!(d.amount, Range::new(p.range));
        }
        let on = [pen_test, consultant, tooling].iter().filter(|x| **x).count();
        prop_assert_eq!(r.estimate.cost.optional.len(), on);
    }
}
