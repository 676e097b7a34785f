//! The search for a good plan: a greedy first plan, then large-neighbourhood search with
//! simulated annealing and a pairwise polish of every new best plan (see the crate's
//! documentation).

use crate::{Model, Options, State};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

/// A small deterministic random generator (xorshift*).
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The first plan: scarce and important appointments first, cheapest insertion.
fn construct(model: &Model) -> State {
    let mut st = State::empty(model);
    let mut order: Vec<u32> = (0..model.n() as u32).collect();
    order.sort_by_key(|&a| {
        (
            std::cmp::Reverse(model.prio[a as usize]),
            model.cand[a as usize].len(),
            model.start[a as usize],
        )
    });
    for a in order {
        if let (Some((d, m, pos)), _) = st.best_two(model, a)
            && d < 0
        {
            st.insert(model, a, m, pos, d);
        }
    }
    st
}

/// Local search to a local optimum: move one appointment to another mediator, or swap two
/// appointments that overlap in time between their mediators, whenever that lowers the cost.
pub(crate) fn polish(model: &Model, st: &mut State, deadline: Instant) {
    let n = model.n() as u32;
    let mut by_start: Vec<u32> = (0..n).collect();
    by_start.sort_by_key(|&a| model.start[a as usize]);
    let mut improved = true;
    while improved && Instant::now() < deadline {
        improved = false;
        // Relocate.
        for a in 0..n {
            let Some(m0) = st.assigned[a as usize] else {
                continue;
            };
            let before = st.cost;
            st.remove(model, a);
            let (best, _) = st.best_two(model, a);
            match best {
                Some((d, m, pos)) if (before as i64) > st.cost as i64 + d => {
                    st.insert(model, a, m, pos, d);
                    improved = improved || m != m0 || st.cost < before;
                }
                _ => {
                    if let Some((d, pos)) = st.insertion(model, a, m0) {
                        st.insert(model, a, m0, pos, d);
                    }
                }
            }
        }
        // Appointments left out push others along.
        if crate::chain::eject(model, st) {
            improved = true;
        }
        // Swap appointments of two mediators that are near in time.
        for (i, &a) in by_start.iter().enumerate() {
            let Some(ma) = st.assigned[a as usize] else {
                continue;
            };
            for &b in by_start.iter().skip(i + 1) {
                if model.start[b as usize] > model.end[a as usize] + 120 {
                    break;
                }
                let Some(mb) = st.assigned[b as usize] else {
                    continue;
                };
                if ma == mb
                    || !model.cand[a as usize].contains(&mb)
                    || !model.cand[b as usize].contains(&ma)
                {
                    continue;
                }
                let before = st.cost;
                st.remove(model, a);
                st.remove(model, b);
                let fits = st
                    .insertion(model, a, mb)
                    .map(|(d, pos)| st.insert(model, a, mb, pos, d))
                    .is_some()
                    && st
                        .insertion(model, b, ma)
                        .map(|(d, pos)| st.insert(model, b, ma, pos, d))
                        .is_some();
                if fits && st.cost < before {
                    improved = true;
                    break;
                }
                // Undo.
                if st.assigned[a as usize].is_some() {
                    st.remove(model, a);
                }
                if st.assigned[b as usize].is_some() {
                    st.remove(model, b);
                }
                if let Some((d, pos)) = st.insertion(model, a, ma) {
                    st.insert(model, a, ma, pos, d);
                }
                if let Some((d, pos)) = st.insertion(model, b, mb) {
                    st.insert(model, b, mb, pos, d);
                }
            }
        }
    }
}

/// How many appointments nearest in time and space to each are kept for `related`.
const NEAR: usize = 100;

