//! Named scenarios for the timeline and cost estimates, with hand-checked expectations (issue 4).
//!
//! (A) a 15-person SaaS on one cloud, Security only, mostly implemented.
//! (B) a 300-person payments company, SOC 1 and SOC 2, all five categories, many gaps.
//!
//! Run `cargo test --test estimates print_scenario_figures -- --nocapture` to see the figures.

use soc_readiness::catalog::kinds::{Alternative, Report, ReportType};
use soc_readiness::catalog::Catalog;
use soc_readiness::estimate::range::Range;
use soc_readiness::estimate::timeline::DateRange;
use soc_readiness::{evaluate, Answers, Assumptions, Readiness};

const START: &str = "2027-01-04";

fn catalog() -> Catalog {
    Catalog::builtin()
}

fn assumptions(tier: &str) -> Assumptions {
    Assumptions {
        start_date: START.into(),
        tier: tier.into(),
        ..Default::default()
    }
}

/// Answers every control question of `category`, choosing by position in the questionnaire.
fn answer_category(
    c: &Catalog,
    mut a: Answers,
    category: &str,
    pick: impl Fn(usize) -> &'static str,
) -> Answers {
    let ids: Vec<String> = c
        .questions()
        .filter(|(qn, _, _)| qn.id == category)
        .map(|(_, _, q)| q.id.to_string())
        .collect();
    assert!(!ids.is_empty(), "no questions in {category}");
    for (i, id) in ids.iter().enumerate() {
        a = a.with(id, pick(i));
    }
    a
}

/// (A) A 15-person SaaS on one public cloud, Security only, customers' security teams asking.
fn scenario_a_answers(c: &Catalog) -> Answers {
    let a = Answers::default()
        .with("scope.company_name", "Small SaaS")
        .with("scope.headcount", 15.0)
        .with("scope.systems", 2.0)
        .with("scope.locations", 1.0)
        .with("scope.hosting", "cloud")
        .with("scope.subservice_count", 1.0)
        .with("scope.subservice_method", "carve_out")
        .with("scope.data_kinds", ["customer_confidential"])
        .with("scope.customer_asks", ["soc2", "questionnaires"])
        .with("scope.deadline", "9m")
        .with("scope.frameworks", ["none"])
        .with("scope.tooling", "platform")
        .with("scope.compliance_fte", 1.0)
        .with("app.financial_impact", "no")
        .with("app.sox_customers", "no")
        .with("app.security_reviews", "yes")
        .with("app.sla", "no")
        .with("app.categories", ["security_only"])
        .with("app.prior_report", "none")
        .with("app.type1_accepted", "unsure")
        .with("app.fiscal_gap", "no")
        .with("app.public_report", "no")
        .with("app.other_frameworks", "no");
    // Mostly implemented: half evidenced, most of the rest implemented, every tenth partial.
    answer_category(c, a, "security", |i| match i {
        _ if i % 10 == 9 => "partial",
        _ if i % 2 == 0 => "evidenced",
        _ => "implemented",
    })
}

/// (B) A 300-person payments company: SOC 1 and SOC 2, all five categories, many gaps.
fn scenario_b_answers(c: &Catalog) -> Answers {
    let mut a = Answers::default()
        .with("scope.company_name", "Payments Co")
        .with("scope.headcount", 300.0)
        .with("scope.systems", 12.0)
        .with("scope.locations", 4.0)
        .with("scope.hosting", "mixed")
        .with("scope.subservice_count", 6.0)
        .with("scope.subservice_method", "inclusive")
        .with(
            "scope.data_kinds",
            ["customer_confidential", "personal", "payment", "financial"],
        )
        .with("scope.customer_asks", ["soc1", "soc2", "questionnaires"])
        .with("scope.deadline", "none")
        .with("scope.frameworks", ["none"])
        .with("scope.tooling", "manual")
        .with("scope.compliance_fte", 3.0)
        .with("app.financial_impact", "yes")
        .with("app.read_only", "no")
        .with("app.sox_customers", "yes")
        .with("app.security_reviews", "yes")
        .with("app.sla", "yes")
        .with("app.confidential_data", "yes")
        .with("app.processing_critical", "yes")
        .with("app.personal_data_controller", "yes")
        .with("app.prior_report", "none")
        .with("app.type1_accepted", "no")
        .with("app.fiscal_gap", "yes")
        .with("app.public_report", "no")
        .with("app.other_frameworks", "no");
    // Many gaps: mostly "no", every third "planned", an occasional "partial".
    for cat in [
        "security",
        "availability",
        "confidentiality",
        "processing_integrity",
        "privacy",
    ] {
        a = answer_category(c, a, cat, |i| match i {
            _ if i % 10 == 5 => "partial",
            _ if i % 3 == 0 => "planned",
            _ => "no",
        });
    }
    a
}

fn scenario_a(c: &Catalog) -> Readiness {
    evaluate(c, &scenario_a_answers(c), &assumptions("boutique"))
}

fn scenario_b(c: &Catalog) -> Readiness {
    evaluate(c, &scenario_b_answers(c), &assumptions("boutique"))
}

fn reports(r: &Readiness) -> Vec<&str> {
    r.decision.reports.iter().map(|x| x.id.id()).collect()
}

fn assert_range(actual: Range, expected: [f64; 3], what: &str) {
    for (i, e) in expected.iter().enumerate() {
        assert!(
            (actual.get(i) - e).abs() < 1e-6,
            "{what}: {actual:?}, expected {expected:?}"
        );
    }
}

