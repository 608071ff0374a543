//! Issue 6, natively: the JSON export (and its published schema), the gap CSV,
//! import with clear refusals, and share and preset links. Round trips over
//! random assessments, and the import parser and link decoders over many
//! thousands of random and mutated inputs without a panic.

mod common;

use common::*;
use proptest::prelude::*;
use soc_readiness::report::export::{self, Export};
use soc_readiness::report::share::{self, Preset, ShareOptions};
use soc_readiness::report::snapshot::Snapshot;
use soc_readiness::report::{csv, import, summary};
use soc_readiness::{evaluate, AnswerValue, Answers};
use std::sync::OnceLock;

const SCHEMA_FILE: &str = "schema/readiness-export.schema.json";

fn export_of(answers: &Answers) -> Export {
    let assumptions = assumptions();
    let r = evaluate(catalog(), answers, &assumptions);
    export::build(catalog(), &snapshot_of(answers), &r, "2027-01-04T09:00:00Z")
}

fn schema_json() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Export)).unwrap()
}

#[test]
fn published_schema_is_generated_from_the_rust_types() {
    let generated = serde_json::to_string_pretty(&schema_json()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_FILE, &generated).unwrap();
    }
    let published = std::fs::read_to_string(SCHEMA_FILE).unwrap_or_default();
    assert!(
        published == generated,
        "{SCHEMA_FILE} is out of date with the export types: run `UPDATE_SCHEMA=1 cargo test --test export_import_share` and commit it"
    );
}

fn assert_valid(doc: &serde_json::Value) {
    let validator = jsonschema::validator_for(&schema_json()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "export does not match its schema: {errors:#?}"
    );
}

#[test]
fn export_holds_scores_gaps_estimates_and_answers() {
    let a = full_security();
    let e = export_of(&a);
    let doc = serde_json::to_value(&e).unwrap();
    assert_valid(&doc);
    assert_eq!(doc["schema_version"], 3);
    assert_eq!(doc["company"], "Example SaaS");
    // Every export says what it is: a self-assessment, not an audit.
    let disclaimer = doc["disclaimer"].as_str().unwrap();
    assert!(!disclaimer.trim().is_empty());
    assert_eq!(disclaimer, catalog().manifest.disclaimer);
    assert!(
        disclaimer.to_lowercase().contains("not an audit"),
        "{disclaimer}"
    );
    assert_eq!(
        doc["questionnaire_version"],
        catalog().manifest.version.as_str()
    );
    assert!(doc["scope"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["question"] == "scope.headcount"
            && s["answer"].as_str().unwrap().starts_with("15")));
    assert!(doc["decision"]["reports"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
    // "implemented, no evidence yet" everywhere: design full marks, operating short.
    let overall = &doc["scores"]["overall"];
    assert!(overall["design"].as_f64().unwrap() > overall["operating"].as_f64().unwrap());
    assert!(!doc["scores"]["criteria"].as_array().unwrap().is_empty());
    assert!(!doc["scores"]["groups"].as_array().unwrap().is_empty());
    let gaps = doc["gaps"].as_array().unwrap();
    assert!(!gaps.is_empty());
    assert_eq!(gaps[0]["rank"], 1);
    assert!(gaps[0]["advice"].as_str().is_some_and(|s| s.len() > 20));
    assert!(gaps[0]["question"].as_str().is_some());
    assert!(doc["timeline"]["phases"]
        .as_array()
        .is_some_and(|p| p.len() >= 4));
    assert!(doc["cost"]["audit_drivers"]
        .as_array()
        .is_some_and(|d| !d.is_empty()));
    assert_eq!(doc["answers"]["values"]["scope.headcount"]["n"], 15.0);
    // Every source a driver names travels with its title and address.
    let sources = doc["sources"].as_object().expect("sources");
    let named: Vec<&str> = doc["cost"]["audit_drivers"]
        .as_array()
        .unwrap()
        .iter()
        .chain(
            doc["timeline"]["phases"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|p| p["drivers"].as_array().unwrap()),
        )
        .filter_map(|d| d["source"].as_str())
        .collect();
    assert!(!named.is_empty());
    for key in named {
        let s = &sources[key];
        assert!(s["url"].as_str().unwrap().starts_with("https://"), "{key}");
        assert!(!s["title"].as_str().unwrap().is_empty(), "{key}");
    }
}

#[test]
fn gap_csv_has_one_row_per_gap_and_defuses_formulas() {
    let mut e = export_of(&full_security());
    e.gaps[0].advice = "=HYPERLINK(\"x\"), then \"more\"".into();
    let text = csv::gaps(&e);
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), e.gaps.len() + 1);
    assert!(lines[0].starts_with("rank,question,category"));
    assert!(lines[1].starts_with("1,"));
    assert!(
        lines[1].ends_with("\"'=HYPERLINK(\"\"x\"\"), then \"\"more\"\"\""),
        "{}",
        lines[1]
    );
}

