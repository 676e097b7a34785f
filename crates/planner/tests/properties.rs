//! Every plan the planner returns on random instances keeps every rule of plan-format.md,
//! checked by re-evaluating it from scratch, and is never worse than leaving all out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use mittler_planner::{Options, evaluate, instance::Instance, solve};
use proptest::prelude::*;
use serde_json::json;
use std::time::Duration;

const LANGS: [&str; 4] = ["arb", "tir", "ukr", "prs"];
const SECTORS: [&str; 3] = ["authority", "medical", "court"];

fn instance(
    meds: Vec<(u8, u8, bool, u16, u16, u8)>,
    apps: Vec<(u8, u8, u16, u16, bool, u8, u8)>,
) -> Instance {
    let mediators: Vec<_> = meds
        .iter()
        .enumerate()
        .map(|(i, (l, s, remote, from, len, g))| {
            let from = u32::from(*from) % 900 + 360;
            let gender = ["f", "m", "d"][*g as usize % 3];
            json!({ "id": format!("m{i}"), "languages": [LANGS[*l as usize % 4], LANGS[(*l as usize + 1) % 4]],
                "gender": gender, "home": [51.40 + f64::from(i as u8) * 0.01, 7.0],
                "speed_kmh": 20, "available": [[from, (from + u32::from(*len) % 600 + 60).min(1440)]],
                "max_work_min": 240, "sectors": [SECTORS[*s as usize % 3], "authority"], "remote": remote })
        })
        .collect();
    let appointments: Vec<_> = apps
        .iter()
        .enumerate()
        .map(|(i, (l, s, start, dur, remote, prio, pref))| {
            let start = u32::from(*start) % 1100 + 120;
            json!({ "id": format!("a{i}"), "language": LANGS[*l as usize % 4], "start_min": start,
                "duration_min": u32::from(*dur) % 150 + 15,
                "location": if *remote { serde_json::Value::Null } else { json!([51.40 + f64::from(*pref % 10) * 0.02, 7.02]) },
                "sector": SECTORS[*s as usize % 3], "gender": null, "priority": u32::from(*prio % 3) + 1,
                "excluded": [], "preferred": if meds.is_empty() || pref % 3 != 0 { serde_json::Value::Null } else { json!(format!("m{}", *pref as usize % meds.len())) } })
        })
        .collect();
    let text = json!({ "format": "mittler-plan-instance/1", "name": "random",
        "travel": { "detour_factor": 1.3, "buffer_min": 5 }, "mediators": mediators, "appointments": appointments }).to_string();
    mittler_planner::parse(&text).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn plans_are_always_feasible(
        meds in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<bool>(), any::<u16>(), any::<u16>(), any::<u8>()), 0..8),
        apps in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u16>(), any::<u16>(), any::<bool>(), any::<u8>(), any::<u8>()), 0..40),
        seed in 0u64..1000,
    ) {
        let inst = instance(meds, apps);
        let opts = Options { time_limit: Duration::from_secs(5), seed, max_iterations: Some(300), threads: 1 };
        let sol = solve(&inst, &opts);
        prop_assert_eq!(sol.assignments.len() + sol.unassigned.len(), inst.appointments.len());
        let cost = evaluate(&inst, &sol);
        prop_assert!(cost.is_ok(), "{:?}", cost);
        let all_out: u64 = inst.appointments.iter().map(|a| 1000 * u64::from(a.priority)).sum();
        prop_assert!(cost.unwrap() <= all_out);
    }
}

#[test]
fn the_same_seed_and_budget_give_the_same_plan() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/small.json")).unwrap();
    let inst = mittler_planner::parse(&text).unwrap();
    let opts = Options {
        time_limit: Duration::from_secs(30),
        seed: 7,
        max_iterations: Some(2000),
        threads: 1,
    };
    // The plans are the same; the lower bound beside them may differ (it is raised for as
    // long as the search runs).
    let (a, b) = (solve(&inst, &opts), solve(&inst, &opts));
    assert_eq!(
        (&a.assignments, &a.unassigned),
        (&b.assignments, &b.unassigned)
    );
}

#[test]
fn a_timed_run_that_re_plans_parts_exactly_returns_a_feasible_plan() {
    // More than 150 appointments and a time limit: the second thread re-plans parts exactly
    // after 30 % of the second (crates/planner/src/sub.rs).
    let mut x: u64 = 12345;
    let mut next = || {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (x >> 33) as u16
    };
    let meds: Vec<_> = (0..12)
        .map(|_| {
            (
                next() as u8,
                next() as u8,
                next() % 2 == 0,
                next() % 200,
                400 + next() % 150,
                next() as u8,
            )
        })
        .collect();
    let apps: Vec<_> = (0..220)
        .map(|_| {
            (
                next() as u8,
                next() as u8,
                next(),
                next() % 60,
                next() % 3 == 0,
                next() as u8,
                next() as u8,
            )
        })
        .collect();
    let inst = instance(meds, apps);
    let greedy = solve(
        &inst,
        &Options {
            time_limit: Duration::from_secs(5),
            seed: 1,
            max_iterations: Some(1),
            threads: 1,
        },
    );
    let sol = solve(
        &inst,
        &Options {
            time_limit: Duration::from_secs(1),
            seed: 1,
            max_iterations: None,
            threads: 2,
        },
    );
    assert_eq!(
        sol.assignments.len() + sol.unassigned.len(),
        inst.appointments.len()
    );
    let cost = evaluate(&inst, &sol).expect("feasible");
    let first = evaluate(&inst, &greedy).unwrap();
    assert!(cost < first, "the search improves on the first plan");
}
