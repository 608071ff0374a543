//! The framework crosswalk for what is assessed: per SOC 2 criterion, where ISO/IEC
//! 27001:2022 or NIST CSF 2.0 work may be reused, beside its score and open gaps.

use super::gaps::Gap;
use super::scoring::Scores;
use crate::catalog::Catalog;
use crate::catalog::Text;
use serde::{Deserialize, Serialize};

/// One criterion's hints and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CrosswalkEntry {
    pub criterion: Text,
    /// The score for the report type in view, once anything is answered.
    pub score: Option<f64>,
    /// The open gaps on this criterion, most severe first.
    pub gaps: Vec<Text>,
    /// Annex A controls: number and our own label.
    pub iso: Vec<Hint>,
    /// Management-system clauses: number and our own label.
    pub clauses: Vec<Hint>,
    /// CSF 2.0 categories: ID and name.
    pub csf: Vec<Hint>,
    pub note: Text,
}

/// A framework reference with the words that make it readable without the standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Hint {
    pub id: Text,
    pub label: Text,
}

/// One entry per assessed SOC 2 criterion, in catalog order.
pub fn entries(catalog: &Catalog, scores: &Scores, gaps: &[Gap]) -> Vec<CrosswalkEntry> {
    let x = &catalog.crosswalk;
    scores
        .criteria
        .iter()
        .filter_map(|s| {
            let row = x.row(&s.id)?;
            Some(CrosswalkEntry {
                criterion: s.id.clone(),
                score: s.target,
                gaps: gaps
                    .iter()
                    .filter(|g| g.criteria.contains(&s.id))
                    .map(|g| g.question.clone())
                    .collect(),
                iso: hints(&row.iso, |n| x.iso_label(n)),
                clauses: hints(&row.clauses, |n| x.clause_label(n)),
                csf: hints(&row.csf, |n| x.csf_label(n)),
                note: row.note.clone(),
            })
        })
        .collect()
}

fn hints<'c>(ids: &[Text], label: impl Fn(&str) -> Option<&'c Text>) -> Vec<Hint> {
    ids.iter()
        .map(|id| Hint {
            id: id.clone(),
            label: label(id).cloned().unwrap_or_default(),
        })
        .collect()
}