fn driver_keys(r: &Readiness) -> Vec<&str> {
    r.estimate
        .cost
        .audit_drivers
        .iter()
        .map(|d| d.key.as_str())
        .collect()
}

#[test]
fn scenario_a_small_saas_security_only() {
    let c = catalog();
    let a = scenario_a_answers(&c);
    let r = scenario_a(&c);
    let d = &r.decision;
    assert_eq!(reports(&r), vec!["soc2"]);
    assert!(d.add_ons.is_empty());
    assert_eq!(d.report_type.id, ReportType::Type2);
    assert_eq!(d.window_months, 3);
    assert_eq!(d.window_reasons[0].rule, "window.deadline");
    assert_eq!(d.categories_in_scope, vec!["security".to_string()]);
    assert!(d.bridge_letter.is_empty());

    // Mostly implemented: a high design score, a middling operating score, no unanswered questions.
    let sec = &r.scores.categories[0];
    assert_eq!(sec.confidence, 100.0);
    assert!(sec.design.unwrap() >= 90.0, "{sec:?}");
    let partial = a
        .values
        .values()
        .filter(|v| v.as_str() == Some("partial"))
        .count();
    assert!(
        partial > 0 && partial * 5 < sec.applicable,
        "only a few partial answers"
    );

    // Timeline: scoping, remediation and the penetration test beside it, a 3-month
    // window, fieldwork and report: 6 to 9 months.
    let t = &r.estimate.timeline;
    assert_eq!(t.start, START);
    assert!(!t.type1 && t.type1_as_of.is_none());
    assert_eq!(t.window_months, 3);
    let phases: Vec<&str> = t.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        phases,
        vec![
            "scoping",
            "remediation",
            "pen_test",
            "observation",
            "type2_fieldwork",
            "type2_report"
        ]
    );
    let obs = t.phases.iter().find(|p| p.id == "observation").unwrap();
    // The test report comes as the window opens, so the retest of findings falls inside it.
    let pen = t.phases.iter().find(|p| p.id == "pen_test").unwrap();
    for (pen_end, (opens, closes)) in [
        (&pen.end.low, (&obs.start.low, &obs.end.low)),
        (&pen.end.likely, (&obs.start.likely, &obs.end.likely)),
        (&pen.end.high, (&obs.start.high, &obs.end.high)),
    ] {
        assert!(
            opens < pen_end && pen_end <= closes,
            "retest {pen_end} inside {opens}..{closes}"
        );
    }
    // The control calendar on the 3-month window: a quarterly control is due once,
    // on the window's last day; a monthly one three times; a yearly one by the
    // middle, flagged because it must fall inside this short window.
    let item = |label: &str| {
        t.calendar
            .iter()
            .find(|c| c.label.starts_with(label))
            .unwrap_or_else(|| panic!("{label} in the calendar"))
    };
    let closes = obs.end.likely.clone();
    let last_day = soc_readiness::estimate::date::format(isodate(&closes));
    let review = item("User access review");
    assert_eq!(review.due.len(), 1, "{review:?}");
    assert!(review.due[0] <= last_day && !review.must_fit_short_window);
    assert_eq!(item("Vulnerability scan review").due.len(), 3);
    let risk = item("Risk assessment");
    assert!(risk.must_fit_short_window);
    assert_eq!(risk.due.len(), 1);
    assert!(
        obs.start.likely < risk.due[0] && risk.due[0] < closes,
        "{risk:?} by the middle"
    );
    assert!(
        (obs.weeks.likely - 13.04).abs() < 0.01,
        "3 months is about 13 weeks: {:?}",
        obs.weeks
    );
    // 4 and 9 months after 2027-01-04: nearly ready, a platform, a 3-month window.
    assert!(
        t.first_report.likely.as_str() >= "2027-05-04",
        "{:?}",
        t.first_report
    );
    assert!(
        t.first_report.likely.as_str() <= "2027-10-04",
        "{:?}",
        t.first_report
    );
    assert_eq!(t.first_report, t.type2_report);
    // The 9-month deadline: nine calendar months after the start (2027-01-04).
    let deadline = t.deadline.as_ref().expect("a deadline was given");
    assert_eq!(deadline.date, "2027-10-04");
    assert!(deadline.met);
    assert!(deadline.alternatives.is_empty());
    assert!(t.capacity_fte == 1.0);

    // Fee: the boutique Type II base fee plus one carve-out subservice organisation.
    let cost = &r.estimate.cost;
    assert_eq!(
        driver_keys(&r),
        vec![
            "cost.tiers.boutique.type2",
            "cost.complexity.per_subservice_carve_out"
        ]
    );
    assert_range(
        cost.audit_drivers[0].amount,
        [25000.0, 45000.0, 75000.0],
        "boutique Type II base fee",
    );
    assert_range(cost.audit_fee, [25000.0, 45500.0, 76000.0], "audit fee");
    assert!((25000.0..=75000.0).contains(&cost.audit_fee.likely));
    assert_eq!(cost.currency, "USD");
    // The default assumptions switch the penetration test on.
    assert_eq!(cost.optional.len(), 1);
    assert_eq!(cost.optional[0].key, "cost.optional.pen_test");
    assert!(cost.first_year_total.likely > cost.audit_fee.likely);
    assert!(cost.renewal_total.likely > 0.0);
}

