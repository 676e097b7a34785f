//! The day planner: assigns a whole day's appointments to mediators, near-optimally, in
//! seconds (`shared/spec/plan-format.md`).
//!
//! **Method.** The start times are fixed, so a mediator's day is the set of their
//! appointments sorted by start; feasibility of adding one is a check against its two
//! neighbours (travel) and the daily limit. We build a first plan by greedy insertion
//! (rare and high-priority appointments first, cheapest insertion), then improve it by
//! large-neighbourhood search (Shaw-style related removal, random removal and route
//! removal, followed by regret-2 insertion), accepting worse plans with a cooling
//! probability (simulated annealing) and keeping the best. This is the design of strong
//! vehicle-routing heuristics (Ropke & Pisinger's ALNS) fitted to fixed-time tasks, where
//! insertion is O(log n) and every move is evaluated exactly. Two threads search with
//! different seeds and the better plan wins. For a given seed and iteration budget the
//! result is deterministic; a time limit stops earlier on slower machines.
//!
//! Rules 1-6 are evaluated once per (appointment, mediator) pair; the travel model is the
//! one of the domain (`mittler_domain::matching::haversine_km`) with the instance's detour
//! factor and buffer.

// The search works on indices the model itself creates (appointments 0..n, mediators
// 0..m, positions found by search in the same vectors), so they are always in range;
// `.get()` in the inner loops would hide the algorithm and cost time.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

pub mod instance;
mod rules;

use instance::{Assignment, Instance, Solution};
use mittler_domain::matching::{Point, haversine_km};
use rules::candidate_lists;
pub use rules::{Costs, breakdown, candidates, evaluate};
use std::time::{Duration, Instant};

pub use instance::{InstanceError, parse};

/// The planner's options.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub time_limit: Duration,
    pub seed: u64,
    /// Stop after this many improvement rounds per thread (for reproducible runs).
    pub max_iterations: Option<u64>,
    pub threads: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            time_limit: Duration::from_secs(10),
            seed: 1,
            max_iterations: None,
            threads: 2,
        }
    }
}

/// The problem in index form.
pub struct Model {
    start: Vec<u32>,
    end: Vec<u32>,
    dur: Vec<u32>,
    prio: Vec<u32>,
    loc: Vec<Option<Point>>,
    pref: Vec<Option<u32>>,
    /// Mediators who may serve each appointment (rules 1-6).
    cand: Vec<Vec<u32>>,
    home: Vec<Point>,
    speed: Vec<f64>,
    max_work: Vec<u32>,
    detour: f64,
    buffer: u32,
}

pub(crate) fn point(p: [f64; 2]) -> Point {
    Point {
        lat: p[0],
        lon: p[1],
    }
}

impl Model {
    pub fn new(inst: &Instance) -> Model {
        let mut idx = std::collections::HashMap::new();
        for (i, m) in inst.mediators.iter().enumerate() {
            idx.insert(m.id.as_str(), i as u32);
        }
        let n = inst.appointments.len();
        let mut model = Model {
            start: Vec::with_capacity(n),
            end: Vec::with_capacity(n),
            dur: Vec::with_capacity(n),
            prio: Vec::with_capacity(n),
            loc: Vec::with_capacity(n),
            pref: Vec::with_capacity(n),
            cand: Vec::with_capacity(n),
            home: inst.mediators.iter().map(|m| point(m.home)).collect(),
            speed: inst.mediators.iter().map(|m| m.speed_kmh).collect(),
            max_work: inst.mediators.iter().map(|m| m.max_work_min).collect(),
            detour: inst.travel.detour_factor,
            buffer: inst.travel.buffer_min,
        };
        for a in &inst.appointments {
            let end = a.start_min + a.duration_min;
            model.start.push(a.start_min);
            model.end.push(end);
            model.dur.push(a.duration_min);
            model.prio.push(a.priority);
            model.loc.push(a.location.map(point));
            model.pref.push(
                a.preferred
                    .as_ref()
                    .and_then(|p| idx.get(p.as_str()).copied()),
            );
        }
        model.cand = candidate_lists(inst);
        model
    }

    fn n(&self) -> usize {
        self.start.len()
    }

    fn loc_of(&self, a: u32, m: u32) -> Point {
        self.loc[a as usize].unwrap_or(self.home[m as usize])
    }

    /// `travel(p, q, m)` of the spec.
    fn travel(&self, m: u32, p: Point, q: Point) -> u32 {
        if p == q {
            return 0;
        }
        let d = haversine_km(p, q);
        let t = (d * self.detour / self.speed[m as usize] * 60.0 - 1e-9).ceil();
        (t.max(0.0) as u32) + self.buffer
    }

