//! The whole assessment from one set of inputs: the engine's decision, scores and
//! gaps, then the estimates built on them. Everything on screen, in the export and
//! in the tests comes from [`evaluate`].

use crate::catalog::Catalog;
use crate::engine::answers::Answers;
use crate::engine::applicability::Decision;
use crate::engine::conditions::Effective;
use crate::engine::crosswalk::CrosswalkEntry;
use crate::engine::cuecs::{self, Cuec};
use crate::engine::evidence::EvidenceRequest;
use crate::engine::gaps::{self, Gap};
use crate::engine::registers::{self, Concern, Coverage, CustomerControl, Registers, Subservice};
use crate::engine::scoring::{self, Contribution, Item, Level, Scores};
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

/// What the questionnaire shows while the answers change: what is asked, the
/// progress, the decision, the scores and the gaps. The rest of [`Readiness`]
/// (estimates, customers' controls, policies, register drafts) only the results
/// and the files need, so the app leaves it out of each answer's update and out
/// of its first screen's code. Each field equals the one [`evaluate`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Live {
    pub visibility: Visibility,
    pub progress: Progress,
    pub decision: Decision,
    pub scores: Scores,
    pub gaps: Vec<Gap>,
    pub overall_contributions: Vec<Contribution>,
}

/// The live part of [`evaluate`], for the questionnaire.
pub fn assess(catalog: &Catalog, answers: &Answers, assumptions: &Assumptions) -> Live {
    live(catalog, answers, assumptions).0
}

/// The live part, with what the rest is built on.
fn live<'a>(
    catalog: &'a Catalog,
    answers: &'a Answers,
    assumptions: &Assumptions,
) -> (Live, Effective<'a>, Vec<Item<'a>>) {
    let r = crate::engine::resolve(catalog, answers, assumptions.start());
    let type1 = r.decision.is_type1();
    let scores = scoring::all_scores(catalog, &r.items, &r.decision.assessed, type1);
    let gaps = gaps::rank(&r.items, type1);
    let progress = visibility::progress(catalog, &r.visibility, &r.shown, answers);
    let overall_contributions = scoring::contributions(
        &scoring::members(&r.items, Level::Overall, "overall"),
        type1,
    );
    let live = Live {
        visibility: r.visibility,
        progress,
        decision: r.decision,
        scores,
        gaps,
        overall_contributions,
    };
    (live, r.effective, r.items)
}

/// Everything shown, exported and tested comes from here.
pub fn evaluate(catalog: &Catalog, answers: &Answers, assumptions: &Assumptions) -> Readiness {
    let (live, effective, items) = live(catalog, answers, assumptions);
    let estimate = estimate::estimate(
        catalog,
        &effective,
        &live.decision,
        &live.gaps,
        &items,
        assumptions,
    );
    let cuecs = cuecs::list(catalog, &items);
    let policies =
        crate::engine::policies::checklist(catalog, &items, &live.decision.categories_in_scope);
    let soc2 = live.decision.assessed.iter().any(|id| {
        catalog
            .category(id)
            .is_some_and(|c| c.report == crate::catalog::kinds::Report::Soc2)
    });
    let drafts = crate::engine::registers::draft(catalog, &effective, soc2, &cuecs);
    let Live {
        visibility,
        progress,
        decision,
        scores,
        gaps,
        overall_contributions,
    } = live;
    Readiness {
        overall_contributions,
        visibility,
        progress,
        decision,
        scores,
        gaps,
        estimate,
        cuecs,
        policies,
        drafts,
    }
}

/// The auditor-facing artefacts. Derived when the results page or an export needs
/// them, not on every answer: the evidence list alone is a row per control.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Artefacts {
    /// The providers in the register (the user's, or the draft), each with what an auditor will raise.
    pub subservices: Vec<SubserviceEntry>,
    /// The customer controls in the register (the user's, or the draft).
    pub customer_controls: Vec<CustomerControl>,
    /// Drafted rows the user's edited registers lack: offered, never added unasked.
    pub suggested_subservices: Vec<Subservice>,
    pub suggested_customer_controls: Vec<CustomerControl>,
    pub evidence: Vec<EvidenceRequest>,
    pub crosswalk: Vec<CrosswalkEntry>,
}

/// A provider with the concerns its row raises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SubserviceEntry {
    #[serde(flatten)]
    pub subservice: Subservice,
    pub concerns: Vec<Concern>,
}

/// The auditor pack for one assessment: the registers (edited or drafted) judged
/// against the planned window, the evidence requests and the crosswalk.
pub fn artefacts(
    catalog: &Catalog,
    answers: &Answers,
    assumptions: &Assumptions,
    registers: &Registers,
    readiness: &Readiness,
) -> Artefacts {
    let drafts = &readiness.drafts;
    let t = &readiness.estimate.timeline;
    let type2 = !readiness.decision.is_type1();
    let likely = |d: &str| crate::estimate::date::parse(d);
    let window = t
        .phases
        .iter()
        .find(|p| p.id == "observation")
        .and_then(|p| Some((likely(&p.start.likely)?, likely(&p.end.likely)?)));
    let as_of = t.type1_as_of.as_ref().and_then(|d| likely(&d.likely));
    let today = assumptions.start();
    let (opens, closes) = match (type2, window, as_of) {
        (true, Some(w), _) => w,
        (_, _, Some(d)) => (d, d),
        (_, Some(w), None) => w,
        _ => (today, today),
    };
    let cover = Coverage {
        today,
        opens,
        closes,
        type2,
    };
    let subservices = registers
        .subservices
        .as_ref()
        .unwrap_or(&drafts.subservices);
    let customer_controls = registers
        .customer_controls
        .as_ref()
        .unwrap_or(&drafts.customer_controls);
    let items = scoring::items(catalog, &readiness.visibility, answers);
    Artefacts {
        subservices: subservices
            .iter()
            .map(|s| SubserviceEntry {
                concerns: registers::concerns(catalog, s, &cover),
                subservice: s.clone(),
            })
            .collect(),
        customer_controls: customer_controls.clone(),
        suggested_subservices: registers::missing(&drafts.subservices, subservices, |s| &s.id)
            .into_iter()
            .cloned()
            .collect(),
        suggested_customer_controls: registers::missing(
            &drafts.customer_controls,
            customer_controls,
            |c| &c.id,
        )
        .into_iter()
        .cloned()
        .collect(),
        evidence: crate::engine::evidence::list(
            catalog,
            &items,
            type2.then_some(readiness.decision.window_months),
        ),
        crosswalk: crate::engine::crosswalk::entries(catalog, &readiness.scores, &readiness.gaps),
    }
}