#[test]
fn scenario_b_payments_company_all_categories_many_gaps() {
    let c = catalog();
    let a = scenario_a(&c);
    let r = scenario_b(&c);
    let d = &r.decision;
    assert!(
        d.recommends(Report::Soc1) && d.recommends(Report::Soc2),
        "{:?}",
        reports(&r)
    );
    assert_eq!(d.reports.len(), 2);
    assert_eq!(
        d.categories_in_scope,
        [
            "security",
            "availability",
            "confidentiality",
            "processing_integrity",
            "privacy"
        ]
        .map(String::from)
        .to_vec()
    );
    assert!(!d.categories_chosen_by_user);
    assert_eq!(d.report_type.id, ReportType::Type2);
    assert_eq!(d.window_months, 6);
    assert!(!d.bridge_letter.is_empty());
    assert!(r.gaps.len() > 100, "{} gaps", r.gaps.len());
    assert!(r.scores.overall.target.unwrap() < 20.0);

    // Far from ready with a large scope, but 3 people on it: inside the public 6 to
    // 15 months to a first Type II, well after scenario A.
    let t = &r.estimate.timeline;
    assert!(
        ("2027-07-04".."2028-04-04").contains(&t.first_report.likely.as_str()),
        "6 to 15 months: {:?}",
        t.first_report
    );
    assert!(
        t.first_report.likely > scenario_a(&c).estimate.timeline.first_report.likely,
        "later than a ready company: {:?}",
        t.first_report
    );
    assert!(t.deadline.is_none(), "no firm deadline");
    assert!(t.bridge_letter_from.is_some());
    assert!(t.phases.iter().any(|p| p.label.contains("SOC 1 and SOC 2")));

    // Fee, by hand: base 25k/45k/75k; categories 32/52/78 % of it (8k/23.4k/58.5k); 10 extra systems x 1k/2k/4k;
    // 3 extra locations x 1k/2.5k/5k; 6 inclusive subservice organisations x 2k/4k/8k;
    // 3 window months beyond 3 x 0/800/1.5k; 201-1,000 people 8k/15k/25k; SOC 1 20k/30k/60k.
    let cost = &r.estimate.cost;
    assert_range(cost.audit_fee, [86000.0, 167300.0, 326000.0], "audit fee");
    for key in [
        "cost.categories.privacy",
        "cost.complexity.per_extra_system",
        "cost.complexity.per_extra_location",
        "cost.complexity.per_subservice_inclusive",
        "cost.complexity.per_window_month_over_3",
        "cost.complexity.headcount_bands.2",
        "cost.reports.soc1",
    ] {
        assert!(
            driver_keys(&r).contains(&key),
            "{key} missing from {:?}",
            driver_keys(&r)
        );
    }

    // Far above scenario A.
    let ca = &a.estimate.cost;
    assert!(
        cost.first_year_total.likely >= 3.0 * ca.first_year_total.likely,
        "{:?} vs {:?}",
        cost.first_year_total,
        ca.first_year_total
    );
    assert!(cost.audit_fee.likely >= 2.0 * ca.audit_fee.likely);
    assert!(cost.internal_hours.likely > ca.internal_hours.likely);
    assert!(cost.renewal_total.likely > ca.renewal_total.likely);
    assert!(t.first_report.likely > a.estimate.timeline.first_report.likely);
}

#[test]
fn a_bigger_auditor_costs_more() {
    let c = catalog();
    for answers in [scenario_a_answers(&c), scenario_b_answers(&c)] {
        let fees: Vec<Range> = ["boutique", "mid_tier", "large_firm"]
            .iter()
            .map(|tier| {
                evaluate(&c, &answers, &assumptions(tier))
                    .estimate
                    .cost
                    .audit_fee
            })
            .collect();
        assert!(fees[0].likely < fees[1].likely, "{fees:?}");
        assert!(fees[1].likely < fees[2].likely, "{fees:?}");
        for w in fees.windows(2) {
            assert!(w[0].low <= w[1].low && w[0].high <= w[1].high, "{fees:?}");
        }
    }
    // The tier does not move the timeline.
    let a = scenario_a_answers(&c);
    let t1 = evaluate(&c, &a, &assumptions("boutique")).estimate.timeline;
    let t2 = evaluate(&c, &a, &assumptions("large_firm"))
        .estimate
        .timeline;
    assert_eq!(t1, t2);
}