    fn continuity(&self, a: u32, m: u32) -> u64 {
        match self.pref[a as usize] {
            Some(p) if p != m => 60,
            _ => 0,
        }
    }

    fn penalty(&self, a: u32) -> u64 {
        1000 * u64::from(self.prio[a as usize])
    }
}

/// A plan under construction.
#[derive(Clone)]
struct State {
    route: Vec<Vec<u32>>,
    work: Vec<u32>,
    assigned: Vec<Option<u32>>,
    cost: u64,
}

impl State {
    fn empty(model: &Model) -> State {
        let cost = (0..model.n() as u32).map(|a| model.penalty(a)).sum();
        State {
            route: vec![Vec::new(); model.home.len()],
            work: vec![0; model.home.len()],
            assigned: vec![None; model.n()],
            cost,
        }
    }

    /// The added cost of inserting `a` into `m`'s day, if feasible, and the position.
    fn insertion(&self, model: &Model, a: u32, m: u32) -> Option<(i64, usize)> {
        let ai = a as usize;
        if self.work[m as usize] + model.dur[ai] > model.max_work[m as usize] {
            return None;
        }
        let r = &self.route[m as usize];
        let pos = r.partition_point(|&x| model.start[x as usize] < model.start[ai]);
        let here = model.loc_of(a, m);
        let home = model.home[m as usize];
        let prev = pos.checked_sub(1).and_then(|p| r.get(p)).copied();
        let next = r.get(pos).copied();
        let p_loc = prev.map_or(home, |p| model.loc_of(p, m));
        let n_loc = next.map_or(home, |x| model.loc_of(x, m));
        let t_in = model.travel(m, p_loc, here);
        let t_out = model.travel(m, here, n_loc);
        if let Some(p) = prev
            && model.end[p as usize] + t_in > model.start[ai]
        {
            return None;
        }
        if let Some(x) = next
            && model.end[ai] + t_out > model.start[x as usize]
        {
            return None;
        }
        let old = i64::from(model.travel(m, p_loc, n_loc));
        let delta = i64::from(t_in) + i64::from(t_out) - old + model.continuity(a, m) as i64
            - model.penalty(a) as i64;
        Some((delta, pos))
    }

    fn insert(&mut self, model: &Model, a: u32, m: u32, pos: usize, delta: i64) {
        self.route[m as usize].insert(pos, a);
        self.work[m as usize] += model.dur[a as usize];
        self.assigned[a as usize] = Some(m);
        self.cost = (self.cost as i64 + delta) as u64;
    }

    fn remove(&mut self, model: &Model, a: u32) {
        let Some(m) = self.assigned[a as usize] else {
            return;
        };
        let r = &self.route[m as usize];
        let Some(pos) = r.iter().position(|&x| x == a) else {
            return;
        };
        let home = model.home[m as usize];
        let p_loc = pos
            .checked_sub(1)
            .and_then(|p| r.get(p))
            .map_or(home, |&p| model.loc_of(p, m));
        let n_loc = r.get(pos + 1).map_or(home, |&x| model.loc_of(x, m));
        let here = model.loc_of(a, m);
        let delta = i64::from(model.travel(m, p_loc, n_loc))
            - i64::from(model.travel(m, p_loc, here))
            - i64::from(model.travel(m, here, n_loc))
            - model.continuity(a, m) as i64
            + model.penalty(a) as i64;
        self.route[m as usize].remove(pos);
        self.work[m as usize] -= model.dur[a as usize];
        self.assigned[a as usize] = None;
        self.cost = (self.cost as i64 + delta) as u64;
    }

    /// The cheapest and the second cheapest insertion of `a` (over distinct mediators).
    fn best_two(&self, model: &Model, a: u32) -> (Option<(i64, u32, usize)>, Option<i64>) {
        let mut best: Option<(i64, u32, usize)> = None;
        let mut second: Option<i64> = None;
        for &m in &model.cand[a as usize] {
            if let Some((d, pos)) = self.insertion(model, a, m) {
                match best {
                    Some((bd, _, _)) if d >= bd => {
                        if second.is_none_or(|s| d < s) {
                            second = Some(d);
                        }
                    }
                    _ => {
                        if let Some((bd, _, _)) = best {
                            second = Some(bd);
                        }
                        best = Some((d, m, pos));
                    }
                }
            }
        }
        (best, second)
    }

