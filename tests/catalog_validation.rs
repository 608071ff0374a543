//! The built-in questionnaires load, validate and cover every criterion; broken ones fail with file, ID and reason.

use soc_readiness::catalog::kinds::{Report, Status};
use soc_readiness::catalog::{validate::validate, Catalog, Condition, List, Text};
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

/// The built-in catalog is compiled in as Rust statics that the build writes from
/// the TOML files: read the files here and it must be the same catalog, field for field.
#[test]
fn builtin_statics_match_the_questionnaire_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    fn load<T: serde::de::DeserializeOwned>(dir: &std::path::Path, name: &str) -> T {
        let text = std::fs::read_to_string(dir.join(format!("{name}.toml"))).unwrap();
        toml::from_str(&text).unwrap_or_else(|e| panic!("{name}.toml: {e}"))
    }
    let manifest: soc_readiness::catalog::Manifest = load(&dir, "catalog");
    let questionnaires = manifest
        .questionnaires
        .iter()
        .map(|name| {
            let mut q: soc_readiness::catalog::Questionnaire = load(&dir, name);
            q.file = format!("{name}.toml").into();
            q
        })
        .collect();
    let from_files = Catalog {
        manifest,
        questionnaires,
        estimation: load(&dir, "estimation"),
        auditor: load(&dir, "auditor"),
        crosswalk: load(&dir, "crosswalk"),
    };
    let builtin = Catalog::builtin_unchecked();
    assert_eq!(
        builtin.questionnaires.len(),
        from_files.questionnaires.len()
    );
    for (a, b) in builtin
        .questionnaires
        .iter()
        .zip(&from_files.questionnaires)
    {
        assert_eq!(a, b, "{}", b.file);
    }
    assert_eq!(builtin.manifest, from_files.manifest);
    assert_eq!(builtin.estimation, from_files.estimation);
    assert_eq!(builtin.auditor, from_files.auditor);
    assert_eq!(builtin.crosswalk, from_files.crosswalk);
    assert_eq!(builtin, from_files);
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
fn duplicate_bands_and_categories_in_the_manifest_are_reported() {
    let errs = errors_after(|c| {
        let band = c.manifest.bands[0].clone();
        c.manifest.bands.to_mut().insert(1, band);
        let category = c.manifest.categories[1].clone();
        c.manifest.categories.to_mut().push(category);
    });
    let (band, category) = {
        let c = builtin();
        (
            c.manifest.bands[0].id.clone(),
            c.manifest.categories[1].id.clone(),
        )
    };
    for (id, what) in [(band, "band"), (category, "category")] {
        assert!(
            errs.iter()
                .any(|e| e == &format!("catalog.toml: {id}: duplicate {what} ID")),
            "{errs:?}"
        );
    }
}

#[test]
fn a_not_condition_holds_exactly_one_condition() {
    let errs = errors_after(|c| {
        let q = &mut c.questionnaires[0].sections[1].questions[0];
        q.show_if = Some(Condition::Not(List::from(Vec::new())));
    });
    assert!(
        errs.iter()
            .any(|e| e.ends_with("`not` holds 0 conditions, not one")),
        "{errs:?}"
    );
}

#[test]
fn duplicate_criteria_and_groups_in_the_manifest_are_reported() {
    let errs = errors_after(|c| {
        let criterion = c.manifest.criteria[0].clone();
        c.manifest.criteria.to_mut().push(criterion);
        let group = c.manifest.groups[0].clone();
        c.manifest.groups.to_mut().push(group);
    });
    let (criterion, group) = {
        let c = builtin();
        (
            c.manifest.criteria[0].id.clone(),
            c.manifest.groups[0].id.clone(),
        )
    };
    assert!(
        errs.iter()
            .any(|e| e.ends_with(&format!(": {criterion}: duplicate criterion ID"))),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.ends_with(&format!(": {group}: duplicate group ID"))),
        "{errs:?}"
    );
}

