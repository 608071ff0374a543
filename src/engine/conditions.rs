//! Evaluating `show_if` and rule conditions against the answers in effect.

use super::answers::AnswerValue;
use super::deadline::Deadline;
use crate::catalog::{Condition, Fact, Text};
use serde::{Deserialize, Serialize};

/// Answers that count: those of visible questions only. Looked up far more often
/// than added to, and rules often ask for unanswered questions, so they are kept
/// in a hash table (see `engine::Index`) rather than a list read from end to end.
#[derive(Debug)]
pub struct Effective<'a>(super::Index<'a, &'a AnswerValue>);

impl<'a> Effective<'a> {
    /// Room for `n` answers, when the caller knows how many there can be.
    pub fn with_capacity(n: usize) -> Self {
        Effective(super::Index::with_capacity(n))
    }
    /// Adds an answer; a question's first answer stays (the walk meets each once).
    pub fn insert(&mut self, id: &'a str, a: &'a AnswerValue) {
        self.0.insert(id, a);
    }
    pub fn get(&self, id: &str) -> Option<&'a AnswerValue> {
        self.0.get(id)
    }
}

/// What rules can read besides the answers: the decision so far and the readiness.
pub trait Facts {
    fn decided(&self, fact: &Fact) -> bool;
    /// Design readiness, when enough is answered to know it.
    fn readiness(&self) -> Option<f64>;
    /// The deadline, when the answers set one.
    fn deadline(&self) -> Option<&Deadline>;
}

/// `show_if` conditions read answers only.
struct NoFacts;

impl Facts for NoFacts {
    fn decided(&self, _: &Fact) -> bool {
        false
    }
    fn readiness(&self) -> Option<f64> {
        None
    }
    fn deadline(&self) -> Option<&Deadline> {
        None
    }
}

/// True when the condition holds; an unanswered question makes a leaf false.
pub fn holds(cond: &Condition, answers: &Effective) -> bool {
    holds_with(cond, answers, &NoFacts)
}

/// [`holds`], for rules that may also read the decision so far and the readiness.
pub fn holds_with(cond: &Condition, answers: &Effective, facts: &dyn Facts) -> bool {
    match cond {
        Condition::Answer { question, one_of } => {
            answers.get(question).is_some_and(|a| a.is_one_of(one_of))
        }
        Condition::AtLeast { question, value } => answers
            .get(question)
            .and_then(|a| a.as_number())
            .is_some_and(|n| n >= *value),
        Condition::All(cs) => cs.iter().all(|c| holds_with(c, answers, facts)),
        Condition::Any(cs) => cs.iter().any(|c| holds_with(c, answers, facts)),
        Condition::Not(c) => !c.iter().all(|c| holds_with(c, answers, facts)),
        Condition::Decided(f) => facts.decided(f),
        Condition::ReadinessBelow(v) => facts.readiness().is_some_and(|r| r < *v),
        // A small tolerance: "within 3 months" as an option is exactly 3.
        Condition::DeadlineWithin(m) => facts.deadline().is_some_and(|d| d.months <= *m + 1e-9),
    }
}

/// An answer a reason rests on: the question and only the values the rule used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cited {
    pub question: Text,
    /// Option IDs (or the number) that made the rule hold.
    pub values: Vec<String>,
}

/// The answers that make a holding condition hold: the matching options of each
/// leaf, only the branches of `any` that hold, and under `not` the single choice
/// that was given instead (an absent option of a multi-choice is not evidence).
pub fn cite(cond: &Condition, answers: &Effective, facts: &dyn Facts, out: &mut Vec<Cited>) {
    let mut push = |question: &Text, values: Vec<String>| {
        if values.is_empty() {
            return;
        }
        match out.iter_mut().find(|c| c.question == *question) {
            Some(c) => {
                for v in values {
                    if !c.values.contains(&v) {
                        c.values.push(v);
                    }
                }
            }
            None => out.push(Cited {
                question: question.clone(),
                values,
            }),
        }
    };
    match cond {
        Condition::Answer { question, one_of } => match answers.get(question) {
            Some(AnswerValue::One(v)) if one_of.iter().any(|o| o == v) => {
                push(question, vec![v.clone()])
            }
            Some(AnswerValue::Many(vs)) => push(
                question,
                vs.iter()
                    .filter(|v| one_of.iter().any(|o| o == *v))
                    .cloned()
                    .collect(),
            ),
            _ => {}
        },
        Condition::AtLeast { question, .. } => {
            if let Some(n) = answers.get(question).and_then(AnswerValue::as_number) {
                push(question, vec![crate::text::number(n)]);
            }
        }
        Condition::All(cs) | Condition::Any(cs) => {
            for c in cs.iter().filter(|c| holds_with(c, answers, facts)) {
                cite(c, answers, facts, out);
            }
        }
        Condition::Not(inner) => {
            if let [Condition::Answer { question, .. }] = &inner[..] {
                if let Some(AnswerValue::One(v)) = answers.get(question) {
                    push(question, vec![v.clone()]);
                }
            }
        }
        Condition::DeadlineWithin(_) => {
            if let Some(d) = facts.deadline() {
                push(&d.cited.question, d.cited.values.clone());
            }
        }
        Condition::Decided(_) | Condition::ReadinessBelow(_) => {}
    }
}

/// The question IDs a condition reads, for validation.
pub fn questions_read<'c>(cond: &'c Condition, out: &mut Vec<&'c str>) {
    match cond {
        Condition::Answer { question, .. } | Condition::AtLeast { question, .. } => {
            if !out.contains(&question.as_str()) {
                out.push(question);
            }
        }
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| questions_read(c, out)),
        Condition::Not(cs) => cs.iter().for_each(|c| questions_read(c, out)),
        Condition::Decided(_) | Condition::ReadinessBelow(_) | Condition::DeadlineWithin(_) => {}
    }
}
