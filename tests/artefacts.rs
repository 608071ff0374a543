//! The auditor pack from known answers: the register drafts and the concerns an
//! auditor raises, the evidence request list with its samples, the crosswalk,
//! and the registers kept through storage, export, import, share links and merges.

mod common;

use common::{assumptions, catalog, snapshot_of};
use soc_readiness::assessment::{artefacts, Artefacts};
use soc_readiness::catalog::kinds::{Frequency, Report};
use soc_readiness::engine::evidence::EvidenceStatus;
use soc_readiness::engine::registers::{
    self, BridgeLetter, Choice, ConcernKind, Coverage, CustomerControl, Method, Opinion,
    ProviderReport, Registers, Subservice,
};
use soc_readiness::estimate::date::parse as day_of;
use soc_readiness::report::library::{self, Record, RecordV2};
use soc_readiness::report::snapshot::{Snapshot, SnapshotV1};
use soc_readiness::report::{csv, export, import, share, summary};
use soc_readiness::{evaluate, AnswerValue, Answers, Readiness};

fn date(s: &str) -> time::Date {
    day_of(s).unwrap()
}

/// A first SOC 2, Security only, on AWS and Google Cloud with four providers in all.
fn saas() -> Answers {
    let mut a = Answers::default()
        .with("scope.company_name", "Example SaaS")
        .with("scope.headcount", 40.0)
        .with("scope.hosting", "cloud")
        .with("scope.cloud_providers", ["aws", "gcp"])
        .with("scope.subservice_count", 4.0)
        .with("scope.subservice_method", "carve_out")
        .with("scope.customer_features", ["user_admin", "api_keys"])
        .with("app.security_reviews", "yes")
        .with("app.financial_impact", "no")
        .with("app.prior_report", "none")
        .with("app.type1_accepted", "no");
    a.values.insert(
        "app.categories".into(),
        AnswerValue::Many(vec!["security_only".into()]),
    );
    a
}

fn with_security(mut a: Answers, step: &str) -> Answers {
    for (qn, _, q) in catalog().questions() {
        if qn.id == "security" {
            a = a.with(&q.id, step);
        }
    }
    a
}

fn pack(inputs: &Snapshot) -> (Readiness, Artefacts) {
    let r = evaluate(catalog(), &inputs.answers, &inputs.assumptions);
    let a = artefacts(
        catalog(),
        &inputs.answers,
        &inputs.assumptions,
        &inputs.registers,
        &r,
    );
    (r, a)
}

fn ids<T>(rows: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    rows.iter().map(|r| id(r).to_owned()).collect()
}