#[test]
fn a_missed_deadline_says_so_and_offers_alternatives() {
    let c = catalog();
    // Scenario B's customers refuse a Type I: no plan may propose one.
    let refused = scenario_b_answers(&c).with("scope.deadline", "9m");
    let r = evaluate(&c, &refused, &assumptions("boutique"));
    let deadline = r.estimate.timeline.deadline.as_ref().unwrap();
    assert!(!deadline.met);
    let ids: Vec<Alternative> = deadline.alternatives.iter().map(|x| x.id).collect();
    assert_eq!(
        ids,
        [
            Alternative::SecurityOnly,
            Alternative::OutsideHelp,
            Alternative::DoubleCapacity,
            Alternative::AllTogether
        ]
    );
    assert!(!r.decision.allows(Alternative::Type1First));

    // With a Type I allowed and a fifth of the capacity, no single change is enough.
    let answers = refused
        .with("app.type1_accepted", "unsure")
        .with("scope.compliance_fte", 0.6);
    let r = evaluate(&c, &answers, &assumptions("boutique"));
    assert_eq!(
        (
            r.decision.window_months,
            r.decision.window_reasons[0].rule.as_str()
        ),
        (6, "window.soc1"),
        "a SOC 1 keeps its 6-month window whatever the deadline"
    );
    assert!(!r.decision.is_type1());
    let t = &r.estimate.timeline;
    let deadline = t.deadline.as_ref().expect("a deadline was given");
    assert!(!deadline.met);
    assert!(t.first_report.likely > deadline.date);
    assert!(!deadline.alternatives.is_empty());
    let ids: Vec<Alternative> = deadline.alternatives.iter().map(|x| x.id).collect();
    assert_eq!(
        &ids[..4],
        [
            Alternative::Type1First,
            Alternative::SecurityOnly,
            Alternative::OutsideHelp,
            Alternative::DoubleCapacity
        ]
        .as_slice()
    );
    // No single change is enough here, so the combination is offered too, and it is
    // at least as fast as each change alone.
    assert!(deadline.alternatives[..4].iter().all(|a| !a.meets_deadline));
    let together = deadline.alternatives.last().unwrap();
    assert_eq!(together.id, Alternative::AllTogether);
    assert!(deadline.alternatives[..4]
        .iter()
        .all(|a| together.first_report.likely <= a.first_report.likely));
    for alt in &deadline.alternatives {
        assert!(
            alt.first_report.likely <= t.first_report.likely,
            "{:?} is no faster",
            alt.id
        );
        assert_eq!(alt.meets_deadline, alt.first_report.likely <= deadline.date);
    }
    let type1 = &deadline.alternatives[0];
    assert!(type1.first_report.likely < t.first_report.likely);

    // Scenario A with a 6-month deadline: a Type I first is among the ways to make it.
    let answers = scenario_a_answers(&c).with("scope.deadline", "6m");
    let r = evaluate(&c, &answers, &assumptions("boutique"));
    let deadline = r.estimate.timeline.deadline.as_ref().unwrap();
    if !deadline.met {
        assert!(deadline
            .alternatives
            .iter()
            .any(|x| x.id == Alternative::Type1First));
        assert!(
            !deadline
                .alternatives
                .iter()
                .any(|x| x.id == Alternative::SecurityOnly),
            "Security is already the only category"
        );
    }
}

#[test]
fn user_assumptions_move_only_editable_figures() {
    let c = catalog();
    let answers = scenario_b_answers(&c);
    let base = evaluate(&c, &answers, &assumptions("boutique"));
    let mut assume = assumptions("boutique");
    assume.overrides.insert(
        "cost.complexity.per_extra_system".into(),
        [500.0, 1000.0, 1500.0],
    );
    assume
        .overrides
        .insert("cost.tiers.boutique.type2".into(), [1.0, 2.0, 3.0]);
    let r = evaluate(&c, &answers, &assume);
    let get = |r: &Readiness, key: &str| {
        r.estimate
            .cost
            .audit_drivers
            .iter()
            .find(|d| d.key == key)
            .cloned()
            .unwrap()
    };
    let systems = get(&r, "cost.complexity.per_extra_system");
    assert_range(
        systems.amount,
        [5000.0, 10000.0, 15000.0],
        "10 extra systems at the user's rate",
    );
    assert!(systems.assumption);
    // A sourced figure is not editable: the override is ignored.
    assert_eq!(
        get(&r, "cost.tiers.boutique.type2"),
        get(&base, "cost.tiers.boutique.type2")
    );
    assert!(
        (base.estimate.cost.audit_fee.likely - r.estimate.cost.audit_fee.likely - 10000.0).abs()
            < 1e-6
    );
}

fn money(r: Range) -> String {
    format!("${:.0} / ${:.0} / ${:.0}", r.low, r.likely, r.high)
}

fn dates(d: &DateRange) -> String {
    format!("{} / {} / {}", d.low, d.likely, d.high)
}

fn print_one(name: &str, r: &Readiness) {
    let d = &r.decision;
    let t = &r.estimate.timeline;
    let cost = &r.estimate.cost;
    println!(
        "== {name} (start {}, tier {}) ==",
        t.start, r.estimate.profile.tier
    );
    println!(
        "reports: {:?}, {} with a {}-month window",
        reports(r),
        d.report_type.id.name(),
        d.window_months
    );
    println!("categories in scope: {:?}", d.categories_in_scope);
    let o = &r.scores.overall;
    println!(
        "overall readiness: design {:?}, operating {:?}, band {:?}; {} gaps",
        o.design,
        o.operating,
        o.band,
        r.gaps.len()
    );
    let p = t.remediation_person_days;
    println!(
        "remediation person-days (low/likely/high): {:.1} / {:.1} / {:.1}, capacity {} FTE",
        p.low, p.likely, p.high, t.capacity_fte
    );
    for ph in &t.phases {
        println!(
            "  {:<16} {} -> {} (likely)",
            ph.id, ph.start.likely, ph.end.likely
        );
    }
    println!("first report (low/likely/high): {}", dates(&t.first_report));
    println!(
        "Type II report (low/likely/high): {}",
        dates(&t.type2_report)
    );
    if let Some(dl) = &t.deadline {
        println!("deadline {}: met {}", dl.date, dl.met);
    }
    println!("audit fee (low/likely/high): {}", money(cost.audit_fee));
    for dr in &cost.audit_drivers {
        println!("  {:<45} {}", dr.label, money(dr.amount));
    }
    let h = cost.internal_hours;
    println!(
        "internal hours (low/likely/high): {:.0} / {:.0} / {:.0}",
        h.low, h.likely, h.high
    );
    println!(
        "internal cost (low/likely/high): {}",
        money(cost.internal_cost)
    );
    for dr in &cost.optional {
        println!("  optional: {:<35} {}", dr.label, money(dr.amount));
    }
    println!(
        "first-year total (low/likely/high): {}",
        money(cost.first_year_total)
    );
    println!(
        "yearly renewal (low/likely/high): {}",
        money(cost.renewal_total)
    );
    println!();
}

