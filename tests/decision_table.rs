//! The applicability decision as a table: one row per rule path, each with the
//! reports (and how firmly), type, window, categories, add-ons, notes, plan
//! changes ruled out and the rules that must give reasons. A row that no longer
//! holds names itself, so a changed rule shows which promise it broke.

mod common;

use common::catalog;
use soc_readiness::catalog::kinds::{AddOn, Alternative, Report, Status};
use soc_readiness::engine::applicability::{Decision, Reason};
use soc_readiness::{evaluate, AnswerValue, Answers, Assumptions, Readiness};

/// An answer in a row: one option, several, or every Security control at one scale step.
#[derive(Clone, Copy)]
enum V {
    O(&'static str),
    M(&'static [&'static str]),
    N(f64),
    AllSecurity(&'static str),
}
use V::*;

use Report::{Soc1, Soc2};
use Status::{NotYet, Recommended as Rec, ToConfirm};

struct Row {
    name: &'static str,
    answers: &'static [(&'static str, V)],
    reports: &'static [(Report, Status)],
    add_ons: &'static [AddOn],
    type1: bool,
    window: u32,
    categories: &'static [&'static str],
    /// Rule IDs of the notes, in order.
    notes: &'static [&'static str],
    ruled_out: &'static [Alternative],
    bridge: bool,
    /// Rules that must appear among the reasons somewhere in the decision.
    reasons: &'static [&'static str],
    /// Rules that must not: a weaker or contradicting reason.
    not_reasons: &'static [&'static str],
}

const SECURITY: &[&str] = &["security"];
const NONE: &[&str] = &[];

/// The defaults of a row: SOC 2 because of security reviews, Type II, 6 months, Security.
const BASE: Row = Row {
    name: "",
    answers: &[],
    reports: &[(Soc2, Rec)],
    add_ons: &[],
    type1: false,
    window: 6,
    categories: SECURITY,
    notes: NONE,
    ruled_out: &[],
    bridge: false,
    reasons: &[],
    not_reasons: &[],
};

fn answers(row: &Row) -> Answers {
    let c = catalog();
    let mut a = Answers::default();
    for (id, v) in row.answers {
        match v {
            O(o) => a = a.with(id, *o),
            N(n) => a = a.with(id, *n),
            M(os) => {
                a.values.insert(
                    (*id).to_owned(),
                    AnswerValue::Many(os.iter().map(|s| (*s).to_owned()).collect()),
                );
            }
            AllSecurity(step) => {
                for (qn, _, q) in c.questions() {
                    if qn.id == "security" {
                        a = a.with(&q.id, *step);
                    }
                }
            }
        }
    }
    a
}

fn rules_in(d: &Decision) -> Vec<&str> {
    let reasons = d
        .reports
        .iter()
        .flat_map(|r| &r.reasons)
        .chain(d.add_ons.iter().flat_map(|r| &r.reasons))
        .chain(d.recommended_categories.iter().flat_map(|r| &r.reasons))
        .chain(&d.report_type.reasons)
        .chain(&d.window_reasons)
        .chain(&d.bridge_letter)
        .chain(&d.notes)
        .chain(d.ruled_out.iter().map(|(_, r)| r));
    reasons.map(|r: &Reason| r.rule.as_str()).collect()
}