#[test]
fn providers_are_drafted_from_hosting_clouds_and_count() {
    let (_, a) = pack(&snapshot_of(&saas()));
    let rows: Vec<&Subservice> = a.subservices.iter().map(|e| &e.subservice).collect();
    assert_eq!(
        rows.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["aws", "gcp", "other-3", "other-4"]
    );
    assert_eq!(rows[0].name, "Amazon Web Services");
    assert!(rows[0]
        .relied_on
        .iter()
        .any(|c| c.contains("Physical and environmental")));
    assert!(rows.iter().all(|s| s.method == Method::CarveOut));
    // Nothing recorded yet: every row asks for a report and a review date.
    for e in &a.subservices {
        let kinds: Vec<ConcernKind> = e.concerns.iter().map(|c| c.kind).collect();
        assert!(kinds.contains(&ConcernKind::NoReport), "{kinds:?}");
        assert!(kinds.contains(&ConcernKind::ReviewNotPlanned), "{kinds:?}");
    }
    // The added rows have no name yet, and say so.
    assert_eq!(a.subservices[2].concerns[0].kind, ConcernKind::Unnamed);

    // Inclusive chosen in scope carries into the draft, and a hyperscale cloud refuses it.
    let inclusive = saas()
        .with("scope.subservice_method", "inclusive")
        .with("scope.subservice_count", 2.0);
    let (_, a) = pack(&snapshot_of(&inclusive));
    assert_eq!(ids(&a.subservices, |e| &e.subservice.id), ["aws", "gcp"]);
    assert!(a
        .subservices
        .iter()
        .all(|e| e.subservice.method == Method::Inclusive));
    let kinds: Vec<ConcernKind> = a.subservices[0].concerns.iter().map(|c| c.kind).collect();
    assert!(
        kinds.contains(&ConcernKind::InclusiveNotPossible),
        "{kinds:?}"
    );
    // A count of zero hides the method question, yet the cloud is still listed.
    let none = saas()
        .with("scope.subservice_method", "inclusive")
        .with("scope.subservice_count", 0.0);
    let (_, a) = pack(&snapshot_of(&none));
    assert_eq!(ids(&a.subservices, |e| &e.subservice.id), ["aws", "gcp"]);
    assert!(a
        .subservices
        .iter()
        .all(|e| e.subservice.method == Method::CarveOut));

    // Own hardware: no cloud row, and the cloud question's stale answer is ignored.
    let own = saas()
        .with("scope.hosting", "own_dc")
        .with("scope.subservice_count", 1.0);
    let (_, a) = pack(&snapshot_of(&own));
    assert_eq!(ids(&a.subservices, |e| &e.subservice.id), ["other-1"]);
}

#[test]
fn customer_controls_follow_the_features_and_the_reports_in_view() {
    let (r, a) = pack(&snapshot_of(&saas()));
    assert_eq!(r.drafts.customer_controls, a.customer_controls);
    let got = ids(&a.customer_controls, |c| &c.id);
    for id in [
        "manage_users",
        "review_access",
        "protect_api_keys",
        "authorised_contacts",
        "report_incidents",
        "secure_endpoints",
    ] {
        assert!(got.contains(&id.to_owned()), "{id} in {got:?}");
    }
    for id in ["own_sso", "turn_on_mfa", "review_integrations", "own_data"] {
        assert!(!got.contains(&id.to_owned()), "{id} in {got:?}");
    }
    assert!(a.customer_controls.iter().all(|c| c.report == Report::Soc2));

    // SOC 1 only: no SOC 2 drafts, the objectives' customer controls instead.
    let soc1 = Answers::default()
        .with("app.report", "soc1")
        .with("app.financial_impact", "yes")
        .with("app.security_reviews", "no")
        .with("scope.customer_features", ["user_admin", "sso"]);
    let (r, a) = pack(&snapshot_of(&soc1));
    assert!(
        r.decision.categories_in_scope.is_empty(),
        "{:?}",
        r.decision
    );
    assert!(!a.customer_controls.is_empty());
    assert!(a
        .customer_controls
        .iter()
        .all(|c| c.report == Report::Soc1 && c.id.starts_with("soc1.")));
    assert_eq!(a.customer_controls.len(), r.cuecs.len());
}

fn provider(report: ProviderReport, period_end: &str) -> Subservice {
    Subservice {
        id: "own-1".into(),
        name: "Payments Ltd".into(),
        service: "Card payments".into(),
        method: Method::CarveOut,
        inclusive_agreed: false,
        relied_on: vec!["Card data storage".into()],
        report,
        period_end: period_end.into(),
        opinion: Opinion::Unmodified,
        bridge_letter: BridgeLetter::NotKnown,
        next_review: "2028-06-30".into(),
    }
}

fn kinds(s: &Subservice, cover: &Coverage) -> Vec<ConcernKind> {
    registers::concerns(catalog(), s, cover)
        .iter()
        .map(|c| c.kind)
        .collect()
}

