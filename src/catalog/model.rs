//! The questionnaire data model, deserialised from `questionnaires/`.
//!
//! Every type mirrors the TOML format documented in `questionnaires/README.md`;
//! IDs are strings so answers and exports survive edits to the catalog.

use super::kinds::{AddOn, Alternative, Frequency, Report, ReportType, Status};
use super::static_data::{static_data, List, Map, Rust, Text, ToRust};
use serde::{Deserialize, Serialize};

static_data! {
    /// The whole validated catalog: manifest plus questionnaires and estimation data.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Catalog {
        pub manifest: Manifest,
        pub questionnaires: List<Questionnaire>,
        pub estimation: super::estimation::EstimationParams,
        pub auditor: super::auditor::AuditorParams,
        pub crosswalk: super::crosswalk::Crosswalk,
    }
}

static_data! {
    /// `catalog.toml`: what is shared by all questionnaires.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Manifest {
        pub schema_version: u32,
        pub version: Text,
        /// What every result says about itself: a self-assessment, not an audit opinion.
        pub disclaimer: Text,
        #[serde(default)]
        pub retired_ids: List<Text>,
        /// Retired question -> the question that now asks its control: saved and
        /// imported answers move there when it has none.
        #[serde(default)]
        pub merged_into: Map<Text>,
        /// Questionnaire file stems in the order the user walks through them.
        pub questionnaires: List<Text>,
        pub scale: List<ScaleOption>,
        pub bands: List<Band>,
        pub key_gap_cap_band: Text,
        pub key_gap_below: f64,
        /// A score gets a band only when at least this share of its questions is answered.
        pub band_min_answered_share: f64,
        pub categories: List<Category>,
        pub groups: List<Group>,
        pub criteria: List<Criterion>,
        /// The policies a first SOC 2 usually needs, for the policy checklist.
        #[serde(default)]
        pub policies: List<Policy>,
    }
}

static_data! {
    /// A policy and the control questions whose evidence it supports.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Policy {
        pub id: Text,
        pub title: Text,
        /// Listed only when this category is in scope (none: with any SOC 2).
        #[serde(default)]
        pub category: Option<Text>,
        pub questions: List<Text>,
    }
}

static_data! {
    /// One step of the control answer scale, scored separately for Type I and II.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ScaleOption {
        pub id: Text,
        pub label: Text,
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
}

static_data! {
    /// A readiness band such as "Audit-ready"; the first whose `min` a score reaches applies.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Band {
        pub id: Text,
        pub label: Text,
        pub min: f64,
    }
}

static_data! {
    /// A Trust Services category (Security, Availability, ...).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Category {
        pub id: Text,
        pub name: Text,
        pub description: Text,
        /// The report whose examination tests this category (SOC 1 objectives or a SOC 2 category).
        #[serde(default = "soc2")]
        pub report: Report,
    }
}

fn soc2() -> Report {
    Report::Soc2
}

static_data! {
    /// A criterion group such as CC6 or P4.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Group {
        pub id: Text,
        pub category: Text,
        pub name: Text,
    }
}

static_data! {
    /// One of the 61 criteria, with our own paraphrase.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Criterion {
        pub id: Text,
        pub group: Text,
        pub summary: Text,
        /// What customers must do themselves for this criterion to be met (complementary user entity control).
        #[serde(default)]
        pub cuec: Text,
    }
}

static_data! {
    /// One questionnaire file: scope, applicability or a category.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Questionnaire {
        /// The file it came from, filled in by the build so errors can name it.
        #[serde(default)]
        pub file: Text,
        pub schema_version: u32,
        pub id: Text,
        pub title: Text,
        #[serde(default)]
        pub intro: Text,
        pub sections: List<Section>,
        /// Applicability rules (only in `applicability.toml`).
        #[serde(default)]
        pub rules: List<Rule>,
    }
}

static_data! {
    /// A group of questions shown together.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Section {
        pub id: Text,
        #[serde(default)]
        pub group: Option<Text>,
        pub title: Text,
        #[serde(default)]
        pub intro: Text,
        #[serde(default)]
        pub show_if: Option<Condition>,
        pub questions: List<Question>,
    }
}

static_data! {
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
}

static_data! {
    /// One question. Control questions carry scoring data; the others carry options or bounds.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Question {
        pub id: Text,
        #[serde(default)]
        pub kind: QuestionKind,
        pub text: Text,
        #[serde(default)]
        pub help: Text,
        #[serde(default)]
        pub evidence: Text,
        /// How often the control runs (control questions), for the evidence request list.
        #[serde(default)]
        pub frequency: Option<Frequency>,
        /// Who usually runs it and holds its evidence: an `owners` ID of `auditor.toml`.
        #[serde(default)]
        pub owner: Option<Text>,
        #[serde(default)]
        pub criteria: List<Text>,
        #[serde(default)]
        pub weight: u8,
        #[serde(default)]
        pub key: bool,
        #[serde(default)]
        pub advice: Text,
        #[serde(default)]
        pub effort_days: f64,
        #[serde(default)]
        pub show_if: Option<Condition>,
        #[serde(default)]
        pub options: List<ChoiceOption>,
        /// A number's bounds; for a date, the window in days from today (default: five years back to one ahead).
        #[serde(default)]
        pub min: Option<f64>,
        #[serde(default)]
        pub max: Option<f64>,
        #[serde(default)]
        pub unit: Option<Text>,
        /// A number question that takes whole numbers only (people, systems).
        #[serde(default)]
        pub integer: bool,
        /// Leaving it empty is a valid answer (for example "follow the recommendation").
        #[serde(default)]
        pub empty_is_answer: bool,
    }
}

static_data! {
    /// An option of a choice or multi-choice question.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ChoiceOption {
        pub id: Text,
        pub label: Text,
    }
}

