//! The steps of one evaluation of the fully answered assessment, by name: timed
//! one by one by `bench_phases`, counted by `profile_evaluate`. Each drops what it
//! makes, so its time includes freeing the result.

use super::full_assessment;
use soc_readiness::engine::{self, gaps, scoring, scoring::Level, visibility};
use soc_readiness::{evaluate, Assumptions, Catalog};
use std::hint::black_box;

/// A step's name and one run of it.
pub type Step<'a> = (&'static str, &'a dyn Fn());

/// Sets the assessment up, then calls `f` with every step (the whole evaluation
/// and a copy of its result last).
pub fn with_steps<R>(f: impl FnOnce(&[Step]) -> R) -> R {
    let catalog = Catalog::builtin();
    let answers = full_assessment::answers(&catalog);
    let assumptions = Assumptions::default();
    let start = assumptions.start();
    let r = engine::resolve(&catalog, &answers, start);
    let type1 = r.decision.is_type1();
    let open = gaps::rank(&r.items, type1);
    let cuecs = engine::cuecs::list(&catalog, &r.items);
    let readiness = evaluate(&catalog, &answers, &assumptions);
    let steps: [Step; 10] = [
        ("resolve", &|| {
            drop(black_box(engine::resolve(&catalog, &answers, start)))
        }),
        ("scores", &|| {
            let s = scoring::all_scores(&catalog, &r.items, &r.decision.assessed, type1);
            drop(black_box(s));
        }),
        ("gaps", &|| drop(black_box(gaps::rank(&r.items, type1)))),
        ("estimate", &|| {
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
        ("contributions", &|| {
            let members = scoring::members(&r.items, Level::Overall, "overall");
            drop(black_box(scoring::contributions(&members, type1)));
        }),
        ("policies", &|| {
            let p =
                engine::policies::checklist(&catalog, &r.items, &r.decision.categories_in_scope);
            drop(black_box(p));
        }),
        ("drafts", &|| {
            let d = engine::registers::draft(&catalog, &r.effective, true, &cuecs);
            drop(black_box(d));
        }),
        ("progress", &|| {
            let p = visibility::progress(&catalog, &r.visibility, &r.shown, &answers);
            drop(black_box(p));
        }),
        ("evaluate", &|| {
            drop(black_box(evaluate(&catalog, &answers, &assumptions)))
        }),
        ("clone", &|| drop(black_box(readiness.clone()))),
    ];
    f(&steps)
}
