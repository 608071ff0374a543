//! A fixed number of runs of one step of the evaluation (or all of it) and nothing
//! else, for instruction counts, which unlike wall time on a shared machine are
//! not noisy. Subtract a run of `none` (the set-up alone) and divide by the runs:
//! `cargo build --release --example profile_evaluate`, then
//! `valgrind --tool=callgrind target/release/examples/profile_evaluate evaluate 100`.
//! Steps: none, evaluate, resolve, scores, gaps, estimate, contributions,
//! policies, drafts, progress, clone.

#[path = "support/full_assessment.rs"]
mod full_assessment;

use soc_readiness::engine::{self, gaps, scoring, scoring::Level, visibility};
use soc_readiness::{evaluate, Assumptions, Catalog};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let step = args.next().unwrap_or_else(|| "evaluate".into());
    let runs: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let catalog = Catalog::builtin();
    let answers = full_assessment::answers(&catalog);
    let assumptions = Assumptions::default();
    let start = assumptions.start();
    let r = engine::resolve(&catalog, &answers, start);
    let type1 = r.decision.is_type1();
    let open = gaps::rank(&r.items, type1);
    let cuecs = engine::cuecs::list(&catalog, &r.items);
    let readiness = evaluate(&catalog, &answers, &assumptions);
    let run: Box<dyn Fn()> = match step.as_str() {
        "none" => Box::new(|| {}),
        "evaluate" => Box::new(|| drop(black_box(evaluate(&catalog, &answers, &assumptions)))),
        "resolve" => Box::new(|| drop(black_box(engine::resolve(&catalog, &answers, start)))),
        "scores" => Box::new(|| {
            let s = scoring::all_scores(&catalog, &r.items, &r.decision.assessed, type1);
            drop(black_box(s));
        }),
        "gaps" => Box::new(|| drop(black_box(gaps::rank(&r.items, type1)))),
        "estimate" => Box::new(|| {
            let e = soc_readiness::estimate::estimate(
                &catalog,
                &r.effective,
                &r.decision,
                &open,
                &r.items,
                &assumptions,
            );
            drop(black_box(e));
        }),
        "contributions" => Box::new(|| {
            let members = scoring::members(&r.items, Level::Overall, "overall");
            drop(black_box(scoring::contributions(&members, type1)));
        }),
        "policies" => Box::new(|| {
            let p =
                engine::policies::checklist(&catalog, &r.items, &r.decision.categories_in_scope);
            drop(black_box(p));
        }),
        "drafts" => Box::new(|| {
            let d = engine::registers::draft(&catalog, &r.effective, true, &cuecs);
            drop(black_box(d));
        }),
        "progress" => Box::new(|| {
            let p = visibility::progress(&catalog, &r.visibility, &r.shown, &answers);
            drop(black_box(p));
        }),
        "clone" => Box::new(|| drop(black_box(readiness.clone()))),
        other => panic!("unknown step {other}"),
    };
    for _ in 0..runs {
        run();
    }
}
