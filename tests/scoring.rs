//! Scoring, gaps, explanations and the applicability decision, on the built-in catalog.
//!
//! Checks the rules of issue 3: all best answers give 100 and all worst give 0 at
//! every level; not-applicable answers leave the denominator; hidden questions count
//! nowhere; unanswered questions lower confidence, not the score; an open key-control
//! gap caps its category's band; every score explains itself; gaps are ranked by
//! severity; and the applicability rules decide reports, type, window and categories.

use soc_readiness::catalog::{Catalog, Question};
use soc_readiness::engine::explain;
use soc_readiness::engine::scoring::{Level, Score};
use soc_readiness::{evaluate, Readiness};
use soc_readiness::{AnswerValue, Answers, Assumptions};

const ALL_CATEGORIES: [&str; 5] = [
    "security",
    "availability",
    "confidentiality",
    "processing_integrity",
    "privacy",
];

fn catalog() -> Catalog {
    Catalog::builtin()
}

fn run(c: &Catalog, a: &Answers) -> Readiness {
    evaluate(c, a, &Assumptions::default())
}

/// Scope and applicability answers that put all five categories in scope (user's choice).
/// The service runs partly on its own hardware, so every Security question is shown
/// (the physical section appears only then).
fn all_in_scope() -> Answers {
    Answers::default()
        .with("scope.hosting", "mixed")
        .with("app.security_reviews", "yes")
        .with("app.financial_impact", "no")
        .with(
            "app.categories",
            [
                "availability",
                "confidentiality",
                "processing_integrity",
                "privacy",
            ],
        )
}

/// Scope and applicability answers that put only Security in scope (user's choice),
/// every Security question shown (see `all_in_scope`).
fn security_only() -> Answers {
    Answers::default()
        .with("scope.hosting", "mixed")
        .with("app.security_reviews", "yes")
        .with("app.financial_impact", "no")
        .with("app.categories", ["security_only"])
}

/// The control questions of the given categories, in catalog order.
fn controls<'c>(c: &'c Catalog, categories: &[&str]) -> Vec<&'c Question> {
    c.questions()
        .filter(|(qn, _, _)| categories.contains(&qn.id.as_str()))
        .map(|(_, _, q)| q)
        .collect()
}

/// Answers every control question of `categories` with `option`.
fn answer_all(mut a: Answers, qs: &[&Question], option: &str) -> Answers {
    for q in qs {
        a = a.with(&q.id, option);
    }
    a
}

/// Every score of an assessment, overall first.
fn every_score(r: &Readiness) -> Vec<&Score> {
    r.scores.all().collect()
}