#[test]
fn print_scenario_figures() {
    let c = catalog();
    let (a, b) = (scenario_a(&c), scenario_b(&c));
    print_one(
        "Scenario A: 15-person SaaS, one cloud, Security only, mostly implemented",
        &a,
    );
    print_one(
        "Scenario B: 300-person payments company, SOC 1 + SOC 2, five categories, many gaps",
        &b,
    );
    println!(
        "B / A: audit fee likely x{:.1}, first-year total likely x{:.1}",
        b.estimate.cost.audit_fee.likely / a.estimate.cost.audit_fee.likely,
        b.estimate.cost.first_year_total.likely / a.estimate.cost.first_year_total.likely
    );
    assert!(b.estimate.cost.first_year_total.likely > a.estimate.cost.first_year_total.likely);
}

#[test]
fn audit_effort_shows_both_sides_and_plans_count_what_the_timeline_shows() {
    let c = catalog();
    let r = scenario_a(&c);
    let cost = &r.estimate.cost;
    let e = &cost.effort;
    // Auditor hours are the fee over the blended rate, widest at the ends.
    let rate = c.estimation.cost.auditor.blended_rate.range;
    assert!(c.estimation.cost.auditor.blended_rate.assumption);
    assert_range(
        e.auditor_hours,
        [
            cost.audit_fee.low / rate[2],
            cost.audit_fee.likely / rate[1],
            cost.audit_fee.high / rate[0],
        ],
        "auditor hours",
    );
    // Your hours during the audit, by hand: Type II support 80/160/240 h; apart from
    // running the controls for their first 12 months, 0.2/0.3/0.5 FTE x 1,800 h.
    assert_range(e.support_hours, [80.0, 160.0, 240.0], "support hours");
    assert_range(
        e.operating_hours,
        [360.0, 540.0, 900.0],
        "running the controls",
    );
    assert_range(
        e.support_hours + e.remediation_hours + e.operating_hours,
        [
            cost.internal_hours.low,
            cost.internal_hours.likely,
            cost.internal_hours.high,
        ],
        "support plus remediation hours",
    );
    assert!(e.support_hours.likely > 0.0);
    assert!(
        cost.follow_on_type2.is_none(),
        "a Type II plan has no follow-on"
    );
    // The renewal year pays for running the controls, not only the audit.
    let running = cost
        .renewal_drivers
        .iter()
        .find(|d| d.key == "cost.internal.operating_fte")
        .expect("running the controls is a renewal cost");
    let fte = c.estimation.cost.internal.operating_fte.range;
    let hourly = c.estimation.cost.internal.hourly_rate.range;
    let hours = c.estimation.cost.internal.hours_per_year;
    assert_range(
        running.amount,
        [0, 1, 2].map(|i| fte[i] * hours * hourly[i]),
        "running the controls",
    );

    // A Type I first: both audits fall in the plan, and the total counts both.
    let a = scenario_a_answers(&c)
        .with("scope.deadline", "3m")
        .with("app.type1_accepted", "yes");
    let r = evaluate(&c, &a, &assumptions("boutique"));
    assert!(r.decision.is_type1());
    let cost = &r.estimate.cost;
    let follow = cost
        .follow_on_type2
        .as_ref()
        .expect("the Type II that follows");
    assert!(
        follow.amount.likely > cost.audit_fee.likely,
        "a Type II costs more than the Type I"
    );
    let optional = cost
        .optional
        .iter()
        .chain(&cost.purchases)
        .fold(Range::default(), |s, d| s + d.amount);
    assert_range(
        cost.first_year_total,
        [0, 1, 2].map(|i| {
            cost.audit_fee.get(i)
                + cost.internal_cost.get(i)
                + optional.get(i)
                + follow.amount.get(i)
        }),
        "first year with both audits",
    );
    // Type I fieldwork follows its source: 4 to 8 weeks.
    let fw = r
        .estimate
        .timeline
        .phases
        .iter()
        .find(|p| p.id == "type1_fieldwork")
        .unwrap();
    assert_range(fw.weeks, [4.0, 6.0, 8.0], "Type I fieldwork weeks");
}

#[test]
fn a_budget_firm_quotes_what_automation_platform_firms_quote() {
    let c = catalog();
    let budget = evaluate(&c, &scenario_a_answers(&c), &assumptions("budget"));
    let boutique = scenario_a(&c);
    let base = |r: &Readiness| r.estimate.cost.audit_drivers[0].amount;
    assert_eq!(
        budget.estimate.cost.audit_drivers[0].key,
        "cost.tiers.budget.type2"
    );
    // Roughly $12k to $30k for a Type II.
    assert_range(
        base(&budget),
        [12000.0, 20000.0, 30000.0],
        "budget Type II base fee",
    );
    assert!(base(&budget).likely < base(&boutique).likely);
}

