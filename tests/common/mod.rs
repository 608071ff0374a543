//! Helpers shared by the native test files: the built-in catalog, random and
//! typical assessments, and their share links.
#![allow(dead_code)]

use soc_readiness::catalog::{Catalog, QuestionKind};
use soc_readiness::report::share::{self, ShareLink, ShareOptions};
use soc_readiness::report::snapshot::Snapshot;
use soc_readiness::{evaluate, AnswerValue, Answers, Assumptions, Readiness};
use std::sync::OnceLock;

/// The date links are made on and timelines start from in these tests.
pub const MADE_ON: &str = "2027-01-04";

pub fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(Catalog::builtin)
}

/// A valid answer for every question, picked by `pick`; `None` leaves it open.
pub fn answers_from(picks: &[(u8, u16)], note_every: usize) -> Answers {
    let c = catalog();
    let mut a = Answers::default();
    for (i, (_, _, q)) in c.questions().enumerate() {
        let (skip, n) = picks[i % picks.len()];
        if skip % 4 == 0 {
            continue;
        }
        let n = usize::from(n);
        let v = match q.kind {
            QuestionKind::Control => {
                AnswerValue::One(c.manifest.scale[n % c.manifest.scale.len()].id.to_string())
            }
            QuestionKind::Choice => AnswerValue::One(q.options[n % q.options.len()].id.to_string()),
            QuestionKind::Multi => AnswerValue::Many(
                q.options
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| (n >> j) & 1 == 1)
                    .map(|(_, o)| o.id.to_string())
                    .collect(),
            ),
            QuestionKind::Number => {
                let (lo, hi) = (q.min.unwrap_or(0.0), q.max.unwrap_or(10_000.0));
                AnswerValue::Number((lo + (n as f64 % (hi - lo + 1.0))).min(hi))
            }
            QuestionKind::Text => AnswerValue::One(format!("Acme {n} <b>&\"'")),
            QuestionKind::Date => {
                AnswerValue::One(format!("2026-{:02}-{:02}", n % 12 + 1, n % 28 + 1))
            }
        };
        a.values.insert(q.id.to_string(), v);
        if note_every > 0 && i % note_every == 0 {
            a.notes.insert(
                q.id.to_string(),
                format!("note {n}: ünïcödé, \"quotes\", <tags>"),
            );
        }
    }
    a
}

/// Company and headcount, and every Security control implemented.
pub fn full_security() -> Answers {
    let c = catalog();
    let mut a = Answers::default()
        .with(
            "scope.company_name",
            AnswerValue::One("Example SaaS".into()),
        )
        .with("scope.headcount", AnswerValue::Number(15.0));
    for (qn, _, q) in c.questions() {
        if qn.id == "security" {
            a.values
                .insert(q.id.to_string(), AnswerValue::One("implemented".into()));
        }
    }
    a
}

pub fn assumptions() -> Assumptions {
    Assumptions {
        start_date: MADE_ON.into(),
        ..Assumptions::default()
    }
}

pub fn snapshot_of(answers: &Answers) -> Snapshot {
    Snapshot {
        answers: answers.clone(),
        assumptions: assumptions(),
        registers: Default::default(),
    }
}

/// The assessment the answers make, evaluated, and its share link.
pub fn link_of(answers: &Answers, options: ShareOptions) -> (Snapshot, Readiness, ShareLink) {
    let s = snapshot_of(answers);
    let r = evaluate(catalog(), &s.answers, &s.assumptions);
    let link = share::encode(catalog(), &s, &r, MADE_ON, options);
    (s, r, link)
}