/// A deterministic mix of scale answers (including `na` and unanswered).
fn mixed(c: &Catalog, mut a: Answers, qs: &[&Question]) -> Answers {
    let options = [
        "evidenced",
        "implemented",
        "partial",
        "planned",
        "no",
        "na",
        "evidenced",
        "implemented",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for q in qs {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let pick = (x % 10) as usize;
        if pick < options.len() {
            a = a.with(&q.id, options[pick]);
        }
    }
    assert!(c.scale_option("evidenced").is_some());
    a
}

fn band_pos(c: &Catalog, id: &str) -> usize {
    c.manifest
        .bands
        .iter()
        .position(|b| b.id == id)
        .unwrap_or_else(|| panic!("unknown band {id}"))
}

// ---- Best, worst, not applicable ------------------------------------------

#[test]
fn all_best_answers_give_100_at_every_level() {
    let c = catalog();
    let qs = controls(&c, &ALL_CATEGORIES);
    let r = run(&c, &answer_all(all_in_scope(), &qs, "evidenced"));
    assert_eq!(
        r.decision.categories_in_scope,
        ALL_CATEGORIES.map(String::from).to_vec()
    );
    assert_eq!(r.scores.categories.len(), 5);
    assert_eq!(
        r.scores.groups.len(),
        c.manifest.groups.len() - 2,
        "all but the two SOC 1 groups"
    );
    assert_eq!(r.scores.criteria.len(), 61);
    for s in every_score(&r) {
        assert_eq!(s.design, Some(100.0), "{:?} {}", s.level, s.id);
        assert_eq!(s.operating, Some(100.0), "{:?} {}", s.level, s.id);
        assert_eq!(s.target, Some(100.0), "{:?} {}", s.level, s.id);
        assert_eq!(s.band.as_deref(), Some("ready"), "{:?} {}", s.level, s.id);
        assert!(s.key_gaps.is_empty(), "{:?} {}", s.level, s.id);
        assert_eq!(s.confidence, 100.0, "{:?} {}", s.level, s.id);
        assert!(s.applicable > 0, "{:?} {} has no questions", s.level, s.id);
    }
    assert_eq!(r.scores.overall.applicable, qs.len());
    assert_eq!(r.scores.overall.answered, qs.len());
    assert!(r.gaps.is_empty(), "{:?}", r.gaps.first());
}

#[test]
fn all_worst_answers_give_0_at_every_level() {
    let c = catalog();
    let qs = controls(&c, &ALL_CATEGORIES);
    let r = run(&c, &answer_all(all_in_scope(), &qs, "no"));
    for s in every_score(&r) {
        assert_eq!(s.design, Some(0.0), "{:?} {}", s.level, s.id);
        assert_eq!(s.operating, Some(0.0), "{:?} {}", s.level, s.id);
        assert_eq!(s.band.as_deref(), Some("early"), "{:?} {}", s.level, s.id);
        assert_eq!(s.confidence, 100.0);
    }
    // Every answered control is a gap, every key control an open key gap.
    assert_eq!(r.gaps.len(), qs.len());
    let keys: Vec<&str> = qs.iter().filter(|q| q.key).map(|q| q.id.as_str()).collect();
    assert_eq!(r.scores.overall.key_gaps.len(), keys.len());
    for g in &r.gaps {
        assert_eq!(g.shortfall, 100.0);
        assert_eq!(g.answer, "no");
    }
}

#[test]
fn best_answers_give_100_for_security_only_too() {
    let c = catalog();
    let qs = controls(&c, &["security"]);
    let r = run(&c, &answer_all(security_only(), &qs, "evidenced"));
    assert_eq!(r.decision.categories_in_scope, vec!["security".to_string()]);
    assert_eq!(r.scores.categories.len(), 1);
    assert!(r.scores.groups.iter().all(|g| g.id.starts_with("CC")));
    assert_eq!(r.scores.criteria.len(), 33);
    for s in every_score(&r) {
        assert_eq!(
            (s.design, s.operating),
            (Some(100.0), Some(100.0)),
            "{:?} {}",
            s.level,
            s.id
        );
    }
}

#[test]
fn not_applicable_leaves_the_denominator() {
    let c = catalog();
    let qs = controls(&c, &ALL_CATEGORIES);
    let first = qs[0];
    let mut a = answer_all(all_in_scope(), &qs, "na");
    a = a.with(&first.id, "evidenced");
    let r = run(&c, &a);
    let o = &r.scores.overall;
    assert_eq!((o.design, o.operating), (Some(100.0), Some(100.0)));
    assert_eq!(o.applicable, qs.len());
    assert_eq!(o.answered, qs.len());
    assert_eq!(o.not_applicable, qs.len() - 1);
    assert_eq!(o.confidence, 100.0);
    assert!(r.gaps.is_empty());
    // Scores made only of `na` answers have no value; those containing the answer are 100.
    for s in every_score(&r) {
        let has_first = match s.level {
            Level::Overall | Level::Report => true,
            Level::Category => s.id == "security",
            Level::Group => first
                .criteria
                .iter()
                .any(|x| c.criterion(x).unwrap().group == s.id),
            Level::Criterion => first.criteria.contains(&s.id),
        };
        if has_first {
            assert_eq!(s.target, Some(100.0), "{:?} {}", s.level, s.id);
            assert_eq!(s.not_applicable, s.applicable - 1, "{:?} {}", s.level, s.id);
        } else {
            assert_eq!(
                (s.design, s.operating, s.band.clone()),
                (None, None, None),
                "{:?} {}",
                s.level,
                s.id
            );
            assert_eq!(s.not_applicable, s.applicable, "{:?} {}", s.level, s.id);
        }
        assert_eq!(s.answered, s.applicable);
    }

    // The worst answer plus `na` everywhere else is 0, not diluted by the `na`s.
    let r = run(&c, &a.clone().with(&first.id, "no"));
    assert_eq!(r.scores.overall.target, Some(0.0));
    assert_eq!(r.gaps.len(), 1);
}

#[test]
fn not_applicable_answers_are_weighted_out() {
    let c = catalog();
    let qs = controls(&c, &["security"]);
    let (good, bad) = (qs[0], qs[1]);
    let mut a = answer_all(security_only(), &qs, "na");
    a = a.with(&good.id, "evidenced").with(&bad.id, "partial");
    let r = run(&c, &a);
    let (wg, wb) = (f64::from(good.weight), f64::from(bad.weight));
    let design = (wg * 100.0 + wb * 50.0) / (wg + wb);
    let operating = (wg * 100.0 + wb * 20.0) / (wg + wb);
    let cat = &r.scores.categories[0];
    assert!(
        (cat.design.unwrap() - design).abs() <= 0.05,
        "{cat:?} vs {design}"
    );
    assert!(
        (cat.operating.unwrap() - operating).abs() <= 0.05,
        "{cat:?} vs {operating}"
    );
    assert_eq!(cat.not_applicable, qs.len() - 2);
    assert_eq!(r.scores.overall.design, cat.design);

    // Marking half the questions `na` in an all-evidenced assessment keeps 100.
    let mut a = answer_all(security_only(), &qs, "evidenced");
    for q in qs.iter().step_by(2) {
        a = a.with(&q.id, "na");
    }
    let r = run(&c, &a);
    assert_eq!(r.scores.overall.target, Some(100.0));
    assert_eq!(r.scores.overall.not_applicable, qs.len().div_ceil(2));
}

// ---- Hidden questions -------------------------------------------------------

#[test]
fn answers_to_a_category_out_of_scope_count_nowhere() {
    let c = catalog();
    let sec = controls(&c, &["security"]);
    let privacy = controls(&c, &["privacy"]);
    assert!(!privacy.is_empty());
    // Two ways privacy is out of scope: the user chose Security only, or nothing recommends it.
    let bases = [
        security_only(),
        Answers::default()
            .with("app.security_reviews", "yes")
            .with("app.personal_data_controller", "no"),
    ];
    for base in bases {
        let before_answers = mixed(&c, base, &sec);
        let before = run(&c, &before_answers);
        assert!(!before
            .decision
            .categories_in_scope
            .iter()
            .any(|x| x == "privacy"));
        for option in ["no", "evidenced"] {
            let after_answers = answer_all(before_answers.clone(), &privacy, option);
            let after = run(&c, &after_answers);
            assert_eq!(
                after.scores, before.scores,
                "privacy answers `{option}` changed scores"
            );
            assert_eq!(
                after.gaps, before.gaps,
                "privacy answers `{option}` changed gaps"
            );
            assert_eq!(after.progress.overall, before.progress.overall);
            assert_eq!(
                after.progress.questionnaires,
                before.progress.questionnaires
            );
            assert_eq!(after.decision, before.decision);
            assert_eq!(
                after.estimate, before.estimate,
                "privacy answers `{option}` changed the estimate"
            );
            // They stay in the draft, counted only as hidden answers.
            assert_eq!(
                after.progress.hidden_answers,
                before.progress.hidden_answers + privacy.len()
            );
            assert!(privacy.iter().all(|q| !after.visibility.question(&q.id)));
            assert!(!after.visibility.questionnaire("privacy"));
            for level in [Level::Overall, Level::Category] {
                let id = if level == Level::Overall {
                    "overall"
                } else {
                    "security"
                };
                assert_eq!(
                    explain(
                        &c,
                        &after_answers,
                        Assumptions::default().start(),
                        level,
                        id
                    ),
                    explain(
                        &c,
                        &before_answers,
                        Assumptions::default().start(),
                        level,
                        id
                    )
                );
            }
            assert!(explain(
                &c,
                &after_answers,
                Assumptions::default().start(),
                Level::Category,
                "privacy"
            )
            .is_empty());
        }
    }
}

#[test]
fn subservice_method_is_hidden_without_subservice_organisations() {
    let c = catalog();
    let sec = controls(&c, &["security"]);
    let base = mixed(&c, security_only(), &sec)
        .with("scope.headcount", 20.0)
        .with("scope.systems", 3.0);
    let none = base.clone().with("scope.subservice_count", 0.0);
    let with_method = none.clone().with("scope.subservice_method", "inclusive");
    let (r0, r1) = (run(&c, &none), run(&c, &with_method));
    assert!(!r1.visibility.question("scope.subservice_method"));
    assert!(!r1.estimate.profile.subservice_inclusive);
    assert_eq!(r1.estimate, r0.estimate);
    assert_eq!(r1.scores, r0.scores);
    assert_eq!(r1.decision, r0.decision);
    assert_eq!(r1.progress.overall, r0.progress.overall);
    assert_eq!(r1.progress.questionnaires, r0.progress.questionnaires);
    assert_eq!(r1.progress.hidden_answers, r0.progress.hidden_answers + 1);
    assert!(!r1
        .estimate
        .cost
        .audit_drivers
        .iter()
        .any(|d| d.key.contains("subservice")));

    // With one subservice organisation the question shows and its answer counts.
    let one = with_method.clone().with("scope.subservice_count", 1.0);
    let r2 = run(&c, &one);
    assert!(r2.visibility.question("scope.subservice_method"));
    assert!(r2.estimate.profile.subservice_inclusive);
    assert!(r2
        .estimate
        .cost
        .audit_drivers
        .iter()
        .any(|d| d.key == "cost.complexity.per_subservice_inclusive"));
    assert_eq!(
        r2.progress.overall.applicable,
        r1.progress.overall.applicable + 1
    );
    assert_eq!(
        r2.progress.overall.answered,
        r1.progress.overall.answered + 1
    );
}

// ---- Unanswered questions ---------------------------------------------------

#[test]
fn unanswered_lowers_confidence_not_score() {
    let c = catalog();
    let qs = controls(&c, &["security"]);
    let half: Vec<&Question> = qs.iter().copied().step_by(2).collect();
    for option in ["evidenced", "partial", "no"] {
        let full = run(&c, &answer_all(security_only(), &qs, option));
        let partial = run(&c, &answer_all(security_only(), &half, option));
        let (f, p) = (&full.scores.overall, &partial.scores.overall);
        assert_eq!(
            (p.design, p.operating),
            (f.design, f.operating),
            "`{option}` on half the questions"
        );
        assert_eq!(p.applicable, qs.len());
        assert_eq!(p.answered, half.len());
        let expected = ((1000.0 * half.len() as f64 / qs.len() as f64).round()) / 10.0;
        assert_eq!(p.confidence, expected);
        assert!(p.confidence < f.confidence);
        assert_eq!(f.confidence, 100.0);
        assert_eq!(
            partial
                .progress
                .questionnaires
                .iter()
                .find(|(id, _)| id == "security")
                .unwrap()
                .1
                .answered,
            half.len()
        );
    }
    // Nothing answered: no score, zero confidence, no gaps.
    let r = run(&c, &security_only());
    assert_eq!(r.scores.overall.target, None);
    assert_eq!(r.scores.overall.confidence, 0.0);
    assert!(r.gaps.is_empty());
}

// ---- Key-control cap --------------------------------------------------------

#[test]
fn a_key_control_gap_caps_the_category_band() {
    let c = catalog();
    let qs = controls(&c, &["security"]);
    let cap = c.manifest.key_gap_cap_band.clone();
    assert_eq!(cap, "progressing");
    let key = qs
        .iter()
        .filter(|q| q.key)
        .min_by_key(|q| q.weight)
        .expect("security has key controls");
    let a = answer_all(security_only(), &qs, "evidenced").with(&key.id, "no");
    let r = run(&c, &a);
    let cat = &r.scores.categories[0];
    let ready_min = c
        .manifest
        .bands
        .iter()
        .find(|b| b.id == "ready")
        .unwrap()
        .min;
    assert!(
        cat.target.unwrap() >= ready_min,
        "score {:?} should be high",
        cat.target
    );
    assert_eq!(c.band_for(cat.target.unwrap()).id, "ready", "uncapped band");
    assert_eq!(cat.key_gaps, vec![key.id.clone()]);
    assert!(band_pos(&c, cat.band.as_deref().unwrap()) >= band_pos(&c, &cap));
    assert_eq!(cat.band.as_deref(), Some(cap.as_str()));
    // The same holds for the overall score and every group and criterion the control covers.
    assert_eq!(r.scores.overall.band.as_deref(), Some(cap.as_str()));
    for s in r.scores.groups.iter().chain(&r.scores.criteria) {
        let covers = match s.level {
            Level::Group => key
                .criteria
                .iter()
                .any(|x| c.criterion(x).unwrap().group == s.id),
            _ => key.criteria.contains(&s.id),
        };
        if covers {
            assert_eq!(s.key_gaps, vec![key.id.clone()]);
            assert!(
                band_pos(&c, s.band.as_deref().unwrap()) >= band_pos(&c, &cap),
                "{} {:?}",
                s.id,
                s.band
            );
        } else {
            assert!(s.key_gaps.is_empty());
            assert_eq!(s.band.as_deref(), Some("ready"));
        }
    }
    // A cap never lifts a band: all "no" stays "early" with key gaps.
    let r = run(&c, &answer_all(security_only(), &qs, "no"));
    assert_eq!(r.scores.categories[0].band.as_deref(), Some("early"));
    // Closing the gap removes the cap.
    let r = run(&c, &a.with(&key.id, "evidenced"));
    assert_eq!(r.scores.categories[0].band.as_deref(), Some("ready"));
    assert!(r.scores.categories[0].key_gaps.is_empty());
}

#[test]
fn a_non_key_gap_does_not_cap() {
    let c = catalog();
    let qs = controls(&c, &["security"]);
    let plain = qs
        .iter()
        .find(|q| !q.key)
        .expect("security has non-key controls");
    let r = run(
        &c,
        &answer_all(security_only(), &qs, "evidenced").with(&plain.id, "no"),
    );
    let cat = &r.scores.categories[0];
    assert!(cat.key_gaps.is_empty());
    assert_eq!(
        cat.band.as_deref(),
        Some(c.band_for(cat.target.unwrap()).id.as_str())
    );
    assert_eq!(cat.band.as_deref(), Some("ready"));
}

// ---- Explanations ------------------------------------------------------------

#[test]
fn explain_contributions_add_up_to_every_score() {
    let c = catalog();
    let qs = controls(&c, &ALL_CATEGORIES);
    for a in [
        mixed(&c, all_in_scope(), &qs),
        answer_all(all_in_scope(), &qs, "partial"),
        answer_all(all_in_scope(), &qs, "evidenced"),
    ] {
        let r = run(&c, &a);
        for s in every_score(&r) {
            let contributions = explain(&c, &a, Assumptions::default().start(), s.level, &s.id);
            assert_eq!(
                contributions.len(),
                s.answered - s.not_applicable,
                "{:?} {}",
                s.level,
                s.id
            );
            match (s.design, s.operating) {
                (Some(d), Some(o)) => {
                    let dsum: f64 = contributions.iter().map(|x| x.design_delta).sum();
                    let osum: f64 = contributions.iter().map(|x| x.operating_delta).sum();
                    assert!(
                        (100.0 + dsum - d).abs() <= 0.05 + 1e-9,
                        "{:?} {}: 100 + {dsum} vs design {d}",
                        s.level,
                        s.id
                    );
                    assert!(
                        (100.0 + osum - o).abs() <= 0.05 + 1e-9,
                        "{:?} {}: 100 + {osum} vs operating {o}",
                        s.level,
                        s.id
                    );
                    for x in &contributions {
                        assert!(x.design_delta <= 0.0 && x.operating_delta <= 0.0);
                        assert!(
                            matches!(a.get(&x.question), Some(AnswerValue::One(v)) if *v == x.answer)
                        );
                    }
                }
                (None, None) => assert!(contributions.is_empty()),
                other => panic!("design and operating disagree on having a value: {other:?}"),
            }
        }
    }
}

#[test]
fn explain_lists_the_answers_that_moved_the_score() {
    let c = catalog();
    let qs = controls(&c, &["security"]);
    let (a_q, b_q) = (qs[0], qs[1]);
    let a = answer_all(security_only(), &qs, "evidenced")
        .with(&a_q.id, "no")
        .with(&b_q.id, "implemented");
    let contributions = explain(
        &c,
        &a,
        Assumptions::default().start(),
        Level::Category,
        "security",
    );
    let moved: Vec<&str> = contributions
        .iter()
        .filter(|x| x.design_delta != 0.0 || x.operating_delta != 0.0)
        .map(|x| x.question.as_str())
        .collect();
    assert_eq!(moved.len(), 2, "{moved:?}");
    // The biggest loss comes first.
    assert_eq!(contributions[0].question, a_q.id);
    let b = contributions.iter().find(|x| x.question == b_q.id).unwrap();
    assert_eq!(b.design_delta, 0.0);
    assert!(b.operating_delta < 0.0);
}

// ---- Gaps --------------------------------------------------------------------

#[test]
fn gaps_are_ranked_by_severity_key_and_weight_first() {
    let c = catalog();
    let qs = controls(&c, &ALL_CATEGORIES);
    for a in [
        mixed(&c, all_in_scope(), &qs),
        answer_all(all_in_scope(), &qs, "no"),
    ] {
        let r = run(&c, &a);
        assert!(!r.gaps.is_empty());
        for w in r.gaps.windows(2) {
            assert!(
                w[0].severity >= w[1].severity,
                "{} ({}) before {} ({})",
                w[0].question,
                w[0].severity,
                w[1].question,
                w[1].severity
            );
            if w[0].severity == w[1].severity {
                assert!(w[0].key >= w[1].key, "key controls first at equal severity");
            }
        }
        for g in &r.gaps {
            let q = c.question(&g.question).unwrap();
            let o = c.scale_option(&g.answer).unwrap();
            assert_eq!(g.key, q.key);
            assert_eq!(g.weight, q.weight);
            assert_eq!(g.criteria, q.criteria);
            assert_eq!(
                g.shortfall,
                100.0 - o.operating,
                "Type II: shortfall on operating points"
            );
            let expected =
                f64::from(q.weight) * if q.key { 2.0 } else { 1.0 } * g.shortfall / 100.0;
            assert!((g.severity - expected).abs() < 1e-9);
            assert!((g.remaining_days - q.effort_days * o.remaining_effort).abs() < 1e-9);
            assert!(
                !q.advice.trim().is_empty(),
                "every gap has advice in the catalog"
            );
        }
    }
    // With every answer "no", the ranking is by weight (doubled for key controls).
    let r = run(&c, &answer_all(all_in_scope(), &qs, "no"));
    let top = &r.gaps[0];
    let max_weight = qs.iter().filter(|q| q.key).map(|q| q.weight).max().unwrap();
    assert!(top.key);
    assert_eq!(top.weight, max_weight);
    let eff =
        |g: &soc_readiness::engine::gaps::Gap| u32::from(g.weight) * if g.key { 2 } else { 1 };
    for w in r.gaps.windows(2) {
        assert!(eff(&w[0]) >= eff(&w[1]));
    }
    // Gaps are unique and only name visible, scored questions.
    let mut ids: Vec<&str> = r.gaps.iter().map(|g| g.question.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), r.gaps.len());
}