/// Months from the start date to a date, as a plan reads them.
fn months_after(start: &str, date: &str) -> f64 {
    let (a, b) = (isodate(start), isodate(date));
    (b - a).whole_days() as f64 / 30.44
}

fn isodate(s: &str) -> time::Date {
    soc_readiness::estimate::date::parse(s).unwrap()
}

/// An 8-person startup asked for a SOC 2, Security only, every control at `step`.
fn startup(step: &str, tooling: &str) -> Readiness {
    let c = catalog();
    let mut a = Answers::default()
        .with("scope.headcount", 8.0)
        .with("scope.customer_asks", ["soc2"])
        .with("scope.tooling", tooling)
        .with("app.categories", ["security_only"]);
    for (qn, _, q) in c.questions() {
        if qn.id == "security" {
            a = a.with(&q.id, step);
        }
    }
    evaluate(&c, &a, &assumptions("boutique"))
}

fn ready_and_report(r: &Readiness) -> (f64, f64) {
    let t = &r.estimate.timeline;
    let ready = &t.phases.iter().find(|p| p.id == "remediation").unwrap().end;
    (
        months_after(&t.start, &ready.likely),
        months_after(&t.start, &t.first_report.likely),
    )
}

#[test]
fn a_startup_from_scratch_lands_inside_the_public_timelines() {
    // Public figures: 4 to 9 months to audit-ready from scratch, 1 to 2 when mature,
    // a compliance platform saves about 2 to 4 months; 6 to 15 months end to end for
    // a first Type II.
    let scratch = startup("no", "manual");
    assert_eq!(
        scratch.estimate.timeline.capacity_fte, 0.5,
        "the capacity an 8-person company typically has"
    );
    let (ready, report) = ready_and_report(&scratch);
    eprintln!("from scratch: ready {ready:.1} months, report {report:.1} months");
    assert!(
        (4.0..=9.0).contains(&ready),
        "audit-ready after {ready:.1} months"
    );
    assert!(
        (6.0..=15.0).contains(&report),
        "first Type II after {report:.1} months"
    );

    let (ready_platform, _) = ready_and_report(&startup("no", "platform"));
    eprintln!("with a platform: ready {ready_platform:.1} months");
    assert!(
        (2.0..=4.0).contains(&(ready - ready_platform)),
        "a platform saves {:.1} months",
        ready - ready_platform
    );

    let (ready_mature, report_mature) = ready_and_report(&startup("implemented", "manual"));
    eprintln!("mature: ready {ready_mature:.1} months, report {report_mature:.1}");
    assert!(
        (1.0..=2.0).contains(&ready_mature),
        "a mature company is ready after {ready_mature:.1} months"
    );
}

#[test]
fn a_deadline_can_be_a_date_and_is_measured_from_the_start() {
    let c = catalog();
    // A prospect needs a report in 6 weeks: Type I first, and the page says it cannot be met.
    let a = scenario_a_answers(&c)
        .with("scope.deadline", "date")
        .with("scope.deadline_date", "2027-02-15");
    let r = evaluate(&c, &a, &assumptions("boutique"));
    assert_eq!(r.decision.deadline.as_deref(), Some("2027-02-15"));
    assert_eq!(r.decision.report_type.id, ReportType::Type1);
    let tight = &r.decision.report_type.reasons[0];
    assert_eq!(tight.rule, "type.tight_deadline");
    assert!(
        tight
            .answers
            .iter()
            .any(|x| x.question == "scope.deadline_date" && x.values == ["2027-02-15"]),
        "the reason quotes the date: {:?}",
        tight.answers
    );
    let d = r.estimate.timeline.deadline.as_ref().expect("a deadline");
    assert_eq!(d.date, "2027-02-15");
    assert!(!d.met, "six weeks is shorter than any Type I fieldwork");
    assert!(!d.alternatives.is_empty() && d.alternatives.iter().all(|x| !x.meets_deadline));

    // The same company with a date 14 months out: a 6-month Type II window meets it.
    let a = scenario_a_answers(&c)
        .with("scope.deadline", "date")
        .with("scope.deadline_date", "2028-03-01");
    let r = evaluate(&c, &a, &assumptions("boutique"));
    assert_eq!(r.decision.window_months, 6);
    let d = r.estimate.timeline.deadline.as_ref().expect("a deadline");
    assert_eq!(d.date, "2028-03-01");
    assert_eq!(
        d.met,
        r.estimate.timeline.first_report.likely.as_str() <= "2028-03-01"
    );
    assert!(
        d.met,
        "first report {}",
        r.estimate.timeline.first_report.likely
    );

    // The same date read from a later start is closer: the rules follow the start date.
    let later = Assumptions {
        start_date: "2027-10-04".into(),
        ..assumptions("boutique")
    };
    let r = evaluate(&c, &a, &later);
    assert_eq!(r.decision.window_months, 3, "5 months from the later start");

    // "By a date" without the date sets no deadline.
    let a = scenario_a_answers(&c).with("scope.deadline", "date");
    let r = evaluate(&c, &a, &assumptions("boutique"));
    assert_eq!(r.decision.deadline, None);
    assert!(r.estimate.timeline.deadline.is_none());
}

