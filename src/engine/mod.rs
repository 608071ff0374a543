//! The pure readiness engine: what is visible, which report fits, scores and gaps.
//! It knows nothing of estimates; `assessment` puts the two together.

pub mod answers;
pub mod applicability;
pub mod conditions;
pub mod crosswalk;
pub mod cuecs;
pub mod deadline;
pub mod evidence;
pub mod gaps;
pub mod policies;
pub mod registers;
pub mod scoring;
pub mod visibility;

use crate::catalog::Catalog;
use answers::Answers;
use applicability::Decision;
use conditions::Effective;
use scoring::{Contribution, Item, Level};
use time::Date;
use visibility::Visibility;

/// What the answers decide before anything is estimated.
pub struct Resolved<'a> {
    pub visibility: Visibility,
    pub effective: Effective<'a>,
    pub decision: Decision,
    pub items: Vec<Item<'a>>,
}

/// Walks the questionnaires in order: scope and applicability first, then what is
/// assessed. Rules that read the readiness get it on a second pass, once the
/// control answers of what is assessed are known. A deadline is measured from `start`.
pub fn resolve<'a>(catalog: &'a Catalog, answers: &'a Answers, start: Date) -> Resolved<'a> {
    let mut vis = Visibility::default();
    let mut eff = Effective::new();
    for qn in catalog
        .questionnaires
        .iter()
        .filter(|q| !catalog.is_category(&q.id))
    {
        visibility::walk(qn, answers, &mut eff, &mut vis);
    }
    let deadline = deadline::from_answers(catalog, &eff, start);
    let first = applicability::decide(catalog, &eff, None, deadline.as_ref());
    for qn in catalog
        .questionnaires
        .iter()
        .filter(|q| first.assessed.contains(&q.id))
    {
        visibility::walk(qn, answers, &mut eff, &mut vis);
    }
    vis.finish();
    let items = scoring::items(catalog, &vis, answers);
    let readiness = scoring::known_design_readiness(catalog, &items);
    let decision = match readiness {
        Some(_) => {
            let second = applicability::decide(catalog, &eff, readiness, deadline.as_ref());
            debug_assert_eq!(
                second.assessed, first.assessed,
                "readiness rules never change scope"
            );
            second
        }
        None => first,
    };
    Resolved {
        visibility: vis,
        effective: eff,
        decision,
        items,
    }
}

/// The answers that moved one score, and by how much (100 plus the deltas is the score).
/// The type of report (and so what counts) may hang on a deadline, measured from `start`.
/// A category, group or criterion that is not assessed has no score, so nothing
/// explains it, even when a question asked elsewhere covers one of its criteria.
pub fn explain(
    catalog: &Catalog,
    answers: &Answers,
    start: Date,
    level: Level,
    id: &str,
) -> Vec<Contribution> {
    let r = resolve(catalog, answers, start);
    let group_category = |g: &str| catalog.group(g).map(|g| g.category.as_str());
    let category = match level {
        Level::Overall | Level::Report => None,
        Level::Category => Some(id),
        Level::Group => group_category(id),
        Level::Criterion => catalog.criterion(id).and_then(|c| group_category(&c.group)),
    };
    if category.is_some_and(|c| !r.decision.assessed.iter().any(|a| a == c)) {
        return Vec::new();
    }
    scoring::contributions(
        &scoring::members(&r.items, level, id),
        r.decision.is_type1(),
    )
}
