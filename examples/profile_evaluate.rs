//! A fixed number of runs of one step of the evaluation (or all of it) and nothing
//! else, for instruction counts, which unlike wall time on a shared machine are
//! not noisy. Subtract a run of `none` (the set-up alone) and divide by the runs:
//! `cargo build --release --example profile_evaluate`, then
//! `valgrind --tool=callgrind target/release/examples/profile_evaluate evaluate 100`.
//! Steps: none, evaluate, resolve, scores, gaps, estimate, contributions,
//! policies, drafts, progress, clone.

#[path = "support/full_assessment.rs"]
mod full_assessment;
#[path = "support/steps.rs"]
mod steps;

fn main() {
    let mut args = std::env::args().skip(1);
    let step = args.next().unwrap_or_else(|| "evaluate".into());
    let runs: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    steps::with_steps(|steps| {
        if step == "none" {
            return;
        }
        let Some((_, run)) = steps.iter().find(|(name, _)| *name == step) else {
            panic!("unknown step {step}");
        };
        for _ in 0..runs {
            run();
        }
    });
}