#[test]
fn control_calendar_csv_has_one_row_per_run() {
    let e = export_of(&Answers::default().with("scope.deadline", "6m"));
    let text = csv::calendar(&e);
    let mut lines = text.split("\r\n").filter(|l| !l.is_empty());
    assert_eq!(
        lines.next(),
        Some("control,every_months,due_by,must_fit_short_window")
    );
    let rows: Vec<&str> = lines.collect();
    let runs: usize = e.timeline.calendar.iter().map(|c| c.due.len()).sum();
    assert_eq!(rows.len(), runs);
    assert!(runs >= e.timeline.calendar.len());
    // A 3-month window: the yearly risk assessment is flagged.
    assert!(rows
        .iter()
        .any(|r| r.starts_with("Risk assessment,12,") && r.ends_with(",true")));
}

#[test]
fn import_refuses_bad_files_with_what_and_where() {
    let c = catalog();
    let good = serde_json::to_value(export_of(&full_security())).unwrap();
    let text = serde_json::to_string(&good).unwrap();
    let err = |t: &str| import::parse(c, t).unwrap_err().to_string();

    let e = err("this is not json");
    assert!(
        e.starts_with("line 1, column ") && e.contains("not valid JSON"),
        "{e}"
    );
    assert!(err(&text[..text.len() / 2]).contains("truncated"));
    assert!(err(&" ".repeat(import::MAX_BYTES + 1)).contains("largest accepted"));
    assert!(err("{}").starts_with("schema_version: missing"));

    let mut newer = good.clone();
    newer["schema_version"] = 4.into();
    assert!(err(&newer.to_string()).contains("newer version"));
    // A format 1 file (made before the decision carried statuses and notes) still
    // imports: its answers and assumptions are all that is read.
    let mut older = good.clone();
    older["schema_version"] = 1.into();
    older["decision"]["reports"][0]["reasons"][0]["answers"] =
        serde_json::json!([["app.security_reviews", "yes"]]);
    let back = import::parse(catalog(), &older.to_string()).expect("format 1 imports");
    assert_eq!(
        back.snapshot.answers.values.len(),
        good["answers"]["values"].as_object().unwrap().len()
    );

    let mut unknown = good.clone();
    unknown["answers"]["values"]["sec.no_such_question"] = serde_json::json!({"o": "implemented"});
    let e = err(&unknown.to_string());
    assert!(
        e.starts_with("answers.values.\"sec.no_such_question\""),
        "{e}"
    );

    let mut out_of_range = good.clone();
    out_of_range["answers"]["values"]["scope.headcount"] = serde_json::json!({"n": -5});
    let e = err(&out_of_range.to_string());
    assert!(
        e.starts_with("answers.values.\"scope.headcount\": expected a whole number from 1"),
        "{e}"
    );
    // Headcount counts people: 2.5 (which older versions let through) is dropped
    // and reported, never rounded, and the rest of the file comes in.
    let mut fractional = good.clone();
    fractional["answers"]["values"]["scope.headcount"] = serde_json::json!({"n": 2.5});
    let back = import::parse(c, &fractional.to_string()).unwrap();
    assert_eq!(back.dropped, ["scope.headcount"]);
    assert!(back.snapshot.answers.get("scope.headcount").is_none());
    // A start date in the year 1 or 9999 is not a plan.
    let mut far = good.clone();
    far["assumptions"]["start_date"] = "9999-01-01".into();
    assert!(err(&far.to_string()).contains("between 2000 and 2100"));

    let mut bad_option = good.clone();
    let first_control = c
        .questions()
        .find(|(qn, _, _)| qn.id == "security")
        .unwrap()
        .2
        .id
        .to_string();
    bad_option["answers"]["values"][&first_control] = serde_json::json!({"o": "totally"});
    assert!(err(&bad_option.to_string()).contains("expected one of"));

    let mut wrong_type = good.clone();
    wrong_type["answers"]["values"] = serde_json::json!([]);
    assert!(err(&wrong_type.to_string()).starts_with("answers.values"));

    let mut bad_tier = good;
    bad_tier["assumptions"]["tier"] = "cheapest".into();
    assert!(err(&bad_tier.to_string()).starts_with("assumptions.tier"));
}

