//! Where the native evaluation's time goes: each step of `evaluate` timed on its
//! own, on the same fully answered assessment as `bench_native`, and how many
//! strings the result holds (each is made and dropped on every evaluation).
//! Usage: `cargo run --release --example bench_phases`

use soc_readiness::engine::{self, gaps, scoring, scoring::Level, visibility};
#[path = "support/full_assessment.rs"]
mod full_assessment;

use soc_readiness::{evaluate, Assumptions, Catalog};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;

/// Mean time of `f` over many runs, after a warm-up.
fn time(name: &str, mut f: impl FnMut()) {
    const RUNS: u32 = 3000;
    for _ in 0..200 {
        f();
    }
    let start = Instant::now();
    for _ in 0..RUNS {
        f();
    }
    let us = start.elapsed().as_secs_f64() * 1e6 / f64::from(RUNS);
    println!("{name:>22}: {us:7.1} µs");
}

/// Strings in a JSON value by path (two levels deep), as the result holds them.
fn count_strings(v: &serde_json::Value, path: &str, out: &mut BTreeMap<String, usize>) {
    match v {
        serde_json::Value::String(_) => *out.entry(path.to_owned()).or_default() += 1,
        serde_json::Value::Array(a) => a.iter().for_each(|x| count_strings(x, path, out)),
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                let deeper = path.matches('.').count() < 2;
                let p = if deeper {
                    format!("{path}.{k}")
                } else {
                    path.to_owned()
                };
                count_strings(x, &p, out);
            }
        }
        _ => {}
    }
}

fn main() {
    let catalog = Catalog::builtin();
    let answers = full_assessment::answers(&catalog);
    let assumptions = Assumptions::default();
    let start = assumptions.start();
    let r = engine::resolve(&catalog, &answers, start);
    let type1 = r.decision.is_type1();
    let open = gaps::rank(&r.items, type1);
    let cuecs = engine::cuecs::list(&catalog, &r.items);
    let readiness = evaluate(&catalog, &answers, &assumptions);

    println!("Steps of one evaluation (mean of 3000 runs each)\n");
    time("resolve", || {
        black_box(engine::resolve(&catalog, &answers, start));
    });
    time("scores", || {
        black_box(scoring::all_scores(
            &catalog,
            &r.items,
            &r.decision.assessed,
            type1,
        ));
    });
    time("gaps", || {
        black_box(gaps::rank(&r.items, type1));
    });
    time("estimate", || {
        black_box(soc_readiness::estimate::estimate(
            &catalog,
            &r.effective,
            &r.decision,
            &open,
            &r.items,
            &assumptions,
        ));
    });
    time("overall contributions", || {
        let members = scoring::members(&r.items, Level::Overall, "overall");
        black_box(scoring::contributions(&members, type1));
    });
    time("policies", || {
        black_box(engine::policies::checklist(
            &catalog,
            &r.items,
            &r.decision.categories_in_scope,
        ));
    });
    time("register drafts", || {
        black_box(engine::registers::draft(
            &catalog,
            &r.effective,
            true,
            &cuecs,
        ));
    });
    time("progress", || {
        black_box(visibility::progress(
            &catalog,
            &r.visibility,
            &r.shown,
            &answers,
        ));
    });
    time("whole evaluation", || {
        black_box(evaluate(&catalog, &answers, &assumptions));
    });
    time("copy and drop a result", || {
        black_box(readiness.clone());
    });

    let mut strings = BTreeMap::new();
    let json = serde_json::to_value(&readiness).expect("a result serialises");
    count_strings(&json, "", &mut strings);
    let total: usize = strings.values().sum();
    let mut by_count: Vec<_> = strings.into_iter().collect();
    by_count.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    println!("\nStrings in the result: {total}; the most:");
    for (path, n) in by_count.iter().take(8) {
        println!("{n:6} {path}");
    }
}
