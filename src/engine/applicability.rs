//! Which reports, type, window and categories fit, each with the answers that led to it.
//!
//! Rules run in catalog order. A rule may read what earlier rules decided
//! (`decided`) and, on the second pass, the design readiness (`readiness_below`).

use super::answers::AnswerValue;
use super::conditions::{cite, holds_with, Cited, Effective, Facts};
use super::deadline::Deadline;
use crate::catalog::kinds::{AddOn, Alternative, Report, ReportType, Status};
use crate::catalog::{Catalog, Effect, Fact, Text};
use serde::{Deserialize, Serialize};

/// One rule that fired, and the answers it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Reason {
    pub rule: Text,
    pub because: Text,
    /// Only the answers (and only the options of them) that made the rule hold.
    pub answers: Vec<Cited>,
}

/// A recommended item (report, add-on, category, type), how firmly, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Recommendation<T> {
    pub id: T,
    pub status: Status,
    pub reasons: Vec<Reason>,
}

/// The applicability decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Decision {
    /// Never empty: a report not needed yet still says which one comes first.
    pub reports: Vec<Recommendation<Report>>,
    /// Offered only with a SOC 2 recommended outright.
    pub add_ons: Vec<Recommendation<AddOn>>,
    pub report_type: Recommendation<ReportType>,
    /// Observation window in months, and why.
    pub window_months: u32,
    pub window_reasons: Vec<Reason>,
    /// Categories the answers point to; those to confirm are not put in scope by themselves.
    pub recommended_categories: Vec<Recommendation<Text>>,
    /// Trust Services categories in scope: the user's choice if made, else the
    /// recommendation; empty when no SOC 2 is in view.
    pub categories_in_scope: Vec<Text>,
    pub categories_chosen_by_user: bool,
    /// Questionnaires whose controls are assessed: SOC 1 objectives, then the categories in scope.
    pub assessed: Vec<Text>,
    /// Why bridge letters will be needed (empty when they will not).
    pub bridge_letter: Vec<Reason>,
    /// What the user must know whatever the report (PCI DSS, ISO 27001, ...).
    pub notes: Vec<Reason>,
    /// Plan changes that must not be proposed, with why.
    pub ruled_out: Vec<(Alternative, Reason)>,
    /// When the first report must be in hand (`YYYY-MM-DD`), if the answers set a deadline.
    pub deadline: Option<String>,
}

impl Decision {
    /// Recommended outright.
    pub fn recommends(&self, r: Report) -> bool {
        self.reports
            .iter()
            .any(|x| x.id == r && x.status == Status::Recommended)
    }
    pub fn has_add_on(&self, a: AddOn) -> bool {
        self.add_ons.iter().any(|x| x.id == a)
    }
    pub fn is_type1(&self) -> bool {
        self.report_type.id == ReportType::Type1
    }
    pub fn allows(&self, a: Alternative) -> bool {
        !self.ruled_out.iter().any(|(x, _)| *x == a)
    }
    /// True when no report is needed yet: the page says so instead of naming a report.
    pub fn nothing_needed_yet(&self) -> bool {
        self.reports.iter().all(|r| r.status == Status::NotYet)
    }
}

/// The question whose answer, when given, overrides the recommended categories.
pub const CATEGORY_CHOICE: &str = "app.categories";
/// The option of [`CATEGORY_CHOICE`] meaning "Security only".
pub const SECURITY_ONLY: &str = "security_only";
/// The category that is always in scope.
pub const SECURITY: &str = "security";

/// Adds a reason to an item. An item shows only the reasons for its firmest
/// status: "to confirm" next to "recommended" would contradict it.
fn add<T: PartialEq>(list: &mut Vec<Recommendation<T>>, id: T, status: Status, r: Reason) {
    match list.iter_mut().find(|x| x.id == id) {
        Some(x) if firmness(status) > firmness(x.status) => {
            x.status = status;
            x.reasons = vec![r];
        }
        Some(x) if status == x.status => x.reasons.push(r),
        Some(_) => {}
        None => list.push(Recommendation {
            id,
            status,
            reasons: vec![r],
        }),
    }
}

fn firmness(s: Status) -> u8 {
    match s {
        Status::Recommended => 2,
        Status::ToConfirm => 1,
        Status::NotYet => 0,
    }
}

/// The decision being built, readable by later rules.
struct Partial<'d> {
    reports: &'d [Recommendation<Report>],
    report_type: Option<ReportType>,
    readiness: Option<f64>,
    deadline: Option<&'d Deadline>,
}

impl Facts for Partial<'_> {
    fn decided(&self, f: &Fact) -> bool {
        match f {
            Fact::Report(r) => self
                .reports
                .iter()
                .any(|x| x.id == *r && x.status == Status::Recommended),
            Fact::Offered(r) => self.reports.iter().any(|x| x.id == *r),
            Fact::ReportType(t) => self.report_type == Some(*t),
        }
    }
    fn readiness(&self) -> Option<f64> {
        self.readiness
    }
    fn deadline(&self) -> Option<&Deadline> {
        self.deadline
    }
}

