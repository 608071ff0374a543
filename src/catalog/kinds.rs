//! The closed sets the decision is made of. The catalog names them in its rules and
//! every module matches on these enums, so a new kind cannot be half handled.

use super::static_data::static_data;
use serde::{Deserialize, Serialize};

static_data! {
    /// A report the examination produces.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum Report {
        /// Controls relevant to customers' financial reporting (control objectives).
        Soc1,
        /// The Trust Services Criteria.
        Soc2,
    }
}

static_data! {
    /// A report that only extends a SOC 2 examination.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum AddOn {
        /// A short public report from the same examination.
        Soc3,
        /// Criteria of other frameworks added to the same examination.
        #[serde(rename = "soc2plus")]
        Soc2Plus,
    }
}

static_data! {
    /// Design on one date (Type I) or design and operation over a period (Type II).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum ReportType {
        /// Controls as designed on one date.
        Type1,
        /// Controls designed and operating over an observation window.
        #[default]
        Type2,
    }
}

static_data! {
    /// How firmly a report or category follows from the answers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum Status {
        /// The answers call for it.
        #[default]
        Recommended,
        /// The answers point to it, but someone else decides (customers' auditors, the user).
        ToConfirm,
        /// Nothing calls for it yet; it is the usual first step when customers start asking.
        NotYet,
    }
}

static_data! {
    /// A change to the plan the page proposes when the deadline is missed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum Alternative {
        /// A Type I as soon as the controls are designed, the Type II after.
        Type1First,
        /// Only the Security category for the first report.
        SecurityOnly,
        /// Twice the compliance capacity on remediation.
        DoubleCapacity,
        /// An outside consultant adding capacity to remediation.
        OutsideHelp,
        /// Every change above that is allowed, at once.
        AllTogether,
    }
}

impl Report {
    /// In the order pages and exports list them.
    pub const ALL: [Report; 2] = [Report::Soc1, Report::Soc2];

    /// The ID used in exports, links and the catalog.
    pub fn id(self) -> &'static str {
        match self {
            Report::Soc1 => "soc1",
            Report::Soc2 => "soc2",
        }
    }

    /// Reads an ID from a link or file; `None` for one this version does not know.
    pub fn from_id(id: &str) -> Option<Report> {
        Report::ALL.into_iter().find(|r| r.id() == id)
    }

    /// How the report is named on the page.
    pub fn name(self) -> &'static str {
        match self {
            Report::Soc1 => "SOC 1",
            Report::Soc2 => "SOC 2",
        }
    }
}

impl AddOn {
    /// How the add-on is named on the page.
    pub fn name(self) -> &'static str {
        match self {
            AddOn::Soc3 => "SOC 3",
            AddOn::Soc2Plus => "SOC 2+",
        }
    }
}

impl ReportType {
    /// Both types, for reading IDs back.
    pub const ALL: [ReportType; 2] = [ReportType::Type1, ReportType::Type2];

    /// The ID used in exports, links and the catalog.
    pub fn id(self) -> &'static str {
        match self {
            ReportType::Type1 => "type1",
            ReportType::Type2 => "type2",
        }
    }

    /// Reads an ID from a link or file; `None` for one this version does not know.
    pub fn from_id(id: &str) -> Option<ReportType> {
        ReportType::ALL.into_iter().find(|r| r.id() == id)
    }

    /// How the type is named on the page.
    pub fn name(self) -> &'static str {
        match self {
            ReportType::Type1 => "Type I",
            ReportType::Type2 => "Type II",
        }
    }
}

impl Alternative {
    /// How the change is named on the page.
    pub fn label(self) -> &'static str {
        match self {
            Alternative::Type1First => "Get a Type I report first",
            Alternative::SecurityOnly => "Start with Security only",
            Alternative::DoubleCapacity => "Double the compliance capacity",
            Alternative::OutsideHelp => "Bring in outside help (a readiness consultant)",
            Alternative::AllTogether => "All of these together",
        }
    }
}

static_data! {
    /// How often a control runs: it sets how many instances a Type II auditor samples.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
    #[serde(rename_all = "snake_case")]
    pub enum Frequency {
        /// Enforced by a system all the time (a setting, a pipeline gate): tested by inspecting it.
        Continuous,
        Daily,
        Weekly,
        Monthly,
        Quarterly,
        SemiAnnual,
        Annual,
        /// Each time something happens: a hire, a change, an access request, an incident.
        PerEvent,
    }
}