#[test]
fn concerns_name_stale_short_and_unsuitable_reports() {
    // A window that has run (as at a renewal), judged on 2027-10-15.
    let cover = Coverage {
        today: date("2027-10-15"),
        opens: date("2027-01-01"),
        closes: date("2027-09-30"),
        type2: true,
    };
    // A Type II whose period ends with the window: nothing to raise.
    assert!(kinds(&provider(ProviderReport::Soc2Type2, "2027-09-30"), &cover).is_empty());
    // Ends inside the window: a bridge letter or the next report, with both dates.
    let short = provider(ProviderReport::Soc2Type2, "2027-06-30");
    let said = registers::concerns(catalog(), &short, &cover);
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].kind, ConcernKind::EndsBeforeWindow);
    assert!(
        said[0].text.contains("2027-06-30") && said[0].text.contains("2027-09-30"),
        "{}",
        said[0].text
    );
    // ... unless the bridge letter is in hand.
    let bridged = Subservice {
        bridge_letter: BridgeLetter::Received,
        ..short.clone()
    };
    assert!(kinds(&bridged, &cover).is_empty());
    // Ends before the window opens: the next report is needed, and a letter does not replace it.
    let before = Subservice {
        bridge_letter: BridgeLetter::Received,
        ..provider(ProviderReport::Soc2Type2, "2026-11-30")
    };
    let said = registers::concerns(catalog(), &before, &cover);
    assert_eq!(
        said.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [ConcernKind::MissesWindow]
    );
    assert!(said[0].text.contains("2027-01-01"), "{}", said[0].text);
    // Exactly 12 months old is not stale; a day more is.
    assert!(
        !kinds(&provider(ProviderReport::Soc2Type2, "2026-10-15"), &cover)
            .contains(&ConcernKind::Stale)
    );
    assert!(
        kinds(&provider(ProviderReport::Soc2Type2, "2026-10-14"), &cover)
            .contains(&ConcernKind::Stale)
    );
    // A period that has not ended cannot have a report.
    assert_eq!(
        kinds(&provider(ProviderReport::Soc2Type2, "2027-12-31"), &cover),
        [ConcernKind::PeriodNotEnded]
    );
    // A Type I cannot cover a Type II window; it does cover a Type I date before its end.
    let type1 = provider(ProviderReport::Soc2Type1, "2027-09-30");
    assert_eq!(kinds(&type1, &cover), [ConcernKind::TypeOneOnly]);
    let type1_plan = Coverage {
        type2: false,
        opens: date("2027-08-01"),
        closes: date("2027-08-01"),
        ..cover
    };
    assert!(kinds(&type1, &type1_plan).is_empty());
    // Before a Type I date: a bridge letter, never "misses the window".
    assert_eq!(
        kinds(
            &provider(ProviderReport::Soc2Type2, "2027-06-30"),
            &type1_plan
        ),
        [ConcernKind::EndsBeforeWindow]
    );
    // A report without its period end cannot be checked.
    assert_eq!(
        kinds(&provider(ProviderReport::Soc2Type2, ""), &cover),
        [ConcernKind::NoPeriodEnd]
    );
    // Inclusive needs the provider's written agreement; a hyperscale cloud never agrees.
    let inclusive = Subservice {
        method: Method::Inclusive,
        ..provider(ProviderReport::Soc2Type2, "2027-09-30")
    };
    assert_eq!(kinds(&inclusive, &cover), [ConcernKind::InclusiveNotAgreed]);
    let agreed = Subservice {
        inclusive_agreed: true,
        ..inclusive.clone()
    };
    assert!(kinds(&agreed, &cover).is_empty());
    let aws = Subservice {
        id: "aws".into(),
        inclusive_agreed: true,
        ..inclusive
    };
    assert_eq!(kinds(&aws, &cover), [ConcernKind::InclusiveNotPossible]);
    // A qualified opinion, a past review and a certificate instead of a report.
    let worse = Subservice {
        opinion: Opinion::Qualified,
        next_review: "2027-06-30".into(),
        ..provider(ProviderReport::Other, "2027-09-30")
    };
    assert_eq!(
        kinds(&worse, &cover),
        [
            ConcernKind::WeakReport,
            ConcernKind::Opinion,
            ConcernKind::ReviewNotPlanned
        ]
    );
}