#[test]
fn type1_gaps_use_design_points() {
    let c = catalog();
    let qs = controls(&c, &["security"]);
    let a = answer_all(security_only(), &qs, "implemented")
        .with("scope.deadline", "3m")
        .with("app.type1_accepted", "yes");
    let r = run(&c, &a);
    assert!(r.decision.is_type1());
    // "implemented" is fully designed: no Type I gaps, and the target is the design score.
    assert!(r.gaps.is_empty());
    assert_eq!(r.scores.overall.target, Some(100.0));
    assert_eq!(r.scores.overall.operating, Some(40.0));
    // The same answers for a Type II are all gaps.
    let r = run(&c, &a.with("app.type1_accepted", "no"));
    assert!(!r.decision.is_type1());
    assert_eq!(r.gaps.len(), qs.len());
    assert_eq!(r.scores.overall.target, Some(40.0));
}

#[test]
fn every_score_counts_the_same_items_as_its_explanation() {
    // Scores index items by group and criterion in one pass; explanations filter
    // them one score at a time. Both must count the same answers.
    use soc_readiness::engine::scoring::{all_scores, members, score};
    let c = catalog();
    let qs = controls(
        &c,
        &[
            "security",
            "availability",
            "confidentiality",
            "processing_integrity",
            "privacy",
        ],
    );
    let answers = mixed(&c, all_in_scope(), &qs);
    let r = soc_readiness::engine::resolve(&c, &answers, Assumptions::default().start());
    let type1 = r.decision.is_type1();
    let scores = all_scores(&c, &r.items, &r.decision.assessed, type1);
    let mut checked = 0;
    for s in scores.all() {
        let by_filter = score(
            &c,
            s.level,
            &s.id,
            &members(&r.items, s.level, &s.id),
            type1,
        );
        assert_eq!(s, &by_filter, "{:?} {}", s.level, s.id);
        checked += 1;
    }
    assert!(checked > 60, "{checked} scores");
}

