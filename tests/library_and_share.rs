//! Saved assessments (records, their names and file names, and the merge of two
//! tabs' edits) and share links with their read-only summary: round trips over
//! random assessments, refusals with the right words, and crafted links that
//! must never show what a real assessment could not.

mod common;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use common::*;
use litemap::LiteMap;
use proptest::prelude::*;
use serde::Serialize;
use soc_readiness::catalog::kinds::{Report, ReportType};
use soc_readiness::catalog::QuestionKind;
use soc_readiness::report::check::{self, Problem};
use soc_readiness::report::library::{self, Record};
use soc_readiness::report::share::{self, ShareOptions};
use soc_readiness::report::snapshot::{self, Snapshot, SnapshotV1};
use soc_readiness::report::summary::{self, Line, Summary, SummaryGap};
use soc_readiness::{evaluate, AnswerValue, Answers, Assumptions};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const TIERS: [&str; 3] = ["boutique", "mid_tier", "large_firm"];
const OPTIONAL_CATEGORIES: [&str; 4] = [
    "availability",
    "confidentiality",
    "processing_integrity",
    "privacy",
];

/// Every question answered, every category in scope, controls spread over the
/// whole scale (so there are many gaps), no notes: the largest common link.
fn fully_answered() -> Answers {
    let c = catalog();
    let mut a = Answers::default();
    for (i, (_, _, q)) in c.questions().enumerate() {
        let v = match q.kind {
            QuestionKind::Control => {
                AnswerValue::One(c.manifest.scale[i % c.manifest.scale.len()].id.to_string())
            }
            QuestionKind::Choice => AnswerValue::One(q.options[0].id.to_string()),
            QuestionKind::Multi if q.id == "app.categories" => AnswerValue::Many(
                OPTIONAL_CATEGORIES
                    .iter()
                    .map(|s| (*s).to_owned())
                    .collect(),
            ),
            QuestionKind::Multi => AnswerValue::Many(vec![q.options[0].id.to_string()]),
            QuestionKind::Number => AnswerValue::Number(q.min.unwrap_or(0.0).max(12.0)),
            QuestionKind::Text => AnswerValue::One("Example SaaS, Inc.".into()),
            QuestionKind::Date => AnswerValue::One("2026-06-30".into()),
        };
        a.values.insert(q.id.to_string(), v);
    }
    a
}

fn is_control(id: &str) -> bool {
    let c = catalog();
    c.questions()
        .find(|(_, _, q)| q.id == id)
        .is_some_and(|(qn, _, _)| c.is_category(&qn.id))
}

fn first_control() -> String {
    catalog()
        .questions()
        .find(|(qn, _, _)| qn.id == "security")
        .unwrap()
        .2
        .id
        .to_string()
}

fn err_text(r: Result<impl std::fmt::Debug, Problem>) -> String {
    r.unwrap_err().to_string()
}

// ---------------------------------------------------------------------------
// Saved records
// ---------------------------------------------------------------------------

fn record_of(answers: Answers, name: &str) -> Record {
    Record {
        name: name.into(),
        created: "2026-11-01".into(),
        updated: "2026-11-28".into(),
        snapshot: snapshot_of(&answers),
        revision: 7,
    }
}

#[test]
fn record_round_trips_and_starts_with_its_version() {
    let mut a = full_security();
    a.set_note(&first_control(), "Checked by <b>Ana</b> & \"Ben\"");
    let r = record_of(a, "Board review 2026 ✓");
    let text = library::encode(&r);
    assert!(text.starts_with(library::PREFIX));
    assert_eq!(library::PREFIX, "v3:");
    assert_eq!(library::decode(catalog(), &text).unwrap(), r);
    let empty = Record::default();
    let empty = Record {
        snapshot: Snapshot {
            assumptions: assumptions(),
            ..empty.snapshot
        },
        ..empty
    };
    assert_eq!(
        library::decode(catalog(), &library::encode(&empty)).unwrap(),
        empty
    );
}

#[test]
fn legacy_v1_snapshot_decodes_into_an_unnamed_record() {
    let s = snapshot_of(&full_security());
    let text = snapshot::encode(&SnapshotV1 {
        answers: s.answers.clone(),
        assumptions: s.assumptions.clone(),
    });
    assert!(text.starts_with("v1:"));
    let r = library::decode(catalog(), &text).unwrap();
    assert_eq!(r.name, "");
    assert_eq!(r.created, "");
    assert_eq!(r.updated, "");
    assert_eq!(r.snapshot, s);
    // Its display name falls back to the company.
    assert_eq!(library::display_name(&r), "Example SaaS");
}

#[test]
fn damaged_foreign_and_newer_records_are_refused() {
    let c = catalog();
    let good = library::encode(&record_of(full_security(), "Mine"));
    for bad in [
        "",
        "hello",
        "{\"name\":\"x\"}",
        "v2:",
        "v2:!!!!",
        "v2:AAAA",
        "v1:!!!!",
        &good[..good.len() - 4],
        &good[..good.len() / 2],
    ] {
        assert!(library::decode(c, bad).is_err(), "{bad:?} was accepted");
    }
    assert!(err_text(library::decode(c, &good[..good.len() - 4])).contains("damaged"));
    assert!(err_text(library::decode(c, "hello")).contains("not an assessment saved by this app"));
    let newer = err_text(library::decode(c, &format!("v9:{}", &good[3..])));
    assert!(newer.contains("newer version"), "{newer}");
    assert!(err_text(library::decode(c, "v12:AAAA")).contains("newer version"));
}

