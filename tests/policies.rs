//! The policy checklist: which policies are listed for the categories in scope,
//! and each one's status from the answers to the questions it supports.

mod common;

use common::catalog;
use soc_readiness::engine::policies::PolicyStatus;
use soc_readiness::report::{csv, export};
use soc_readiness::{evaluate, AnswerValue, Answers, Assumptions, Readiness};

fn base(categories: &[&str]) -> Answers {
    let mut a = Answers::default()
        .with("app.security_reviews", "yes")
        .with("app.financial_impact", "no");
    a.values.insert(
        "app.categories".to_owned(),
        AnswerValue::Many(categories.iter().map(|c| (*c).to_owned()).collect()),
    );
    a
}

fn with_security(mut a: Answers, step: &str) -> Answers {
    for (qn, _, q) in catalog().questions() {
        if qn.id == "security" {
            a = a.with(&q.id, step);
        }
    }
    a
}

fn run(a: &Answers) -> Readiness {
    evaluate(catalog(), a, &Assumptions::default())
}

fn status(r: &Readiness, id: &str) -> PolicyStatus {
    r.policies
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} listed"))
        .status
}

#[test]
fn policies_follow_the_categories_in_scope() {
    let security = run(&base(&["security_only"]));
    let ids: Vec<&str> = security.policies.iter().map(|p| p.id.as_str()).collect();
    assert!(ids.len() >= 15, "{ids:?}");
    assert!(!ids.contains(&"privacy") && !ids.contains(&"availability"));
    let all = run(&base(&["privacy", "availability"]));
    assert!(all.policies.iter().any(|p| p.id == "privacy"));
    assert!(all.policies.iter().any(|p| p.id == "availability"));
    // Without a SOC 2 there is no checklist.
    let soc1_only = run(&Answers::default().with("app.sox_customers", "yes"));
    if soc1_only.decision.categories_in_scope.is_empty() {
        assert!(soc1_only.policies.is_empty());
    }
}

#[test]
fn status_comes_from_the_answers_it_supports() {
    // Nothing answered: not known.
    let r = run(&base(&["security_only"]));
    assert!(r
        .policies
        .iter()
        .all(|p| p.status == PolicyStatus::NotKnown));
    // Every control implemented: every policy in place (evidence is not needed for a policy).
    let r = run(&with_security(base(&["security_only"]), "implemented"));
    assert!(
        r.policies.iter().all(|p| p.status == PolicyStatus::InPlace),
        "{:?}",
        r.policies
    );
    // Every control missing: every policy still to write.
    let r = run(&with_security(base(&["security_only"]), "no"));
    assert!(r.policies.iter().all(|p| p.status == PolicyStatus::Missing));
    // One access question in place and the rest not: access control is partly there;
    // "not applicable" counts neither way.
    let a = with_security(base(&["security_only"]), "no")
        .with("sec.cc6.mfa_everywhere", "evidenced")
        .with("sec.cc7.central_logging", "na")
        .with("sec.cc7.siem_alerting", "implemented");
    let r = run(&a);
    assert_eq!(status(&r, "access_control"), PolicyStatus::Partly);
    assert_eq!(status(&r, "logging_monitoring"), PolicyStatus::InPlace);
    assert_eq!(status(&r, "encryption"), PolicyStatus::Missing);
    let access = r
        .policies
        .iter()
        .find(|p| p.id == "access_control")
        .unwrap();
    assert!(access
        .questions
        .iter()
        .any(|q| q == "sec.cc6.mfa_everywhere"));
}

#[test]
fn policy_csv_has_a_row_per_policy() {
    let a = with_security(base(&["security_only"]), "partial");
    let assumptions = Assumptions::default();
    let r = evaluate(catalog(), &a, &assumptions);
    let inputs = soc_readiness::report::snapshot::Snapshot {
        answers: a,
        assumptions,
        registers: Default::default(),
    };
    let e = export::build(catalog(), &inputs, &r, "2027-01-04T09:00:00Z");
    let text = csv::policies(&e);
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "policy,status,questions");
    assert_eq!(lines.len() - 1, e.policies.len());
    assert!(
        lines[1..].iter().all(|l| l.contains(",To write,")),
        "{lines:?}"
    );
}
