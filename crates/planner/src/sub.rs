//! Re-planning a part of the day exactly. A few mediators' days, with the appointments
//! left out that they may serve, form a small day of their own; the bound and the
//! branch-and-bound that prove small days (`crate::bound`, `crate::exact`) solve it to
//! optimality in milliseconds, and a better plan of the part replaces the part. This finds
//! what removal and reinsertion would have to be lucky to find: one more appointment
//! served by rearranging several whole days at once. (Measured: on plans the search could
//! not improve in 5 s, groups of 4-8 mediators were already optimal; groups of about 60
//! appointments were not, and re-planning them lowered Ruhr days by 1-3 %.)

use crate::bound::{Fix, Relaxation, rounded};
use crate::search::{Rng, Shared};
use crate::{Model, State, exact, gcd};
use std::time::{Duration, Instant};

/// The time one part may take; a part that takes it all was too large, and the next is
/// smaller (one that is done sooner lets the next grow).
const PART_TIME: Duration = Duration::from_millis(100);

/// The price steps at a part's root before its branch-and-bound. A part is re-planned to
/// find a better plan, not to prove one: a part whose plan can be bettered never reaches
/// its bound, and 400 steps took about 40 ms of such a part's 70 (a Ruhr day). With 150,
/// fewer parts end at the root and more are bettered; on the ten m days of the five other
/// kinds, seeds 1-12, each run paired with one of 400 steps right after it: 0.63 % above
/// the best known against 0.75 % (Ruhr 1.27 against 1.77 %; per day and seed -0.12 %,
/// standard error 0.07).
const ROOT_ROUNDS: u32 = 150;

/// How many parts in a hundred are built around a day of an earlier best plan that the
/// plan lacks (`search::Days`, drawn by `search::transplant`): that day's mediator and those
/// who serve its appointments now, then as around an appointment left out. Where good plans
/// differ, the day is still open; re-planning those days together exactly takes the better
/// of both, or a plan better than either. On the Ruhr and rural m days, seeds 37-60, each
/// run paired with one without: -0.25 % (standard error 0.13; 57 of 96 runs better; Ruhr 2
/// and rural 2 -0.45 and -0.59 %); sixty in a hundred, seeds 37-48: -0.03 % (0.19).
const KEPT_PARTS: usize = 30;

/// The size of the parts (appointments served in them), adapted as above between these.
pub(crate) struct PartSize(f64);

impl PartSize {
    pub(crate) fn new() -> PartSize {
        PartSize(60.0)
    }
}

/// Re-plans one part of `st`, around an appointment left out (drawn by
/// `search::left_out`): returns whether the plan got cheaper.
pub(crate) fn replan(
    model: &Model,
    st: &mut State,
    rng: &mut Rng,
    size: &mut PartSize,
    deadline: Instant,
    shared: &Shared,
) -> bool {
    let kept = if rng.below(100) < KEPT_PARTS {
        crate::search::transplant(st, rng, shared)
    } else {
        None
    };
    let meds = if let Some(day) = kept {
        let mut first = vec![day[0]];
        first.extend(day[1..].iter().filter_map(|&x| st.assigned[x as usize]));
        first.sort_unstable();
        first.dedup();
        group(model, st, &first, Vec::new(), size.0 as usize, rng)
    } else {
        let Some(a) = crate::search::left_out(model, st, rng, shared) else {
            return false;
        };
        group(
            model,
            st,
            &[],
            model.cand[a as usize].clone(),
            size.0 as usize,
            rng,
        )
    };
    let until = (Instant::now() + PART_TIME).min(deadline);
    let skew = rng.below(model.n()) as u32;
    let better = improve(model, st, &meds, skew, until);
    size.0 = if Instant::now() >= until {
        (size.0 * 0.9).max(20.0)
    } else {
        (size.0 * 1.03).min(140.0)
    };
    better
}

/// Mediators whose days to re-plan together: `first` (all of them), then from `frontier`
/// (around an appointment left out: those who may serve it) and those who may serve what
/// the chosen serve, drawn at random, while their days hold at most `size` appointments
/// together (the first one always joins).
pub(crate) fn group(
    model: &Model,
    st: &State,
    first: &[u32],
    mut frontier: Vec<u32>,
    size: usize,
    rng: &mut Rng,
) -> Vec<u32> {
    let mut chosen = vec![false; model.home.len()];
    let mut meds: Vec<u32> = Vec::new();
    let mut count = 0usize;
    for &m in first {
        chosen[m as usize] = true;
        meds.push(m);
        count += st.route[m as usize].len();
        for x in st.day(m) {
            frontier.extend(
                model.cand[x as usize]
                    .iter()
                    .filter(|&&c| !chosen[c as usize]),
            );
        }
    }
    while !frontier.is_empty() {
        let m = frontier.swap_remove(rng.below(frontier.len()));
        if chosen[m as usize] {
            continue;
        }
        let day = st.route[m as usize].len();
        if count + day > size && !meds.is_empty() {
            continue;
        }
        chosen[m as usize] = true;
        meds.push(m);
        count += day;
        for x in st.day(m) {
            frontier.extend(
                model.cand[x as usize]
                    .iter()
                    .filter(|&&c| !chosen[c as usize]),
            );
        }
    }
    meds
}