#[test]
fn the_register_is_judged_against_the_planned_window() {
    let a = with_security(saas(), "evidenced");
    let mut inputs = snapshot_of(&a);
    let (r, _) = pack(&inputs);
    assert!(!r.decision.is_type1());
    let obs = r
        .estimate
        .timeline
        .phases
        .iter()
        .find(|p| p.id == "observation")
        .unwrap();
    // The current report (period ended before the plan starts) misses the window
    // the plan opens later: the concern names the window's likely opening date.
    inputs.registers.subservices = Some(vec![provider(ProviderReport::Soc2Type2, "2026-12-31")]);
    let (_, a) = pack(&inputs);
    let said = &a.subservices[0].concerns;
    let misses = said
        .iter()
        .find(|c| c.kind == ConcernKind::MissesWindow)
        .unwrap_or_else(|| panic!("{said:?}"));
    assert!(misses.text.contains(&obs.start.likely), "{}", misses.text);
    // Judged as at the plan's start: a period ending after it is not issued yet.
    inputs.registers.subservices = Some(vec![provider(ProviderReport::Soc2Type2, "2027-01-05")]);
    let (_, a) = pack(&inputs);
    let kinds: Vec<ConcernKind> = a.subservices[0].concerns.iter().map(|c| c.kind).collect();
    assert!(kinds.contains(&ConcernKind::PeriodNotEnded), "{kinds:?}");
}

#[test]
fn edited_registers_are_kept_and_missing_drafts_offered() {
    let mut inputs = snapshot_of(&saas());
    inputs.registers = Registers {
        subservices: Some(vec![provider(ProviderReport::Soc2Type2, "2027-12-31")]),
        customer_controls: Some(vec![CustomerControl {
            id: "own-1".into(),
            text: "Customers rotate their webhook secrets every quarter.".into(),
            report: Report::Soc2,
            criteria: vec![],
        }]),
    };
    let (r, a) = pack(&inputs);
    assert_eq!(ids(&a.subservices, |e| &e.subservice.id), ["own-1"]);
    assert_eq!(
        ids(&a.suggested_subservices, |s| &s.id),
        ids(&r.drafts.subservices, |s| &s.id)
    );
    assert_eq!(a.customer_controls.len(), 1);
    assert_eq!(
        a.suggested_customer_controls.len(),
        r.drafts.customer_controls.len()
    );
    // The shared summary carries the user's wording.
    let s = summary::build(&inputs, &r, common::MADE_ON, false);
    assert_eq!(
        s.customer_controls,
        ["Customers rotate their webhook secrets every quarter."]
    );
}