#[test]
fn a_renewal_costs_no_more_than_the_first_year_unless_its_window_is_longer() {
    // With gaps to close, the first year (remediation, purchases, the first audit and
    // running the controls from audit-ready) costs more than a renewal year, with or
    // without a compliance platform.
    for step in ["no", "planned", "partial"] {
        for tooling in ["manual", "platform"] {
            let r = startup(step, tooling);
            let c = &r.estimate.cost;
            assert!(
                c.renewal_total.likely <= c.first_year_total.likely,
                "{step}/{tooling}: renewal {} above the first year {}",
                c.renewal_total.likely,
                c.first_year_total.likely
            );
            // A one-off purchase is paid once; subscriptions come back every year.
            for d in &c.purchases {
                let again = c.renewal_drivers.iter().any(|x| x.key == d.key);
                assert_eq!(
                    again,
                    d.key != "cost.purchases.background_checks"
                        && d.key != "cost.purchases.legal_review",
                    "{}",
                    d.key
                );
            }
        }
    }
    // Nearly ready, a platform and a 3-month first window: the renewal audits 12
    // months, so it may cost more, and then only by the longer window's audit.
    let r = scenario_a(&catalog());
    let c = &r.estimate.cost;
    assert_eq!(r.decision.window_months, 3);
    let longer_window = c
        .renewal_drivers
        .iter()
        .find(|d| d.key == "renewal.audit_fee")
        .unwrap()
        .amount
        .likely
        - c.audit_fee.likely;
    assert!(longer_window > 0.0);
    assert!(
        c.renewal_total.likely <= c.first_year_total.likely + longer_window,
        "renewal {} first year {} window {longer_window}",
        c.renewal_total.likely,
        c.first_year_total.likely
    );
}

#[test]
fn the_gaps_bring_in_what_the_advice_asks_to_buy() {
    // From scratch: device management, endpoint protection, logging, training,
    // background checks and a legal review, priced per person where it applies.
    let r = startup("no", "manual");
    let keys: Vec<&str> = r
        .estimate
        .cost
        .purchases
        .iter()
        .map(|d| d.key.as_str())
        .collect();
    for id in [
        "mdm",
        "edr",
        "log_monitoring",
        "training",
        "background_checks",
        "legal_review",
    ] {
        assert!(
            keys.contains(&format!("cost.purchases.{id}").as_str()),
            "{id} in {keys:?}"
        );
    }
    let mdm = &r.estimate.cost.purchases[0];
    assert_range(
        mdm.amount,
        [36.0 * 8.0, 72.0 * 8.0, 120.0 * 8.0],
        "MDM for 8 people",
    );
    assert!(mdm.assumption, "no public price list: an assumption");
    // In place already: nothing to buy.
    let r = startup("implemented", "manual");
    assert!(
        r.estimate.cost.purchases.is_empty(),
        "{:?}",
        r.estimate.cost.purchases
    );
}

#[test]
fn fieldwork_waits_for_the_auditor_and_the_busy_season() {
    let c = catalog();
    // A Type I ready in early January: fieldwork waits for the booking lead time
    // and, starting in the busy season, a little longer.
    let a = scenario_a_answers(&c)
        .with("scope.deadline", "3m")
        .with("app.type1_accepted", "yes");
    let assume = Assumptions {
        start_date: "2026-12-07".into(),
        pen_test: false,
        ..assumptions("boutique")
    };
    let r = evaluate(&c, &a, &assume);
    let t = &r.estimate.timeline;
    let fw = t.phases.iter().find(|p| p.id == "type1_fieldwork").unwrap();
    let booked = soc_readiness::estimate::date::add_weeks(isodate("2026-12-07"), 4.0);
    assert!(
        isodate(&fw.start.likely) >= booked,
        "{} before the auditor's slot",
        fw.start.likely
    );
    let keys: Vec<&str> = fw.drivers.iter().map(|d| d.key.as_str()).collect();
    assert!(keys.contains(&"timeline.auditor_booking_weeks"), "{keys:?}");
    assert!(
        keys.contains(&"timeline.busy_season_delay_weeks"),
        "{keys:?}"
    );
    // The same plan in the summer has no busy-season wait.
    let summer = Assumptions {
        start_date: "2027-06-07".into(),
        ..assume
    };
    let r = evaluate(&c, &a, &summer);
    let fw = r
        .estimate
        .timeline
        .phases
        .iter()
        .find(|p| p.id == "type1_fieldwork")
        .unwrap();
    assert!(!fw
        .drivers
        .iter()
        .any(|d| d.key == "timeline.busy_season_delay_weeks"));
    // With the penetration test in the plan, a Type I's "as of" date waits for its report.
    let with_test = Assumptions {
        pen_test: true,
        ..summer
    };
    let r2 = evaluate(&c, &a, &with_test);
    let as_of = |r: &Readiness| r.estimate.timeline.type1_as_of.clone().unwrap().likely;
    let weeks = 3.0 + 2.0; // booking and test, likely
    assert!(
        as_of(&r2)
            >= soc_readiness::estimate::date::format(soc_readiness::estimate::date::add_weeks(
                isodate("2027-06-07"),
                weeks
            ))
    );
    assert!(as_of(&r2) >= as_of(&r));
}