fn rows() -> Vec<Row> {
    vec![
        // ---- The four cases the issue calls wrong ----
        Row {
            name: "1. read-only financial data, nobody asking: no report needed yet, and why",
            answers: &[
                ("app.financial_impact", O("yes")),
                ("app.read_only", O("yes")),
                ("app.security_reviews", O("no")),
                ("scope.data_kinds", M(&["financial"])),
                ("scope.customer_asks", M(&["nothing_yet"])),
            ],
            reports: &[(Soc2, NotYet)],
            notes: &["note.read_only"],
            reasons: &["soc2.not_yet", "category.confidentiality_data"],
            ..BASE
        },
        Row {
            name: "2. SOC 1 only: no SOC 3 or SOC 2+, no Trust Services categories",
            answers: &[
                ("app.financial_impact", O("yes")),
                ("app.read_only", O("no")),
                ("app.security_reviews", O("no")),
                ("scope.data_kinds", M(&["financial"])),
                ("app.public_report", O("yes")),
                ("app.other_frameworks", O("yes")),
            ],
            reports: &[(Soc1, Rec)],
            categories: NONE,
            reasons: &["soc1.financial_impact", "window.soc1"],
            ..BASE
        },
        Row {
            name: "3. Type I refused with a 3-month deadline: Type II, and no Type I first",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("3m")),
                ("app.type1_accepted", O("no")),
            ],
            window: 3,
            ruled_out: &[Alternative::Type1First],
            reasons: &["ruleout.type2_required", "window.deadline", "type.type2_required"],
            not_reasons: &["type.default"],
            ..BASE
        },
        Row {
            name: "4. prior Type II: renewal Type II, 12 months, bridge letter, no Type I",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.prior_report", O("type2")),
                ("app.last_period_end", O("2026-12-31")),
                ("scope.deadline", O("3m")),
                // Hidden after a prior report, so it cannot bring a Type I back.
                ("app.type1_accepted", O("yes")),
            ],
            window: 12,
            ruled_out: &[Alternative::Type1First],
            bridge: true,
            reasons: &[
                "type.renewal",
                "window.renewal",
                "bridge.renewal",
                "ruleout.renewal",
            ],
            ..BASE
        },
        // ---- SOC 1 ----
        Row {
            name: "financial impact not sure: SOC 1 to confirm, SOC 2 not needed yet",
            answers: &[("app.financial_impact", O("unsure"))],
            reports: &[(Soc1, ToConfirm), (Soc2, NotYet)],
            reasons: &["soc1.unsure", "soc2.not_yet"],
            ..BASE
        },
        Row {
            name: "not sure, with security reviews: SOC 1 to confirm beside a SOC 2",
            answers: &[
                ("app.financial_impact", O("unsure")),
                ("app.security_reviews", O("yes")),
            ],
            reports: &[(Soc1, ToConfirm), (Soc2, Rec)],
            reasons: &["soc1.unsure", "soc2.security_reviews"],
            ..BASE
        },
        Row {
            name: "not sure, but read-only: no SOC 1 to confirm",
            answers: &[
                ("app.financial_impact", O("unsure")),
                ("app.read_only", O("yes")),
            ],
            reports: &[(Soc2, NotYet)],
            notes: &["note.read_only"],
            ..BASE
        },
        Row {
            name: "auditors' requests not sure, no financial impact: no SOC 1",
            answers: &[
                ("app.financial_impact", O("no")),
                ("app.sox_customers", O("unsure")),
            ],
            reports: &[(Soc2, NotYet)],
            ..BASE
        },
        Row {
            name: "auditors' requests not sure, impact unanswered: SOC 1 to confirm",
            answers: &[("app.sox_customers", O("unsure"))],
            reports: &[(Soc1, ToConfirm), (Soc2, NotYet)],
            ..BASE
        },
        Row {
            name: "SOX customers: SOC 1 on its own with a 6-month window",
            answers: &[("app.sox_customers", O("yes"))],
            reports: &[(Soc1, Rec)],
            categories: NONE,
            reasons: &["soc1.auditor_requests", "window.soc1"],
            ..BASE
        },
        Row {
            name: "customers ask for a SOC 1",
            answers: &[("scope.customer_asks", M(&["soc1"]))],
            reports: &[(Soc1, Rec)],
            categories: NONE,
            ..BASE
        },
        Row {
            name: "financial impact and security reviews: both reports",
            answers: &[
                ("app.financial_impact", O("yes")),
                ("app.security_reviews", O("yes")),
            ],
            reports: &[(Soc1, Rec), (Soc2, Rec)],
            reasons: &[
                "soc1.financial_impact",
                "soc2.security_reviews",
                "window.soc1",
            ],
            ..BASE
        },
        Row {
            name: "payroll: financial impact and personal data, Privacy to confirm",
            answers: &[
                ("app.financial_impact", O("yes")),
                ("app.read_only", O("no")),
                ("scope.data_kinds", M(&["personal", "financial"])),
            ],
            reports: &[(Soc1, Rec), (Soc2, ToConfirm)],
            reasons: &[
                "soc2.sensitive_data",
                "category.privacy_data",
                "category.confidentiality_data",
            ],
            ..BASE
        },
        Row {
            name: "SOC 1 with a 3-month deadline: Type I first, SOC 1 window kept",
            answers: &[("app.sox_customers", O("yes")), ("scope.deadline", O("3m"))],
            reports: &[(Soc1, Rec)],
            categories: NONE,
            type1: true,
            reasons: &["type.tight_deadline", "window.soc1"],
            ..BASE
        },
        Row {
            name: "SOC 1 only ignores a category choice",
            answers: &[
                ("app.sox_customers", O("yes")),
                ("app.categories", M(&["privacy"])),
            ],
            reports: &[(Soc1, Rec)],
            categories: NONE,
            ..BASE
        },
        Row {
            name: "SOC 1 only with a public report wanted: no SOC 3",
            answers: &[
                ("app.sox_customers", O("yes")),
                ("app.public_report", O("yes")),
            ],
            reports: &[(Soc1, Rec)],
            categories: NONE,
            ..BASE
        },
        // ---- SOC 2 ----
        Row {
            name: "nothing answered",
            answers: &[],
            reports: &[(Soc2, NotYet)],
            reasons: &[
                "soc2.not_yet",
                "type.default",
                "window.default",
                "category.security",
            ],
            ..BASE
        },
        Row {
            name: "security reviews",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.financial_impact", O("no")),
            ],
            reasons: &["soc2.security_reviews"],
            ..BASE
        },
        Row {
            name: "customers ask for a SOC 2",
            answers: &[("scope.customer_asks", M(&["soc2"]))],
            ..BASE
        },
        Row {
            name: "customers send security questionnaires",
            answers: &[("scope.customer_asks", M(&["questionnaires"]))],
            ..BASE
        },
        Row {
            name: "customers ask for ISO 27001: SOC 2 to confirm, and the difference said",
            answers: &[("scope.customer_asks", M(&["iso27001"]))],
            reports: &[(Soc2, ToConfirm)],
            notes: &["note.iso27001"],
            reasons: &["soc2.iso_asks"],
            ..BASE
        },
        Row {
            name: "customers ask for HIPAA: SOC 2 with a SOC 2+, HIPAA note",
            answers: &[("scope.customer_asks", M(&["hipaa"]))],
            add_ons: &[AddOn::Soc2Plus],
            notes: &["note.hipaa"],
            reasons: &["soc2plus.frameworks"],
            ..BASE
        },
        Row {
            name: "customer confidential data: SOC 2 and Confidentiality",
            answers: &[("scope.data_kinds", M(&["customer_confidential"]))],
            reports: &[(Soc2, ToConfirm)],
            categories: &["security", "confidentiality"],
            reasons: &["soc2.sensitive_data", "category.confidentiality"],
            ..BASE
        },
        Row {
            name: "personal data: Privacy to confirm, not in scope",
            answers: &[("scope.data_kinds", M(&["personal"]))],
            reports: &[(Soc2, ToConfirm)],
            reasons: &["category.privacy_data"],
            ..BASE
        },
        Row {
            name:
                "health data: SOC 2+ to confirm, Privacy and Confidentiality to confirm, HIPAA note",
            answers: &[
                ("scope.data_kinds", M(&["health"])),
                ("app.security_reviews", O("yes")),
            ],
            add_ons: &[AddOn::Soc2Plus],
            notes: &["note.hipaa"],
            reasons: &[
                "soc2plus.health",
                "category.privacy_data",
                "category.confidentiality_data",
            ],
            ..BASE
        },
        Row {
            name: "card data: PCI DSS applies whatever the report",
            answers: &[("scope.data_kinds", M(&["payment"]))],
            reports: &[(Soc2, ToConfirm)],
            notes: &["note.pci_dss"],
            ..BASE
        },
        Row {
            name: "several notes at once",
            answers: &[
                ("scope.data_kinds", M(&["payment", "health"])),
                ("scope.customer_asks", M(&["iso27001"])),
                ("app.security_reviews", O("yes")),
            ],
            add_ons: &[AddOn::Soc2Plus],
            notes: &["note.pci_dss", "note.iso27001", "note.hipaa"],
            ..BASE
        },
        Row {
            name: "a public report wanted while no report is needed yet: no SOC 3",
            answers: &[("app.public_report", O("yes"))],
            reports: &[(Soc2, NotYet)],
            ..BASE
        },
        Row {
            name: "read-only but SOX customers ask: SOC 1, and no read-only note beside it",
            answers: &[
                ("app.financial_impact", O("yes")),
                ("app.read_only", O("yes")),
                ("app.sox_customers", O("yes")),
            ],
            reports: &[(Soc1, Rec)],
            categories: NONE,
            not_reasons: &["note.read_only"],
            ..BASE
        },
        Row {
            name: "financial impact with auditors' requests not sure: SOC 1 without a 'not clear' reason",
            answers: &[
                ("app.financial_impact", O("yes")),
                ("app.sox_customers", O("unsure")),
            ],
            reports: &[(Soc1, Rec)],
            categories: NONE,
            reasons: &["soc1.financial_impact"],
            not_reasons: &["soc1.unsure"],
            ..BASE
        },
        Row {
            name: "confidential and health data: Confidentiality recommended, with only the firm reason",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.data_kinds", M(&["customer_confidential", "health"])),
            ],
            add_ons: &[AddOn::Soc2Plus],
            categories: &["security", "confidentiality"],
            notes: &["note.hipaa"],
            reasons: &["category.confidentiality", "soc2.security_reviews"],
            not_reasons: &["category.confidentiality_data", "soc2.sensitive_data"],
            ..BASE
        },
        // ---- Categories ----
        Row {
            name: "uptime commitments: Availability",
            answers: &[("app.security_reviews", O("yes")), ("app.sla", O("yes"))],
            categories: &["security", "availability"],
            reasons: &["category.availability"],
            ..BASE
        },
        Row {
            name: "confidential information agreed: Confidentiality",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.confidential_data", O("yes")),
            ],
            categories: &["security", "confidentiality"],
            ..BASE
        },
        Row {
            name: "processing relied on: Processing Integrity",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.processing_critical", O("yes")),
            ],
            categories: &["security", "processing_integrity"],
            ..BASE
        },
        Row {
            name: "controller of personal data: Privacy",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.personal_data_controller", O("yes")),
            ],
            categories: &["security", "privacy"],
            reasons: &["category.privacy"],
            ..BASE
        },
        Row {
            name: "processor with personal data: Privacy only to confirm",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.data_kinds", M(&["personal"])),
                ("app.personal_data_controller", O("no")),
            ],
            reasons: &["category.privacy_data"],
            not_reasons: &["category.privacy_processor", "category.privacy"],
            ..BASE
        },
        Row {
            name: "processor whose contracts make privacy commitments: Privacy to confirm",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.personal_data_controller", O("processor")),
            ],
            reasons: &["category.privacy_processor"],
            not_reasons: &["category.privacy"],
            ..BASE
        },
        Row {
            name: "processor with privacy commitments who includes Privacy",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.personal_data_controller", O("processor")),
                ("app.categories", M(&["privacy"])),
            ],
            categories: &["security", "privacy"],
            reasons: &["category.privacy_processor"],
            ..BASE
        },
        Row {
            name: "every category called for",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.sla", O("yes")),
                ("app.confidential_data", O("yes")),
                ("app.processing_critical", O("yes")),
                ("app.personal_data_controller", O("yes")),
            ],
            categories: &[
                "security",
                "availability",
                "confidentiality",
                "processing_integrity",
                "privacy",
            ],
            ..BASE
        },
        Row {
            name: "Security only chosen over the recommendation",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.sla", O("yes")),
                ("app.categories", M(&["security_only", "privacy"])),
            ],
            ..BASE
        },
        Row {
            name: "a category to confirm chosen by the user",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.data_kinds", M(&["personal"])),
                ("app.categories", M(&["privacy"])),
            ],
            categories: &["security", "privacy"],
            ..BASE
        },
        Row {
            name: "an empty choice follows the recommendation",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.sla", O("yes")),
                ("app.categories", M(&[])),
            ],
            categories: &["security", "availability"],
            ..BASE
        },
        // ---- Add-ons ----
        Row {
            name: "public report: SOC 3",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.public_report", O("yes")),
            ],
            add_ons: &[AddOn::Soc3],
            reasons: &["soc3.public"],
            ..BASE
        },
        Row {
            name: "public report with a Type I: SOC 3 comes with the Type II",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.public_report", O("yes")),
                ("scope.deadline", O("3m")),
                ("app.type1_accepted", O("yes")),
            ],
            add_ons: &[AddOn::Soc3],
            type1: true,
            window: 3,
            notes: &["note.soc3_after_type2"],
            ..BASE
        },
        Row {
            name: "other frameworks: SOC 2+",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.other_frameworks", O("yes")),
            ],
            add_ons: &[AddOn::Soc2Plus],
            ..BASE
        },
        // ---- Type and window ----
        Row {
            name: "3-month deadline, Type I accepted",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("3m")),
                ("app.type1_accepted", O("yes")),
            ],
            type1: true,
            window: 3,
            reasons: &["type.tight_deadline"],
            ..BASE
        },
        Row {
            name: "3-month deadline, Type I not sure",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("3m")),
                ("app.type1_accepted", O("unsure")),
            ],
            type1: true,
            window: 3,
            ..BASE
        },
        Row {
            name: "6-month deadline, readiness not known yet: Type II, 3-month window",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("6m")),
            ],
            window: 3,
            ..BASE
        },
        Row {
            name: "6-month deadline, far from ready: Type I first",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("6m")),
                ("sec", AllSecurity("no")),
            ],
            type1: true,
            window: 3,
            reasons: &["type.low_readiness"],
            ..BASE
        },
        Row {
            name: "6-month deadline, far from ready, Type I refused: Type II",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("6m")),
                ("app.type1_accepted", O("no")),
                ("sec", AllSecurity("no")),
            ],
            window: 3,
            ruled_out: &[Alternative::Type1First],
            ..BASE
        },
        Row {
            name: "6-month deadline, ready: Type II",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("6m")),
                ("sec", AllSecurity("evidenced")),
            ],
            window: 3,
            ..BASE
        },
        Row {
            name: "9-month deadline: 3-month window",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("9m")),
            ],
            window: 3,
            ..BASE
        },
        // A deadline as a date, measured from the start date (2027-01-04 here).
        Row {
            name: "a date 6 weeks away: Type I first, 3-month window",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("date")),
                ("scope.deadline_date", O("2027-02-15")),
            ],
            type1: true,
            window: 3,
            reasons: &["type.tight_deadline", "window.deadline"],
            ..BASE
        },
        Row {
            name: "a date already past: as tight as can be, Type I first",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("date")),
                ("scope.deadline_date", O("2026-12-01")),
            ],
            type1: true,
            window: 3,
            reasons: &["type.tight_deadline"],
            ..BASE
        },
        Row {
            name: "a date 5 months away, far from ready: Type I first",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("date")),
                ("scope.deadline_date", O("2027-06-01")),
                ("sec", AllSecurity("no")),
            ],
            type1: true,
            window: 3,
            reasons: &["type.low_readiness"],
            not_reasons: &["type.tight_deadline"],
            ..BASE
        },
        Row {
            name: "a date 8 months away: Type II, 3-month window",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("date")),
                ("scope.deadline_date", O("2027-09-01")),
            ],
            window: 3,
            reasons: &["window.deadline"],
            ..BASE
        },
        Row {
            name: "a date 14 months away: 6-month window",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("date")),
                ("scope.deadline_date", O("2028-03-01")),
            ],
            not_reasons: &["window.deadline"],
            ..BASE
        },
        Row {
            name: "a date chosen but not given yet: no deadline",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("date")),
            ],
            not_reasons: &["window.deadline", "type.tight_deadline"],
            ..BASE
        },
        Row {
            name: "12-month deadline: 6-month window",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.deadline", O("12m")),
            ],
            ..BASE
        },
        Row {
            name: "prior Type I: the next report is a Type II",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.prior_report", O("type1")),
                ("scope.deadline", O("3m")),
            ],
            window: 3,
            ruled_out: &[Alternative::Type1First],
            bridge: true,
            reasons: &["type.renewal"],
            ..BASE
        },
        // ---- Bridge letters and subservice organisations ----
        Row {
            name: "customers' years end after the period: bridge letters",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("app.fiscal_gap", O("yes")),
            ],
            bridge: true,
            reasons: &["bridge.fiscal_gap"],
            ..BASE
        },
        Row {
            name: "inclusive subservice treatment needs the provider's agreement",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.subservice_count", N(2.0)),
                ("scope.subservice_method", O("inclusive")),
            ],
            notes: &["note.inclusive_subservice"],
            ..BASE
        },
        // ---- Frameworks already run: which evidence carries over ----
        Row {
            name: "ISO 27001 already held: the evidence it gives a SOC 2",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.frameworks", M(&["iso27001"])),
            ],
            notes: &["note.framework_reuse_iso27001"],
            not_reasons: &["note.framework_reuse_other", "note.iso27001"],
            ..BASE
        },
        Row {
            name: "HIPAA and PCI DSS programmes: reuse within their narrower scope",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.frameworks", M(&["hipaa", "pci_dss"])),
            ],
            notes: &["note.framework_reuse_other"],
            ..BASE
        },
        Row {
            name: "ISO 27001 held and asked for: both notes",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.customer_asks", M(&["iso27001"])),
                ("scope.frameworks", M(&["iso27001", "pci_dss"])),
            ],
            notes: &[
                "note.iso27001",
                "note.framework_reuse_iso27001",
                "note.framework_reuse_other",
            ],
            ..BASE
        },
        Row {
            name: "no framework yet: nothing to reuse",
            answers: &[
                ("app.security_reviews", O("yes")),
                ("scope.frameworks", M(&["none"])),
            ],
            not_reasons: &["note.framework_reuse_iso27001", "note.framework_reuse_other"],
            ..BASE
        },
    ]
}

