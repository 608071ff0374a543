//! Assessments saved in the first stored format (a bare snapshot, before the
//! registers) come back exactly as they were, whatever they hold; their registers
//! follow the draft. The current format is tested in `library_and_share`.

use proptest::prelude::*;
use soc_readiness::report::snapshot::{decode, encode, Snapshot, SnapshotV1};
use soc_readiness::{AnswerValue, Answers, Assumptions};

#[test]
fn empty_and_typical_snapshots_round_trip() {
    let empty = SnapshotV1::default();
    assert_eq!(decode(&encode(&empty)), Some(Snapshot::default()));
    let mut a = Answers::default()
        .with("scope.headcount", 15.0)
        .with("scope.data_kinds", ["personal", "payment"])
        .with("sec.cc1.code_of_conduct", "evidenced");
    a.set_note("sec.cc1.code_of_conduct", "Signed in the HR system");
    let mut assumptions = Assumptions {
        tier: "mid_tier".into(),
        ..Assumptions::default()
    };
    assumptions
        .overrides
        .insert("cost.internal.hourly_rate".into(), [50.0, 70.0, 90.0]);
    let s = SnapshotV1 {
        answers: a,
        assumptions,
    };
    let back = decode(&encode(&s)).unwrap();
    assert_eq!((back.answers, back.assumptions), (s.answers, s.assumptions));
    assert_eq!(back.registers, Default::default());
}

#[test]
fn foreign_or_damaged_text_is_refused() {
    let good = encode(&SnapshotV1::default());
    for bad in [
        "",
        "v1:",
        "v2:AAAA",
        "{\"answers\":{}}",
        &good[..good.len() - 2],
        "v1:!!!!",
    ] {
        assert_eq!(decode(bad), None, "{bad:?}");
    }
}

fn value() -> impl Strategy<Value = AnswerValue> {
    prop_oneof![
        (0.0f64..1e6).prop_map(AnswerValue::Number),
        "[a-z_]{1,12}".prop_map(AnswerValue::One),
        prop::collection::vec("[a-z_]{1,8}", 0..4).prop_map(AnswerValue::Many),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_snapshot_round_trips(
        values in prop::collection::btree_map("[a-z.]{1,20}", value(), 0..30),
        notes in prop::collection::btree_map("[a-z.]{1,20}", ".{0,40}", 0..5),
        pen_test in any::<bool>(),
    ) {
        let s = SnapshotV1 {
            answers: Answers { values: values.into_iter().collect(), notes: notes.into_iter().collect() },
            assumptions: Assumptions { pen_test, ..Assumptions::default() },
        };
        prop_assert_eq!(decode(&encode(&s)), Some(Snapshot::from(s)));
    }

    #[test]
    fn random_text_never_panics(text in ".{0,200}") {
        let _ = decode(&text);
        let _ = decode(&format!("v1:{text}"));
    }
}
