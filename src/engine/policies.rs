//! The policy checklist: each policy a first SOC 2 usually needs, with a status
//! read from the answers to the control questions it supports.

use super::scoring::{Item, State};
use crate::catalog::Catalog;
use crate::catalog::Text;
use serde::{Deserialize, Serialize};

/// How far a policy is, from the answers to its questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PolicyStatus {
    /// Every answered question says the control is in place.
    InPlace,
    /// Some are in place, some not.
    Partly,
    /// None of the answered questions is in place.
    Missing,
    /// None of its questions is answered yet.
    NotKnown,
}

impl PolicyStatus {
    pub fn label(self) -> &'static str {
        match self {
            PolicyStatus::InPlace => "In place",
            PolicyStatus::Partly => "Partly in place",
            PolicyStatus::Missing => "To write",
            PolicyStatus::NotKnown => "Not known yet",
        }
    }
}

/// One row of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PolicyItem {
    pub id: Text,
    pub title: Text,
    pub status: PolicyStatus,
    /// The questions it supports that are asked in this assessment.
    pub questions: Vec<Text>,
}

/// The checklist for what is assessed: empty without a SOC 2 in view. A control
/// counts as in place when its design is complete (implemented or evidenced);
/// "not applicable" answers are left out.
pub fn checklist(catalog: &Catalog, items: &[Item], in_scope: &[Text]) -> Vec<PolicyItem> {
    if in_scope.is_empty() {
        return Vec::new();
    }
    let item_at = super::Index::new(items.iter().map(|it| it.question.id.as_str()));
    let mut at = Vec::new();
    catalog
        .manifest
        .policies
        .iter()
        .filter(|p| p.category.as_ref().is_none_or(|c| in_scope.contains(c)))
        .map(|p| {
            // In the items' order, each once.
            at.clear();
            at.extend(p.questions.iter().filter_map(|q| item_at.get(q)));
            at.sort_unstable();
            at.dedup();
            let asked = || at.iter().map(|&i| &items[i]);
            let (mut done, mut open) = (0, 0);
            for it in asked() {
                if let State::Scored { design, .. } = it.state {
                    if design >= 100.0 {
                        done += 1;
                    } else {
                        open += 1;
                    }
                }
            }
            let status = match (done, open) {
                (0, 0) => PolicyStatus::NotKnown,
                (_, 0) => PolicyStatus::InPlace,
                (0, _) => PolicyStatus::Missing,
                _ => PolicyStatus::Partly,
            };
            PolicyItem {
                id: p.id.clone(),
                title: p.title.clone(),
                status,
                questions: asked().map(|it| it.question.id.clone()).collect(),
            }
        })
        .collect()
}