    /// Regret-2 insertion of `todo`: the appointment that would lose most by waiting goes first.
    fn repair(&mut self, model: &Model, mut todo: Vec<u32>, rng: &mut Rng, noise: f64) {
        while !todo.is_empty() {
            let mut pick: Option<(usize, f64, (i64, u32, usize))> = None;
            for (i, &a) in todo.iter().enumerate() {
                let (best, second) = self.best_two(model, a);
                let Some(b) = best else { continue };
                if b.0 >= 0 {
                    continue;
                }
                // Not inserting at all costs nothing more (delta 0): that bounds the regret.
                let regret = (second.unwrap_or(0).min(0) - b.0
                    + i64::from(model.prio[a as usize]) * 10) as f64
                    + noise * rng.unit();
                if pick
                    .as_ref()
                    .is_none_or(|p| regret > p.1 || (regret == p.1 && b.0 < p.2.0))
                {
                    pick = Some((i, regret, b));
                }
            }
            let Some((i, _, (d, m, pos))) = pick else {
                break;
            };
            let a = todo.swap_remove(i);
            self.insert(model, a, m, pos, d);
        }
    }
}

/// A small deterministic random generator (xorshift*).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn unit(&mut self) -> f64 {
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
fn polish(model: &Model, st: &mut State, deadline: Instant) {
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

/// Related removal (Shaw): appointments close in time and space to a random seed.
fn related(model: &Model, st: &State, rng: &mut Rng, k: usize) -> Vec<u32> {
    let n = model.n();
    let seed = rng.below(n) as u32;
    let sp = model.loc[seed as usize];
    let mut scored: Vec<(f64, u32)> = (0..n as u32)
        .filter(|&x| x != seed)
        .map(|x| {
            let dt = (f64::from(model.start[x as usize]) - f64::from(model.start[seed as usize]))
                .abs()
                / 30.0;
            let dd = match (sp, model.loc[x as usize]) {
                (Some(p), Some(q)) => haversine_km(p, q) / 2.0,
                _ => 2.0,
            };
            let shared = model.cand[x as usize]
                .iter()
                .any(|m| model.cand[seed as usize].contains(m));
            (dt + dd + if shared { 0.0 } else { 10.0 } + rng.unit(), x)
        })
        .collect();
    let take = k.min(scored.len());
    if take > 0 {
        scored.select_nth_unstable_by(take - 1, |a, b| a.0.total_cmp(&b.0));
    }
    let mut out: Vec<u32> = scored.into_iter().take(take).map(|(_, x)| x).collect();
    out.push(seed);
    let _ = st;
    out
}

fn search(model: &Model, opts: &Options, seed: u64, deadline: Instant) -> State {
    let mut rng = Rng::new(seed);
    let mut cur = construct(model);
    let mut best = cur.clone();
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
    let t0 = 200.0;
    loop {
        iter += 1;
        if opts.max_iterations.is_some_and(|m| iter > m) {
            break;
        }
        if iter.is_multiple_of(16) && Instant::now() >= deadline {
            break;
        }
        let progress = match opts.max_iterations {
            Some(m) => iter as f64 / m as f64,
            None => start.elapsed().as_secs_f64() / total,
        };
        let temp = t0 * (1.0 - progress).max(0.0).powi(2) + 0.01;
        let k = 3 + rng.below((n / 4).clamp(3, 40));
        let mut removed = match rng.below(10) {
            0..=5 => related(model, &cur, &mut rng, k),
            6..=7 => (0..k).map(|_| rng.below(n) as u32).collect(),
            _ if !cur.route.is_empty() => {
                let m = rng.below(cur.route.len());
                let mut r = cur.route[m].clone();
                r.extend(related(model, &cur, &mut rng, k / 2));
                r
            }
            _ => related(model, &cur, &mut rng, k),
        };
        removed.sort_unstable();
        removed.dedup();
        // Remember what changes, to undo.
        let before_cost = cur.cost;
        let mut touched: Vec<u32> = removed
            .iter()
            .filter_map(|&a| cur.assigned[a as usize])
            .collect();
        for &a in &removed {
            for &m in &model.cand[a as usize] {
                touched.push(m);
            }
        }
        touched.sort_unstable();
        touched.dedup();
        let saved_routes: Vec<(u32, Vec<u32>, u32)> = touched
            .iter()
            .map(|&m| (m, cur.route[m as usize].clone(), cur.work[m as usize]))
            .collect();
        let saved_assigned: Vec<(u32, Option<u32>)> = removed
            .iter()
            .map(|&a| (a, cur.assigned[a as usize]))
            .collect();
        let freed: Vec<u32> = removed
            .iter()
            .filter_map(|&a| cur.assigned[a as usize])
            .collect();
        for &a in &removed {
            cur.remove(model, a);
        }
        // Appointments left out so far get a new chance where room was made.
        let mut todo = removed.clone();
        let offset = rng.below(n);
        for i in 0..n {
            if todo.len() >= removed.len() + 40 {
                break;
            }
            let a = ((i + offset) % n) as u32;
            if cur.assigned[a as usize].is_none()
                && !removed.contains(&a)
                && model.cand[a as usize].iter().any(|m| freed.contains(m))
            {
                todo.push(a);
            }
        }
        for &a in &todo[removed.len()..] {
            for &m in &model.cand[a as usize] {
                if !touched.contains(&m) {
                    touched.push(m);
                }
            }
        }
        let saved_extra: Vec<u32> = todo[removed.len()..].to_vec();
        for (m, _, _) in saved_routes.iter() {
            let _ = m;
        }
        let mut saved_routes = saved_routes;
        for &m in &touched {
            if !saved_routes.iter().any(|(x, _, _)| *x == m) {
                saved_routes.push((m, cur.route[m as usize].clone(), cur.work[m as usize]));
            }
        }
        // Half of the repairs order insertions with noise, to leave a local optimum.
        let noise = match rng.below(3) {
            0 => 0.0,
            1 => 1500.0,
            _ => 4000.0,
        };
        cur.repair(model, todo, &mut rng, noise);
        let accept = cur.cost <= before_cost
            || rng.unit() < (-((cur.cost - before_cost) as f64) / temp).exp();
        // Now and then go back to the best plan found, to search around it.
        if iter.is_multiple_of(5000) && best.cost < cur.cost {
            cur = best.clone();
            continue;
        }
        if accept {
            if cur.cost < best.cost {
                // The pairwise polish pays on small days; on large ones the search time is worth more.
                if n <= 1000 {
                    polish(model, &mut cur, deadline);
                }
                best = cur.clone();
            }
        } else {
            for (m, r, w) in saved_routes {
                for &a in &cur.route[m as usize] {
                    cur.assigned[a as usize] = None;
                }
                cur.route[m as usize] = r;
                cur.work[m as usize] = w;
            }
            for (m, _, _) in touched.iter().map(|&m| (m, (), ())) {
                for &a in &cur.route[m as usize] {
                    cur.assigned[a as usize] = Some(m);
                }
            }
            for (a, m) in saved_assigned {
                cur.assigned[a as usize] = m;
            }
            for a in saved_extra {
                cur.assigned[a as usize] = None;
            }
            cur.cost = before_cost;
        }
    }
    if std::env::var_os("MITTLER_PLAN_DEBUG").is_some() {
        eprintln!(
            "seed {seed}: {iter} iterations, best {} (recomputed {})",
            best.cost,
            recompute(model, &best)
        );
    }
    best
}

/// The cost of a state from scratch (checks the incremental bookkeeping).
fn recompute(model: &Model, st: &State) -> u64 {
    let mut cost = 0u64;
    for (m, r) in st.route.iter().enumerate() {
        let m = m as u32;
        let mut at = model.home[m as usize];
        for &a in r {
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

/// Plans the instance.
pub fn solve(inst: &Instance, opts: &Options) -> Solution {
    let began = Instant::now();
    let model = Model::new(inst);
    // Leave a little of the limit for writing the answer (and for a large day's last round).
    let margin = opts.time_limit.mul_f64(0.03).min(Duration::from_secs(3));
    let deadline = began + opts.time_limit.saturating_sub(margin);
    let threads = opts.threads.clamp(1, 8);
    let results: Vec<State> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let model = &model;
                s.spawn(move || {
                    search(
                        model,
                        opts,
                        opts.seed.wrapping_add(t as u64 * 7919),
                        deadline,
                    )
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let best = results
        .into_iter()
        .min_by_key(|s| s.cost)
        .unwrap_or_else(|| State::empty(&model));
    to_solution(inst, &best)
}

fn to_solution(inst: &Instance, st: &State) -> Solution {
    let mut assignments = Vec::new();
    let mut unassigned = Vec::new();
    for (i, a) in inst.appointments.iter().enumerate() {
        match st
            .assigned
            .get(i)
            .copied()
            .flatten()
            .and_then(|m| inst.mediators.get(m as usize))
        {
            Some(m) => assignments.push(Assignment {
                appointment: a.id.clone(),
                mediator: m.id.clone(),
            }),
            None => unassigned.push(a.id.clone()),
        }
    }
    Solution {
        format: "mittler-plan-solution/1".into(),
        instance: inst.name.clone(),
        assignments,
        unassigned,
    }
}

#[cfg(test)]
mod tests;
