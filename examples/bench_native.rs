//! Native scoring time of a fully answered assessment (all five categories in scope),
//! for the benchmark script. Prints one line.

use soc_readiness::{evaluate, Answers, Assumptions, Catalog};
use std::time::Instant;

fn main() {
    let catalog = Catalog::builtin();
    let scale: Vec<&str> = catalog
        .manifest
        .scale
        .iter()
        .filter(|o| !o.not_applicable)
        .map(|o| o.id.as_str())
        .collect();
    let mut answers = Answers::default()
        .with("scope.headcount", 120.0)
        .with("scope.systems", 6.0)
        .with("scope.locations", 2.0)
        .with("scope.subservice_count", 4.0)
        .with("scope.subservice_method", "carve_out")
        .with("scope.compliance_fte", 1.5)
        .with("scope.deadline", "12m")
        .with(
            "app.categories",
            [
                "availability",
                "confidentiality",
                "processing_integrity",
                "privacy",
            ],
        );
    for (i, (qn, _, q)) in catalog.questions().enumerate() {
        if catalog.is_category(&qn.id) {
            answers = answers.with(&q.id, scale[i % scale.len()]);
        }
    }
    let assumptions = Assumptions::default();
    let questions = evaluate(&catalog, &answers, &assumptions)
        .scores
        .overall
        .applicable;
    let runs = 2000;
    let start = Instant::now();
    let mut checksum = 0.0;
    for _ in 0..runs {
        checksum += evaluate(&catalog, &answers, &assumptions)
            .scores
            .overall
            .design
            .unwrap_or(0.0);
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
    println!("native: {per:.1} µs per full evaluation ({questions} control questions answered, {runs} runs, checksum {checksum:.0})");
}
