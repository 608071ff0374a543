//! Data for the auditor-facing artefacts, from `questionnaires/auditor.toml`: the
//! typical Type II samples by control frequency, the owners a control can have, and
//! the drafts the subservice and customer-control registers start from.

use super::kinds::Frequency;
use super::model::Condition;
use super::static_data::{static_data, List, Text};
use serde::{Deserialize, Serialize};

static_data! {
    /// `auditor.toml`.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct AuditorParams {
        pub schema_version: u32,
        /// Said wherever samples are shown: firms set their own sizes.
        pub sample_note: Text,
        pub samples: List<SampleRule>,
        pub owners: List<Owner>,
        /// Providers a company may rely on, each drafted into the subservice register when its condition holds.
        #[serde(default)]
        pub subservices: List<SubserviceDraft>,
        /// What the controls a provider without a draft usually cover, for the rows added by count.
        #[serde(default)]
        pub other_subservice: Option<SubserviceDraft>,
        /// SOC 2 customer controls, each drafted into the register when its condition holds.
        #[serde(default)]
        pub cuecs: List<CuecDraft>,
    }
}

static_data! {
    /// The sample an auditor typically tests over a 12-month window for one frequency.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct SampleRule {
        pub frequency: Frequency,
        pub label: Text,
        /// How many times a year it runs; none for per-event and continuous controls.
        #[serde(default)]
        pub per_year: Option<u32>,
        /// `[low, high]` over 12 months; for per-event controls, the least and most.
        pub sample: [u32; 2],
        /// For per-event controls: the share of the population sampled.
        #[serde(default)]
        pub share_of_population: Option<f64>,
        #[serde(default)]
        pub source: Option<Text>,
        /// No public figure: our own judgment, shown as such.
        #[serde(default)]
        pub assumption: bool,
    }
}

static_data! {
    /// Who usually runs a control and keeps its evidence.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Owner {
        pub id: Text,
        pub label: Text,
    }
}

static_data! {
    /// A provider row the register proposes from the scope answers.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct SubserviceDraft {
        pub id: Text,
        pub name: Text,
        pub service: Text,
        #[serde(default)]
        pub when: Option<Condition>,
        /// The provider's controls the company relies on (complementary subservice organisation controls).
        pub relied_on: List<Text>,
        /// Whether the provider takes part in inclusive reports at all.
        #[serde(default)]
        pub inclusive_possible: bool,
    }
}

static_data! {
    /// A customer control the register proposes from the answers.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct CuecDraft {
        pub id: Text,
        pub text: Text,
        #[serde(default)]
        pub when: Option<Condition>,
        pub criteria: List<Text>,
    }
}

impl AuditorParams {
    /// The typical sample for a frequency (validation: every frequency has one).
    pub fn sample(&self, frequency: Frequency) -> Option<&SampleRule> {
        self.samples.iter().find(|s| s.frequency == frequency)
    }

    /// An owner by the ID a question names.
    pub fn owner(&self, id: &str) -> Option<&Owner> {
        self.owners.iter().find(|o| o.id == id)
    }
}
