//! Native scoring time of a fully answered assessment (all five categories in scope),
//! for the benchmark script. Prints one line.

#[path = "support/full_assessment.rs"]
mod full_assessment;

use soc_readiness::{evaluate, Assumptions, Catalog};
use std::time::Instant;

fn main() {
    let catalog = Catalog::builtin();
    let answers = full_assessment::answers(&catalog);
    let assumptions = Assumptions::default();
    let questions = evaluate(&catalog, &answers, &assumptions)
        .scores
        .overall
        .applicable;
    // Batches, and their median: on a shared machine one slow stretch skews a mean.
    let (batches, per_batch) = (20, 100);
    let mut checksum = 0.0;
    let mut times: Vec<f64> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                checksum += evaluate(&catalog, &answers, &assumptions)
                    .scores
                    .overall
                    .design
                    .unwrap_or(0.0);
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(per_batch)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let (median, fastest) = (times[times.len() / 2], times[0]);
    let runs = batches * per_batch;
    println!("native: {median:.1} µs per full evaluation (median of {batches} batches of {per_batch}, fastest batch {fastest:.1} µs; {questions} control questions answered, {runs} runs, checksum {checksum:.0})");
}
