//! Where the native evaluation's time goes: each step of `evaluate` timed on its
//! own, on the same fully answered assessment as `bench_native`, and how many
//! strings the result holds (each is made and dropped on every evaluation).
//! Usage: `cargo run --release --example bench_phases`

#[path = "support/full_assessment.rs"]
mod full_assessment;
#[path = "support/steps.rs"]
mod steps;

use soc_readiness::{evaluate, Assumptions, Catalog};
use std::collections::BTreeMap;
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
    println!("Steps of one evaluation (mean of 3000 runs each; evaluate is the whole,\nclone a copy and drop of its result)\n");
    steps::with_steps(|steps| {
        for (name, run) in steps {
            time(name, run);
        }
    });

    let catalog = Catalog::builtin();
    let answers = full_assessment::answers(&catalog);
    let readiness = evaluate(&catalog, &answers, &Assumptions::default());
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