#[test]
fn import_drops_answers_to_retired_questions() {
    let mut c = catalog().clone();
    c.manifest
        .retired_ids
        .to_mut()
        .push("sec.cc6.retired_example".into());
    let mut doc = serde_json::to_value(export_of(&full_security())).unwrap();
    doc["answers"]["values"]["sec.cc6.retired_example"] = serde_json::json!({"o": "implemented"});
    doc["answers"]["notes"]["sec.cc6.retired_example"] = "old note".into();
    let imported = import::parse(&c, &doc.to_string()).unwrap();
    let snap = &imported.snapshot;
    assert!(!snap.answers.values.contains_key("sec.cc6.retired_example"));
    assert!(!snap.answers.notes.contains_key("sec.cc6.retired_example"));
    assert_eq!(snap.answers.values, full_security().values);
    // What was dropped is reported, once, so the user can be told.
    assert_eq!(imported.dropped, vec!["sec.cc6.retired_example".to_owned()]);
    // A file without retired answers drops nothing.
    let clean = serde_json::to_string(&export_of(&full_security())).unwrap();
    assert!(import::parse(&c, &clean).unwrap().dropped.is_empty());
    // Without the retirement the same file is refused, naming the question.
    assert!(import::parse(catalog(), &doc.to_string())
        .unwrap_err()
        .to_string()
        .contains("sec.cc6.retired_example"));
}

#[test]
fn share_link_round_trips_and_is_short() {
    let c = catalog();
    let a = full_security();
    let (snapshot, r, link) = link_of(&a, ShareOptions::default());
    let data = link
        .data
        .expect("a full Security assessment fits in a link");
    println!(
        "share link for a full Security assessment with its gaps, without notes: {} characters",
        data.len()
    );
    // The summary and gap list travel by position too: well under the limit.
    assert!(
        data.len() < share::MAX_LINK / 4,
        "{} characters",
        data.len()
    );
    assert!(data.starts_with("a3."));
    let back = share::decode(c, &data).unwrap();
    assert_eq!(back.answers, a);
    assert_eq!(back.summary, summary::build(&snapshot, &r, MADE_ON, true));
    // Truncated or altered links are refused, never misread.
    assert!(share::decode(c, &data[..data.len() - 3])
        .unwrap_err()
        .to_string()
        .contains("damaged"));
    let mut chars: Vec<char> = data.chars().collect();
    let k = chars.len() / 2;
    chars[k] = if chars[k] == 'A' { 'B' } else { 'A' };
    let tampered: String = chars.into_iter().collect();
    assert!(share::decode(c, &tampered)
        .unwrap_err()
        .to_string()
        .contains("damaged"));
    assert!(share::decode(c, "a9.AAAA")
        .unwrap_err()
        .to_string()
        .contains("newer version"));
    let older = format!("a1.{}", &data[3..]);
    assert!(share::decode(c, &older)
        .unwrap_err()
        .to_string()
        .contains("older version"));
}

#[test]
fn share_link_leaves_out_notes_that_do_not_fit() {
    let c = catalog();
    let mut a = full_security();
    // Two notes at the longest a note may be: more than a link holds.
    let big = "n".repeat(soc_readiness::report::check::MAX_NOTE);
    a.notes.insert("scope.headcount".into(), big.clone());
    a.notes.insert("scope.company_name".into(), big);
    let (_, _, link) = link_of(
        &a,
        ShareOptions {
            gaps: true,
            notes: true,
        },
    );
    assert!(!link.notes_included);
    let back = share::decode(c, link.data.as_deref().unwrap()).unwrap();
    assert!(back.answers.notes.is_empty());
    assert_eq!(back.answers.values, a.values);
    assert!(back.summary.gaps.is_some());
}