/// Applies every rule of the catalog to the answers in effect. `readiness` is the
/// design readiness of what is assessed, once enough is answered to know it.
pub fn decide(
    catalog: &Catalog,
    answers: &Effective,
    readiness: Option<f64>,
    deadline: Option<&Deadline>,
) -> Decision {
    let mut reports: Vec<Recommendation<Report>> = Vec::new();
    let mut add_ons = Vec::new();
    let mut categories = Vec::new();
    let mut report_type: Option<Recommendation<ReportType>> = None;
    let mut window: Option<(u32, Reason)> = None;
    let mut bridge = Vec::new();
    let mut notes = Vec::new();
    let mut ruled_out = Vec::new();
    for rule in catalog.questionnaires.iter().flat_map(|q| &q.rules) {
        let facts = Partial {
            reports: &reports,
            report_type: report_type.as_ref().map(|r| r.id),
            readiness,
            deadline,
        };
        if !holds_with(&rule.when, answers, &facts) {
            continue;
        }
        let mut cited = Vec::new();
        cite(&rule.when, answers, &facts, &mut cited);
        let reason = Reason {
            rule: rule.id.clone(),
            because: rule.because.clone(),
            answers: cited,
        };
        match &rule.then {
            Effect::Report(id) => add(&mut reports, *id, rule.status, reason),
            Effect::AddOn(id) => add(&mut add_ons, *id, rule.status, reason),
            Effect::Category(id) => add(&mut categories, id.clone(), rule.status, reason),
            Effect::ReportType(id) => {
                report_type.get_or_insert(Recommendation {
                    id: *id,
                    status: rule.status,
                    reasons: vec![reason],
                });
            }
            Effect::WindowMonths(m) => {
                window.get_or_insert((*m, reason));
            }
            Effect::BridgeLetter(true) => bridge.push(reason),
            Effect::BridgeLetter(false) => {}
            Effect::Note(_) => notes.push(reason),
            Effect::RuleOut(a) => {
                if !ruled_out.iter().any(|(x, _)| x == a) {
                    ruled_out.push((*a, reason));
                }
            }
        }
    }
    // SOC 1 before SOC 2 (two kinds at most: no sort needed).
    if reports.len() == 2 && reports[0].id > reports[1].id {
        reports.swap(0, 1);
    }
    let soc2 = reports.iter().any(|r| r.id == Report::Soc2);
    if !soc2 {
        // SOC 3 and SOC 2+ come out of a SOC 2 examination; there is none to extend.
        add_ons.clear();
    }
    // Keep the catalog's category order, Security first.
    let tsc: Vec<&Text> = catalog
        .manifest
        .categories
        .iter()
        .filter(|c| c.report == Report::Soc2)
        .map(|c| &c.id)
        .collect();
    categories.sort_by_key(|r| tsc.iter().position(|c| **c == r.id));
    let chosen = answers.get(CATEGORY_CHOICE).and_then(|a| match a {
        AnswerValue::Many(v) if !v.is_empty() => Some(v),
        _ => None,
    });
    let categories_in_scope: Vec<Text> = match (soc2, chosen) {
        (false, _) => Vec::new(),
        (true, Some(v)) => tsc
            .iter()
            .filter(|c| {
                ***c == SECURITY
                    || (!v.iter().any(|x| x == SECURITY_ONLY) && v.iter().any(|x| x == **c))
            })
            .map(|c| (*c).clone())
            .collect(),
        (true, None) => {
            let mut ids: Vec<Text> = categories
                .iter()
                .filter(|r| r.status == Status::Recommended)
                .map(|r| r.id.clone())
                .collect();
            if !ids.iter().any(|c| c == SECURITY) {
                ids.insert(0, Text::from_static(SECURITY));
            }
            ids
        }
    };
    let assessed = catalog
        .manifest
        .categories
        .iter()
        .filter(|c| match c.report {
            Report::Soc1 => reports
                .iter()
                .any(|r| r.id == Report::Soc1 && r.status == Status::Recommended),
            Report::Soc2 => categories_in_scope.contains(&c.id),
        })
        .map(|c| c.id.clone())
        .collect();
    let (window_months, window_reasons) =
        window.map(|(m, r)| (m, vec![r])).unwrap_or((6, Vec::new()));
    Decision {
        reports,
        add_ons,
        report_type: report_type.unwrap_or(Recommendation {
            id: ReportType::Type2,
            status: Status::Recommended,
            reasons: Vec::new(),
        }),
        window_months,
        window_reasons,
        recommended_categories: if soc2 { categories } else { Vec::new() },
        categories_in_scope,
        categories_chosen_by_user: soc2 && chosen.is_some(),
        assessed,
        bridge_letter: bridge,
        notes,
        ruled_out,
        deadline: deadline.map(|d| crate::estimate::date::format(d.date)),
    }
}
