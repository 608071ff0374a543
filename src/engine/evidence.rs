//! The evidence request list: for each control in view, what an auditor asks
//! for, who holds it, how often the control runs and, for a Type II, the sample
//! an auditor typically picks from the instances that fall inside the window.

use super::scoring::{Item, State};
use crate::catalog::auditor::SampleRule;
use crate::catalog::kinds::{Frequency, Report};
use crate::catalog::Catalog;
use crate::catalog::{List, Text};
use serde::{Deserialize, Serialize};

/// One control and what the auditor will ask to see for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct EvidenceRequest {
    pub question: Text,
    pub report: Report,
    /// The criteria (SOC 2) or objective (SOC 1) it serves.
    pub criteria: List<Text>,
    /// The control, in the question's words.
    pub control: Text,
    pub evidence: Text,
    pub owner: Text,
    pub frequency: Frequency,
    pub frequency_label: Text,
    /// For a Type II only: a Type I inspects one instance of each control.
    pub sample: Option<Sample>,
    pub status: EvidenceStatus,
}

/// The typical sample for the window, never more than the instances in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Sample {
    pub low: u32,
    pub high: u32,
    /// In words, for example "2 to 5" or "about 10 % of them, 3 to 30".
    pub text: String,
    /// Where the typical size comes from.
    pub source: Option<Text>,
    /// Our own judgment, not a published figure.
    pub assumption: bool,
}

/// Whether the evidence exists yet, from the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStatus {
    /// The control runs and its evidence is kept.
    Kept,
    /// The control runs, but nothing shows it over time yet.
    NotKept,
    /// The control is not in place.
    ToBuild,
    NotAnswered,
}

impl EvidenceStatus {
    /// The words the page and the CSV use.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceStatus::Kept => "Kept",
            EvidenceStatus::NotKept => "Start keeping",
            EvidenceStatus::ToBuild => "Control to build",
            EvidenceStatus::NotAnswered => "Not answered",
        }
    }
}

/// The list for the controls in view, in walk order; "not applicable" ones are left out.
pub fn list(
    catalog: &Catalog,
    items: &[Item],
    type2_window_months: Option<u32>,
) -> Vec<EvidenceRequest> {
    let params = &catalog.auditor;
    items
        .iter()
        .filter(|it| !matches!(it.state, State::NotApplicable))
        .filter_map(|it| {
            let q = it.question;
            let frequency = q.frequency?;
            let rule = params.sample(frequency);
            Some(EvidenceRequest {
                question: q.id.clone(),
                report: it.report,
                criteria: q.criteria.clone(),
                control: q.text.clone(),
                evidence: q.evidence.clone(),
                owner: q
                    .owner
                    .as_deref()
                    .and_then(|o| params.owner(o))
                    .map(|o| o.label.clone())
                    .unwrap_or_default(),
                frequency,
                frequency_label: rule.map(|r| r.label.clone()).unwrap_or_default(),
                sample: type2_window_months.zip(rule).map(|(m, r)| sample(r, m)),
                status: match it.state {
                    State::Scored {
                        design, operating, ..
                    } if operating >= 100.0 && design >= 100.0 => EvidenceStatus::Kept,
                    State::Scored { design, .. } if design >= 100.0 => EvidenceStatus::NotKept,
                    State::Scored { .. } => EvidenceStatus::ToBuild,
                    _ => EvidenceStatus::NotAnswered,
                },
            })
        })
        .collect()
}

/// The typical 12-month sample, capped at the instances a window of `months` holds.
pub fn sample(rule: &SampleRule, months: u32) -> Sample {
    let [mut low, mut high] = rule.sample;
    if let Some(per_year) = rule.per_year {
        let instances = (per_year * months).div_ceil(12).max(1);
        low = low.min(instances);
        high = high.min(instances);
    }
    let range = if low == high {
        low.to_string()
    } else {
        format!("{low} to {high}")
    };
    let text = match (rule.share_of_population, rule.frequency) {
        (Some(share), _) => format!("about {} % of them, {range}", (share * 100.0).round()),
        (None, Frequency::Continuous) => format!("{range}, with proof the setting held"),
        _ => range,
    };
    Sample {
        low,
        high,
        text,
        source: rule.source.clone(),
        assumption: rule.assumption,
    }
}