#[test]
fn preset_keeps_markup_as_text_and_enforces_limits() {
    let c = catalog();
    let p = Preset {
        organisation: "<img src=x onerror=alert(1)>".into(),
        contact: "sales@example.com".into(),
        message: "Start here & tell us how it goes".into(),
        categories: vec!["security".into(), "availability".into()],
        answers: Answers::default().with("scope.headcount", AnswerValue::Number(40.0)),
    };
    let data = share::encode_preset(c, &p).unwrap();
    assert_eq!(share::decode_preset(c, &data).unwrap(), p);
    let long = Preset {
        message: "x".repeat(share::MAX_MESSAGE + 1),
        ..p.clone()
    };
    assert!(share::encode_preset(c, &long)
        .unwrap_err()
        .to_string()
        .starts_with("preset.message"));
    let unknown = Preset {
        categories: vec!["marketing".into()],
        ..p
    };
    assert!(share::encode_preset(c, &unknown).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_the_same_assessment(picks in prop::collection::vec(any::<(u8, u16)>(), 1..40), notes in 0usize..7) {
        let a = answers_from(&picks, notes);
        let e = export_of(&a);
        let text = serde_json::to_string_pretty(&e).unwrap();
        let back = import::parse(catalog(), &text).unwrap();
        prop_assert!(back.dropped.is_empty());
        prop_assert_eq!(back.snapshot, Snapshot { answers: a, assumptions: e.assumptions.clone(), registers: Default::default() });
    }

    #[test]
    fn every_export_validates_against_the_schema(picks in prop::collection::vec(any::<(u8, u16)>(), 1..40)) {
        let doc = serde_json::to_value(export_of(&answers_from(&picks, 3))).unwrap();
        assert_valid(&doc);
    }

    #[test]
    fn share_link_then_open_gives_the_same_answers(picks in prop::collection::vec(any::<(u8, u16)>(), 1..40), notes in 0usize..7) {
        let a = answers_from(&picks, notes);
        let (snapshot, r, link) = link_of(&a, ShareOptions { gaps: true, notes: true });
        let back = share::decode(catalog(), link.data.as_deref().unwrap()).unwrap();
        prop_assert_eq!(&back.answers.values, &a.values);
        prop_assert_eq!(&back.summary, &summary::build(&snapshot, &r, MADE_ON, true));
        // Notes travel when they fit, all or none.
        let expected = if link.notes_included { a.notes.clone() } else { Default::default() };
        prop_assert_eq!(back.answers.notes, expected);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn decoders_never_panic_on_random_text(s in "\\PC{0,300}") {
        let _ = import::parse(catalog(), &s);
        let _ = share::decode(catalog(), &s);
        let _ = share::decode_preset(catalog(), &s);
        let _ = share::decode(catalog(), &format!("a1.{s}"));
        let _ = share::decode(catalog(), &format!("a3.{s}"));
    }

    #[test]
    fn decoders_never_panic_on_mutated_links(cut in 0usize..400, flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4)) {
        let c = catalog();
        static DATA: OnceLock<String> = OnceLock::new();
        let data = DATA
            .get_or_init(|| {
                let options = ShareOptions { gaps: true, notes: true };
                link_of(&answers_from(&[(1, 3), (2, 7), (3, 1)], 5), options).2.data.unwrap()
            })
            .clone();
        let mut bytes = data.into_bytes();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[usize::from(b) % 64];
        }
        bytes.truncate(bytes.len().saturating_sub(cut % 8));
        let text = String::from_utf8(bytes).unwrap();
        if let Ok(shared) = share::decode(c, &text) {
            // Anything accepted passed every check an import makes, and its
            // summary only names what a real assessment could.
            prop_assert!(soc_readiness::report::check::answers(c, &shared.answers).is_ok());
            prop_assert!(summary::check(c, &shared.summary).is_ok());
        }
    }

    #[test]
    fn import_never_panics_on_mutated_exports(cut in 0usize..2000, at in any::<prop::sample::Index>(), b in any::<u8>()) {
        static TEXT: OnceLock<String> = OnceLock::new();
        let text = TEXT.get_or_init(|| serde_json::to_string(&export_of(&answers_from(&[(1, 3), (2, 7)], 4))).unwrap());
        let mut bytes = text.as_bytes().to_vec();
        let i = at.index(bytes.len());
        bytes[i] = b;
        bytes.truncate(bytes.len() - cut.min(bytes.len()));
        let _ = import::parse(catalog(), &String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn assumptions_outside_their_bounds_or_out_of_order_are_dropped_never_reordered() {
    let c = catalog();
    let good = serde_json::to_value(export_of(&full_security())).unwrap();
    let with = |r: serde_json::Value| {
        let mut doc = good.clone();
        doc["assumptions"]["overrides"] = serde_json::json!({ "cost.internal.hourly_rate": r });
        import::parse(c, &doc.to_string()).unwrap()
    };
    let kept = with(serde_json::json!([50, 80, 120]));
    assert!(kept.dropped.is_empty());
    assert_eq!(
        kept.snapshot
            .assumptions
            .overrides
            .get("cost.internal.hourly_rate"),
        Some(&[50.0, 80.0, 120.0])
    );
    // Out of order, absurd or below the bound (older versions let these through):
    // dropped and reported, never re-sorted or clamped.
    for bad in [
        serde_json::json!([50, 130, 120]),
        serde_json::json!([50, 80, 1e300]),
        serde_json::json!([0, 80, 120]),
    ] {
        let back = with(bad.clone());
        assert_eq!(
            back.dropped,
            ["assumption cost.internal.hourly_rate"],
            "{bad}"
        );
        assert!(back.snapshot.assumptions.overrides.is_empty(), "{bad}");
    }
    // The check itself says what fits.
    let mut a = soc_readiness::Assumptions::default();
    a.overrides
        .insert("cost.internal.hourly_rate".into(), [50.0, 130.0, 120.0]);
    let e = soc_readiness::report::check::assumptions(c, &a)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("expected low <= likely <= high, each from 10 to 1000"),
        "{e}"
    );
    // The estimate never takes an override the bounds refuse.
    let mut overrides = litemap::LiteMap::new();
    overrides.insert(
        "cost.internal.hourly_rate".to_string(),
        [50.0, 130.0, 120.0],
    );
    let p = c.estimation.with_overrides(&overrides);
    assert_eq!(
        p.cost.internal.hourly_rate,
        c.estimation.cost.internal.hourly_rate
    );
}

#[test]
fn answers_to_merged_questions_move_to_the_question_that_asks_them_now() {
    let c = catalog();
    let base = Answers::default()
        .with("scope.company_name", "Merged Ltd")
        .with("sec.cc9.vendor_contract_security_terms", "evidenced");
    let mut doc = serde_json::to_value(export_of(&base)).unwrap();
    let values = &mut doc["answers"]["values"];
    // The old Availability DR plan question, with its note.
    values["avl.a1.dr_plan"] = serde_json::json!({"o": "evidenced"});
    doc["answers"]["notes"]["avl.a1.dr_plan"] = "tested in March".into();
    let values = &mut doc["answers"]["values"];
    // Two retired questions now asked by one: the lower answer wins.
    values["sec.cc6.datacenter_physical_security"] = serde_json::json!({"o": "implemented"});
    values["avl.a1.provider_environmental"] = serde_json::json!({"o": "partial"});
    // Not applicable moves too (its reason with it).
    values["avl.a1.restore_tests"] = serde_json::json!({"o": "na"});
    doc["answers"]["notes"]["avl.a1.restore_tests"] = "no stored data".into();
    // The kept question already has an answer: it stays, the old one is dropped.
    doc["answers"]["values"]["priv.p6.vendor_dpa"] = serde_json::json!({"o": "no"});

    let imported = import::parse(c, &doc.to_string()).unwrap();
    let a = &imported.snapshot.answers;
    let one = |id: &str| a.get(id).and_then(AnswerValue::as_str);
    assert_eq!(one("sec.cc9.business_continuity_plan"), Some("evidenced"));
    assert_eq!(
        a.notes
            .get("sec.cc9.business_continuity_plan")
            .map(String::as_str),
        Some("tested in March")
    );
    assert_eq!(one("sec.cc9.vendor_soc_review"), Some("partial"));
    assert_eq!(one("sec.cc7.recovery_procedures"), Some("na"));
    assert_eq!(
        a.notes
            .get("sec.cc7.recovery_procedures")
            .map(String::as_str),
        Some("no stored data")
    );
    assert_eq!(
        one("sec.cc9.vendor_contract_security_terms"),
        Some("evidenced")
    );
    // No retired ID survives; what did not move is reported as left out.
    for id in &c.manifest.retired_ids {
        assert!(
            !a.values.contains_key(id.as_str()) && !a.notes.contains_key(id.as_str()),
            "{id}"
        );
    }
    assert_eq!(
        imported.dropped,
        vec![
            "priv.p6.vendor_dpa".to_owned(),
            "sec.cc6.datacenter_physical_security".to_owned()
        ]
    );
    // The moved answers count where they now belong.
    let r = evaluate(c, a, &assumptions());
    assert!(r
        .gaps
        .iter()
        .any(|g| g.question == "sec.cc9.vendor_soc_review"));
}
