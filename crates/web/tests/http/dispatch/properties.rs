//! Random sequences of dispatch steps never break the rules.

use super::*;
use mittler_domain::matching::{Point, travel_min};
use mittler_domain::request::{Event, Status, next};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Create { hour: u8, remote: bool, minutes: u8 },
    Invite { req: usize, mask: u8 },
    Accept { med: usize, req: usize },
    Decline { med: usize, req: usize },
    Expire,
    Assign { req: usize, med: usize },
    Cancel { req: usize },
    DropOut { req: usize },
    Timesheet { req: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (8u8..15, any::<bool>(), 1u8..4).prop_map(|(hour, remote, minutes)| Op::Create {
            hour,
            remote,
            minutes
        }),
        (0usize..8, 1u8..16).prop_map(|(req, mask)| Op::Invite { req, mask }),
        (0usize..4, 0usize..8).prop_map(|(med, req)| Op::Accept { med, req }),
        (0usize..4, 0usize..8).prop_map(|(med, req)| Op::Decline { med, req }),
        Just(Op::Expire),
        (0usize..8, 0usize..4).prop_map(|(req, med)| Op::Assign { req, med }),
        (0usize..8).prop_map(|req| Op::Cancel { req }),
        (0usize..8).prop_map(|req| Op::DropOut { req }),
        (0usize..8).prop_map(|req| Op::Timesheet { req }),
    ]
}

/// Fails on an internal error; refusals (409, 422, 403) are part of the game.
fn fine<T>(r: Result<T, mittler_app::AppError>) {
    if let Err(mittler_app::AppError::Internal(e)) = r {
        panic!("internal error: {e}");
    }
}

async fn run(ops: Vec<Op>) {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let admin = admin_actor(&w).await;
    let own_place = place(&w).await;
    // Four mediators, all free all Monday; two at home far apart.
    let mut meds = vec![w.a.med_own, w.a.med_other];
    for i in 0..2 {
        let mut input = mediator_input(&format!("Extra {i}"), &format!("extra{i}@example.org"));
        input.home_lat = Some(51.40 + f64::from(i) * 0.1);
        meds.push(
            mittler_app::mediators::create(&w.app, &admin, &input)
                .await
                .unwrap(),
        );
    }
    let mut actors = Vec::new();
    for (i, m) in meds.iter().enumerate() {
        let user = mittler_domain::user::UserInput {
            email: format!("p{i}@example.org"),
            name: format!("P{i}"),
            role: "mediator".into(),
            password: "property password".into(),
            mediator_id: Some(*m),
            ..Default::default()
        };
        let uid = mittler_app::users::create_in(&w.app, w.a.id, &user, None)
            .await
            .unwrap();
        actors.push(Actor::from_user(
            &mittler_db::users::get(&w.app.db, w.a.id, uid)
                .await
                .unwrap(),
            None,
        ));
    }
    let inst = Actor::from_user(
        &mittler_db::users::get(&w.app.db, w.a.id, w.a.users[&Role::Institution].0)
            .await
            .unwrap(),
        None,
    );
    let mut reqs: Vec<Uuid> = vec![w.a.req_own, w.a.req_other];
    for op in ops {
        let pick = |i: usize| reqs.get(i % reqs.len()).copied().unwrap_or(w.a.req_own);
        match op {
            Op::Create {
                hour,
                remote,
                minutes,
            } => {
                let mut input = crate::common::request_input(
                    if remote { None } else { Some(own_place) },
                    &format!("2026-11-30T{hour:02}:{:02}", u32::from(minutes) * 15 % 60),
                );
                input.duration_min = Some(i64::from(minutes) * 30);
                let r = mittler_app::requests::create(&w.app, &inst, None, &input).await;
                if let Ok(id) = r {
                    reqs.push(id);
                } else {
                    fine(r);
                }
            }
            Op::Invite { req, mask } => {
                let ids: Vec<Uuid> = meds
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, m)| *m)
                    .collect();
                fine(mittler_app::requests::invite(&w.app, &admin, pick(req), &ids, 30).await);
            }
            Op::Accept { med, req } | Op::Decline { med, req } => {
                let actor = &actors[med % actors.len()];
                let mine = mittler_db::requests::open_invitations(
                    &w.app.db,
                    w.a.id,
                    meds[med % meds.len()],
                    w.app.now(),
                )
                .await
                .unwrap();
                if let Some(inv) = mine
                    .iter()
                    .find(|i| i.request_id == pick(req))
                    .or(mine.first())
                {
                    if matches!(op, Op::Accept { .. }) {
                        fine(mittler_app::requests::accept(&w.app, actor, inv.id, true).await);
                    } else {
                        fine(mittler_app::requests::decline(&w.app, actor, inv.id, None).await);
                    }
                }
            }
            Op::Expire => {
                w.clock.advance(SignedDuration::from_mins(31));
                fine(mittler_app::requests::sweep(&w.app).await);
            }
            Op::Assign { req, med } => fine(
                mittler_app::requests::assign(&w.app, &admin, pick(req), meds[med % meds.len()])
                    .await,
            ),
            Op::Cancel { req } => {
                fine(mittler_app::requests::cancel(&w.app, &admin, pick(req), "property").await)
            }
            Op::DropOut { req } => {
                fine(mittler_app::requests::drop_out(&w.app, &admin, pick(req), "property").await)
            }
            Op::Timesheet { req } => {
                let r = mittler_db::requests::get(&w.app.db, w.a.id, pick(req))
                    .await
                    .unwrap();
                if let Some(m) = r.mediator_id
                    && let Some(i) = meds.iter().position(|x| *x == m)
                {
                    fine(
                        mittler_app::requests::submit_timesheet(
                            &w.app,
                            &actors[i],
                            r.id,
                            mittler_app::requests::SheetInput {
                                start: "2026-11-30T08:00",
                                end: "2026-11-30T09:00",
                                ..Default::default()
                            },
                        )
                        .await,
                    );
                }
            }
        }
        check_invariants(&w, &reqs).await;
    }
}

