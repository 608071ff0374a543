//! The built-in questionnaires load, validate and cover every criterion; broken ones fail with file, ID and reason.

use soc_readiness::catalog::kinds::{Report, Status};
use soc_readiness::catalog::{validate::validate, Catalog, Condition};
use std::collections::BTreeMap;

fn builtin() -> Catalog {
    match Catalog::builtin_checked() {
        Ok(c) => c,
        Err(errors) => panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// Each file also parses on its own into the typed model, so type errors name the file and line.
#[test]
fn every_questionnaire_file_parses_with_location() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    let manifest: soc_readiness::catalog::Manifest =
        toml::from_str(&std::fs::read_to_string(dir.join("catalog.toml")).unwrap())
            .unwrap_or_else(|e| panic!("catalog.toml: {e}"));
    for name in &manifest.questionnaires {
        let text = std::fs::read_to_string(dir.join(format!("{name}.toml"))).unwrap();
        let _: soc_readiness::catalog::Questionnaire =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{name}.toml: {e}"));
    }
    let text = std::fs::read_to_string(dir.join("estimation.toml")).unwrap();
    let _: soc_readiness::catalog::estimation::EstimationParams =
        toml::from_str(&text).unwrap_or_else(|e| panic!("estimation.toml: {e}"));
}

#[test]
fn builtin_catalog_is_valid() {
    let c = builtin();
    let tsc = |x: &&soc_readiness::catalog::Criterion| {
        let cat = &c.group(&x.group).unwrap().category;
        c.category(cat).unwrap().report == Report::Soc2
    };
    assert_eq!(c.manifest.criteria.iter().filter(tsc).count(), 61);
    // SOC 1 control objectives: a typical report has 10 to 30.
    let objectives = c.manifest.criteria.len() - 61;
    assert!((10..=30).contains(&objectives), "{objectives}");
    assert!(validate(&c).is_empty(), "{:?}", validate(&c));
}

#[test]
fn every_criterion_is_covered_by_two_questions() {
    let c = builtin();
    let mut coverage: BTreeMap<&str, usize> = c
        .manifest
        .criteria
        .iter()
        .map(|x| (x.id.as_str(), 0))
        .collect();
    for (_, _, q) in c.questions() {
        for id in &q.criteria {
            *coverage.get_mut(id.as_str()).expect("known criterion") += 1;
        }
    }
    let thin: Vec<_> = coverage.iter().filter(|(_, n)| **n < 2).collect();
    assert!(
        thin.is_empty(),
        "criteria covered by fewer than two questions: {thin:?}"
    );
}

#[test]
fn criteria_match_the_reference_table() {
    let c = builtin();
    let per_category = |cat: &str| {
        c.manifest
            .criteria
            .iter()
            .filter(|x| c.group(&x.group).unwrap().category == cat)
            .count()
    };
    assert_eq!(per_category("security"), 33);
    assert_eq!(per_category("availability"), 3);
    assert_eq!(per_category("confidentiality"), 2);
    assert_eq!(per_category("processing_integrity"), 5);
    assert_eq!(per_category("privacy"), 18);
}

fn errors_after(edit: impl FnOnce(&mut Catalog)) -> Vec<String> {
    let mut c = builtin();
    edit(&mut c);
    validate(&c).iter().map(|e| e.to_string()).collect()
}

fn first_control(c: &mut Catalog) -> &mut soc_readiness::catalog::Question {
    let qn = c
        .questionnaires
        .iter_mut()
        .find(|q| q.id == "security")
        .unwrap();
    &mut qn.sections[0].questions[0]
}

#[test]
fn duplicate_ids_are_reported_with_file_and_id() {
    let errs = errors_after(|c| {
        let id = c.questionnaires[0].sections[0].questions[0].id.clone();
        first_control(c).id = id.clone();
    });
    assert!(
        errs.iter()
            .any(|e| e.starts_with("security.toml: scope.company_name: duplicate ID")),
        "{errs:?}"
    );
}

#[test]
fn unknown_criterion_and_out_of_range_values_are_reported() {
    let errs = errors_after(|c| {
        let q = first_control(c);
        q.criteria.push("CC99.1".into());
        q.weight = 9;
        q.effort_days = 0.0;
        q.help.clear();
        q.advice.clear();
    });
    let id = builtin()
        .questionnaires
        .iter()
        .find(|q| q.id == "security")
        .unwrap()
        .sections[0]
        .questions[0]
        .id
        .clone();
    for reason in [
        "unknown criterion `CC99.1`",
        "weight 9 out of range",
        "effort_days 0 out of range",
        "missing help",
        "missing advice",
    ] {
        assert!(
            errs.iter()
                .any(|e| e.starts_with(&format!("security.toml: {id}:")) && e.contains(reason)),
            "{reason} not in {errs:?}"
        );
    }
}

#[test]
fn conditions_naming_unknown_questions_or_options_are_reported() {
    let errs = errors_after(|c| {
        first_control(c).show_if = Some(Condition::Answer {
            question: "scope.nope".into(),
            one_of: vec!["x".into()],
        });
        let q = &mut c.questionnaires[0].sections[1].questions[0];
        q.show_if = Some(Condition::Answer {
            question: "scope.hosting".into(),
            one_of: vec!["moon".into()],
        });
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("unknown or later question `scope.nope`")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("unknown option `moon` of `scope.hosting`")),
        "{errs:?}"
    );
}

#[test]
fn thin_coverage_is_reported() {
    let errs = errors_after(|c| {
        for qn in &mut c.questionnaires {
            for q in qn.sections.iter_mut().flat_map(|s| s.questions.iter_mut()) {
                q.criteria.retain(|x| x != "CC8.1");
            }
        }
        first_control(c).criteria.push("CC8.1".into());
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("CC8.1: criterion covered by 1 question(s)")),
        "{errs:?}"
    );
}

#[test]
fn malformed_json_names_the_location() {
    let err = Catalog::from_json("{\"manifest\": 3").unwrap_err();
    assert!(err[0].location.starts_with("line 1"), "{:?}", err);
}

fn rule_mut<'a>(c: &'a mut Catalog, id: &str) -> &'a mut soc_readiness::catalog::Rule {
    c.questionnaires
        .iter_mut()
        .flat_map(|q| q.rules.iter_mut())
        .find(|r| r.id == id)
        .unwrap()
}

