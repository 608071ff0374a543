use soc_readiness::*;
fn main() {
    let c = Catalog::builtin();
    let mut a = Answers::default()
        .with("scope.headcount", 15.0)
        .with("scope.systems", 2.0)
        .with("scope.locations", 1.0)
        .with("scope.subservice_count", 1.0)
        .with("scope.subservice_method", "carve_out")
        .with("scope.deadline", "9m")
        .with("scope.compliance_fte", 1.0)
        .with("app.financial_impact", "no")
        .with("app.security_reviews", "yes")
        .with("app.prior_report", "none");
    for (_, _, q) in c.questions() {
        if q.id.starts_with("sec.") {
            a = a.with(
                &q.id,
                if q.weight >= 4 {
                    "implemented"
                } else {
                    "partial"
                },
            );
        }
    }
    let r = evaluate(&c, &a, &Assumptions::default());
    println!(
        "{:?}",
        r.decision.reports.iter().map(|x| &x.id).collect::<Vec<_>>()
    );
    println!(
        "type {} window {} cats {:?}",
        r.decision.report_type.id, r.decision.window_months, r.decision.categories_in_scope
    );
    println!("overall {:?}", r.scores.overall);
    println!(
        "first report {:?} person-days {:?}",
        r.estimate.timeline.first_report, r.estimate.timeline.remediation_person_days
    );
    println!(
        "fee {:?} total {:?} renewal {:?}",
        r.estimate.cost.audit_fee, r.estimate.cost.first_year_total, r.estimate.cost.renewal_total
    );
    for p in &r.estimate.timeline.phases {
        println!(
            "  {} {} -> {} ({:?})",
            p.id, p.start.likely, p.end.likely, p.weeks
        );
    }
    println!("gaps {}", r.gaps.len());
}