#[test]
fn records_with_answers_outside_the_catalog_are_refused_with_where() {
    let c = catalog();
    let mut a = full_security();
    a.values
        .insert("scope.headcount".into(), AnswerValue::Number(-5.0));
    let e = library::decode(c, &library::encode(&record_of(a, ""))).unwrap_err();
    assert_eq!(e.location, "answers.values.\"scope.headcount\"");
    assert!(e.reason.starts_with("expected a whole number"), "{e}");

    let mut a = full_security();
    a.values
        .insert(first_control(), AnswerValue::One("totally".into()));
    let e = err_text(library::decode(c, &library::encode(&record_of(a, ""))));
    assert!(e.contains("expected one of"), "{e}");

    let mut a = full_security();
    a.values.insert(
        "sec.no_such_question".into(),
        AnswerValue::One("implemented".into()),
    );
    let e = err_text(library::decode(c, &library::encode(&record_of(a, ""))));
    assert!(
        e.starts_with("answers.values.\"sec.no_such_question\""),
        "{e}"
    );

    let mut r = record_of(full_security(), "");
    r.snapshot.assumptions.tier = "cheapest".into();
    assert!(err_text(library::decode(c, &library::encode(&r))).starts_with("assumptions.tier"));

    let long = record_of(full_security(), &"x".repeat(library::MAX_NAME + 1));
    let e = library::decode(c, &library::encode(&long)).unwrap_err();
    assert_eq!(e.location, "name");
    let longest = record_of(full_security(), &"é".repeat(library::MAX_NAME));
    assert!(library::decode(c, &library::encode(&longest)).is_ok());
}

#[test]
fn records_drop_answers_and_notes_to_retired_questions() {
    let mut c = catalog().clone();
    c.manifest
        .retired_ids
        .to_mut()
        .push("sec.cc6.retired_example".into());
    let mut a = full_security();
    a.values.insert(
        "sec.cc6.retired_example".into(),
        AnswerValue::One("implemented".into()),
    );
    a.notes
        .insert("sec.cc6.retired_example".into(), "old note".into());
    let r = record_of(a, "Old");
    let text = library::encode(&r);
    let back = library::decode(&c, &text).unwrap();
    assert_eq!(back.snapshot.answers, full_security());
    assert_eq!(back.name, "Old");
    assert_eq!(back.updated, "2026-11-28");
    // Without the retirement the same value is refused, naming the question.
    assert!(err_text(library::decode(catalog(), &text)).contains("sec.cc6.retired_example"));
    // A legacy value goes through the same checks.
    let legacy = snapshot::encode(&SnapshotV1 {
        answers: r.snapshot.answers.clone(),
        assumptions: r.snapshot.assumptions.clone(),
    });
    assert_eq!(
        library::decode(&c, &legacy).unwrap().snapshot.answers,
        full_security()
    );
}

fn assumptions_from(
    tier: usize,
    flags: u8,
    date: u16,
    override_at: Option<(usize, f64)>,
) -> Assumptions {
    let mut a = Assumptions {
        start_date: format!("2027-{:02}-{:02}", 1 + date % 12, 1 + date % 28),
        tier: TIERS[tier % TIERS.len()].into(),
        pen_test: flags & 1 == 1,
        consultant: flags & 2 == 2,
        tooling: flags & 4 == 4,
        overrides: Default::default(),
    };
    // `v` in 0..1 places an ordered triple inside the assumption's bounds.
    if let Some((k, v)) = override_at {
        let keys = catalog().estimation.assumptions();
        let (key, p) = &keys[k % keys.len()];
        let [lo, hi] = p.bounds.expect("editable numbers have bounds");
        let step = v * (hi - lo) / 3.0;
        a.overrides
            .insert(key.clone(), [lo + step, lo + 2.0 * step, lo + 3.0 * step]);
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_record_round_trips(
        picks in prop::collection::vec(any::<(u8, u16)>(), 1..40),
        notes in 0usize..7,
        name in "\\PC{0,120}",
        tier in 0usize..3,
        flags in any::<u8>(),
        date in any::<u16>(),
        over in prop::option::of((any::<usize>(), 0.0f64..1.0)),
    ) {
        let r = Record {
            name,
            created: "2026-01-05".into(),
            updated: "2026-12-31".into(),
            snapshot: Snapshot {
                answers: answers_from(&picks, notes),
                assumptions: assumptions_from(tier, flags, date, over),
                registers: Default::default(),
            },
            revision: u64::from(flags),
        };
        let text = library::encode(&r);
        prop_assert_eq!(library::decode(catalog(), &text).unwrap(), r);
    }

    #[test]
    fn record_decode_never_panics(s in "\\PC{0,300}") {
        let _ = library::decode(catalog(), &s);
        let _ = library::decode(catalog(), &format!("v2:{s}"));
        let _ = library::decode(catalog(), &format!("v1:{s}"));
    }

    #[test]
    fn mutated_records_never_panic_and_anything_accepted_fits(
        cut in 0usize..40,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        static TEXT: OnceLock<String> = OnceLock::new();
        let text = TEXT.get_or_init(|| library::encode(&record_of(answers_from(&[(1, 3), (2, 7)], 4), "Saved")));
        let mut bytes = text.as_bytes().to_vec();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[usize::from(b) % 64];
        }
        bytes.truncate(bytes.len() - cut.min(bytes.len()));
        if let Ok(r) = library::decode(catalog(), &String::from_utf8_lossy(&bytes)) {
            prop_assert!(check::answers(catalog(), &r.snapshot.answers).is_ok());
            prop_assert!(check::assumptions(catalog(), &r.snapshot.assumptions).is_ok());
            prop_assert!(r.name.chars().count() <= library::MAX_NAME);
        }
    }
}

