//! The pure readiness engine: one function from catalog, answers and assumptions to everything shown.

pub mod answers;
pub mod applicability;
pub mod conditions;
pub mod gaps;
pub mod scoring;
pub mod visibility;

use crate::catalog::Catalog;
use crate::estimate::{self, Assumptions, Estimate};
use answers::Answers;
use applicability::Decision;
use conditions::Effective;
use gaps::Gap;
use scoring::{Contribution, Level, Scores};
use serde::{Deserialize, Serialize};
use visibility::{Progress, Visibility};

/// Everything derived from one set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Readiness {
    pub visibility: Visibility,
    pub progress: Progress,
    pub decision: Decision,
    pub scores: Scores,
    pub gaps: Vec<Gap>,
    /// How each answer moved the overall score (see [`explain`] for other levels).
    pub overall_contributions: Vec<Contribution>,
    pub estimate: Estimate,
}

/// Walks the questionnaires in order: scope and applicability first, then the categories in scope.
fn resolve<'a>(
    catalog: &'a Catalog,
    answers: &'a Answers,
) -> (Visibility, Effective<'a>, Decision) {
    let mut vis = Visibility::default();
    let mut eff = Effective::new();
    for qn in catalog
        .questionnaires
        .iter()
        .filter(|q| !catalog.is_category(&q.id))
    {
        visibility::walk(qn, answers, &mut eff, &mut vis);
    }
    let decision = applicability::decide(catalog, &eff);
    for qn in catalog
        .questionnaires
        .iter()
        .filter(|q| decision.categories_in_scope.contains(&q.id))
    {
        visibility::walk(qn, answers, &mut eff, &mut vis);
    }
    vis.finish();
    (vis, eff, decision)
}

/// The one function everything on screen, in the export and in the tests comes from.
pub fn evaluate(catalog: &Catalog, answers: &Answers, assumptions: &Assumptions) -> Readiness {
    let (vis, eff, decision) = resolve(catalog, answers);
    let items = scoring::items(catalog, &vis, answers);
    let type1 = decision.is_type1();
    let scores = scoring::all_scores(catalog, &items, &decision.categories_in_scope, type1);
    let gaps = gaps::rank(catalog, &items, type1);
    let estimate = estimate::estimate(catalog, &eff, &decision, &gaps, &items, assumptions);
    let progress = visibility::progress(catalog, &vis, answers);
    let overall_contributions =
        scoring::contributions(&scoring::members(&items, Level::Overall, "overall"), type1);
    Readiness {
        overall_contributions,
        visibility: vis,
        progress,
        decision,
        scores,
        gaps,
        estimate,
    }
}

/// The answers that moved one score, and by how much (100 plus the deltas is the score).
pub fn explain(catalog: &Catalog, answers: &Answers, level: Level, id: &str) -> Vec<Contribution> {
    let (vis, _, decision) = resolve(catalog, answers);
    let items = scoring::items(catalog, &vis, answers);
    scoring::contributions(&scoring::members(&items, level, id), decision.is_type1())
}