/// When a question or section is shown: one small typed form, nested freely.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The answer (or any selected option) is one of `one_of`.
    Answer {
        question: Text,
        one_of: List<Text>,
    },
    /// A number answer is at least `value`.
    AtLeast {
        question: Text,
        value: f64,
    },
    All(List<Condition>),
    Any(List<Condition>),
    /// One condition (a list so the built-in catalog can be a static).
    #[serde(
        serialize_with = "one::serialize",
        deserialize_with = "one::deserialize"
    )]
    Not(List<Condition>),
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

static_data! {
    /// An applicability rule: when the condition holds, the effect applies, for the reason given.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Rule {
        pub id: Text,
        pub when: Condition,
        pub then: Effect,
        pub because: Text,
        /// How firmly a report or category rule recommends it.
        #[serde(default)]
        pub status: Status,
    }
}

/// What an applicability rule decides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Report(Report),
    AddOn(AddOn),
    /// Recommend a category in scope.
    Category(Text),
    /// The first matching rule wins.
    ReportType(ReportType),
    /// Recommended observation window in months; the first matching rule wins.
    WindowMonths(u32),
    /// Customers will need a bridge letter between reports.
    BridgeLetter(bool),
    /// Something the user must know whatever the report (its text is the rule's `because`).
    Note(Text),
    /// A plan change that must not be proposed, however late the report.
    RuleOut(Alternative),
}

/// `Not` holds one condition, written in the files as a condition, not a list.
mod one {
    use super::{Condition, List};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(c: &List<Condition>, s: S) -> Result<S::Ok, S::Error> {
        match &c[..] {
            [only] => only.serialize(s),
            _ => Err(serde::ser::Error::custom(
                "`not` holds exactly one condition",
            )),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<List<Condition>, D::Error> {
        Condition::deserialize(d).map(|c| List::from(vec![c]))
    }
}

/// Writes `path(` then each field with `write`, then `)`: a tuple variant's value.
fn variant(out: &mut Rust, path: &str, write: impl FnOnce(&mut Rust)) {
    out.expr.push_str(path);
    out.expr.push('(');
    write(out);
    out.expr.push(')');
}

impl ToRust for Condition {
    fn rust_type() -> String {
        "model::Condition".into()
    }
    fn to_rust(&self, out: &mut Rust) {
        match self {
            Condition::Answer { question, one_of } => {
                out.expr.push_str("model::Condition::Answer{question:");
                question.to_rust(out);
                out.expr.push_str(",one_of:");
                one_of.to_rust(out);
                out.expr.push('}');
            }
            Condition::AtLeast { question, value } => {
                out.expr.push_str("model::Condition::AtLeast{question:");
                question.to_rust(out);
                out.expr.push_str(",value:");
                value.to_rust(out);
                out.expr.push('}');
            }
            Condition::All(c) => variant(out, "model::Condition::All", |o| c.to_rust(o)),
            Condition::Any(c) => variant(out, "model::Condition::Any", |o| c.to_rust(o)),
            Condition::Not(c) => variant(out, "model::Condition::Not", |o| c.to_rust(o)),
            Condition::Decided(f) => variant(out, "model::Condition::Decided", |o| f.to_rust(o)),
            Condition::ReadinessBelow(v) => {
                variant(out, "model::Condition::ReadinessBelow", |o| v.to_rust(o))
            }
            Condition::DeadlineWithin(v) => {
                variant(out, "model::Condition::DeadlineWithin", |o| v.to_rust(o))
            }
        }
    }
}

impl ToRust for Fact {
    fn rust_type() -> String {
        "model::Fact".into()
    }
    fn to_rust(&self, out: &mut Rust) {
        match self {
            Fact::Report(r) => variant(out, "model::Fact::Report", |o| r.to_rust(o)),
            Fact::Offered(r) => variant(out, "model::Fact::Offered", |o| r.to_rust(o)),
            Fact::ReportType(t) => variant(out, "model::Fact::ReportType", |o| t.to_rust(o)),
        }
    }
}

impl ToRust for Effect {
    fn rust_type() -> String {
        "model::Effect".into()
    }
    fn to_rust(&self, out: &mut Rust) {
        match self {
            Effect::Report(r) => variant(out, "model::Effect::Report", |o| r.to_rust(o)),
            Effect::AddOn(a) => variant(out, "model::Effect::AddOn", |o| a.to_rust(o)),
            Effect::Category(c) => variant(out, "model::Effect::Category", |o| c.to_rust(o)),
            Effect::ReportType(t) => variant(out, "model::Effect::ReportType", |o| t.to_rust(o)),
            Effect::WindowMonths(m) => {
                variant(out, "model::Effect::WindowMonths", |o| m.to_rust(o))
            }
            Effect::BridgeLetter(b) => {
                variant(out, "model::Effect::BridgeLetter", |o| b.to_rust(o))
            }
            Effect::Note(n) => variant(out, "model::Effect::Note", |o| n.to_rust(o)),
            Effect::RuleOut(a) => variant(out, "model::Effect::RuleOut", |o| a.to_rust(o)),
        }
    }
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
        &self.manifest.bands[self.band_at(score)]
    }

    /// The position of [`Catalog::band_for`] in the bands.
    pub fn band_at(&self, score: f64) -> usize {
        let bands = &self.manifest.bands;
        assert!(!bands.is_empty(), "validated: bands exist");
        bands
            .iter()
            .position(|b| score >= b.min)
            .unwrap_or(bands.len() - 1)
    }

    /// The questionnaire that holds a category's control questions.
    pub fn is_category(&self, questionnaire_id: &str) -> bool {
        self.category(questionnaire_id).is_some()
    }
}