// ---------------------------------------------------------------------------
// Merging two tabs' edits
// ---------------------------------------------------------------------------

#[test]
fn two_tabs_editing_different_answers_keep_both() {
    let base = snapshot_of(&Answers::default().with("scope.company_name", "Acme"));
    let q1 = first_control();
    let q2 = catalog()
        .questions()
        .filter(|(qn, _, _)| qn.id == "security")
        .nth(1)
        .unwrap()
        .2
        .id
        .to_string();
    // Tab A (mine) answers q1; tab B (theirs) answers q2, both from the same base.
    let mut mine = base.clone();
    mine.answers.values.insert(q1.clone(), "implemented".into());
    let mut theirs = base.clone();
    theirs
        .answers
        .values
        .insert(q2.to_string(), "evidenced".into());
    let merged = library::merge(&base, &mine, &theirs);
    assert_eq!(merged.answers.get(&q1), Some(&"implemented".into()));
    assert_eq!(merged.answers.get(&q2), Some(&"evidenced".into()));
    assert_eq!(
        merged.answers.get("scope.company_name"),
        Some(&"Acme".into())
    );
    // Merging is symmetric here: from the other tab the result is the same.
    assert_eq!(library::merge(&base, &theirs, &mine), merged);

    // Both change the same answer: this tab's edit wins.
    let mut mine2 = merged.clone();
    mine2.answers.values.insert(q1.clone(), "partial".into());
    let mut theirs2 = merged.clone();
    theirs2
        .answers
        .values
        .insert(q1.clone(), "not_started".into());
    theirs2.assumptions.tier = "large_firm".into();
    let merged2 = library::merge(&merged, &mine2, &theirs2);
    assert_eq!(merged2.answers.get(&q1), Some(&"partial".into()));
    // ... and what only they changed still arrives.
    assert_eq!(merged2.assumptions.tier, "large_firm");

    // A note deleted here stays deleted even though the other tab still has it.
    let mut with_note = merged2.clone();
    with_note.answers.set_note(&q2, "Reviewed quarterly");
    let mut mine3 = with_note.clone();
    mine3.answers.notes.remove(&q2);
    let mut theirs3 = with_note.clone();
    theirs3.answers.set_note(&q1, "Their new note");
    let merged3 = library::merge(&with_note, &mine3, &theirs3);
    assert!(!merged3.answers.notes.contains_key(&q2), "{merged3:?}");
    assert_eq!(
        merged3.answers.notes.get(&q1).map(String::as_str),
        Some("Their new note")
    );
    // An answer cleared here stays cleared.
    let mut mine4 = merged3.clone();
    mine4.answers.values.remove(&q2);
    let merged4 = library::merge(&merged3, &mine4, &merged3);
    assert!(merged4.answers.get(&q2).is_none());
}

#[test]
fn merge_keeps_my_assumption_edits_and_takes_theirs() {
    let base = snapshot_of(&Answers::default());
    let mut mine = base.clone();
    mine.assumptions.pen_test = !base.assumptions.pen_test;
    mine.assumptions
        .overrides
        .insert("cost.internal.hourly_rate".into(), [1.0, 2.0, 3.0]);
    let mut theirs = base.clone();
    theirs.assumptions.start_date = "2027-06-01".into();
    theirs.assumptions.pen_test = base.assumptions.pen_test;
    theirs.assumptions.consultant = true;
    let m = library::merge(&base, &mine, &theirs);
    assert_eq!(m.assumptions.pen_test, mine.assumptions.pen_test);
    assert_eq!(m.assumptions.overrides, mine.assumptions.overrides);
    assert_eq!(m.assumptions.start_date, "2027-06-01");
    assert!(m.assumptions.consultant);
    // Nothing changed on either side: the base comes back.
    assert_eq!(library::merge(&base, &base, &base), base);
    // Only they changed: theirs. Only I changed: mine.
    assert_eq!(library::merge(&base, &base, &theirs), theirs);
    assert_eq!(library::merge(&base, &mine, &base), mine);
}

/// A map over a few keys, so that the three sides often share keys.
fn small_map() -> impl Strategy<Value = BTreeMap<String, u8>> {
    prop::collection::btree_map(
        prop::sample::select(vec!["a", "b", "c", "d", "e", "f"]).prop_map(str::to_owned),
        0u8..3,
        0..6,
    )
}

fn answers_of(values: &BTreeMap<String, u8>, notes: &BTreeMap<String, u8>) -> Answers {
    Answers {
        values: values
            .iter()
            .map(|(k, v)| (k.clone(), AnswerValue::One(format!("o{v}"))))
            .collect(),
        notes: notes
            .iter()
            .map(|(k, v)| (k.clone(), format!("note {v}")))
            .collect(),
    }
}

