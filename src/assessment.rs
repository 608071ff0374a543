//! The whole assessment from one set of inputs: the engine's decision, scores and
//! gaps, then the estimates built on them. Everything on screen, in the export and
//! in the tests comes from [`evaluate`].

use crate::catalog::Catalog;
use crate::engine::answers::Answers;
use crate::engine::applicability::Decision;
use crate::engine::cuecs::{self, Cuec};
use crate::engine::gaps::{self, Gap};
use crate::engine::scoring::{self, Contribution, Level, Scores};
use crate::engine::visibility::{self, Progress, Visibility};
use crate::estimate::{self, Assumptions, Estimate};
use serde::{Deserialize, Serialize};

/// Everything derived from one set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Readiness {
    pub visibility: Visibility,
    pub progress: Progress,
    pub decision: Decision,
    pub scores: Scores,
    pub gaps: Vec<Gap>,
    /// How each answer moved the overall score (see `engine::explain` for other levels).
    pub overall_contributions: Vec<Contribution>,
    pub estimate: Estimate,
    /// What customers must do themselves for the SOC 1 objectives to hold.
    pub cuecs: Vec<Cuec>,
    /// The policies a first SOC 2 usually needs, with their status from the answers.
    pub policies: Vec<crate::engine::policies::PolicyItem>,
    /// The subservice and customer-control registers as the answers draft them.
    pub drafts: crate::engine::registers::Drafts,
}

/// Everything shown, exported and tested comes from here.
pub fn evaluate(catalog: &Catalog, answers: &Answers, assumptions: &Assumptions) -> Readiness {
    let r = crate::engine::resolve(catalog, answers, assumptions.start());
    let type1 = r.decision.is_type1();
    let scores = scoring::all_scores(catalog, &r.items, &r.decision.assessed, type1);
    let gaps = gaps::rank(catalog, &r.items, type1);
    let estimate = estimate::estimate(
        catalog,
        &r.effective,
        &r.decision,
        &gaps,
        &r.items,
        assumptions,
    );
    let cuecs = cuecs::list(catalog, &r.items);
    let policies =
        crate::engine::policies::checklist(catalog, &r.items, &r.decision.categories_in_scope);
    let soc2 = r.decision.assessed.iter().any(|id| {
        catalog
            .category(id)
            .is_some_and(|c| c.report == crate::catalog::kinds::Report::Soc2)
    });
    let drafts = crate::engine::registers::draft(catalog, &r.effective, soc2, &cuecs);
    let progress = visibility::progress(catalog, &r.visibility, answers);
    let overall_contributions = scoring::contributions(
        &scoring::members(&r.items, Level::Overall, "overall"),
        type1,
    );
    Readiness {
        overall_contributions,
        visibility: r.visibility,
        progress,
        decision: r.decision,
        scores,
        gaps,
        estimate,
        cuecs,
        policies,
        drafts,
    }
}