/// Related removal (Shaw): appointments close in time and space to a random seed. The
/// nearest `NEAR` to each seed (by start, distance and whether they share a mediator) are
/// found once, when the seed is first drawn, and kept in `near`; each removal takes the
/// `k` nearest of them after noise (below 1, so the `NEAR` hold the `k` nearest but for
/// ties of many).
fn related(model: &Model, near: &mut [Vec<(f32, u32)>], rng: &mut Rng, k: usize) -> Vec<u32> {
    let n = model.n();
    let seed = rng.below(n) as u32;
    if near[seed as usize].is_empty() && n > 1 {
        let sp = model.loc[seed as usize];
        let mut mine = vec![false; model.home.len()];
        for &m in &model.cand[seed as usize] {
            mine[m as usize] = true;
        }
        let mut scored: Vec<(f32, u32)> = (0..n as u32)
            .filter(|&x| x != seed)
            .map(|x| {
                let dt = (f64::from(model.start[x as usize])
                    - f64::from(model.start[seed as usize]))
                .abs()
                    / 30.0;
                let dd = match (sp, model.loc[x as usize]) {
                    (Some(p), Some(q)) => model.geo.km(p, q) / 2.0,
                    _ => 2.0,
                };
                let shared = model.cand[x as usize].iter().any(|&m| mine[m as usize]);
                ((dt + dd + if shared { 0.0 } else { 10.0 }) as f32, x)
            })
            .collect();
        let keep = NEAR.min(scored.len());
        if keep < scored.len() {
            scored.select_nth_unstable_by(keep - 1, |a, b| a.0.total_cmp(&b.0));
            scored.truncate(keep);
        }
        // Only the kept: the whole day's list for every seed would be n² (150 MB on a day of 3,000).
        scored.shrink_to_fit();
        near[seed as usize] = scored;
    }
    let mut scored: Vec<(f32, u32)> = near[seed as usize]
        .iter()
        .map(|&(s, x)| (s + rng.unit() as f32, x))
        .collect();
    let take = k.min(scored.len());
    if take > 0 {
        scored.select_nth_unstable_by(take - 1, |a, b| a.0.total_cmp(&b.0));
    }
    let mut out: Vec<u32> = scored.into_iter().take(take).map(|(_, x)| x).collect();
    out.push(seed);
    out
}

/// How often the appointment left out that a removal or a part is built around is drawn
/// from those the relaxation serves (`Shared::hint`), where there are any. Of the ones a
/// plan leaves out, the relaxation at the bound's last prices serves few (Ruhr 1: 10 of
/// 66; rural 2: 2 of 13), and those are the ones a better plan is likelier to serve. On
/// the m days of the five other kinds, seeds 1-12, each run paired with one that draws
/// from all: 0.53 % above the best known against 0.70 % (per day and seed -0.17 %,
/// standard error 0.08; Ruhr -0.49 %); drawing from them nine times in ten lost 0.07 %
/// against half the time.
const HINTED: f64 = 0.5;

/// An appointment left out of `st` that a mediator may serve, drawn at random (as
/// `HINTED` says, from those the relaxation serves).
pub(crate) fn left_out(model: &Model, st: &State, rng: &mut Rng, shared: &Shared) -> Option<u32> {
    let out: Vec<u32> = (0..model.n() as u32)
        .filter(|&a| st.assigned[a as usize].is_none() && !model.cand[a as usize].is_empty())
        .collect();
    if let Some(h) = shared.hint.get()
        && rng.unit() < HINTED
    {
        let good: Vec<u32> = out.iter().copied().filter(|&a| h[a as usize]).collect();
        if !good.is_empty() {
            return Some(good[rng.below(good.len())]);
        }
    }
    out.get(rng.below(out.len())).copied()
}

/// Makes room for an appointment left out: it and the whole days of two of the mediators
/// who may serve it. (Tried on every kind: the hour around it on three mediators' days
/// instead, and half and half; whole days did best on the Ruhr and rural days, where
/// serving one more needs several mediators to swap.)
fn unblock(model: &Model, st: &State, rng: &mut Rng, shared: &Shared) -> Option<Vec<u32>> {
    let a = left_out(model, st, rng, shared)?;
    let cand = &model.cand[a as usize];
    let mut removed = vec![a];
    for _ in 0..2.min(cand.len()) {
        removed.extend(st.day(cand[rng.below(cand.len())]));
    }
    Some(removed)
}

/// How many rounds in a hundred put a day of an earlier best plan back (`Days`). On the
/// Ruhr and rural m days, each run paired with one without: seeds 1-12, 0.32 % lower
/// (standard error 0.17; 33 of 48 runs better), and a first version, seeds 1-24, 0.23 %
/// (0.13); the m days of the three other kinds, seeds 1-12, even (+0.01 %, 0.02); fifteen
/// in a hundred: -0.18 % (0.17, seeds 1-12).
const TRANSPLANTED: usize = 5;