fn run(a: &Answers) -> Readiness {
    let assumptions = Assumptions {
        start_date: "2027-01-04".into(),
        ..Assumptions::default()
    };
    evaluate(catalog(), a, &assumptions)
}

#[test]
fn every_row_of_the_decision_table_holds() {
    let rows = rows();
    assert!(rows.len() >= 40, "{} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let r = run(&answers(row));
        let d = &r.decision;
        let mut check = |what: &str, ok: bool, got: String| {
            if !ok {
                failures.push(format!("{}: {what}: got {got}", row.name));
            }
        };
        let reports: Vec<(Report, Status)> = d.reports.iter().map(|x| (x.id, x.status)).collect();
        check("reports", reports == row.reports, format!("{reports:?}"));
        let add_ons: Vec<AddOn> = d.add_ons.iter().map(|x| x.id).collect();
        check("add-ons", add_ons == row.add_ons, format!("{add_ons:?}"));
        check(
            "type",
            d.is_type1() == row.type1,
            format!("{:?}", d.report_type.id),
        );
        check(
            "window",
            d.window_months == row.window,
            d.window_months.to_string(),
        );
        check(
            "categories",
            d.categories_in_scope == row.categories,
            format!("{:?}", d.categories_in_scope),
        );
        let notes: Vec<&str> = d.notes.iter().map(|n| n.rule.as_str()).collect();
        check("notes", notes == row.notes, format!("{notes:?}"));
        let ruled: Vec<Alternative> = d.ruled_out.iter().map(|(a, _)| *a).collect();
        check("ruled out", ruled == row.ruled_out, format!("{ruled:?}"));
        check(
            "bridge letter",
            d.bridge_letter.is_empty() != row.bridge,
            format!("{:?}", d.bridge_letter),
        );
        let rules = rules_in(d);
        for rule in row.not_reasons {
            check(
                &format!("no reason {rule}"),
                !rules.contains(rule),
                format!("{rules:?}"),
            );
        }
        for rule in row.reasons {
            check(
                &format!("reason {rule}"),
                rules.contains(rule),
                format!("{rules:?}"),
            );
        }
        // What is assessed follows the reports: SOC 1 objectives only when a SOC 1 is recommended.
        let soc1 = d.recommends(Report::Soc1);
        check(
            "SOC 1 objectives assessed",
            r.visibility.questionnaire("soc1") == soc1
                && d.assessed.iter().any(|a| a == "soc1") == soc1,
            format!("{:?}", d.assessed),
        );
        check(
            "Security assessed",
            r.visibility.questionnaire("security") != row.categories.is_empty(),
            format!("{:?}", r.visibility.questionnaires),
        );
        // Something is always named, and every reason says why in words.
        check("a report", !d.reports.is_empty(), String::new());
        let texts = d
            .reports
            .iter()
            .flat_map(|r| &r.reasons)
            .chain(&d.report_type.reasons)
            .chain(&d.notes);
        for reason in texts {
            check(
                &format!("reason text of {}", reason.rule),
                reason.because.split_whitespace().count() >= 8,
                reason.because.to_string(),
            );
        }
        // The export carries the same decision.
        let json = serde_json::to_value(&r.decision).unwrap();
        let back: Decision = serde_json::from_value(json).unwrap();
        check("export round trip", back == *d, String::new());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn reasons_cite_only_the_answers_the_rule_used() {
    // Security reviews "no", customers asking for a SOC 2: only the ask is cited.
    let a = Answers::default()
        .with("app.security_reviews", "no")
        .with("scope.customer_asks", ["soc2", "nothing_yet"]);
    let r = run(&a);
    let reason = &r.decision.reports[0].reasons[0];
    assert_eq!(reason.rule, "soc2.security_reviews");
    let cited = &reason.answers;
    assert_eq!(cited.len(), 1, "{cited:?}");
    assert_eq!(cited[0].question, "scope.customer_asks");
    assert_eq!(cited[0].values, ["soc2"]);
    // Of the data kinds, only the one that counts.
    let r =
        run(&Answers::default().with("scope.data_kinds", ["customer_confidential", "financial"]));
    let reason = &r.decision.reports[0].reasons[0];
    assert_eq!(reason.rule, "soc2.sensitive_data");
    let cited = &reason.answers;
    assert_eq!(cited[0].question, "scope.data_kinds");
    assert_eq!(cited[0].values, ["customer_confidential"]);

    // A rule with a "not" cites the choice given instead.
    let r = run(&Answers::default()
        .with("app.financial_impact", "yes")
        .with("app.read_only", "no"));
    let cited = &r.decision.reports[0].reasons[0].answers;
    let pairs: Vec<(&str, &[String])> = cited
        .iter()
        .map(|c| (c.question.as_str(), c.values.as_slice()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("app.financial_impact", &["yes".to_string()][..]),
            ("app.read_only", &["no".to_string()][..])
        ]
    );
}

#[test]
fn a_soc1_only_assessment_scores_costs_and_plans_a_soc1() {
    let a = Answers::default()
        .with("app.sox_customers", "yes")
        .with("app.soc1_processes", ["calculations", "output", "funds"])
        .with("app.customer_year_end", "dec")
        .with("soc1.it.access_lifecycle", "no")
        .with("soc1.bp.funds_authorisation", "implemented");
    let r = run(&a);
    // Only the SOC 1 objectives are asked; their sections follow the processes chosen.
    assert!(!r.visibility.questionnaire("security"));
    assert!(r.visibility.section("soc1.calc") && r.visibility.section("soc1.funds"));
    assert!(
        r.visibility.section("soc1.recon"),
        "money movement brings reconciliations"
    );
    assert!(!r.visibility.section("soc1.setup") && !r.visibility.section("soc1.input"));
    // Scored separately, as the headline.
    assert_eq!(r.scores.categories.len(), 1);
    assert_eq!(r.scores.categories[0].id, "soc1");
    assert!(
        r.scores.reports.is_empty(),
        "one report: the headline is it"
    );
    assert_eq!(r.scores.overall.answered, 2);
    let gaps: Vec<&str> = r.gaps.iter().map(|g| g.question.as_str()).collect();
    assert_eq!(
        gaps,
        ["soc1.it.access_lifecycle", "soc1.bp.funds_authorisation"]
    );
    assert!(r.gaps.iter().all(|g| g.category == "soc1"));
    // The fee is a SOC 1 base fee, with no SOC 2 base, category or alongside fee.
    let keys: Vec<&str> = r
        .estimate
        .cost
        .audit_drivers
        .iter()
        .map(|d| d.key.as_str())
        .collect();
    assert!(keys[0].starts_with("cost.tiers."), "{keys:?}");
    assert!(r.estimate.cost.audit_drivers[0]
        .label
        .starts_with("SOC 1 Type II"));
    assert!(!keys
        .iter()
        .any(|k| *k == "cost.reports.soc1" || k.starts_with("cost.categories.")));
    let profile = &r.estimate.profile;
    assert!(profile.soc1 && !profile.soc2);
    // IT general controls (6) plus calculations, output, reconciliations and money movement.
    assert_eq!(profile.soc1_objectives, 10);
    assert!(r
        .estimate
        .cost
        .internal_hour_drivers
        .iter()
        .any(|d| d.key == "cost.reports.soc1_hours_per_objective"));
    // Customers' own controls for the objectives in view.
    let cuecs: Vec<&str> = r.cuecs.iter().map(|c| c.objective.as_str()).collect();
    assert_eq!(cuecs, ["CO.IT1", "CO.IT5", "CO.BP4", "CO.BP5", "CO.BP6"]);
    // The period against customers' December year end.
    let t = &r.estimate.timeline;
    let fo = t.fiscal_overlap.as_ref().expect("year end known");
    assert_eq!(fo.needed_months, 6.0);
    assert!(fo.year_end.ends_with("-12-31"), "{fo:?}");
    let obs = t.phases.iter().find(|p| p.id == "observation").unwrap();
    // The overlap is what falls in the year that holds most of the period: never
    // more than the period itself (6 average months, so up to 6.1 calendar months).
    assert!(
        fo.months > 0.0 && fo.months <= 6.1,
        "{fo:?} for {:?}",
        obs.end
    );

    // A SOC 1 renewal after a Type I: 1 January to 30 June is exactly 6 months of a
    // December year, enough for customers' auditors.
    let renewal = a
        .with("app.prior_report", "type1")
        .with("app.last_period_end", "2026-12-31");
    let t = run(&renewal).estimate.timeline;
    let obs = t.phases.iter().find(|p| p.id == "observation").unwrap();
    assert_eq!(
        (obs.start.likely.as_str(), obs.end.likely.as_str()),
        ("2027-01-01", "2027-06-30")
    );
    let fo = t.fiscal_overlap.expect("year end known");
    assert_eq!((fo.year_end.as_str(), fo.months), ("2027-12-31", 6.0));
}

#[test]
fn soc1_and_soc2_are_scored_apart_and_the_headline_is_the_soc2() {
    let a = Answers::default()
        .with("app.financial_impact", "yes")
        .with("app.security_reviews", "yes")
        .with("soc1.it.access_lifecycle", "evidenced")
        .with("sec.cc1.code_of_conduct", "no");
    let r = run(&a);
    let ids: Vec<&str> = r.scores.reports.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["soc1", "soc2"]);
    assert_eq!(r.scores.reports[0].target, Some(100.0));
    assert_eq!(r.scores.reports[1].target, Some(0.0));
    assert_eq!(
        r.scores.overall.target,
        Some(0.0),
        "the headline is the SOC 2"
    );
    assert_eq!(r.decision.assessed, ["security", "soc1"]);
}

#[test]
fn a_renewal_continues_from_the_last_period_with_a_bridge_letter() {
    let a = Answers::default()
        .with("app.security_reviews", "yes")
        .with("app.prior_report", "type2")
        .with("app.last_period_end", "2026-12-31");
    let t = run(&a).estimate.timeline;
    assert_eq!(t.continues_from.as_deref(), Some("2027-01-01"));
    let obs = t.phases.iter().find(|p| p.id == "observation").unwrap();
    assert_eq!(
        obs.start.likely, "2027-01-01",
        "no gap after the last period"
    );
    assert_eq!(obs.end.likely, "2027-12-31");
    let bridge = t
        .bridge_letter_from
        .as_ref()
        .expect("renewals need a bridge letter");
    assert_eq!(bridge.likely, "2026-12-31");
    assert!(t.coverage_lapsed_since.is_none());

    // A period that ended a month before the start is still the one to examine.
    let t = run(&a.clone().with("app.last_period_end", "2026-11-30"))
        .estimate
        .timeline;
    let obs = t.phases.iter().find(|p| p.id == "observation").unwrap();
    assert_eq!(
        (obs.start.likely.as_str(), obs.end.likely.as_str()),
        ("2026-12-01", "2027-11-30")
    );
    assert!(t.coverage_lapsed_since.is_none());
    // Month ends stay month ends; other days keep their date.
    let end = |last: &str| {
        let t = run(&a.clone().with("app.last_period_end", last))
            .estimate
            .timeline;
        t.phases
            .iter()
            .find(|p| p.id == "observation")
            .unwrap()
            .end
            .likely
            .clone()
    };
    assert_eq!(
        end("2027-02-28"),
        "2028-02-29",
        "February ends in a leap year too"
    );
    assert_eq!(end("2026-08-30"), "2027-08-30");

    // A period that ended years ago: coverage has lapsed, and the plan says so.
    let a = a.with("app.last_period_end", "2024-06-30");
    let t = run(&a).estimate.timeline;
    assert_eq!(t.coverage_lapsed_since.as_deref(), Some("2024-06-30"));
    assert!(t.continues_from.is_none());
}

#[test]
fn key_controls_cap_by_the_score_of_the_report_type() {
    // Every Security control evidenced except one key control without evidence over time.
    let c = catalog();
    let key = c
        .questions()
        .find(|(qn, _, q)| qn.id == "security" && q.key)
        .map(|(_, _, q)| q.id.clone())
        .unwrap();
    let mut a = Answers::default().with("app.security_reviews", "yes");
    for (qn, _, q) in c.questions() {
        if qn.id == "security" {
            a = a.with(
                &q.id,
                if q.id == key {
                    "implemented"
                } else {
                    "evidenced"
                },
            );
        }
    }
    let type2 = run(&a);
    assert!(
        type2.scores.categories[0].key_gaps.contains(&key),
        "Type II reads the operating score"
    );
    let type1 = run(&a
        .clone()
        .with("scope.deadline", "3m")
        .with("app.type1_accepted", "yes"));
    assert!(type1.decision.is_type1());
    assert!(
        type1.scores.categories[0].key_gaps.is_empty(),
        "Type I reads the design score"
    );
}

#[test]
fn a_band_needs_enough_answers_behind_it() {
    let c = catalog();
    let mut a = Answers::default().with("app.security_reviews", "yes");
    for (_, _, q) in c
        .questions()
        .filter(|(qn, _, _)| qn.id == "security")
        .take(3)
    {
        a = a.with(&q.id, "evidenced");
    }
    let r = run(&a);
    let o = &r.scores.overall;
    assert_eq!(o.target, Some(100.0));
    assert_eq!(o.band, None, "three answers are not enough for Audit-ready");
}

#[test]
fn leaving_the_category_choice_empty_counts_as_answered() {
    let count = |a: &Answers| {
        run(a)
            .progress
            .questionnaires
            .iter()
            .find(|(id, _)| id == "applicability")
            .unwrap()
            .1
            .answered
    };
    // Not before the step is started: a new assessment has nothing answered.
    assert_eq!(count(&Answers::default()), 0);
    let r = run(&Answers::default().with("app.sla", "no"));
    let app = r
        .progress
        .questionnaires
        .iter()
        .find(|(id, _)| id == "applicability")
        .unwrap()
        .1;
    let r2 = run(&Answers::default().with("app.categories", ["availability"]));
    let app2 = r2
        .progress
        .questionnaires
        .iter()
        .find(|(id, _)| id == "applicability")
        .unwrap()
        .1;
    assert_eq!(app.answered, 2, "the empty category choice is an answer");
    assert_eq!(app2.answered, 1);
}
