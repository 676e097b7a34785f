//! The planner on small days whose best plan is known.

use super::*;

fn tiny() -> Instance {
    instance::parse(
        r#"{"format": "mittler-plan-instance/1", "name": "t", "travel": {"detour_factor": 1.3, "buffer_min": 5},
        "mediators": [
          {"id": "m1", "languages": ["arb"], "gender": "f", "home": [51.45, 7.01], "speed_kmh": 20,
           "available": [[480, 960]], "max_work_min": 240, "sectors": ["medical"], "remote": true},
          {"id": "m2", "languages": ["arb", "tir"], "gender": "m", "home": [51.46, 7.02], "speed_kmh": 20,
           "available": [[480, 960]], "max_work_min": 240, "sectors": ["medical"], "remote": false}],
        "appointments": [
          {"id": "a1", "language": "arb", "start_min": 540, "duration_min": 60, "location": [51.455, 7.012],
           "sector": "medical", "gender": null, "priority": 1, "excluded": [], "preferred": "m2"},
          {"id": "a2", "language": "arb", "start_min": 545, "duration_min": 60, "location": null,
           "sector": "medical", "gender": null, "priority": 2, "excluded": [], "preferred": null},
          {"id": "a3", "language": "tir", "start_min": 700, "duration_min": 30, "location": [51.5, 7.0],
           "sector": "medical", "gender": "m", "priority": 1, "excluded": [], "preferred": null},
          {"id": "a4", "language": "fas", "start_min": 700, "duration_min": 30, "location": [51.5, 7.0],
           "sector": "medical", "gender": null, "priority": 3, "excluded": [], "preferred": null}]}"#,
    )
    .unwrap()
}

#[test]
fn plans_the_tiny_day_optimally() {
    let inst = tiny();
    let sol = solve(
        &inst,
        &Options {
            time_limit: Duration::from_millis(200),
            max_iterations: Some(500),
            ..Options::default()
        },
    );
    assert_eq!(sol.unassigned, vec!["a4".to_owned()], "nobody speaks Farsi");
    let by = |a: &str| {
        sol.assignments
            .iter()
            .find(|x| x.appointment == a)
            .map(|x| x.mediator.as_str())
    };
    assert_eq!(by("a2"), Some("m1"), "only m1 works remotely");
    assert_eq!(by("a1"), Some("m2"), "the preferred mediator");
    assert_eq!(by("a3"), Some("m2"));
    let cost = evaluate(&inst, &sol).unwrap();
    assert!((3000..3200).contains(&cost), "{cost}");
}

#[test]
fn inconsistent_instances_are_refused() {
    let bad = r#"{"format": "mittler-plan-instance/1", "name": "t", "travel": {"detour_factor": 1.3, "buffer_min": 5},
        "mediators": [{"id": "m1", "languages": [], "gender": "f", "home": [0, 0], "speed_kmh": 20,
           "available": [[600, 500]], "max_work_min": 240, "sectors": [], "remote": true}], "appointments": []}"#;
    assert!(matches!(
        instance::parse(bad),
        Err(InstanceError::Windows(_))
    ));
    let unknown = r#"{"format": "mittler-plan-instance/1", "name": "t", "travel": {"detour_factor": 1.3, "buffer_min": 5},
        "mediators": [], "appointments": [{"id": "a", "language": "x", "start_min": 1, "duration_min": 1, "location": null,
        "sector": "medical", "gender": null, "priority": 1, "excluded": ["ghost"], "preferred": null}]}"#;
    assert!(matches!(
        instance::parse(unknown),
        Err(InstanceError::UnknownMediator { .. })
    ));
    assert!(matches!(
        instance::parse("{"),
        Err(InstanceError::Malformed(_))
    ));
}

fn plan(assigned: &[(&str, &str)], unassigned: &[&str]) -> Solution {
    Solution {
        format: "mittler-plan-solution/1".into(),
        instance: "t".into(),
        assignments: assigned
            .iter()
            .map(|(a, m)| Assignment {
                appointment: (*a).into(),
                mediator: (*m).into(),
            })
            .collect(),
        unassigned: unassigned.iter().map(|a| (*a).into()).collect(),
    }
}

#[test]
fn the_candidates_come_from_the_domain_rules() {
    let c = candidates(&tiny());
    let of = |a: &str| {
        c.iter()
            .find(|(x, _)| x == a)
            .map(|(_, m)| m.clone())
            .unwrap()
    };
    assert_eq!(of("a1"), vec!["m1", "m2"]);
    assert_eq!(
        of("a2"),
        vec!["m1"],
        "remote needs a mediator who works remotely"
    );
    assert_eq!(of("a3"), vec!["m2"], "Tigrinya, and a man");
    assert!(of("a4").is_empty(), "nobody speaks Farsi");
}

#[test]
fn evaluation_catches_what_the_rules_forbid() {
    let inst = tiny();
    let ok = plan(&[("a1", "m2"), ("a2", "m1"), ("a3", "m2")], &["a4"]);
    let cost = evaluate(&inst, &ok).unwrap();
    // 3000 for Farsi unserved, no continuity break, and m1's phone call from home costs nothing.
    assert!((3000..3200).contains(&cost), "{cost}");
    let moved = plan(&[("a1", "m1"), ("a3", "m2")], &["a2", "a4"]);
    assert!(
        evaluate(&inst, &moved).unwrap() > cost,
        "a2 unserved and a1 off its preferred"
    );
    for (bad, why) in [
        (
            plan(&[("a3", "m1"), ("a1", "m2"), ("a2", "m1")], &["a4"]),
            "language",
        ),
        (
            plan(&[("a2", "m2"), ("a1", "m1"), ("a3", "m2")], &["a4"]),
            "remote",
        ),
        (
            plan(&[("a1", "m1"), ("a2", "m1"), ("a3", "m2")], &["a4"]),
            "in time",
        ),
        (plan(&[("a1", "m2"), ("a2", "m1")], &["a4"]), "missing"),
        (
            plan(&[("a1", "m2"), ("a2", "m1"), ("a3", "m2")], &["a4", "a1"]),
            "twice",
        ),
        (
            plan(&[("a1", "m9"), ("a2", "m1"), ("a3", "m2")], &["a4"]),
            "unknown",
        ),
    ] {
        let e = evaluate(&inst, &bad).unwrap_err();
        assert!(e.contains(why), "{why}: {e}");
    }
}
