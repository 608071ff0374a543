//! Which questionnaires, sections and questions are shown, and progress through them.

use super::answers::Answers;
use super::conditions::{holds, Effective};
use crate::catalog::{Catalog, Questionnaire};
use serde::{Deserialize, Serialize};
/// The visible parts of the catalog for the current answers.
/// Sections and questions are sorted ID lists (binary search), which costs less
/// WebAssembly than a set type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Visibility {
    pub questionnaires: Vec<String>,
    pub sections: Vec<String>,
    pub questions: Vec<String>,
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
        self.sections.sort_unstable();
        self.questions.sort_unstable();
    }
    pub fn questionnaire(&self, id: &str) -> bool {
        self.questionnaires.iter().any(|q| q == id)
    }
}

/// Walks one questionnaire in order, recording what is visible and which answers take effect.
/// Conditions only name earlier questions (checked by validation), so one pass suffices.
pub fn walk<'a>(
    qn: &'a Questionnaire,
    answers: &'a Answers,
    eff: &mut Effective<'a>,
    vis: &mut Visibility,
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
                if let Some(a) = answers.get(&q.id) {
                    eff.insert(&q.id, a);
                }
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
    pub questionnaires: Vec<(String, Count)>,
    pub overall: Count,
    /// Answers kept in the draft for questions that are now hidden.
    pub hidden_answers: usize,
}

pub fn progress(catalog: &Catalog, vis: &Visibility, answers: &Answers) -> Progress {
    let mut p = Progress::default();
    for qn in catalog
        .questionnaires
        .iter()
        .filter(|q| vis.questionnaire(&q.id))
    {
        let mut c = Count::default();
        // One lookup each: (left empty on purpose, answered).
        let visible: Vec<(bool, bool)> = qn
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .filter(|q| vis.question(&q.id))
            .map(|q| (q.empty_is_answer, answers.get(&q.id).is_some()))
            .collect();
        // A question left empty on purpose counts once its step has been started.
        let started = visible.iter().any(|(_, answered)| *answered);
        for (empty_is_answer, answered) in visible {
            c.applicable += 1;
            c.answered += usize::from(answered || (started && empty_is_answer));
        }
        p.overall.applicable += c.applicable;
        p.overall.answered += c.answered;
        p.questionnaires.push((qn.id.clone(), c));
    }
    p.hidden_answers = answers.values.keys().filter(|k| !vis.question(k)).count();
    p
}

/// Answered, or a question where leaving it empty is itself the answer (the review page).
pub fn is_answered(q: &crate::catalog::Question, answers: &Answers) -> bool {
    q.empty_is_answer || answers.get(&q.id).is_some()
}