#[test]
fn evidence_requests_carry_owner_frequency_and_samples_capped_by_the_window() {
    let a = with_security(saas(), "implemented")
        .with("sec.cc1.code_of_conduct", "evidenced")
        .with("sec.cc1.background_checks", "na")
        .with("sec.cc1.board_oversight", "planned");
    let inputs = snapshot_of(&a);
    let (r, pack) = pack(&inputs);
    let months = r.decision.window_months;
    assert!(!r.decision.is_type1());
    let list = &pack.evidence;
    // Every visible Security control but the one not applicable.
    let applicable = r.scores.overall.applicable - r.scores.overall.not_applicable;
    assert_eq!(list.len(), applicable);
    assert!(!list
        .iter()
        .any(|e| e.question == "sec.cc1.background_checks"));
    let row = |id: &str| list.iter().find(|e| e.question == id).unwrap();
    let coc = row("sec.cc1.code_of_conduct");
    assert_eq!(coc.status, EvidenceStatus::Kept);
    assert_eq!(coc.owner, "People (HR)");
    assert_eq!(coc.frequency, Frequency::Annual);
    assert!(coc.evidence.contains("acknowledgements"));
    assert_eq!(
        row("sec.cc1.board_oversight").status,
        EvidenceStatus::ToBuild
    );
    assert_eq!(
        row("sec.cc6.access_reviews_quarterly").status,
        EvidenceStatus::NotKept
    );
    // Samples: the typical 12-month figure, never above the instances in the window.
    for e in list {
        let s = e.sample.as_ref().expect("a Type II samples");
        let rule = catalog().auditor.sample(e.frequency).unwrap();
        assert!(s.low <= s.high && s.high <= rule.sample[1], "{e:?}");
        if let Some(per_year) = rule.per_year {
            let instances = (per_year * months).div_ceil(12);
            assert!(s.high <= instances.max(1), "{}: {s:?}", e.question);
        }
        assert!(s.source.is_some() || s.assumption);
    }
    let yearly = list
        .iter()
        .find(|e| e.frequency == Frequency::Annual)
        .unwrap();
    assert_eq!(yearly.sample.as_ref().unwrap().text, "1");
    let per_event = list
        .iter()
        .find(|e| e.frequency == Frequency::PerEvent)
        .unwrap();
    assert_eq!(
        per_event.sample.as_ref().unwrap().text,
        "about 10 % of them, 3 to 30"
    );
    // The cap, by itself: a quarterly control in a 3-month window runs once.
    let quarterly = catalog().auditor.sample(Frequency::Quarterly).unwrap();
    let s = soc_readiness::engine::evidence::sample(quarterly, 3);
    assert_eq!((s.low, s.high, s.text.as_str()), (1, 1, "1"));
    let monthly = catalog().auditor.sample(Frequency::Monthly).unwrap();
    let s = soc_readiness::engine::evidence::sample(monthly, 3);
    assert_eq!((s.low, s.high, s.text.as_str()), (2, 3, "2 to 3"));
    let s = soc_readiness::engine::evidence::sample(monthly, 12);
    assert_eq!((s.low, s.high), (2, 5));

    // A Type I: one instance, no sample.
    let type1 = a
        .clone()
        .with("app.type1_accepted", "yes")
        .with("scope.deadline", "date")
        .with("scope.deadline_date", "2027-03-05");
    let (r, pack) = self::pack(&snapshot_of(&type1));
    assert!(r.decision.is_type1(), "{:?}", r.decision.report_type);
    assert!(!pack.evidence.is_empty());
    assert!(pack.evidence.iter().all(|e| e.sample.is_none()));
}

#[test]
fn crosswalk_lists_the_assessed_criteria_with_their_gaps() {
    let a = with_security(saas(), "implemented").with("sec.cc6.mfa_everywhere", "partial");
    let (r, pack) = pack(&snapshot_of(&a));
    let rows = &pack.crosswalk;
    assert_eq!(rows.len(), 33, "Security has 33 criteria");
    assert!(rows.iter().all(|x| x.criterion.starts_with("CC")));
    let cc61 = rows.iter().find(|x| x.criterion == "CC6.1").unwrap();
    assert!(cc61.gaps.iter().any(|g| g == "sec.cc6.mfa_everywhere"));
    assert!(cc61
        .iso
        .iter()
        .any(|h| h.id == "5.15" && !h.label.is_empty()));
    assert!(cc61
        .csf
        .iter()
        .any(|h| h.id == "PR.AA" && !h.label.is_empty()));
    let score = r.scores.criteria.iter().find(|s| s.id == "CC6.1").unwrap();
    assert_eq!(cc61.score, score.target);
    // Each row lists exactly the gaps on its criterion.
    for x in rows {
        let on: Vec<&str> = r
            .gaps
            .iter()
            .filter(|g| g.criteria.contains(&x.criterion))
            .map(|g| g.question.as_str())
            .collect();
        assert_eq!(x.gaps, on, "{}", x.criterion);
    }
}

