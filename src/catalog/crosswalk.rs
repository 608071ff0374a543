//! Our own coarse mapping from each criterion to ISO/IEC 27001:2022 and NIST CSF 2.0,
//! from `questionnaires/crosswalk.toml`, so a company with ISO work sees what it can
//! reuse. ISO titles are copyrighted: numbers with our own short labels only.

use super::static_data::{static_data, List, Text};
use serde::{Deserialize, Serialize};

static_data! {
    /// `crosswalk.toml`.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Crosswalk {
        pub schema_version: u32,
        /// Said wherever the crosswalk is shown: whose mapping this is and how far to trust it.
        pub note: Text,
        pub criteria: List<CrosswalkRow>,
        /// Our own label for each Annex A control number used.
        pub iso_controls: List<Label>,
        /// Our own label for each management-system clause used.
        #[serde(default)]
        pub iso_clauses: List<Label>,
        /// The CSF 2.0 category names (a US government work).
        pub csf_categories: List<Label>,
    }
}

static_data! {
    /// One criterion's hints.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct CrosswalkRow {
        pub criterion: Text,
        /// Annex A control numbers, such as `5.15`.
        pub iso: List<Text>,
        /// Management-system clauses, such as `9.3`, where they fit better.
        #[serde(default)]
        pub clauses: List<Text>,
        /// CSF 2.0 category IDs, such as `PR.AA`.
        pub csf: List<Text>,
        /// Said beside the row: a weak match, or a better framework to use.
        #[serde(default)]
        pub note: Text,
    }
}

static_data! {
    /// A number or ID with our own short label.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Label {
        pub id: Text,
        pub label: Text,
    }
}

impl Crosswalk {
    pub fn row(&self, criterion: &str) -> Option<&CrosswalkRow> {
        self.criteria.iter().find(|r| r.criterion == criterion)
    }

    pub fn iso_label(&self, number: &str) -> Option<&Text> {
        find(&self.iso_controls, number)
    }

    pub fn clause_label(&self, number: &str) -> Option<&Text> {
        find(&self.iso_clauses, number)
    }

    pub fn csf_label(&self, id: &str) -> Option<&Text> {
        find(&self.csf_categories, id)
    }
}

fn find<'a>(labels: &'a [Label], id: &str) -> Option<&'a Text> {
    labels.iter().find(|l| l.id == id).map(|l| &l.label)
}