#[test]
fn all_four_added_categories_add_forty_to_sixty_percent_of_the_fee() {
    // Public figure (josefkamara): all five categories cost about 40 to 60 % more than
    // Security alone; each category scales with the base fee, for every tier.
    let c = catalog();
    for tier in ["budget", "boutique", "mid_tier", "large_firm"] {
        let security = scenario_b_answers(&c).with("app.categories", ["security_only"]);
        let all = scenario_b_answers(&c);
        let fee = |a: &Answers| {
            let r = evaluate(&c, a, &assumptions(tier));
            // The base fee and the categories only: complexity is the same in both.
            r.estimate
                .cost
                .audit_drivers
                .iter()
                .filter(|d| {
                    d.key.starts_with("cost.tiers.") || d.key.starts_with("cost.categories.")
                })
                .fold(0.0, |s, d| s + d.amount.likely)
        };
        let added = fee(&all) / fee(&security) - 1.0;
        assert!(
            (0.4..=0.6).contains(&added),
            "{tier}: all categories add {:.0} %",
            added * 100.0
        );
    }
}

#[test]
fn few_answers_widen_the_range_and_every_answer_narrows_it() {
    // The same startup with every Security control answered "No", and with only the
    // scope answered: the unanswered work is a range (0 to 60 % still to do), so the
    // dates spread wider.
    let c = catalog();
    let answered = startup("no", "manual");
    let scope_only = evaluate(
        &c,
        &Answers::default()
            .with("scope.headcount", 8.0)
            .with("scope.customer_asks", ["soc2"])
            .with("scope.tooling", "manual")
            .with("app.categories", ["security_only"]),
        &assumptions("boutique"),
    );
    let spread = |r: &Readiness| {
        let d = &r.estimate.timeline.remediation_person_days;
        (d.high - d.low) / d.likely.max(1e-9)
    };
    assert!(
        spread(&scope_only) > spread(&answered),
        "unanswered {:.2} vs answered {:.2}",
        spread(&scope_only),
        spread(&answered)
    );
    let d = &scope_only.estimate.timeline.remediation_person_days;
    assert_eq!(
        d.low, 0.0,
        "with nothing answered, the low end assumes nothing is left to do"
    );
}

#[test]
fn a_framework_already_run_lowers_the_remediation_effort() {
    // Scenario A with ISO 27001, PCI DSS or nothing already in place: the same gaps,
    // and with a framework the remaining work is the listed effort times
    // `framework_effort_factor` (an editable assumption), shown among its drivers.
    let c = catalog();
    let with = |frameworks: &[&str]| {
        let mut a = scenario_a_answers(&c);
        a.values.insert(
            "scope.frameworks".into(),
            soc_readiness::AnswerValue::Many(frameworks.iter().map(|s| (*s).to_owned()).collect()),
        );
        evaluate(&c, &a, &assumptions("boutique"))
    };
    let (none, iso, pci) = (with(&["none"]), with(&["iso27001"]), with(&["pci_dss"]));
    assert_eq!(none.gaps, iso.gaps);
    let factor = &c.estimation.timeline.framework_effort_factor;
    assert!(factor.assumption && factor.bounds.is_some());
    let days = |r: &Readiness| r.estimate.timeline.remediation_person_days;
    for i in 0..3 {
        let expected = days(&none).get(i) * factor.range[i];
        assert!((days(&iso).get(i) - expected).abs() < 1e-9, "scenario {i}");
    }
    assert_eq!(days(&iso), days(&pci));
    let drivers = |r: &Readiness| -> Vec<String> {
        let t = &r.estimate.timeline;
        let rem = t.phases.iter().find(|p| p.id == "remediation").unwrap();
        rem.drivers.iter().map(|d| d.key.clone()).collect()
    };
    assert!(drivers(&iso).contains(&"timeline.framework_effort_factor".to_owned()));
    assert!(!drivers(&none).contains(&"timeline.framework_effort_factor".to_owned()));
    let ready = |r: &Readiness| {
        let t = &r.estimate.timeline;
        t.phases
            .iter()
            .find(|p| p.id == "remediation")
            .unwrap()
            .end
            .likely
            .clone()
    };
    assert!(ready(&iso) <= ready(&none));
    // The results say which evidence carries over.
    let notes: Vec<&str> = iso.decision.notes.iter().map(|n| n.rule.as_str()).collect();
    assert_eq!(notes, ["note.framework_reuse_iso27001"]);
}

#[test]
fn the_control_calendar_fills_a_twelve_month_window() {
    use soc_readiness::catalog::estimation::RecurringControl;
    use soc_readiness::estimate::timeline::calendar;
    let controls = [
        RecurringControl {
            label: "Quarterly".into(),
            every_months: 3,
        },
        RecurringControl {
            label: "Yearly".into(),
            every_months: 12,
        },
        RecurringControl {
            label: "Monthly".into(),
            every_months: 1,
        },
    ];
    // A renewal period of 12 whole months, 1 Feb to 31 Jan.
    let cal = calendar(&controls, isodate("2027-02-01"), isodate("2028-01-31"), 12);
    assert_eq!(
        cal[0].due,
        ["2027-04-30", "2027-07-31", "2027-10-31", "2028-01-31"]
    );
    assert_eq!(cal[1].due, ["2028-01-31"]);
    assert!(
        !cal[1].must_fit_short_window,
        "a 12-month window holds a yearly control"
    );
    assert_eq!(cal[2].due.len(), 12);
    // In a 6-month window the yearly control is due by the middle and flagged.
    let cal = calendar(&controls, isodate("2027-02-01"), isodate("2027-07-31"), 6);
    assert_eq!(cal[0].due, ["2027-04-30", "2027-07-31"]);
    assert_eq!(cal[1].due, ["2027-05-02"]);
    assert!(cal[1].must_fit_short_window);
}