#[test]
fn registers_travel_through_export_import_storage_and_merge() {
    let mut inputs = snapshot_of(&with_security(saas(), "implemented"));
    inputs.registers.subservices = Some(vec![provider(ProviderReport::Soc2Type2, "2027-12-31")]);
    let r = evaluate(catalog(), &inputs.answers, &inputs.assumptions);
    let e = export::build(catalog(), &inputs, &r, "2027-01-04T09:00:00Z");
    assert_eq!(e.schema_version, 3);
    assert_eq!(e.subservices.len(), 1);
    assert!(!e.evidence_requests.is_empty() && !e.crosswalk.is_empty());
    let text = serde_json::to_string(&e).unwrap();
    let back = import::parse(catalog(), &text).unwrap();
    assert_eq!(back.snapshot, inputs);

    // A format 2 file has no registers: they follow the draft, as they did then.
    let mut v2: serde_json::Value = serde_json::from_str(&text).unwrap();
    v2["schema_version"] = 2.into();
    let obj = v2.as_object_mut().unwrap();
    for key in [
        "registers",
        "subservices",
        "customer_controls",
        "evidence_requests",
        "crosswalk",
    ] {
        obj.remove(key);
    }
    let back = import::parse(catalog(), &v2.to_string()).expect("format 2 imports");
    assert_eq!(back.snapshot.registers, Registers::default());
    assert_eq!(back.snapshot.answers, inputs.answers);

    // Register values outside the limits are refused with where.
    let mut bad: serde_json::Value = serde_json::from_str(&text).unwrap();
    bad["registers"]["subservices"][0]["period_end"] = "31/12/2027".into();
    let err = import::parse(catalog(), &bad.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("registers.subservices[0].period_end"),
        "{err}"
    );
    let mut long: serde_json::Value = serde_json::from_str(&text).unwrap();
    long["registers"]["subservices"][0]["name"] = "x".repeat(401).into();
    let err = import::parse(catalog(), &long.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("registers.subservices[0].name"), "{err}");

    // Stored in the browser: version 3 keeps the registers; version 2 reads without them.
    let record = Record {
        name: "Kept".into(),
        snapshot: inputs.clone(),
        ..Record::default()
    };
    let stored = library::encode(&record);
    assert_eq!(library::decode(catalog(), &stored).unwrap(), record);
    let old = library::encode_v2(&RecordV2 {
        name: "Old".into(),
        snapshot: SnapshotV1 {
            answers: inputs.answers.clone(),
            assumptions: inputs.assumptions.clone(),
        },
        ..RecordV2::default()
    });
    assert!(old.starts_with("v2:"));
    let back = library::decode(catalog(), &old).unwrap();
    assert_eq!(back.name, "Old");
    assert_eq!(back.snapshot.registers, Registers::default());

    // Two tabs: the one that edited a register keeps its edit, the other's answers merge in.
    let base = snapshot_of(&saas());
    let mine = Snapshot {
        registers: inputs.registers.clone(),
        ..base.clone()
    };
    let theirs = Snapshot {
        answers: base.answers.clone().with("scope.headcount", 60.0),
        ..base.clone()
    };
    let merged = library::merge(&base, &mine, &theirs);
    assert_eq!(merged.registers, inputs.registers);
    assert_eq!(
        merged.answers.get("scope.headcount"),
        Some(&AnswerValue::Number(60.0))
    );
    // Both tabs edit the register: this one renames a provider, the other adds one;
    // both edits are kept, row by row.
    let both = Snapshot {
        registers: Registers {
            subservices: Some(vec![provider(ProviderReport::Soc2Type2, "2026-12-31")]),
            customer_controls: None,
        },
        ..base.clone()
    };
    let renamed = {
        let mut s = both.clone();
        s.registers.subservices.as_mut().unwrap()[0].name = "Payments GmbH".into();
        s
    };
    let added = {
        let mut s = both.clone();
        let mut extra = provider(ProviderReport::NotKnown, "");
        extra.id = "own-2".into();
        s.registers.subservices.as_mut().unwrap().push(extra);
        s
    };
    let merged = library::merge(&both, &renamed, &added);
    let rows = merged.registers.subservices.unwrap();
    assert_eq!(ids(&rows, |r| &r.id), ["own-1", "own-2"]);
    assert_eq!(rows[0].name, "Payments GmbH");
    // A row removed here goes, even when the other tab kept it.
    let removed = Snapshot {
        registers: Registers {
            subservices: Some(vec![]),
            customer_controls: None,
        },
        ..both.clone()
    };
    let merged = library::merge(&both, &removed, &added);
    assert_eq!(
        ids(&merged.registers.subservices.unwrap(), |r| &r.id),
        ["own-2"]
    );
}

