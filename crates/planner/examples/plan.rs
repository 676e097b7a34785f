//! Plans instances and prints cost, lower bound and time, one line each (for tuning the
//! planner without building the whole application).
//!
//! `[ITERATIONS=N] [SEED=S] cargo run --release -p mittler-planner --example plan -- SECONDS FILE...`
// A tuning tool, like a test: it may stop at the first unreadable file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seconds: f64 = args
        .first()
        .and_then(|s| s.parse().ok())
        .expect("SECONDS FILE...");
    for path in args.iter().skip(1) {
        let inst = mittler_planner::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        let began = Instant::now();
        let sol = mittler_planner::solve(
            &inst,
            &mittler_planner::Options {
                time_limit: Duration::from_secs_f64(seconds),
                // For comparisons that do not depend on the machine's speed.
                max_iterations: std::env::var("ITERATIONS")
                    .ok()
                    .and_then(|i| i.parse().ok()),
                seed: std::env::var("SEED")
                    .ok()
                    .and_then(|i| i.parse().ok())
                    .unwrap_or(1),
                ..Default::default()
            },
        );
        let took = began.elapsed().as_secs_f64();
        let cost = mittler_planner::evaluate(&inst, &sol).unwrap();
        let lb = sol.lower_bound.unwrap_or(0);
        if let Ok(dir) = std::env::var("OUT") {
            let file = format!("{dir}/{}.json", inst.name);
            std::fs::write(file, serde_json::to_string(&sol).unwrap()).unwrap();
        }
        let parts = mittler_planner::breakdown(&inst, &sol);
        if std::env::var_os("CAND").is_some() {
            let cands = mittler_planner::candidates(&inst);
            let none = cands.iter().filter(|(_, c)| c.is_empty()).count();
            let out_with = cands
                .iter()
                .filter(|(a, c)| !c.is_empty() && sol.unassigned.contains(a))
                .count();
            println!("  no candidate: {none}, left out with candidates: {out_with}");
        }
        println!(
            "{:<22} cost {cost:>7} bound {lb:>7} gap {:>6.2}% {took:>6.2} s  (unserved weight {}, left out {}, travel {}, breaks {})",
            inst.name,
            100.0 * (cost as f64 - lb as f64) / (lb.max(1) as f64),
            parts.unserved_weight,
            sol.unassigned.len(),
            parts.travel_min,
            parts.breaks,
        );
    }
}
