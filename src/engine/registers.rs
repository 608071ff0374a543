//! The two registers the user edits: the subservice organisations the service
//! relies on, and the controls customers must run themselves. Each starts as a
//! draft from the answers and follows them until the user edits it; from then on
//! the user's list is kept, and drafted rows it lacks are offered, never forced.

use super::conditions::{holds, Effective};
use super::cuecs::Cuec;
use crate::catalog::auditor::SubserviceDraft;
use crate::catalog::kinds::Report;
use crate::catalog::{Catalog, Text};
use serde::{Deserialize, Serialize};
use time::Date;

/// Longest text the register fields take, in characters (names, dates are shorter).
pub const MAX_FIELD: usize = 400;
/// Most rows a register takes: more is a paste gone wrong, not a real company.
pub const MAX_ROWS: usize = 100;

/// What the user has edited. `None`: follow the draft from the answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Registers {
    #[serde(default)]
    pub subservices: Option<Vec<Subservice>>,
    #[serde(default)]
    pub customer_controls: Option<Vec<CustomerControl>>,
}

/// One provider that runs part of the service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Subservice {
    /// The draft's ID, or one the app made for a row the user added.
    pub id: String,
    pub name: String,
    pub service: String,
    pub method: Method,
    /// The provider agreed in writing to have its controls tested in your audit.
    pub inclusive_agreed: bool,
    /// The provider's controls the company relies on (complementary subservice organisation controls).
    pub relied_on: Vec<String>,
    pub report: ProviderReport,
    /// End of the period its latest report covers (a Type I's "as of" date), `YYYY-MM-DD` or empty.
    pub period_end: String,
    pub opinion: Opinion,
    pub bridge_letter: BridgeLetter,
    /// When you next review its report, `YYYY-MM-DD` or empty.
    pub next_review: String,
}

/// How the report treats a provider's controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Left out of your report; customers rely on the provider's own report.
    #[default]
    CarveOut,
    /// Described and tested in your audit.
    Inclusive,
}

/// The provider's latest assurance report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProviderReport {
    /// None obtained yet, or not known.
    #[default]
    NotKnown,
    Soc2Type2,
    Soc2Type1,
    Soc1Type2,
    Soc1Type1,
    /// An ISO certificate or another attestation: weaker evidence for a SOC auditor.
    Other,
}

/// The opinion in the provider's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Opinion {
    #[default]
    NotKnown,
    /// Clean.
    Unmodified,
    Qualified,
    Adverse,
    Disclaimer,
}

/// A letter from the provider covering the time since its report's period ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BridgeLetter {
    #[default]
    NotKnown,
    NotNeeded,
    Requested,
    Received,
}

/// A closed choice of the registers (method, report, opinion, bridge letter): the
/// ID the export and CSV use, and the words the page shows.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn id(self) -> &'static str;
    fn label(self) -> &'static str;
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.id() == id)
    }
}

macro_rules! choices {
    ($t:ty { $($v:ident => $id:literal, $label:literal;)* }) => {
        impl Choice for $t {
            const ALL: &'static [$t] = &[$(<$t>::$v),*];
            fn id(self) -> &'static str {
                match self { $(<$t>::$v => $id),* }
            }
            fn label(self) -> &'static str {
                match self { $(<$t>::$v => $label),* }
            }
        }
    };
}

choices!(Method {
    CarveOut => "carve_out", "Carve-out";
    Inclusive => "inclusive", "Inclusive";
});
choices!(ProviderReport {
    NotKnown => "not_known", "None yet, or not known";
    Soc2Type2 => "soc2_type2", "SOC 2 Type II";
    Soc2Type1 => "soc2_type1", "SOC 2 Type I";
    Soc1Type2 => "soc1_type2", "SOC 1 Type II";
    Soc1Type1 => "soc1_type1", "SOC 1 Type I";
    Other => "other", "A certificate or other attestation";
});
choices!(Opinion {
    NotKnown => "not_known", "Not known";
    Unmodified => "unmodified", "Unmodified (clean)";
    Qualified => "qualified", "Qualified";
    Adverse => "adverse", "Adverse";
    Disclaimer => "disclaimer", "Disclaimer of opinion";
});
choices!(BridgeLetter {
    NotKnown => "not_known", "Not known";
    NotNeeded => "not_needed", "Not needed";
    Requested => "requested", "Requested";
    Received => "received", "Received";
});