// ---- Asked once, counted wherever it applies --------------------------------

#[test]
fn a_question_asked_once_counts_toward_every_category_it_covers() {
    use soc_readiness::estimate::workload;
    let c = catalog();
    let qs = controls(&c, &ALL_CATEGORIES);
    // The continuity and recovery plan is asked in Security and also covers
    // Availability's A1.2 (it replaced an Availability question asking the same).
    let plan = "sec.cc9.business_continuity_plan";
    assert!(c
        .question(plan)
        .unwrap()
        .criteria
        .iter()
        .any(|x| x == "A1.2"));
    let a = answer_all(all_in_scope(), &qs, "evidenced").with(plan, "no");
    let r = run(&c, &a);
    let category = |id: &str| r.scores.categories.iter().find(|s| s.id == id).unwrap();
    for id in ["security", "availability"] {
        let s = category(id);
        assert!(s.target.unwrap() < 100.0, "{id}: {s:?}");
        assert_eq!(s.key_gaps, vec![plan.to_owned()], "{id}");
        let why = explain(&c, &a, Assumptions::default().start(), Level::Category, id);
        assert!(why.iter().any(|x| x.question == plan), "{id}: {why:?}");
    }
    assert_eq!(category("confidentiality").target, Some(100.0));
    let a12 = r.scores.criteria.iter().find(|s| s.id == "A1.2").unwrap();
    assert!(a12.target.unwrap() < 100.0);
    // Overall counts every question once.
    assert_eq!(r.scores.overall.applicable, qs.len());
    assert!(r.scores.overall.target.unwrap() > 95.0);
    // One gap, filed under the category where it is asked, and counted once in
    // the remediation workload whether or not Availability is in scope.
    let gaps: Vec<_> = r.gaps.iter().filter(|g| g.question == plan).collect();
    assert_eq!(gaps.len(), 1);
    assert_eq!(r.gaps.len(), 1);
    assert_eq!(gaps[0].category, "security");
    let resolved = soc_readiness::engine::resolve(&c, &a, Assumptions::default().start());
    let effort = c.question(plan).unwrap().effort_days;
    for scope in [&["security", "availability"][..], &["security"][..]] {
        let w = workload(&r.gaps, &resolved.items, scope);
        assert_eq!(w.gap_days, effort, "{scope:?}");
    }

    // With Availability out of scope the plan is still asked and still a gap,
    // and nothing scores or explains Availability.
    let b = answer_all(security_only(), &controls(&c, &["security"]), "evidenced").with(plan, "no");
    let r = run(&c, &b);
    assert!(r.gaps.iter().any(|g| g.question == plan));
    assert!(r.scores.categories.iter().all(|s| s.id != "availability"));
    assert!(r.scores.criteria.iter().all(|s| s.id != "A1.2"));
    for (level, id) in [
        (Level::Category, "availability"),
        (Level::Group, "A1"),
        (Level::Criterion, "A1.2"),
    ] {
        assert!(explain(&c, &b, Assumptions::default().start(), level, id).is_empty());
    }
}

#[test]
fn own_hardware_brings_the_physical_and_environmental_questions() {
    let c = catalog();
    let unanswered = Answers::default()
        .with("app.security_reviews", "yes")
        .with("app.categories", ["security_only"]);
    let r = run(&c, &unanswered);
    assert!(!r.visibility.section("sec.physical"));
    for (hosting, shown) in [("cloud", false), ("mixed", true), ("own_dc", true)] {
        let r = run(&c, &security_only().with("scope.hosting", hosting));
        assert_eq!(r.visibility.section("sec.physical"), shown, "{hosting}");
        for q in [
            "sec.physical.datacenter_access",
            "sec.physical.equipment_movement",
            "sec.physical.environmental",
        ] {
            assert_eq!(r.visibility.question(q), shown, "{hosting}: {q}");
        }
    }
}
