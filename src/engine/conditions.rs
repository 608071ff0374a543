//! Evaluating `show_if` and rule conditions against the answers in effect.

use super::answers::AnswerValue;
use crate::catalog::Condition;
/// Answers that count: those of visible questions only, in walk order.
/// A short list searched linearly: cheaper in code size than a map, and fast at this size.
#[derive(Debug, Default)]
pub struct Effective<'a>(Vec<(&'a str, &'a AnswerValue)>);

impl<'a> Effective<'a> {
    pub fn new() -> Self {
        Effective(Vec::new())
    }
    pub fn insert(&mut self, id: &'a str, a: &'a AnswerValue) {
        self.0.push((id, a));
    }
    pub fn get(&self, id: &str) -> Option<&'a AnswerValue> {
        self.0.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
    }
}

/// True when the condition holds; an unanswered question makes a leaf false.
pub fn holds(cond: &Condition, answers: &Effective) -> bool {
    match cond {
        Condition::Answer { question, one_of } => {
            answers.get(question).is_some_and(|a| a.is_one_of(one_of))
        }
        Condition::AtLeast { question, value } => answers
            .get(question)
            .and_then(|a| a.as_number())
            .is_some_and(|n| n >= *value),
        Condition::All(cs) => cs.iter().all(|c| holds(c, answers)),
        Condition::Any(cs) => cs.iter().any(|c| holds(c, answers)),
        Condition::Not(c) => !holds(c, answers),
    }
}

/// The question IDs a condition reads, for explaining decisions.
pub fn questions_read<'c>(cond: &'c Condition, out: &mut Vec<&'c str>) {
    match cond {
        Condition::Answer { question, .. } | Condition::AtLeast { question, .. } => {
            if !out.contains(&question.as_str()) {
                out.push(question);
            }
        }
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| questions_read(c, out)),
        Condition::Not(c) => questions_read(c, out),
    }
}