/// A control customers must run for yours to work (a complementary user entity control).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CustomerControl {
    /// The draft's ID (`soc1.` and the objective for SOC 1), or one the app made.
    pub id: String,
    pub text: String,
    pub report: Report,
    /// The criteria or SOC 1 objectives it supports.
    pub criteria: Vec<String>,
}

/// The registers as drafted from the answers, before any edit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Drafts {
    pub subservices: Vec<Subservice>,
    pub customer_controls: Vec<CustomerControl>,
}

/// Drafts both registers: providers from the hosting, cloud and count answers;
/// SOC 2 customer controls when a SOC 2 is in view, SOC 1 ones from its objectives.
pub fn draft(catalog: &Catalog, eff: &Effective, soc2: bool, soc1_cuecs: &[Cuec]) -> Drafts {
    let params = &catalog.auditor;
    let method = match eff.get("scope.subservice_method").and_then(|v| v.as_str()) {
        Some("inclusive") => Method::Inclusive,
        _ => Method::CarveOut,
    };
    let mut subservices: Vec<Subservice> = params
        .subservices
        .iter()
        .filter(|d| d.when.as_ref().is_none_or(|c| holds(c, eff)))
        .map(|d| row(d, &d.id, method))
        .collect();
    let count = eff
        .get("scope.subservice_count")
        .and_then(|v| v.as_number())
        .unwrap_or(0.0)
        .clamp(0.0, MAX_ROWS as f64) as usize;
    if let Some(other) = &params.other_subservice {
        for n in subservices.len()..count {
            subservices.push(row(other, &format!("{}-{}", other.id, n + 1), method));
        }
    }
    let mut customer_controls: Vec<CustomerControl> = if soc2 {
        params
            .cuecs
            .iter()
            .filter(|d| d.when.as_ref().is_none_or(|c| holds(c, eff)))
            .map(|d| CustomerControl {
                id: d.id.to_string(),
                text: d.text.to_string(),
                report: Report::Soc2,
                criteria: d.criteria.iter().map(Text::to_string).collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    customer_controls.extend(soc1_cuecs.iter().map(|c| CustomerControl {
        id: format!("soc1.{}", c.objective),
        text: c.text.to_string(),
        report: Report::Soc1,
        criteria: vec![c.objective.to_string()],
    }));
    Drafts {
        subservices,
        customer_controls,
    }
}

fn row(d: &SubserviceDraft, id: &str, method: Method) -> Subservice {
    Subservice {
        id: id.to_owned(),
        name: d.name.to_string(),
        service: d.service.to_string(),
        method,
        inclusive_agreed: false,
        relied_on: d.relied_on.iter().map(Text::to_string).collect(),
        report: ProviderReport::NotKnown,
        period_end: String::new(),
        opinion: Opinion::NotKnown,
        bridge_letter: BridgeLetter::NotKnown,
        next_review: String::new(),
    }
}

/// What the planned report must be covered for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// When the plan starts: a provider report is judged as of this day.
    pub today: Date,
    /// The Type II window (likely dates), or the Type I "as of" date twice.
    pub opens: Date,
    pub closes: Date,
    pub type2: bool,
}

/// Something in a provider's row an auditor will ask about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Concern {
    pub kind: ConcernKind,
    /// In plain words, with the dates involved.
    pub text: String,
}

/// What a concern is about, for tests and tools reading the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConcernKind {
    Unnamed,
    NoReport,
    WeakReport,
    TypeOneOnly,
    NoPeriodEnd,
    /// A period end after the plan's start: no such report can exist yet.
    PeriodNotEnded,
    /// Its period ended more than 12 months before the plan's start.
    Stale,
    /// Its period ends before a Type II window opens: the next report is needed.
    MissesWindow,
    /// Its period ends inside the window (or before a Type I date): a bridge letter or the next report.
    EndsBeforeWindow,
    Opinion,
    InclusiveNotPossible,
    InclusiveNotAgreed,
    ReviewNotPlanned,
}