/// The most days `Days` keeps (a day of more than 1,000 appointments offers many plans).
const MAX_DAYS: usize = 20_000;

/// The days of the best plans the threads and the bound have offered, each as its mediator
/// followed by its appointments in order. A round that puts one back into the plan it
/// searches from (`transplant`) joins the plans of different threads and moments, as the
/// crossover of a genetic search does, where removal and reinsertion would have to rebuild
/// the day piece by piece.
/// (An `IndexSet`: each day once, and drawn by its place.)
#[derive(Default)]
pub(crate) struct Days(indexmap::IndexSet<Vec<u32>>);

impl Days {
    fn add(&mut self, st: &State) {
        if self.0.len() >= MAX_DAYS {
            // The oldest go: the days of the plans since are better.
            self.0.clear();
        }
        let mut day = Vec::new();
        for (m, r) in st.route.iter().enumerate() {
            if r.is_empty() {
                continue;
            }
            day.clear();
            day.push(m as u32);
            day.extend(r.iter().map(|s| s.a));
            if !self.0.contains(day.as_slice()) {
                self.0.insert(day.clone());
            }
        }
    }
}

/// A day of an earlier best plan that `st` does not have (its mediator, then its
/// appointments), drawn at random.
pub(crate) fn transplant(st: &State, rng: &mut Rng, shared: &Shared) -> Option<Vec<u32>> {
    let days = shared.days.as_ref()?.lock().ok()?;
    let d = days.0.get_index(rng.below(days.0.len()))?;
    (!st.day(d[0]).eq(d[1..].iter().copied())).then(|| d.clone())
}

/// What the search threads and the bound tell each other.
pub(crate) struct Shared {
    /// The cost of the best plan any thread has found.
    pub best_cost: AtomicU64,
    /// The best lower bound proven so far (0: none yet).
    pub bound: AtomicU64,
    /// The search threads have ended (a bound still working may stop).
    pub searched: AtomicBool,
    /// The best plan any thread has found (a thread that falls behind takes it up).
    best: Mutex<Option<State>>,
    /// Which appointments the relaxed routes serve at the bound's last prices (set once,
    /// by the bound of a day too large to prove; see `HINTED`).
    pub hint: std::sync::OnceLock<Vec<bool>>,
    /// The days of the plans offered (kept only for a timed run: they come when they come).
    days: Option<Mutex<Days>>,
}

impl Shared {
    pub fn new() -> Shared {
        Shared {
            best_cost: AtomicU64::new(u64::MAX),
            bound: AtomicU64::new(0),
            searched: AtomicBool::new(false),
            best: Mutex::new(None),
            hint: std::sync::OnceLock::new(),
            days: None,
        }
    }

    /// Shared knowledge that keeps the days of the plans offered (`Days`).
    pub fn keeping_days() -> Shared {
        Shared {
            days: Some(Mutex::new(Days::default())),
            ..Shared::new()
        }
    }

    /// The best plan (of any thread) has met the bound: no plan can beat it.
    fn proven(&self) -> bool {
        self.best_cost.load(Ordering::Relaxed) <= self.bound.load(Ordering::Relaxed)
    }

    /// Offers a thread's new best plan to the others.
    pub(crate) fn offer(&self, st: &State) {
        self.best_cost.fetch_min(st.cost, Ordering::Relaxed);
        if let Some(days) = &self.days
            && let Ok(mut days) = days.lock()
        {
            days.add(st);
        }
        if let Ok(mut best) = self.best.lock()
            && best.as_ref().is_none_or(|b| st.cost < b.cost)
        {
            *best = Some(st.clone());
        }
    }

    /// The best plan of all threads, if it is better than `cost`.
    pub(crate) fn better_than(&self, cost: u64) -> Option<State> {
        if self.best_cost.load(Ordering::Relaxed) >= cost {
            return None;
        }
        let best = self.best.lock().ok()?;
        best.as_ref().filter(|b| b.cost < cost).cloned()
    }
}

/// Part of the time after which the second thread re-plans parts of the best plan exactly
/// instead of searching (`crate::sub`). Tried on the m days of five kinds, six seeds: from
/// 15 %, 30 % and 50 %; see the README.
const EXACT_FROM: f64 = 0.3;

