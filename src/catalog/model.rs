//! The questionnaire data model, deserialised from `questionnaires/`.
//!
//! Every type mirrors the TOML format documented in `questionnaires/README.md`;
//! IDs are strings so answers and exports survive edits to the catalog.

use super::kinds::{AddOn, Alternative, Frequency, Report, ReportType, Status};
use serde::{Deserialize, Serialize};

/// The whole validated catalog: manifest plus questionnaires and estimation data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub manifest: Manifest,
    pub questionnaires: Vec<Questionnaire>,
    pub estimation: super::estimation::EstimationParams,
    pub auditor: super::auditor::AuditorParams,
    pub crosswalk: super::crosswalk::Crosswalk,
}

/// `catalog.toml`: what is shared by all questionnaires.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema_version: u32,
    pub version: String,
    /// What every result says about itself: a self-assessment, not an audit opinion.
    pub disclaimer: String,
    #[serde(default)]
    pub retired_ids: Vec<String>,
    /// Retired question -> the question that now asks its control: saved and
    /// imported answers move there when it has none.
    #[serde(default)]
    pub merged_into: std::collections::BTreeMap<String, String>,
    /// Questionnaire file stems in the order the user walks through them.
    pub questionnaires: Vec<String>,
    pub scale: Vec<ScaleOption>,
    pub bands: Vec<Band>,
    pub key_gap_cap_band: String,
    pub key_gap_below: f64,
    /// A score gets a band only when at least this share of its questions is answered.
    pub band_min_answered_share: f64,
    pub categories: Vec<Category>,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    /// The policies a first SOC 2 usually needs, for the policy checklist.
    #[serde(default)]
    pub policies: Vec<Policy>,
}

/// A policy and the control questions whose evidence it supports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub id: String,
    pub title: String,
    /// Listed only when this category is in scope (none: with any SOC 2).
    #[serde(default)]
    pub category: Option<String>,
    pub questions: Vec<String>,
}

/// One step of the control answer scale, scored separately for Type I and II.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleOption {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub design: f64,
    #[serde(default)]
    pub operating: f64,
    /// Share of a question's remediation effort still to do at this step.
    #[serde(default)]
    pub remaining_effort: f64,
    #[serde(default)]
    pub not_applicable: bool,
}

/// A readiness band such as "Audit-ready"; the first whose `min` a score reaches applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub label: String,
    pub min: f64,
}

/// A Trust Services category (Security, Availability, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: String,
    /// The report whose examination tests this category (SOC 1 objectives or a SOC 2 category).
    #[serde(default = "soc2")]
    pub report: Report,
}

fn soc2() -> Report {
    Report::Soc2
}

/// A criterion group such as CC6 or P4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub category: String,
    pub name: String,
}

/// One of the 61 criteria, with our own paraphrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub group: String,
    pub summary: String,
    /// What customers must do themselves for this criterion to be met (complementary user entity control).
    #[serde(default)]
    pub cuec: String,
}

/// One questionnaire file: scope, applicability or a category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// The file it came from, filled in by the build so errors can name it.
    #[serde(default)]
    pub file: String,
    pub schema_version: u32,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    pub sections: Vec<Section>,
    /// Applicability rules (only in `applicability.toml`).
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// A group of questions shown together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    #[serde(default)]
    pub group: Option<String>,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub show_if: Option<Condition>,
    pub questions: Vec<Question>,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Answered on the shared maturity scale and scored.
    #[default]
    Control,
    Choice,
    Multi,
    Number,
    Text,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
}

/// One question. Control questions carry scoring data; the others carry options or bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    #[serde(default)]
    pub kind: QuestionKind,
    pub text: String,
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub evidence: String,
    /// How often the control runs (control questions), for the evidence request list.
    #[serde(default)]
    pub frequency: Option<Frequency>,
    /// Who usually runs it and holds its evidence: an `owners` ID of `auditor.toml`.
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub criteria: Vec<String>,
    #[serde(default)]
    pub weight: u8,
    #[serde(default)]
    pub key: bool,
    #[serde(default)]
    pub advice: String,
    #[serde(default)]
    pub effort_days: f64,
    #[serde(default)]
    pub show_if: Option<Condition>,
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// A number's bounds; for a date, the window in days from today (default: five years back to one ahead).
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    /// A number question that takes whole numbers only (people, systems).
    #[serde(default)]
    pub integer: bool,
    /// Leaving it empty is a valid answer (for example "follow the recommendation").
    #[serde(default)]
    pub empty_is_answer: bool,
}

/// An option of a choice or multi-choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
}

/// When a question or section is shown: one small typed form, nested freely.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The answer (or any selected option) is one of `one_of`.
    Answer {
        question: String,
        one_of: Vec<String>,
    },
    /// A number answer is at least `value`.
    AtLeast {
        question: String,
        value: f64,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// What earlier rules decided (rules only; validation checks the order).
    Decided(Fact),
    /// The design readiness of what is assessed is known and below this (rules only).
    ReadinessBelow(f64),
    /// A deadline is set and falls within this many months of the start date (rules only).
    DeadlineWithin(f64),
}

/// A part of the decision that a later rule can read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// The report is recommended outright.
    Report(Report),
    /// The report is listed, whatever its status.
    Offered(Report),
    ReportType(ReportType),
}

/// An applicability rule: when the condition holds, the effect applies, for the reason given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub when: Condition,
    pub then: Effect,
    pub because: String,
    /// How firmly a report or category rule recommends it.
    #[serde(default)]
    pub status: Status,
}

/// What an applicability rule decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Report(Report),
    AddOn(AddOn),
    /// Recommend a category in scope.
    Category(String),
    /// The first matching rule wins.
    ReportType(ReportType),
    /// Recommended observation window in months; the first matching rule wins.
    WindowMonths(u32),
    /// Customers will need a bridge letter between reports.
    BridgeLetter(bool),
    /// Something the user must know whatever the report (its text is the rule's `because`).
    Note(String),
    /// A plan change that must not be proposed, however late the report.
    RuleOut(Alternative),
}

impl Catalog {
    /// All questions in walk order, with the questionnaire and section they belong to.
    pub fn questions(&self) -> impl Iterator<Item = (&Questionnaire, &Section, &Question)> {
        self.questionnaires.iter().flat_map(|qn| {
            qn.sections
                .iter()
                .flat_map(move |s| s.questions.iter().map(move |q| (qn, s, q)))
        })
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, _, q)| q).find(|q| q.id == id)
    }

    pub fn questionnaire(&self, id: &str) -> Option<&Questionnaire> {
        self.questionnaires.iter().find(|q| q.id == id)
    }

    pub fn scale_option(&self, id: &str) -> Option<&ScaleOption> {
        self.manifest.scale.iter().find(|o| o.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.manifest.categories.iter().find(|c| c.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.manifest.criteria.iter().find(|c| c.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.manifest.groups.iter().find(|g| g.id == id)
    }

    /// The band a score falls in (bands are listed from the highest down).
    pub fn band_for(&self, score: f64) -> &Band {
        self.manifest
            .bands
            .iter()
            .find(|b| score >= b.min)
            .unwrap_or_else(|| self.manifest.bands.last().expect("validated: bands exist"))
    }

    /// The questionnaire that holds a category's control questions.
    pub fn is_category(&self, questionnaire_id: &str) -> bool {
        self.category(questionnaire_id).is_some()
    }
}