/// What an auditor will raise about one provider, most serious first.
pub fn concerns(catalog: &Catalog, s: &Subservice, cover: &Coverage) -> Vec<Concern> {
    use crate::estimate::date;
    let mut out = Vec::new();
    let mut say = |kind, text: String| out.push(Concern { kind, text });
    if s.name.trim().is_empty() {
        say(
            ConcernKind::Unnamed,
            "Name the provider: the report must.".into(),
        );
    }
    if s.method == Method::Inclusive {
        let possible = catalog
            .auditor
            .subservices
            .iter()
            .find(|d| d.id == s.id)
            .is_none_or(|d| d.inclusive_possible);
        if !possible {
            say(ConcernKind::InclusiveNotPossible, "This provider does not take part in other companies' audits: use the carve-out method.".into());
        } else if !s.inclusive_agreed {
            say(ConcernKind::InclusiveNotAgreed, "The inclusive method needs the provider's written agreement and its auditor's cooperation: get both before the audit is booked, or use the carve-out method.".into());
        }
    }
    let end = date::parse(&s.period_end);
    match s.report {
        ProviderReport::NotKnown => say(ConcernKind::NoReport, "No report recorded: ask the provider for its latest SOC 2 Type II (most publish theirs under a non-disclosure agreement).".into()),
        ProviderReport::Other => say(ConcernKind::WeakReport, "A certificate or another attestation says less than a SOC report: your auditor may ask for more on the controls you rely on.".into()),
        ProviderReport::Soc2Type1 | ProviderReport::Soc1Type1 if cover.type2 => say(ConcernKind::TypeOneOnly, "A Type I covers one date, not a period: it does not show the provider's controls worked during your window.".into()),
        _ => {}
    }
    if s.report != ProviderReport::NotKnown {
        let day = date::format;
        match end {
            None => say(ConcernKind::NoPeriodEnd, "Add the end of the period its report covers, so its age and coverage can be checked.".into()),
            Some(end) if end > cover.today => say(ConcernKind::PeriodNotEnded, format!("Its report's period ends on {}, after {}: a report is issued only once its period is over. Record the latest report the provider has issued.", day(end), day(cover.today))),
            Some(end) => {
                if date::add_months(end, 12).is_some_and(|d| d < cover.today) {
                    say(ConcernKind::Stale, format!("Its report's period ended on {}, more than 12 months before {}: ask for the current one.", day(end), day(cover.today)));
                }
                if cover.type2 && end < cover.opens {
                    say(ConcernKind::MissesWindow, format!("Its report's period ends on {}, before your window opens on {}: your auditor will need its next report, covering your window, which a bridge letter cannot replace. Ask the provider when it is issued.", day(end), day(cover.opens)));
                } else if end < cover.closes && s.bridge_letter != BridgeLetter::Received {
                    let what = if cover.type2 { "your window, which ends on" } else { "your Type I date," };
                    say(ConcernKind::EndsBeforeWindow, format!("Its report's period ends on {}, before {} {}: plan on its next report or a bridge letter covering the gap.", day(end), what, day(cover.closes)));
                }
            }
        }
    }
    match s.opinion {
        Opinion::Qualified | Opinion::Adverse | Opinion::Disclaimer => say(ConcernKind::Opinion, "Its report's opinion is not clean: read the exceptions and note how your own controls cover them.".into()),
        _ => {}
    }
    match date::parse(&s.next_review) {
        None => say(ConcernKind::ReviewNotPlanned, "Set the date of your next review of its report: the yearly review is a control your auditor tests.".into()),
        Some(d) if d < cover.today => say(ConcernKind::ReviewNotPlanned, format!("The review planned for {} is past: review its current report and set the next date.", date::format(d))),
        Some(_) => {}
    }
    out
}

/// A row the user has not added yet that the answers call for.
pub fn missing<'d, T>(drafted: &'d [T], kept: &[T], id: impl Fn(&T) -> &str) -> Vec<&'d T> {
    drafted
        .iter()
        .filter(|d| kept.iter().all(|k| id(k) != id(d)))
        .collect()
}