/// Searches from a greedy plan until `deadline` (or the rounds of `opts`); `thread` numbers
/// the threads from 0.
pub(crate) fn search(
    model: &Model,
    opts: &Options,
    thread: usize,
    deadline: Instant,
    shared: &Shared,
) -> State {
    let seed = opts.seed.wrapping_add(thread as u64 * 7919);
    let mut rng = Rng::new(seed);
    let mut cur = construct(model);
    let mut best = cur.clone();
    shared.offer(&best);
    let n = model.n();
    if n == 0 {
        return best;
    }
    let start = Instant::now();
    let total = deadline
        .saturating_duration_since(start)
        .as_secs_f64()
        .max(0.001);
    let mut iter: u64 = 0;
    // Every so many rounds the search goes back to its best plan (tried: 20,000 and never).
    let reset: u64 = 5000;
    // The mediators whose days a removal freed (kept between rounds, cleared after use).
    let mut freed = vec![false; model.home.len()];
    let mut near: Vec<Vec<(f32, u32)>> = vec![Vec::new(); n];
    // Tuned on every kind of day of bench/days (m days, two seeds): 600 beat 60, 200, 1,500
    // and 4,000 by 0.4-1.8 % in the sum of costs.
    // (Again at four times the rounds a second: 200 and 1,500 lost to 600.)
    let t0 = 600.0;
    // The second thread turns to exact re-planning of parts (a run of a fixed number of
    // rounds does not: parts are limited by time, which would make it irreproducible; nor
    // does a small day, which the bound's branch-and-bound solves whole).
    let exact_from =
        if thread == 1 && opts.max_iterations.is_none() && n > crate::exact::MAX_APPOINTMENTS {
            EXACT_FROM
        } else {
            f64::INFINITY
        };
    let mut part_size = crate::sub::PartSize::new();
    loop {
        iter += 1;
        if opts.max_iterations.is_some_and(|m| iter > m) {
            break;
        }
        // A run of a fixed number of rounds is reproducible: it does not stop at a proof,
        // which comes when it comes.
        if iter.is_multiple_of(16)
            && (Instant::now() >= deadline || (opts.max_iterations.is_none() && shared.proven()))
        {
            break;
        }
        let progress = match opts.max_iterations {
            Some(m) => iter as f64 / m as f64,
            None => start.elapsed().as_secs_f64() / total,
        };
        if progress >= exact_from {
            if Instant::now() >= deadline {
                break;
            }
            // Always the best plan of all threads.
            if let Some(st) = shared.better_than(best.cost) {
                best = st;
            }
            if crate::sub::replan(model, &mut best, &mut rng, &mut part_size, deadline, shared) {
                shared.offer(&best);
            }
            continue;
        }
        let temp = t0 * (1.0 - progress).max(0.0).powi(2) + 0.01;
        let k = 3 + rng.below((n / 4).clamp(3, 40));
        // Two rounds in ten make room for a left-out appointment (one in ten before, and
        // random removal in two: on the m days of every kind, in pairs of six seeds, 0.14,
        // 0.26 and, on seeds not used to choose, 0.03 % lower in the mean; l days no worse;
        // three in ten lost 0.12 % against two).
        // Now and then a day of an earlier best plan goes back in: its mediator's day and
        // its appointments, wherever they are, come out, and it goes in whole.
        let day = if opts.max_iterations.is_none() && rng.below(100) < TRANSPLANTED {
            transplant(&cur, &mut rng, shared)
        } else {
            None
        };
        let mut removed = if let Some(d) = &day {
            let mut r: Vec<u32> = cur.day(d[0]).collect();
            r.extend(&d[1..]);
            r
        } else {
            match rng.below(10) {
                0..=4 => related(model, &mut near, &mut rng, k),
                5..=6 => unblock(model, &cur, &mut rng, shared)
                    .unwrap_or_else(|| related(model, &mut near, &mut rng, k)),
                7 => (0..k).map(|_| rng.below(n) as u32).collect(),
                _ if !cur.route.is_empty() => {
                    let m = rng.below(cur.route.len());
                    let mut r: Vec<u32> = cur.day(m as u32).collect();
                    r.extend(related(model, &mut near, &mut rng, k / 2));
                    r
                }
                _ => related(model, &mut near, &mut rng, k),
            }
        };
        removed.sort_unstable();
        removed.dedup();
        // Remember what changes, to undo: where the removed appointments were.
        let before_cost = cur.cost;
        let saved_assigned: Vec<(u32, u32)> = removed
            .iter()
            .filter_map(|&a| cur.assigned[a as usize].map(|m| (a, m)))
            .collect();
        for &(_, m) in &saved_assigned {
            freed[m as usize] = true;
        }
        for &a in &removed {
            cur.remove(model, a);
        }
        // The day transplanted goes in first (its mediator's day is empty now).
        let mut placed: Vec<u32> = Vec::new();
        if let Some(d) = &day {
            for &a in &d[1..] {
                if let Some((delta, pos)) = cur.insertion(model, a, d[0]) {
                    cur.insert(model, a, d[0], pos, delta);
                    placed.push(a);
                }
            }
        }
        // Appointments left out so far get a new chance where room was made.
        let mut todo: Vec<u32> = removed
            .iter()
            .copied()
            .filter(|a| !placed.contains(a))
            .collect();
        // From a random place, once round the day (counting on: a division per step was a
        // tenth of the search's time).
        let offset = rng.below(n);
        for a in (offset..n).chain(0..offset) {
            if todo.len() >= removed.len() + 40 {
                break;
            }
            let a = a as u32;
            if cur.assigned[a as usize].is_none()
                && model.cand[a as usize].iter().any(|&m| freed[m as usize])
                && removed.binary_search(&a).is_err()
            {
                todo.push(a);
            }
        }
        // Half of the repairs order insertions with noise, to leave a local optimum.
        let noise = match rng.below(3) {
            0 => 0.0,
            1 => 1500.0,
            _ => 4000.0,
        };
        cur.repair(model, todo.clone(), &mut rng, noise);
        for &(_, m) in &saved_assigned {
            freed[m as usize] = false;
        }
        let accept = cur.cost <= before_cost
            || rng.unit() < (-((cur.cost - before_cost) as f64) / temp).exp();
        // Now and then go back to the best plan found, to search around it.
        if iter.is_multiple_of(reset) {
            // A thread behind the others goes on from the best plan of all (a run of a
            // fixed number of rounds keeps to its own, to be reproducible).
            if opts.max_iterations.is_none()
                && let Some(st) = shared.better_than(best.cost)
            {
                best = st;
            }
            if best.cost < cur.cost {
                cur = best.clone();
                continue;
            }
        }
        if accept {
            if cur.cost < best.cost {
                // The pairwise polish pays on small days; on large ones the search time is worth more.
                if n <= 1000 {
                    polish(model, &mut cur, deadline);
                }
                best = cur.clone();
                shared.offer(&best);
            }
        } else {
            // Undo: take out what the repair put in, put back what was removed (a part of
            // a feasible day is feasible: travel times keep the triangle inequality).
            for &a in todo.iter().chain(&placed) {
                cur.remove(model, a);
            }
            for &(a, m) in &saved_assigned {
                if let Some((d, pos)) = cur.insertion(model, a, m) {
                    cur.insert(model, a, m, pos, d);
                }
            }
            debug_assert_eq!(cur.cost, before_cost);
        }
    }
    if std::env::var_os("MITTLER_PLAN_DEBUG").is_some() {
        eprintln!(
            "seed {seed}: {iter} iterations, best {} (recomputed {}), mean candidates {:.1}",
            best.cost,
            recompute(model, &best),
            model.cand.iter().map(Vec::len).sum::<usize>() as f64 / n as f64
        );
    }
    best
}

/// The cost of a state from scratch (checks the incremental bookkeeping).
pub(crate) fn recompute(model: &Model, st: &State) -> u64 {
    let mut cost = 0u64;
    for (m, r) in st.route.iter().enumerate() {
        let m = m as u32;
        let mut at = model.home[m as usize];
        for a in r.iter().map(|s| s.a) {
            let here = model.loc_of(a, m);
            cost += u64::from(model.travel(m, at, here)) + model.continuity(a, m);
            at = here;
        }
        if !r.is_empty() {
            cost += u64::from(model.travel(m, at, model.home[m as usize]));
        }
    }
    for (a, asg) in st.assigned.iter().enumerate() {
        if asg.is_none() {
            cost += model.penalty(a as u32);
        }
    }
    cost
}