#[test]
fn share_links_carry_the_customer_controls() {
    let mut inputs = snapshot_of(&with_security(saas(), "implemented"));
    let r = evaluate(catalog(), &inputs.answers, &inputs.assumptions);
    let link = share::encode(
        catalog(),
        &inputs,
        &r,
        common::MADE_ON,
        share::ShareOptions::default(),
    );
    let back = share::decode(catalog(), &link.data.unwrap()).unwrap();
    let drafted: Vec<String> = r
        .drafts
        .customer_controls
        .iter()
        .map(|c| c.text.clone())
        .collect();
    assert!(!drafted.is_empty());
    assert_eq!(back.summary.customer_controls, drafted);
    // An edited list travels as edited.
    inputs.registers.customer_controls = Some(vec![]);
    let link = share::encode(
        catalog(),
        &inputs,
        &r,
        common::MADE_ON,
        share::ShareOptions::default(),
    );
    let back = share::decode(catalog(), &link.data.unwrap()).unwrap();
    assert!(back.summary.customer_controls.is_empty());
}

#[test]
fn csv_files_have_a_row_per_entry() {
    let mut inputs = snapshot_of(&with_security(saas(), "implemented"));
    inputs.registers.subservices = Some(vec![Subservice {
        name: "=cmd|' /C calc'!A0".into(),
        ..provider(ProviderReport::Soc2Type2, "2026-12-31")
    }]);
    let r = evaluate(catalog(), &inputs.answers, &inputs.assumptions);
    let e = export::build(catalog(), &inputs, &r, "2027-01-04T09:00:00Z");
    let lines = |t: String| t.lines().count();
    assert_eq!(lines(csv::evidence(&e)), 1 + e.evidence_requests.len());
    assert_eq!(lines(csv::crosswalk(&e)), 1 + e.crosswalk.len());
    assert_eq!(
        lines(csv::customer_controls(&e)),
        1 + e.customer_controls.len()
    );
    let subs = csv::subservices(&e);
    assert_eq!(lines(subs.clone()), 2);
    // A formula in a name is never run by a spreadsheet, and the concern is in the row.
    assert!(subs.contains("'=cmd"), "{subs}");
    assert!(
        subs.contains(",carve_out,") && subs.contains("soc2_type2"),
        "{subs}"
    );
    assert!(subs.contains("bridge letter"), "{subs}");
}

#[test]
fn choice_ids_are_the_export_ids() {
    fn check<T: serde::Serialize + Copy>(all: &[T], id: impl Fn(T) -> &'static str) {
        for v in all {
            assert_eq!(serde_json::to_value(v).unwrap(), id(*v));
        }
    }
    check(Method::ALL, Method::id);
    check(ProviderReport::ALL, ProviderReport::id);
    check(Opinion::ALL, Opinion::id);
    check(BridgeLetter::ALL, BridgeLetter::id);
    assert_eq!(
        ProviderReport::from_id("soc2_type2"),
        Some(ProviderReport::Soc2Type2)
    );
    assert_eq!(ProviderReport::from_id("nonsense"), None);
    let _ = assumptions();
}