#[test]
fn unknown_criterion_and_out_of_range_values_are_reported() {
    let errs = errors_after(|c| {
        let q = first_control(c);
        q.criteria.to_mut().push("CC99.1".into());
        q.weight = 9;
        q.effort_days = 0.0;
        q.help = Default::default();
        q.advice = Default::default();
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
            one_of: List::from(vec!["x".into()]),
        });
        let q = &mut c.questionnaires[0].sections[1].questions[0];
        q.show_if = Some(Condition::Answer {
            question: "scope.hosting".into(),
            one_of: List::from(vec!["moon".into()]),
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
        for qn in c.questionnaires.iter_mut() {
            for q in qn.sections.iter_mut().flat_map(|s| s.questions.iter_mut()) {
                q.criteria.to_mut().retain(|x| x != "CC8.1");
            }
        }
        first_control(c).criteria.to_mut().push("CC8.1".into());
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

// ---- Asked once: no duplicates, every scope answer used ---------------------

use soc_readiness::catalog::validate::{
    near_duplicates, nearly_same_text, text_similarity, unused_scope_questions, SCOPE_RECORD_ONLY,
};

fn question_mut<'a>(c: &'a mut Catalog, id: &str) -> &'a mut soc_readiness::catalog::Question {
    c.questionnaires
        .iter_mut()
        .flat_map(|qn| qn.sections.iter_mut())
        .flat_map(|s| s.questions.iter_mut())
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn nearly_identical_question_texts_are_flagged() {
    // The same question reworded a little, as happens when it is added twice.
    let a = "Do you have a written disaster recovery plan with recovery time and recovery point objectives, approved by management and reviewed every year?";
    let b = "Is there a written disaster recovery plan, with recovery time and recovery point objectives, that management approves and reviews each year?";
    assert!(nearly_same_text(a, b), "{:?}", text_similarity(a, b));
    // One question copied inside a longer one.
    let short = "Do you publish a status page for outages and incidents?";
    let long = "Have you defined uptime targets, do you measure them, and do you publish a status page for outages and incidents?";
    assert!(
        nearly_same_text(short, long),
        "{:?}",
        text_similarity(short, long)
    );
    // Two different controls on the same subject are not the same question.
    let backups = "Are production databases backed up automatically at least daily, encrypted and kept in a separate account?";
    let restores = "Do you test restoring from backups at least once a year and check that the restored data is complete?";
    assert!(
        !nearly_same_text(backups, restores),
        "{:?}",
        text_similarity(backups, restores)
    );

    // In the catalog: a Privacy question given a copy of a Security question's text
    // is reported in its file, naming the question it repeats.
    let errs = errors_after(|c| {
        let text = question_mut(c, "sec.cc9.vendor_contract_security_terms")
            .text
            .clone();
        question_mut(c, "priv.p6.vendor_privacy_assessment").text =
            text.replace("Do your contracts", "Do the contracts").into();
    });
    assert!(
        errs.iter().any(
            |e| e.starts_with("privacy.toml: priv.p6.vendor_privacy_assessment:")
                && e.contains("text nearly the same as `sec.cc9.vendor_contract_security_terms`")
        ),
        "{errs:?}"
    );
}

#[test]
fn no_two_questions_of_a_report_have_nearly_the_same_text() {
    let c = builtin();
    let errs = near_duplicates(&c);
    assert!(errs.is_empty(), "{errs:?}");
    // With room to spare: the closest pair of SOC 2 questions shares well under the threshold.
    let soc2: Vec<&soc_readiness::catalog::Question> = c
        .questions()
        .filter(|(qn, _, _)| c.category(&qn.id).is_some_and(|x| x.report == Report::Soc2))
        .map(|(_, _, q)| q)
        .collect();
    let mut closest = (0.0, "", "");
    for (i, a) in soc2.iter().enumerate() {
        for b in &soc2[..i] {
            let (shared, _) = text_similarity(&a.text, &b.text);
            if shared > closest.0 {
                closest = (shared, a.id.as_str(), b.id.as_str());
            }
        }
    }
    assert!(closest.0 < 0.4, "closest pair: {closest:?}");
}

/// The duplicates the question bank review found: each retired question, the
/// question that now asks its control, and the criteria the retired one covered.
const MERGES: &[(&str, &str, &[&str])] = &[
    (
        "sec.cc5.secure_development",
        "sec.cc8.peer_review_approval",
        &["CC5.2", "CC8.1"],
    ),
    (
        "sec.cc6.datacenter_physical_security",
        "sec.cc9.vendor_soc_review",
        &["CC6.4", "CC6.5"],
    ),
    (
        "avl.a1.uptime_slo_status_page",
        "avl.a1.uptime_targets",
        &["A1.1"],
    ),
    (
        "avl.a1.restore_tests",
        "sec.cc7.recovery_procedures",
        &["A1.3", "A1.2"],
    ),
    (
        "avl.a1.dr_plan",
        "sec.cc9.business_continuity_plan",
        &["A1.2", "CC9.1", "CC7.5"],
    ),
    (
        "avl.a1.provider_environmental",
        "sec.cc9.vendor_soc_review",
        &["A1.2", "CC9.2"],
    ),
    (
        "priv.p6.vendor_dpa",
        "sec.cc9.vendor_contract_security_terms",
        &["P6.4", "CC9.2"],
    ),
];

#[test]
fn merged_questions_are_asked_once_and_keep_every_criterion() {
    let c = builtin();
    let walk: Vec<&str> = c.manifest.questionnaires.iter().map(Text::as_str).collect();
    let position = |id: &str| walk.iter().position(|q| *q == id).unwrap();
    for (old, kept, criteria) in MERGES {
        assert!(
            c.manifest.retired_ids.iter().any(|r| r == old),
            "{old} retired"
        );
        assert!(c.question(old).is_none(), "{old} is no longer asked");
        assert_eq!(
            c.manifest.merged_into.get(old).map(Text::as_str),
            Some(*kept)
        );
        let q = c.question(kept).unwrap_or_else(|| panic!("{kept} exists"));
        for x in *criteria {
            assert!(q.criteria.iter().any(|k| k == x), "{kept} covers {x}");
        }
        // Asked where it first applies: in the earliest questionnaire of the
        // categories its criteria belong to.
        let (home, _, _) = c.questions().find(|(_, _, x)| x.id == *kept).unwrap();
        let first = q
            .criteria
            .iter()
            .map(|x| {
                c.group(&c.criterion(x).unwrap().group)
                    .unwrap()
                    .category
                    .as_str()
            })
            .map(position)
            .min()
            .unwrap();
        assert_eq!(position(&home.id), first, "{kept} sits in {}", home.id);
    }
    // The status page, vendors' data processing agreements, device wiping and the
    // review of vendors' SOC 2 reports are each asked by one SOC 2 question.
    let topics: [(&[&str], &str); 4] = [
        (&["status page"], "sec.cc2.status_page"),
        (
            &["vendor", "data processing agreement"],
            "sec.cc9.vendor_contract_security_terms",
        ),
        (&["wiped or destroyed"], "sec.cc6.secure_disposal"),
        (&["soc 2 report"], "sec.cc9.vendor_soc_review"),
    ];
    for (phrases, only) in topics {
        let asking: Vec<&str> = c
            .questions()
            .filter(|(qn, _, _)| c.category(&qn.id).is_some_and(|x| x.report == Report::Soc2))
            .filter(|(_, _, q)| {
                let text = q.text.to_lowercase();
                phrases.iter().all(|p| text.contains(p))
            })
            .map(|(_, _, q)| q.id.as_str())
            .collect();
        assert_eq!(asking, vec![only], "questions asking about {phrases:?}");
    }
}

#[test]
fn merges_name_retired_questions_and_current_controls() {
    let errs = errors_after(|c| {
        c.manifest
            .merged_into
            .insert("sec.cc1.code_of_conduct".into(), "sec.cc1.org_chart".into());
        c.manifest
            .merged_into
            .insert("avl.a1.dr_plan".into(), "scope.headcount".into());
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("`sec.cc1.code_of_conduct` is not a retired question")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e
                .contains("moves to `scope.headcount`, which is not a current control question")),
        "{errs:?}"
    );
}

#[test]
fn every_scope_question_changes_something() {
    let c = builtin();
    assert!(
        unused_scope_questions(&c).is_empty(),
        "{:?}",
        unused_scope_questions(&c)
    );
    // The allowance is explicit, for free-text questions only, each with what uses it.
    for (id, used_by) in SCOPE_RECORD_ONLY {
        let q = c.question(id).unwrap();
        assert_eq!(q.kind, soc_readiness::catalog::QuestionKind::Text, "{id}");
        assert!(used_by.split_whitespace().count() >= 4, "{id}: {used_by}");
    }
    // Hosting adds the physical section and asks for the cloud providers; frameworks
    // feed the estimate and a note.
    let errs = errors_after(|c| {
        for qn in c.questionnaires.iter_mut() {
            for s in qn.sections.iter_mut() {
                s.show_if = None;
                for q in s.questions.iter_mut() {
                    if q.id == "scope.cloud_providers" {
                        q.show_if = None;
                    }
                }
            }
        }
    });
    assert!(
        errs.iter()
            .any(|e| e.starts_with("scope.toml: scope.hosting:")
                && e.contains("no rule, condition or estimate input reads")),
        "{errs:?}"
    );
    let errs = errors_after(|c| {
        c.estimation.inputs.frameworks = "scope.tooling".into();
        c.estimation.inputs.framework_options = List::from(vec!["platform".into()]);
        for qn in c.questionnaires.iter_mut() {
            qn.rules
                .to_mut()
                .retain(|r| !r.id.starts_with("note.framework_reuse"));
        }
    });
    assert!(
        errs.iter()
            .any(|e| e.starts_with("scope.toml: scope.frameworks:")),
        "{errs:?}"
    );
    // A new scope question nothing reads is refused.
    let errs = errors_after(|c| {
        let mut q = c.question("scope.services").unwrap().clone();
        q.id = "scope.unused_example".into();
        c.questionnaires[0].sections[0].questions.to_mut().push(q);
    });
    assert!(
        errs.iter()
            .any(|e| e.starts_with("scope.toml: scope.unused_example:")),
        "{errs:?}"
    );
}

#[test]
fn framework_options_of_the_estimate_must_exist() {
    let errs = errors_after(|c| {
        c.estimation
            .inputs
            .framework_options
            .to_mut()
            .push("soc_for_cats".into());
    });
    assert!(
        errs.iter()
            .any(|e| e.contains("`soc_for_cats` is not an option of `scope.frameworks`")),
        "{errs:?}"
    );
}