async fn check_invariants(w: &World, reqs: &[Uuid]) {
    let places: std::collections::HashMap<Uuid, Point> =
        mittler_db::institutions::list(&w.app.db, w.a.id)
            .await
            .unwrap()
            .into_iter()
            .flat_map(|i| {
                i.places.into_iter().map(|p| {
                    (
                        p.id,
                        Point {
                            lat: p.lat,
                            lon: p.lon,
                        },
                    )
                })
            })
            .collect();
    for id in reqs {
        let hist = mittler_db::requests::history(&w.app.db, w.a.id, *id)
            .await
            .unwrap();
        let mut current = None;
        for h in &hist {
            let to = Status::parse(&h.to_status).unwrap();
            let from = h.from_status.as_deref().map(|f| Status::parse(f).unwrap());
            assert_eq!(from, current, "history of {id} is a chain: {hist:?}");
            let legal = match h.event.as_str() {
                "create" => from.is_none() && to == Status::Open,
                "timesheet" | "timesheet_disputed" => from == Some(to),
                e => {
                    let ev = Event::ALL
                        .into_iter()
                        .find(|x| x.as_str() == e)
                        .unwrap_or_else(|| panic!("unknown event {e}"));
                    from.and_then(|f| next(f, ev)) == Some(to)
                }
            };
            assert!(legal, "illegal transition {from:?} -{}-> {to:?}", h.event);
            current = Some(to);
        }
        let row = mittler_db::requests::get(&w.app.db, w.a.id, *id)
            .await
            .unwrap();
        assert_eq!(
            Some(row.status().unwrap()),
            current,
            "stored status matches the history"
        );
    }
    // No mediator has two confirmed assignments that overlap once travel is counted.
    let booked = mittler_db::requests::booked_on(&w.app.db, w.a.id, "2026-11-30", None)
        .await
        .unwrap();
    let meds = mittler_db::mediators::list(&w.app.db, w.a.id)
        .await
        .unwrap();
    for m in meds {
        let home = Point {
            lat: m.home.lat,
            lon: m.home.lon,
        };
        let mut mine: Vec<_> = booked
            .iter()
            .filter(|r| r.mediator_id == Some(m.id))
            .collect();
        mine.sort_by_key(|r| r.start_at);
        for pair in mine.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let la = a
                .place_id
                .and_then(|p| places.get(&p).copied())
                .unwrap_or(home);
            let lb = b
                .place_id
                .and_then(|p| places.get(&p).copied())
                .unwrap_or(home);
            let end_a = a.start_at.0.as_second() + i64::from(a.duration_min) * 60;
            let travel = i64::from(travel_min(la, lb, m.speed_kmh)) * 60;
            assert!(
                end_a + travel <= b.start_at.0.as_second(),
                "{} has overlapping assignments",
                m.name
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn random_dispatch_never_breaks_the_rules(ops in proptest::collection::vec(op(), 1..40)) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(run(ops));
    }
}
