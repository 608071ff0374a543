//! Which questionnaires, sections and questions are shown, and progress through them.

use super::answers::{AnswerValue, Answers};
use super::conditions::{holds, Effective};
use crate::catalog::{Catalog, Question, Questionnaire, Text};
use serde::{Deserialize, Serialize};
/// The visible parts of the catalog for the current answers.
/// Sections and questions are sorted ID lists (binary search), which costs less
/// WebAssembly than a set type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Visibility {
    pub questionnaires: Vec<Text>,
    pub sections: Vec<Text>,
    pub questions: Vec<Text>,
}

impl Visibility {
    pub fn question(&self, id: &str) -> bool {
        self.questions
            .binary_search_by(|q| q.as_str().cmp(id))
            .is_ok()
    }
    pub fn section(&self, id: &str) -> bool {
        self.sections
            .binary_search_by(|s| s.as_str().cmp(id))
            .is_ok()
    }
    /// Sorts the ID lists once the walk is done, so lookups can search.
    pub fn finish(&mut self) {
        sort_ids(&mut self.sections);
        sort_ids(&mut self.questions);
    }
    pub fn questionnaire(&self, id: &str) -> bool {
        self.questionnaires.iter().any(|q| q == id)
    }
}

/// Sorts IDs as strings, mostly by comparing numbers: IDs such as
/// `sec.cc6.access_review` share long beginnings, and each string comparison is a
/// call that reads them again. The first 16 bytes as a big-endian number order two
/// IDs as their strings do whenever the numbers differ.
fn sort_ids(ids: &mut Vec<Text>) {
    let head = |id: &str| {
        let mut bytes = [0; 16];
        let n = id.len().min(16);
        bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
        u128::from_be_bytes(bytes)
    };
    let mut keyed: Vec<(u128, Text)> = ids.drain(..).map(|id| (head(&id), id)).collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    ids.extend(keyed.into_iter().map(|(_, id)| id));
}

/// One visible question with its answer, as the walk met it.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a> {
    pub questionnaire: &'a Questionnaire,
    pub question: &'a Question,
    pub answer: Option<&'a AnswerValue>,
}

/// Walks one questionnaire in order, recording what is visible and which answers take effect.
/// Conditions only name earlier questions (checked by validation), so one pass suffices.
/// The visible questions are also added to `shown`, in walk order. `answer` finds
/// a question's answer, however the caller keeps them.
pub fn walk<'a>(
    qn: &'a Questionnaire,
    answer: impl Fn(&str) -> Option<&'a AnswerValue>,
    eff: &mut Effective<'a>,
    vis: &mut Visibility,
    shown: &mut Vec<Shown<'a>>,
) {
    vis.questionnaires.push(qn.id.clone());
    for s in &qn.sections {
        // Conditions read earlier answers only, never visibility, so sorting can wait.
        if !s.show_if.as_ref().is_none_or(|c| holds(c, eff)) {
            continue;
        }
        vis.sections.push(s.id.clone());
        for q in &s.questions {
            if q.show_if.as_ref().is_none_or(|c| holds(c, eff)) {
                vis.questions.push(q.id.clone());
                let answer = answer(&q.id);
                if let Some(a) = answer {
                    eff.insert(&q.id, a);
                }
                shown.push(Shown {
                    questionnaire: qn,
                    question: q,
                    answer,
                });
            }
        }
    }
}

/// Answered of applicable (visible) questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Count {
    pub answered: usize,
    pub applicable: usize,
}

/// Progress per visible questionnaire and overall.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Progress {
    pub questionnaires: Vec<(Text, Count)>,
    pub overall: Count,
    /// Answers kept in the draft for questions that are now hidden.
    pub hidden_answers: usize,
}

/// Progress from the walk: `shown` as [`walk`] records it, for the same `vis`.
pub fn progress(
    catalog: &Catalog,
    vis: &Visibility,
    shown: &[Shown],
    answers: &Answers,
) -> Progress {
    let mut p = Progress::default();
    for qn in catalog
        .questionnaires
        .iter()
        .filter(|q| vis.questionnaire(&q.id))
    {
        let mut c = Count::default();
        let visible = || shown.iter().filter(|s| std::ptr::eq(s.questionnaire, qn));
        // A question left empty on purpose counts once its step has been started.
        let started = visible().any(|s| s.answer.is_some());
        for s in visible() {
            c.applicable += 1;
            c.answered +=
                usize::from(s.answer.is_some() || (started && s.question.empty_is_answer));
        }
        p.overall.applicable += c.applicable;
        p.overall.answered += c.answered;
        p.questionnaires.push((qn.id.clone(), c));
    }
    // Question IDs are unique, so each visible answer is one of the answers' keys.
    let visible_answers = shown.iter().filter(|s| s.answer.is_some()).count();
    p.hidden_answers = answers.values.len().saturating_sub(visible_answers);
    p
}

/// Answered, or a question where leaving it empty is itself the answer (the review page).
pub fn is_answered(q: &crate::catalog::Question, answers: &Answers) -> bool {
    q.empty_is_answer || answers.get(&q.id).is_some()
}