#[test]
fn rules_that_read_decisions_too_early_or_readiness_wrongly_are_reported() {
    use soc_readiness::catalog::{Effect, Fact};
    let errs = errors_after(|c| {
        // Reads the SOC 2 decision before the SOC 2 rules have run.
        rule_mut(c, "soc1.financial_impact").when = Condition::Decided(Fact::Offered(Report::Soc2));
        // Readiness may not decide a category.
        rule_mut(c, "category.availability").when = Condition::ReadinessBelow(50.0);
        // The report type may come from the readiness: a category may not read it.
        rule_mut(c, "category.processing_integrity").when = Condition::Decided(Fact::ReportType(
            soc_readiness::catalog::kinds::ReportType::Type1,
        ));
        // A status on a type rule means nothing.
        rule_mut(c, "type.default").status = Status::ToConfirm;
        // A category rule naming the SOC 1 objectives, which are not a SOC 2 category.
        rule_mut(c, "category.privacy").then = Effect::Category("soc1".into());
        // show_if reads answers only.
        first_control(c).show_if = Some(Condition::Decided(Fact::Report(Report::Soc1)));
    });
    for (at, reason) in [
        (
            "soc1.financial_impact",
            "reads a decision that the later rule",
        ),
        (
            "category.availability",
            "may decide only the type, window, notes or plan changes",
        ),
        (
            "type.default",
            "only reports, add-ons and categories take a `status`",
        ),
        ("category.privacy", "unknown effect value"),
        ("", "show_if may read answers only"),
    ] {
        assert!(
            errs.iter().any(|e| e.contains(at) && e.contains(reason)),
            "{at}: {reason} not in {errs:?}"
        );
    }
}

#[test]
fn editable_numbers_need_bounds_that_hold_their_range() {
    let errs = errors_after(|c| {
        c.estimation.cost.internal.hourly_rate.bounds = None;
        c.estimation.cost.internal.operating_fte.bounds = Some([0.1, 0.2]);
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("cost.internal.hourly_rate") && e.contains("needs `bounds`")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("cost.internal.operating_fte") && e.contains("do not hold")),
        "{errs:?}"
    );
}
