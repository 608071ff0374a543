//! The readiness summary as a JSON document: the file users keep, diff and feed
//! to other tools. Its JSON Schema (`schema/readiness-export.schema.json`) is
//! generated from these types, and every export is tested against it.

use crate::catalog::QuestionKind;
use crate::engine::applicability::Decision;
use crate::engine::gaps::Gap;
use crate::engine::registers::Registers;
use crate::engine::scoring::Scores;
use crate::engine::visibility::Progress;
use crate::estimate::cost::Cost;
use crate::estimate::timeline::Timeline;
use crate::report::snapshot::Snapshot;
use crate::{AnswerValue, Answers, Assumptions, Catalog, Readiness};
use serde::{Deserialize, Serialize};

/// Bumped on any change an older importer could not read; see `import::migrate`.
pub const SCHEMA_VERSION: u32 = 3;

/// Everything the results page shows, plus the inputs that produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Export {
    /// Format version of this document; importers refuse newer ones.
    pub schema_version: u32,
    pub app_version: String,
    /// Version of the questionnaire set the answers refer to.
    pub questionnaire_version: String,
    /// When the file was made (ISO 8601).
    pub generated_at: String,
    /// In plain words: a self-assessment, not an audit opinion.
    pub disclaimer: String,
    pub company: String,
    /// The scope answers, as the user saw them.
    pub scope: Vec<ScopeAnswer>,
    /// Recommended reports, type, window and categories, each with its reasons.
    pub decision: Decision,
    pub progress: Progress,
    /// Overall, category, group and criterion scores, design and operating.
    pub scores: Scores,
    /// Ranked by severity, most severe first.
    pub gaps: Vec<ExportGap>,
    pub timeline: Timeline,
    pub cost: Cost,
    /// What customers must do themselves for the SOC 1 objectives to hold.
    pub cuecs: Vec<crate::engine::cuecs::Cuec>,
    /// The policy checklist (empty without a SOC 2). Derived from the answers, so
    /// an older export without it imports unchanged.
    #[serde(default)]
    pub policies: Vec<crate::engine::policies::PolicyItem>,
    /// The providers the service relies on, each with what an auditor will raise (format 3 on).
    #[serde(default)]
    pub subservices: Vec<crate::assessment::SubserviceEntry>,
    /// What customers must do for the controls to work, SOC 2 and SOC 1 (format 3 on).
    #[serde(default)]
    pub customer_controls: Vec<crate::engine::registers::CustomerControl>,
    /// For each control in view: the evidence, its owner, frequency and typical sample (format 3 on).
    #[serde(default)]
    pub evidence_requests: Vec<crate::engine::evidence::EvidenceRequest>,
    /// Per assessed SOC 2 criterion: our own ISO/IEC 27001:2022 and NIST CSF 2.0 hints (format 3 on).
    #[serde(default)]
    pub crosswalk: Vec<crate::engine::crosswalk::CrosswalkEntry>,
    /// The public pages the drivers' `source` keys name.
    pub sources: std::collections::BTreeMap<String, crate::catalog::estimation::Source>,
    pub assumptions: Assumptions,
    /// Every answer and note, including answers kept for hidden questions.
    pub answers: Answers,
    /// The registers as the user edited them; a register that is `null` follows the draft (format 3 on).
    #[serde(default)]
    pub registers: Registers,
}

/// One scope question and its answer in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ScopeAnswer {
    pub question: String,
    pub text: String,
    pub answer: String,
}

/// A gap with the words needed to act on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ExportGap {
    /// 1 for the most severe.
    pub rank: usize,
    pub text: String,
    pub advice: String,
    #[serde(flatten)]
    pub gap: Gap,
}

/// An answer in the words the user picked it by.
pub fn answer_text(catalog: &Catalog, question: &str, value: &AnswerValue) -> String {
    let Some(q) = catalog.question(question) else {
        return String::new();
    };
    let label = |o: &str| {
        if q.kind == QuestionKind::Control {
            catalog.scale_option(o).map(|s| s.label.to_string())
        } else {
            q.options
                .iter()
                .find(|x| x.id == o)
                .map(|x| x.label.to_string())
        }
        .unwrap_or_else(|| o.to_owned())
    };
    match value {
        AnswerValue::One(o) if matches!(q.kind, QuestionKind::Text | QuestionKind::Date) => {
            o.clone()
        }
        AnswerValue::One(o) => label(o),
        AnswerValue::Many(os) => os.iter().map(|o| label(o)).collect::<Vec<_>>().join("; "),
        AnswerValue::Number(n) => {
            let n = crate::estimate::range::number(*n);
            q.unit.as_ref().map_or(n.clone(), |u| format!("{n} {u}"))
        }
    }
}

/// Builds the document from the same evaluation the page shows.
pub fn build(
    catalog: &Catalog,
    inputs: &Snapshot,
    readiness: &Readiness,
    generated_at: &str,
) -> Export {
    let (answers, assumptions) = (&inputs.answers, &inputs.assumptions);
    let artefacts =
        crate::assessment::artefacts(catalog, answers, assumptions, &inputs.registers, readiness);
    let scope = catalog
        .questionnaire("scope")
        .into_iter()
        .flat_map(|qn| qn.sections.iter().flat_map(|s| &s.questions))
        .filter(|q| readiness.visibility.question(&q.id))
        .filter_map(|q| {
            answers.get(&q.id).map(|v| ScopeAnswer {
                question: q.id.to_string(),
                text: q.text.to_string(),
                answer: answer_text(catalog, &q.id, v),
            })
        })
        .collect();
    let gaps = readiness
        .gaps
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let q = catalog.question(&g.question);
            ExportGap {
                rank: i + 1,
                text: q.map(|q| q.text.to_string()).unwrap_or_default(),
                advice: q.map(|q| q.advice.to_string()).unwrap_or_default(),
                gap: g.clone(),
            }
        })
        .collect();
    Export {
        schema_version: SCHEMA_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        questionnaire_version: catalog.manifest.version.to_string(),
        generated_at: generated_at.to_owned(),
        disclaimer: catalog.manifest.disclaimer.to_string(),
        company: answers
            .get("scope.company_name")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned(),
        scope,
        decision: readiness.decision.clone(),
        progress: readiness.progress.clone(),
        scores: readiness.scores.clone(),
        gaps,
        timeline: readiness.estimate.timeline.clone(),
        cost: readiness.estimate.cost.clone(),
        cuecs: readiness.cuecs.clone(),
        policies: readiness.policies.clone(),
        subservices: artefacts.subservices,
        customer_controls: artefacts.customer_controls,
        evidence_requests: artefacts.evidence,
        crosswalk: artefacts.crosswalk,
        sources: {
            let e = &readiness.estimate;
            let c = &e.cost;
            c.audit_drivers
                .iter()
                .chain(&c.internal_hour_drivers)
                .chain(&c.optional)
                .chain(e.timeline.phases.iter().flat_map(|p| &p.drivers))
                .filter_map(|d| d.source.as_ref())
                .filter_map(|k| Some((k.to_string(), catalog.estimation.sources.get(k)?.clone())))
                .collect()
        },
        assumptions: assumptions.clone(),
        answers: answers.clone(),
        registers: inputs.registers.clone(),
    }
}
