//! Evaluating `show_if` and rule conditions against the answers in effect.

use super::answers::AnswerValue;
use crate::catalog::Condition;
use std::collections::BTreeMap;

/// Answers that count: those of visible questions only.
pub type Effective<'a> = BTreeMap<&'a str, &'a AnswerValue>;

/// True when the condition holds; an unanswered question makes a leaf false.
pub fn holds(cond: &Condition, answers: &Effective) -> bool {
    match cond {
        Condition::Answer { question, one_of } => answers
            .get(question.as_str())
            .is_some_and(|a| a.is_one_of(one_of)),
        Condition::AtLeast { question, value } => answers
            .get(question.as_str())
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