fn check_three_way<V: PartialEq + std::fmt::Debug>(
    base: &LiteMap<String, V>,
    mine: &LiteMap<String, V>,
    theirs: &LiteMap<String, V>,
    out: &LiteMap<String, V>,
) -> Result<(), TestCaseError> {
    for k in base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .chain(out.keys())
    {
        if mine.get(k) != base.get(k) {
            // Mine changed it (or removed it): mine's value, or gone.
            prop_assert_eq!(out.get(k), mine.get(k), "key {} changed by mine", k);
        } else {
            prop_assert_eq!(out.get(k), theirs.get(k), "key {} untouched by mine", k);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn merge_keeps_what_mine_changed_and_takes_theirs_for_the_rest(
        (bv, bn) in (small_map(), small_map()),
        (mv, mn) in (small_map(), small_map()),
        (tv, tn) in (small_map(), small_map()),
        (bo, mo, to) in (small_map(), small_map(), small_map()),
        flags in any::<(u8, u8, u8)>(),
    ) {
        let overrides = |m: &BTreeMap<String, u8>| -> LiteMap<String, [f64; 3]> {
            m.iter().map(|(k, v)| (k.clone(), [f64::from(*v); 3])).collect()
        };
        let side = |v, n, o: &BTreeMap<String, u8>, f: u8| Snapshot {
            answers: answers_of(v, n),
            assumptions: Assumptions {
                start_date: format!("2027-01-0{}", 1 + f % 3),
                tier: TIERS[usize::from(f >> 2) % 3].into(),
                pen_test: f & 16 == 16,
                consultant: f & 32 == 32,
                tooling: f & 64 == 64,
                overrides: overrides(o),
            },
            registers: Default::default(),
        };
        let base = side(&bv, &bn, &bo, flags.0);
        let mine = side(&mv, &mn, &mo, flags.1);
        let theirs = side(&tv, &tn, &to, flags.2);
        let out = library::merge(&base, &mine, &theirs);
        check_three_way(&base.answers.values, &mine.answers.values, &theirs.answers.values, &out.answers.values)?;
        check_three_way(&base.answers.notes, &mine.answers.notes, &theirs.answers.notes, &out.answers.notes)?;
        check_three_way(&base.assumptions.overrides, &mine.assumptions.overrides, &theirs.assumptions.overrides, &out.assumptions.overrides)?;
        let (b, m, t, o) = (&base.assumptions, &mine.assumptions, &theirs.assumptions, &out.assumptions);
        prop_assert_eq!(&o.start_date, if m.start_date != b.start_date { &m.start_date } else { &t.start_date });
        prop_assert_eq!(&o.tier, if m.tier != b.tier { &m.tier } else { &t.tier });
        prop_assert_eq!(o.pen_test, if m.pen_test != b.pen_test { m.pen_test } else { t.pen_test });
        prop_assert_eq!(o.consultant, if m.consultant != b.consultant { m.consultant } else { t.consultant });
        prop_assert_eq!(o.tooling, if m.tooling != b.tooling { m.tooling } else { t.tooling });
        // Merging my own state with itself changes nothing.
        prop_assert_eq!(library::merge(&base, &mine, &mine), mine.clone());
    }
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

#[test]
fn file_names_are_slugged_dated_and_safe() {
    assert_eq!(
        library::file_name("Acme, Inc. <script>", "2026-11-28", "json"),
        "soc-readiness-acme-inc-script-2026-11-28.json"
    );
    assert_eq!(
        library::file_name("", "2026-11-28", "json"),
        "soc-readiness-assessment-2026-11-28.json"
    );
    assert_eq!(
        library::file_name("  <>!!  ", "2026-11-28", "csv"),
        "soc-readiness-assessment-2026-11-28.csv"
    );
    assert_eq!(
        library::file_name("../../etc/passwd", "2026-11-28", "json"),
        "soc-readiness-etc-passwd-2026-11-28.json"
    );
    // Without a date, no dangling hyphen.
    assert_eq!(
        library::file_name("Acme", "", "json"),
        "soc-readiness-acme.json"
    );
    assert_eq!(
        library::file_name("Acme", "<none>", "json"),
        "soc-readiness-acme.json"
    );
    let long = library::file_name(&"Very Long Company Name ".repeat(20), "2026-11-28", "json");
    let slug = long
        .strip_prefix("soc-readiness-")
        .and_then(|s| s.strip_suffix("-2026-11-28.json"))
        .unwrap();
    assert!(slug.len() <= 40, "{long}");
    assert!(slug.starts_with("very-long-company-name-very"), "{long}");
    assert!(!slug.ends_with('-'), "{long}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn file_names_hold_only_safe_characters(company in "\\PC{0,300}", date in "\\PC{0,20}") {
        let name = library::file_name(&company, &date, "json");
        prop_assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'), "{}", name);
        prop_assert!(name.starts_with("soc-readiness-"));
        prop_assert!(name.ends_with(".json"));
        // Capped: prefix, 40-character slug, 10-character date, extension.
        prop_assert!(name.len() <= "soc-readiness-".len() + 40 + 1 + 10 + ".json".len(), "{}", name);
        prop_assert!(!name.contains(".."));
        prop_assert!(!name.contains("-."), "{}", name);
    }
}

#[test]
fn display_and_copy_names() {
    let named = record_of(full_security(), "  Board review  ");
    assert_eq!(library::display_name(&named), "Board review");
    let unnamed = record_of(full_security(), "");
    assert_eq!(library::display_name(&unnamed), "Example SaaS");
    let blank_company = record_of(Answers::default().with("scope.company_name", "   "), "   ");
    assert_eq!(library::display_name(&blank_company), "Untitled assessment");
    assert_eq!(
        library::display_name(&Record::default()),
        "Untitled assessment"
    );
    assert_eq!(library::company(&unnamed.snapshot), Some("Example SaaS"));
    assert_eq!(library::company(&blank_company.snapshot), None);

    assert_eq!(library::copy_name(&named), "Copy of Board review");
    assert_eq!(library::copy_name(&unnamed), "Copy of Example SaaS");
    assert_eq!(
        library::copy_name(&Record::default()),
        "Copy of Untitled assessment"
    );
    // A copy of the longest name is still a name a record may hold.
    let longest = record_of(full_security(), &"ü".repeat(library::MAX_NAME));
    let copy = library::copy_name(&longest);
    assert_eq!(copy.chars().count(), library::MAX_NAME);
    assert!(copy.starts_with("Copy of üü"));
    let copied = Record {
        name: copy,
        ..longest
    };
    assert!(library::decode(catalog(), &library::encode(&copied)).is_ok());
}

// ---------------------------------------------------------------------------
// Share links and their summary
// ---------------------------------------------------------------------------

#[test]
fn full_security_share_link_round_trips_summary_and_answers() {
    let c = catalog();
    let a = full_security();
    let (s, r, link) = link_of(&a, ShareOptions::default());
    assert!(link.notes_included);
    let data = link.data.expect("a full Security assessment fits");
    let back = share::decode(c, &data).unwrap();
    let expected = summary::build(&s, &r, MADE_ON, true);
    assert_eq!(back.summary, expected);
    assert_eq!(back.answers, a);
    // The summary says what the results page says.
    assert_eq!(back.summary.company, "Example SaaS");
    assert_eq!(back.summary.made_on, MADE_ON);
    assert_eq!(back.summary.categories.len(), r.scores.categories.len());
    assert_eq!(back.summary.categories[0].id, "security");
    assert_eq!(back.summary.overall.id, "overall");
    let gaps = back.summary.gaps.as_ref().unwrap();
    assert_eq!(gaps.len(), r.gaps.len());
    assert!(!gaps.is_empty());
    assert!(gaps.iter().all(|g| g.answer == "implemented"));
    assert!(summary::check(c, &back.summary).is_ok());
}

#[test]
fn a_fully_answered_assessment_fits_in_a_link() {
    let c = catalog();
    let a = fully_answered();
    assert_eq!(a.values.len(), c.questions().count());
    let (s, r, link) = link_of(&a, ShareOptions::default());
    assert_eq!(
        r.decision.assessed.len(),
        c.manifest.categories.len(),
        "every category and the SOC 1 objectives are assessed"
    );
    let data = link
        .data
        .expect("a fully answered assessment fits in a link");
    println!(
        "share link for a fully answered assessment (all {} categories, {} answers, {} gaps, no notes): {} characters (limit {})",
        r.decision.categories_in_scope.len(),
        a.values.len(),
        r.gaps.len(),
        data.len(),
        share::MAX_LINK
    );
    assert!(data.len() < share::MAX_LINK);
    let back = share::decode(c, &data).unwrap();
    assert_eq!(back.answers, a);
    assert_eq!(back.summary, summary::build(&s, &r, MADE_ON, true));
    let (_, _, without_gaps) = link_of(
        &a,
        ShareOptions {
            gaps: false,
            notes: false,
        },
    );
    let without_gaps = without_gaps.data.unwrap();
    println!(
        "the same without gaps (scope and applicability answers only): {} characters",
        without_gaps.len()
    );
    assert!(without_gaps.len() < data.len());
}

#[test]
fn without_gaps_a_link_carries_no_control_answers_and_no_gaps() {
    let c = catalog();
    let mut a = fully_answered();
    a.set_note(&first_control(), "private control note");
    a.set_note("scope.headcount", "private scope note");
    for notes in [false, true] {
        let options = ShareOptions { gaps: false, notes };
        let (s, r, link) = link_of(&a, options);
        let back = share::decode(c, link.data.as_deref().unwrap()).unwrap();
        assert_eq!(back.summary.gaps, None);
        assert_eq!(back.summary, summary::build(&s, &r, MADE_ON, false));
        assert!(
            back.answers.values.keys().all(|id| !is_control(id)),
            "a control answer travelled: {:?}",
            back.answers
                .values
                .keys()
                .filter(|id| is_control(id))
                .collect::<Vec<_>>()
        );
        assert!(
            back.answers.notes.is_empty(),
            "notes travelled without gaps"
        );
        // Every scope and applicability answer still travels, so a copy starts from them.
        let outside: LiteMap<String, AnswerValue> = a
            .values
            .iter()
            .filter(|(id, _)| !is_control(id))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert!(!outside.is_empty());
        assert_eq!(back.answers.values, outside);
        // The scores still travel: the summary is what the recipient came for.
        assert!(back.summary.overall.score.is_some());
    }
}

#[test]
fn an_assessment_that_needs_no_report_yet_can_still_be_shared() {
    // Financial impact, but read-only, and nobody asking: no report is needed
    // yet (a SOC 2 is named as the usual first one). The summary carries no
    // report, and its link must open.
    let a = Answers::default()
        .with("scope.company_name", "Ledger Viewer Ltd")
        .with("app.financial_impact", "yes")
        .with("app.read_only", "yes");
    let (s, r, link) = link_of(&a, ShareOptions::default());
    assert!(r.decision.nothing_needed_yet(), "{:?}", r.decision.reports);
    let back = share::decode(catalog(), link.data.as_deref().unwrap()).unwrap();
    assert_eq!(back.summary, summary::build(&s, &r, MADE_ON, true));
    assert!(back.summary.reports.is_empty());
    assert_eq!(back.answers, a);
}

#[test]
fn notes_travel_only_when_asked_for() {
    let c = catalog();
    let mut a = full_security();
    a.set_note(&first_control(), "Okta, reviewed quarterly");
    a.set_note("scope.headcount", "Includes contractors");
    let open = |notes| {
        let (_, _, link) = link_of(&a, ShareOptions { gaps: true, notes });
        (
            link.notes_included,
            share::decode(c, link.data.as_deref().unwrap()).unwrap(),
        )
    };
    let (_, without) = open(false);
    assert!(without.answers.notes.is_empty());
    assert_eq!(without.answers.values, a.values);
    let (included, with) = open(true);
    assert!(included);
    assert_eq!(with.answers, a);
}

#[test]
fn damaged_old_new_and_foreign_links_are_refused_with_the_right_words() {
    let c = catalog();
    let (_, _, link) = link_of(&full_security(), ShareOptions::default());
    let data = link.data.unwrap();
    assert!(data.starts_with("a3."));
    let refused = |t: &str| err_text(share::decode(c, t));

    for cut in [1, 3, 10, data.len() / 2, data.len() - 3] {
        let e = refused(&data[..data.len() - cut]);
        assert!(e.contains("damaged or incomplete"), "cut {cut}: {e}");
    }
    let mut altered = data.clone().into_bytes();
    let k = altered.len() / 2;
    altered[k] = if altered[k] == b'A' { b'B' } else { b'A' };
    let e = refused(&String::from_utf8(altered).unwrap());
    assert!(e.contains("damaged"), "{e}");
    assert!(refused(&format!("{data}*")).contains("damaged"));

    let older = refused(&format!("a1.{}", &data[3..]));
    assert!(older.contains("made by an older version"), "{older}");
    assert!(refused("a1.AAAA").contains("older version"));
    let newer = refused(&format!("a9.{}", &data[3..]));
    assert!(newer.contains("made by a newer version"), "{newer}");
    assert!(refused("a10.AAAA").contains("newer version"));
    assert!(refused("").contains("does not start like a link"));
    assert!(refused("https://example.com/").contains("does not start like a link"));
    // A preset link is not a share link.
    let preset = share::encode_preset(c, &share::Preset::default()).unwrap();
    assert!(refused(&preset).contains("damaged"));
    assert!(refused(&"A".repeat(share::MAX_LINK + 200)).contains("longer than any link"));

    // A link from another questionnaire version is refused, not misread.
    let mut other = c.clone();
    other.manifest.version = "2020.1.1".into();
    let e = err_text(share::decode(&other, &data));
    assert!(e.contains("questionnaire version"), "{e}");
}

/// The link's payload as `share` writes it (postcard is not self-describing, so
/// a struct with the same fields in the same order writes the same bytes). The
/// first test below proves the copy faithful; the others craft links with it.
mod craft {
    use super::*;

    #[derive(Serialize, Clone)]
    pub enum Packed {
        Option(u8),
        #[allow(dead_code)]
        Many(Vec<u8>),
        #[allow(dead_code)]
        Number(f64),
        #[allow(dead_code)]
        Text(String),
    }

    #[derive(Serialize, Clone)]
    pub struct PackedSummary {
        pub company: String,
        pub made_on: String,
        pub reports: Vec<String>,
        pub report_type: String,
        pub window_months: u32,
        pub lines: Vec<PackedLine>,
        pub first_report: [String; 3],
        pub gaps: Option<Vec<(u16, u8)>>,
        pub customer_controls: Vec<String>,
    }

    #[derive(Serialize, Clone)]
    pub struct PackedLine {
        pub id: String,
        pub score: Option<u8>,
        pub band: Option<String>,
        pub answered: u32,
        pub applicable: u32,
    }

    #[derive(Serialize, Clone)]
    pub struct Payload {
        pub questionnaire_version: String,
        pub summary: PackedSummary,
        pub values: Vec<(u16, Packed)>,
        pub notes: Vec<(u16, String)>,
    }

    fn line(l: &Line) -> PackedLine {
        PackedLine {
            id: l.id.clone(),
            score: l.score,
            band: l.band.clone(),
            answered: l.answered,
            applicable: l.applicable,
        }
    }

    /// The payload of a link holding this summary and these control answers by position.
    pub fn payload(s: &Summary, values: Vec<(u16, Packed)>) -> Payload {
        let c = catalog();
        let index = |id: &str| c.questions().position(|(_, _, q)| q.id == id).unwrap() as u16;
        let scale = |o: &str| c.manifest.scale.iter().position(|x| x.id == o).unwrap() as u8;
        Payload {
            questionnaire_version: c.manifest.version.to_string(),
            summary: PackedSummary {
                company: s.company.clone(),
                made_on: s.made_on.clone(),
                reports: s.reports.iter().map(|r| r.id().to_owned()).collect(),
                report_type: s.report_type.id().to_owned(),
                window_months: s.window_months,
                lines: std::iter::once(&s.overall)
                    .chain(&s.categories)
                    .map(line)
                    .collect(),
                first_report: s.first_report.clone(),
                gaps: s.gaps.as_ref().map(|gs| {
                    gs.iter()
                        .map(|g| (index(&g.question), scale(&g.answer)))
                        .collect()
                }),
                customer_controls: s.customer_controls.clone(),
            },
            values,
            notes: Vec::new(),
        }
    }

    /// The link text, framed like `share::encode` frames it.
    pub fn link(p: &Payload) -> String {
        let mut bytes = postcard::to_allocvec(p).unwrap();
        let sum = adler2::adler32_slice(&bytes);
        bytes.extend_from_slice(&sum.to_be_bytes());
        format!("a3.{}", URL_SAFE_NO_PAD.encode(bytes))
    }
}

/// Full Security, its summary, and its answers packed as a link packs them.
fn crafted_base() -> (Summary, Vec<(u16, craft::Packed)>, String) {
    let c = catalog();
    let a = full_security();
    let (s, r, link) = link_of(&a, ShareOptions::default());
    let summary = summary::build(&s, &r, MADE_ON, true);
    let scale = |o: &str| c.manifest.scale.iter().position(|x| x.id == o).unwrap() as u8;
    let values = c
        .questions()
        .enumerate()
        .filter_map(|(i, (_, _, q))| {
            let v = a.get(&q.id)?;
            Some((
                i as u16,
                match v {
                    AnswerValue::Number(n) => craft::Packed::Number(*n),
                    AnswerValue::One(t) if q.kind == QuestionKind::Text => {
                        craft::Packed::Text(t.clone())
                    }
                    AnswerValue::One(o) => craft::Packed::Option(scale(o)),
                    AnswerValue::Many(_) => unreachable!("full_security has no multi answers"),
                },
            ))
        })
        .collect();
    (summary, values, link.data.unwrap())
}

#[test]
fn the_crafting_copy_of_the_link_format_is_faithful() {
    let (summary, values, real) = crafted_base();
    assert_eq!(craft::link(&craft::payload(&summary, values)), real);
}

#[test]
fn crafted_links_with_impossible_summaries_are_refused() {
    let c = catalog();
    let (good, values, _) = crafted_base();
    let open = |s: &Summary| share::decode(c, &craft::link(&craft::payload(s, values.clone())));
    assert_eq!(open(&good).unwrap().summary, good);

    type Edit = fn(&mut Summary);
    let edits: [(&str, Edit); 14] = [
        ("unknown category", |s| {
            s.categories[0].id = "marketing".into()
        }),
        ("score above 100", |s| s.categories[0].score = Some(101)),
        ("overall above 100", |s| s.overall.score = Some(255)),
        ("overall renamed", |s| s.overall.id = "security".into()),
        ("category twice", |s| {
            s.categories.push(s.categories[0].clone())
        }),
        ("unknown band", |s| s.overall.band = Some("platinum".into())),
        ("more answered than applicable", |s| {
            s.overall.answered = s.overall.applicable + 1
        }),
        ("repeated report", |s| {
            s.reports = vec![Report::Soc2, Report::Soc2]
        }),
        ("window of 0 months", |s| s.window_months = 0),
        ("window of 25 months", |s| s.window_months = 25),
        ("made on no date", |s| s.made_on = "yesterday".into()),
        ("dates out of order", |s| s.first_report.swap(0, 2)),
        ("company too long", |s| {
            s.company = "x".repeat(summary::MAX_COMPANY + 1)
        }),
        ("gap on an unknown answer", |s| {
            s.gaps.as_mut().unwrap()[0].answer = "n/a".into()
        }),
    ];
    for (what, edit) in edits {
        let mut s = good.clone();
        edit(&mut s);
        assert_ne!(s, good, "{what}: the edit changed nothing");
        let e = summary::check(c, &s).expect_err(what);
        assert_eq!(e.location, "link", "{what}");
        assert!(e.reason.starts_with("it holds "), "{what}: {e}");
        // The same summary inside a well-formed link is refused too, never shown.
        if what != "gap on an unknown answer" {
            let e = open(&s).expect_err(what);
            assert!(e.reason.starts_with("it holds "), "{what}: {e}");
        }
    }

    // Reports and types the app does not know, inside a well-formed link.
    let mut p = craft::payload(&good, values.clone());
    p.summary.reports = vec!["soc9".into()];
    assert!(err_text(share::decode(c, &craft::link(&p))).contains("unknown report"));
    let mut p = craft::payload(&good, values.clone());
    p.summary.report_type = "type3".into();
    assert!(err_text(share::decode(c, &craft::link(&p))).contains("unknown report type"));

    // A link whose gap points past the last question, or has no overall line.
    let mut p = craft::payload(&good, values.clone());
    p.summary.gaps = Some(vec![(u16::MAX, 0)]);
    assert!(err_text(share::decode(c, &craft::link(&p))).contains("damaged"));
    let mut p = craft::payload(&good, values.clone());
    p.summary.lines.clear();
    assert!(err_text(share::decode(c, &craft::link(&p))).contains("no overall score"));
    // An answer out of range inside a well-formed link.
    let mut p = craft::payload(&good, values.clone());
    p.values.push((0, craft::Packed::Option(200)));
    assert!(err_text(share::decode(c, &craft::link(&p))).contains("does not exist"));
    let headcount = c
        .questions()
        .position(|(_, _, q)| q.id == "scope.headcount")
        .unwrap() as u16;
    let mut p = craft::payload(&good, values);
    p.values.retain(|(i, _)| *i != headcount);
    p.values.push((headcount, craft::Packed::Number(-5.0)));
    p.values.sort_by_key(|(i, _)| *i);
    let e = err_text(share::decode(c, &craft::link(&p)));
    assert!(e.starts_with("answers.values.\"scope.headcount\""), "{e}");
}

#[test]
fn summary_check_accepts_real_summaries_and_refuses_impossible_ones() {
    let c = catalog();
    let (s, r, _) = link_of(&fully_answered(), ShareOptions::default());
    let good = summary::build(&s, &r, MADE_ON, true);
    assert!(summary::check(c, &good).is_ok());
    assert!(summary::check(c, &summary::build(&s, &r, MADE_ON, false)).is_ok());
    let empty = evaluate(c, &Answers::default(), &assumptions());
    assert!(summary::check(
        c,
        &summary::build(&snapshot_of(&Answers::default()), &empty, MADE_ON, true)
    )
    .is_ok());

    let hand_made = Summary {
        customer_controls: Vec::new(),
        company: "Hand Made Ltd".into(),
        made_on: "2027-01-04".into(),
        reports: vec![Report::Soc2],
        report_type: ReportType::Type1,
        window_months: 3,
        overall: Line {
            id: "overall".into(),
            score: Some(100),
            band: Some(c.manifest.bands[0].id.to_string()),
            answered: 3,
            applicable: 3,
        },
        categories: vec![Line {
            id: "security".into(),
            score: None,
            band: None,
            answered: 0,
            applicable: 0,
        }],
        first_report: [
            "2027-03-01".into(),
            "2027-04-01".into(),
            "2027-06-30".into(),
        ],
        gaps: Some(vec![SummaryGap {
            question: first_control(),
            answer: c.manifest.scale[0].id.to_string(),
        }]),
    };
    assert!(summary::check(c, &hand_made).is_ok());
    let refused = |edit: fn(&mut Summary)| {
        let mut s = hand_made.clone();
        edit(&mut s);
        summary::check(c, &s).is_err()
    };
    assert!(refused(|s| s.categories[0].id = "overall".into()));
    assert!(refused(|s| s.overall.id = "security".into()));
    assert!(refused(|s| s.categories.push(s.categories[0].clone())));
    assert!(!refused(|s| s.reports.clear()));
    assert!(refused(|s| s.categories[0].score = Some(101)));
    assert!(refused(|s| s.overall.answered = 4));
    assert!(refused(|s| s.reports.push(Report::Soc2)));
    assert!(refused(|s| s.first_report[1] = "2027-02-30".into()));
    assert!(refused(|s| s.first_report[2] = "2027-02-01".into()));
    assert!(refused(|s| s.gaps = Some(vec![SummaryGap {
        question: "sec.no_such".into(),
        answer: "implemented".into(),
    }])));
    // Dates only as the app writes them: zero-padded, no spaces, no signs.
    assert!(refused(|s| s.made_on = "2027-1-4".into()));
    assert!(refused(|s| s.made_on = " 2027-01-04".into()));
    assert!(refused(|s| s.first_report[0] = "+2027-03-01".into()));
    // Unpadded dates, whose text order is not their date order, are refused
    // whichever way round they come.
    assert!(refused(
        |s| s.first_report = ["2027-10-01".into(), "2027-9-01".into(), "2027-12-01".into(),]
    ));
    assert!(refused(
        |s| s.first_report = ["2027-9-01".into(), "2027-10-01".into(), "2027-12-01".into(),]
    ));
    assert!(!refused(|s| s.first_report = [
        "2027-10-01".into(),
        "2027-10-01".into(),
        "2027-10-01".into(),
    ]));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_assessment_shares_with_or_without_gaps(
        picks in prop::collection::vec(any::<(u8, u16)>(), 1..40),
        notes_every in 0usize..7,
        gaps in any::<bool>(),
        notes in any::<bool>(),
    ) {
        let a = answers_from(&picks, notes_every);
        let (s, r, link) = link_of(&a, ShareOptions { gaps, notes });
        let back = share::decode(catalog(), link.data.as_deref().unwrap()).unwrap();
        prop_assert_eq!(&back.summary, &summary::build(&s, &r, MADE_ON, gaps));
        prop_assert_eq!(back.summary.gaps.is_some(), gaps);
        let expected: LiteMap<String, AnswerValue> = a
            .values
            .iter()
            .filter(|(id, _)| gaps || !is_control(id))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        prop_assert_eq!(&back.answers.values, &expected);
        if gaps && notes && link.notes_included {
            prop_assert_eq!(&back.answers.notes, &a.notes);
        } else {
            prop_assert!(back.answers.notes.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Whatever a mutated link holds, anything `decode` accepts passes every check.
    #[test]
    fn mutated_links_never_yield_an_unchecked_summary(
        cut in 0usize..400,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        raw in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3),
    ) {
        let c = catalog();
        static DATA: OnceLock<String> = OnceLock::new();
        let data = DATA.get_or_init(|| link_of(&fully_answered(), ShareOptions::default()).2.data.unwrap());
        let mut bytes = data.as_bytes().to_vec();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[usize::from(b) % 64];
        }
        bytes.truncate(bytes.len().saturating_sub(cut % 8));
        let text = String::from_utf8(bytes).unwrap();
        if let Ok(shared) = share::decode(c, &text) {
            prop_assert!(summary::check(c, &shared.summary).is_ok());
            prop_assert!(check::answers(c, &shared.answers).is_ok());
        }
        // Byte-level changes under a recomputed checksum reach the summary
        // checks themselves: still nothing unchecked gets through.
        static PAYLOAD: OnceLock<Vec<u8>> = OnceLock::new();
        let mut payload = PAYLOAD
            .get_or_init(|| {
                let (good, values, _) = crafted_base();
                postcard::to_allocvec(&craft::payload(&good, values)).unwrap()
            })
            .clone();
        for (at, b) in raw {
            let i = at.index(payload.len());
            payload[i] = b;
        }
        let sum = adler2::adler32_slice(&payload);
        payload.extend_from_slice(&sum.to_be_bytes());
        let text = format!("a3.{}", URL_SAFE_NO_PAD.encode(payload));
        if let Ok(shared) = share::decode(c, &text) {
            prop_assert!(summary::check(c, &shared.summary).is_ok());
            prop_assert!(check::answers(c, &shared.answers).is_ok());
        }
    }
}
