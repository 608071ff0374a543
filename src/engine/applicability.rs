//! Which reports, type, window and categories fit, each with the answers that led to it.

use super::conditions::{holds, questions_read, Effective};
use crate::catalog::{Catalog, Effect};
use serde::{Deserialize, Serialize};

/// One rule that fired, and the answers it read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Reason {
    pub rule: String,
    pub because: String,
    /// `(question ID, answer as given)` for each answered question the rule read.
    pub answers: Vec<(String, String)>,
}

/// A recommended item (report, add-on, category, type) and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Recommendation {
    pub id: String,
    pub reasons: Vec<Reason>,
}

/// The applicability decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Decision {
    /// `soc1` and/or `soc2`.
    pub reports: Vec<Recommendation>,
    /// `soc3` and/or `soc2plus`, offered as options.
    pub add_ons: Vec<Recommendation>,
    /// `type1` or `type2`.
    pub report_type: Recommendation,
    /// First observation window in months, and why.
    pub window_months: u32,
    pub window_reasons: Vec<Reason>,
    /// Categories the answers point to (Security always).
    pub recommended_categories: Vec<Recommendation>,
    /// Categories actually in scope: the user's choice if made, else the recommendation.
    pub categories_in_scope: Vec<String>,
    pub categories_chosen_by_user: bool,
    pub bridge_letter: Option<Recommendation>,
}

impl Decision {
    pub fn has_report(&self, id: &str) -> bool {
        self.reports.iter().any(|r| r.id == id)
    }
    pub fn has_add_on(&self, id: &str) -> bool {
        self.add_ons.iter().any(|r| r.id == id)
    }
    pub fn is_type1(&self) -> bool {
        self.report_type.id == "type1"
    }
}

/// The question whose answer, when given, overrides the recommended categories.
pub const CATEGORY_CHOICE: &str = "app.categories";
/// The option of [`CATEGORY_CHOICE`] meaning "Security only".
pub const SECURITY_ONLY: &str = "security_only";
/// The category that is always in scope.
pub const SECURITY: &str = "security";

fn add(list: &mut Vec<Recommendation>, id: &str, reason: Reason) {
    match list.iter_mut().find(|r| r.id == id) {
        Some(r) => r.reasons.push(reason),
        None => list.push(Recommendation {
            id: id.to_owned(),
            reasons: vec![reason],
        }),
    }
}

/// Applies every rule of the catalog to the answers in effect.
pub fn decide(catalog: &Catalog, answers: &Effective) -> Decision {
    let mut reports = Vec::new();
    let mut add_ons = Vec::new();
    let mut categories = Vec::new();
    let mut report_type: Option<Recommendation> = None;
    let mut window: Option<(u32, Reason)> = None;
    let mut bridge: Option<Recommendation> = None;
    for rule in catalog.questionnaires.iter().flat_map(|q| &q.rules) {
        if !holds(&rule.when, answers) {
            continue;
        }
        let mut read = Vec::new();
        questions_read(&rule.when, &mut read);
        let reason = Reason {
            rule: rule.id.clone(),
            because: rule.because.clone(),
            answers: read
                .into_iter()
                .filter_map(|q| answers.get(q).map(|a| (q.to_owned(), display(a))))
                .collect(),
        };
        match &rule.then {
            Effect::Report(id) => add(&mut reports, id, reason),
            Effect::AddOn(id) => add(&mut add_ons, id, reason),
            Effect::Category(id) => add(&mut categories, id, reason),
            Effect::ReportType(id) => {
                report_type.get_or_insert(Recommendation {
                    id: id.clone(),
                    reasons: vec![reason],
                });
            }
            Effect::WindowMonths(m) => {
                window.get_or_insert((*m, reason));
            }
            Effect::BridgeLetter(true) => add_opt(&mut bridge, reason),
            Effect::BridgeLetter(false) => {}
        }
    }
    // Keep the catalog's category order, Security first.
    let order: Vec<&str> = catalog
        .manifest
        .categories
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    categories.sort_by_key(|r| order.iter().position(|c| *c == r.id));
    let chosen = answers.get(CATEGORY_CHOICE).and_then(|a| match a {
        super::answers::AnswerValue::Many(v) if !v.is_empty() => Some(v),
        _ => None,
    });
    let categories_in_scope: Vec<String> = match chosen {
        Some(v) => order
            .iter()
            .filter(|c| {
                **c == SECURITY
                    || (!v.iter().any(|x| x == SECURITY_ONLY) && v.iter().any(|x| x == *c))
            })
            .map(|c| (*c).to_owned())
            .collect(),
        None => {
            let mut ids: Vec<String> = categories.iter().map(|r| r.id.clone()).collect();
            if !ids.iter().any(|c| c == SECURITY) {
                ids.insert(0, SECURITY.to_owned());
            }
            ids
        }
    };
    let (window_months, window_reason) =
        window.map(|(m, r)| (m, vec![r])).unwrap_or((6, Vec::new()));
    Decision {
        reports,
        add_ons,
        report_type: report_type.unwrap_or(Recommendation {
            id: "type2".into(),
            reasons: Vec::new(),
        }),
        window_months,
        window_reasons: window_reason,
        recommended_categories: categories,
        categories_in_scope,
        categories_chosen_by_user: chosen.is_some(),
        bridge_letter: bridge,
    }
}

fn add_opt(slot: &mut Option<Recommendation>, reason: Reason) {
    match slot {
        Some(r) => r.reasons.push(reason),
        None => {
            *slot = Some(Recommendation {
                id: "bridge_letter".into(),
                reasons: vec![reason],
            })
        }
    }
}

/// An answer as the user gave it, for reasons and exports.
pub fn display(a: &super::answers::AnswerValue) -> String {
    use super::answers::AnswerValue::*;
    match a {
        Number(n) => crate::estimate::range::number(*n),
        One(s) => s.clone(),
        Many(v) => v.join(", "),
    }
}