/// Re-plans the days of `meds` in `st` exactly (as far as `deadline` allows): their
/// appointments and those left out that one of them may serve. Returns whether the plan
/// got cheaper; it never gets dearer. Where more are left out than a part can hold, `skew`
/// chooses among those of equal priority.
pub(crate) fn improve(
    model: &Model,
    st: &mut State,
    meds: &[u32],
    skew: u32,
    deadline: Instant,
) -> bool {
    const NONE: u32 = u32::MAX;
    let mut inside = vec![NONE; model.home.len()];
    for (i, &m) in meds.iter().enumerate() {
        inside[m as usize] = i as u32;
    }
    let n = model.n() as u32;
    let (mut apps, mut left): (Vec<u32>, Vec<u32>) = (0..n)
        .filter(|&a| match st.assigned[a as usize] {
            Some(m) => inside[m as usize] != NONE,
            None => model.cand[a as usize]
                .iter()
                .any(|&m| inside[m as usize] != NONE),
        })
        .partition(|&a| st.assigned[a as usize].is_some());
    // On a day with far more requests than mediators, only some of those left out: the most
    // important, then from `skew` on round the day (the others stay left out).
    let room = exact::MAX_APPOINTMENTS.saturating_sub(apps.len());
    if left.len() > room {
        left.sort_by_key(|&a| {
            (
                std::cmp::Reverse(model.prio[a as usize]),
                (a + n - skew % n) % n,
            )
        });
        left.truncate(room);
    }
    apps.extend(left);
    apps.sort_unstable();
    if apps.is_empty() || apps.len() > exact::MAX_APPOINTMENTS {
        return false;
    }
    let pick = |v: &[u32]| -> Vec<u32> { apps.iter().map(|&a| v[a as usize]).collect() };
    let part = Model {
        start: pick(&model.start),
        end: pick(&model.end),
        dur: pick(&model.dur),
        prio: pick(&model.prio),
        loc: apps.iter().map(|&a| model.loc[a as usize]).collect(),
        // A preferred mediator outside the part (`NONE`): a break whoever of it serves.
        pref: apps
            .iter()
            .map(|&a| model.pref[a as usize].map(|p| inside[p as usize]))
            .collect(),
        cand: apps
            .iter()
            .map(|&a| {
                model.cand[a as usize]
                    .iter()
                    .map(|&m| inside[m as usize])
                    .filter(|&m| m != NONE)
                    .collect()
            })
            .collect(),
        home: meds.iter().map(|&m| model.home[m as usize]).collect(),
        geo: model.geo.clone(),
        unit: apps
            .iter()
            .fold(0, |g, &a| gcd(g, model.dur[a as usize]))
            .max(1),
        speed: meds.iter().map(|&m| model.speed[m as usize]).collect(),
        max_work: meds.iter().map(|&m| model.max_work[m as usize]).collect(),
        detour: model.detour,
        buffer: model.buffer,
    };
    // The part as it is now: the plan to beat.
    let mut now = State::empty(&part);
    for (i, &a) in apps.iter().enumerate() {
        if let Some(m) = st.assigned[a as usize]
            && let Some((d, pos)) = now.insertion(&part, i as u32, inside[m as usize])
        {
            now.insert(&part, i as u32, inside[m as usize], pos, d);
        }
    }
    let shared = Shared::new();
    shared.offer(&now);
    let Some(relax) = Relaxation::new(&part, true) else {
        return false;
    };
    let mut prices = relax.start();
    let fix = vec![Fix::Free; apps.len()];
    let upper = || shared.best_cost.load(std::sync::atomic::Ordering::Relaxed) as f64;
    let root = relax.ascend(&mut prices, &fix, ROOT_ROUNDS, deadline, &upper, 1.0);
    if rounded(root.value) >= now.cost {
        return false;
    }
    let Some(better) =
        exact::close(&relax, root.value, prices, deadline, &shared).filter(|b| b.cost < now.cost)
    else {
        return false;
    };
    let before = st.cost;
    let old: Vec<(u32, Option<u32>)> = apps.iter().map(|&a| (a, st.assigned[a as usize])).collect();
    put(model, st, &old, |_| None);
    put(model, st, &old, |i| {
        better.assigned[i].map(|x| meds[x as usize])
    });
    debug_assert_eq!(st.cost + (now.cost - better.cost), before);
    if st.cost >= before {
        // Cannot happen (the part's plan is feasible in the whole); kept safe all the same.
        put(model, st, &old, |_| None);
        put(model, st, &old, |i| old[i].1);
        return false;
    }
    true
}

/// Puts each of the part's appointments (`part[i].0`) on the day of `to(i)`, in order of
/// start, or leaves it out.
fn put(
    model: &Model,
    st: &mut State,
    part: &[(u32, Option<u32>)],
    to: impl Fn(usize) -> Option<u32>,
) {
    for (i, &(a, _)) in part.iter().enumerate() {
        st.remove(model, a);
        if let Some(m) = to(i)
            && let Some((d, pos)) = st.insertion(model, a, m)
        {
            st.insert(model, a, m, pos, d);
        }
    }
}
