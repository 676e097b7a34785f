//! The day planner: assigns a whole day's appointments to mediators, near-optimally, in
//! seconds (`shared/spec/plan-format.md`).
//!
//! **Method.** The start times are fixed, so a mediator's day is the set of their
//! appointments sorted by start; feasibility of adding one is a check against its two
//! neighbours (travel) and the daily limit. We build a first plan by greedy insertion
//! (rare and high-priority appointments first, cheapest insertion), then improve it by
//! large-neighbourhood search (Shaw-style related removal, random removal and route
//! removal, and the whole days of two mediators who could serve a left-out appointment,
//! followed by regret-2 insertion; in a timed run now and then a day of an earlier best
//! plan of either thread put back whole, `search::Days`), accepting worse plans with a cooling
//! probability (simulated annealing) and keeping the best. This is the design of strong
//! vehicle-routing heuristics (Ropke & Pisinger's ALNS) fitted to fixed-time tasks, where
//! insertion is O(log n) and every move is evaluated exactly; a regret insertion keeps
//! the cost of every insertion it may make and, after each one, evaluates again only the
//! insertions into the day that changed; a day keeps each stop's times, place and the
//! travel into it; distances come from a table built once (`geo`); related removal draws
//! from each appointment's nearest, found once. (Together 2.1 times the rounds in 5 s on a
//! Ruhr day of 400; the first two give the same plans for the same seed and rounds.) New best plans are polished by relocations, swaps and
//! ejection chains (`chain`). Two threads search with
//! different seeds and the better plan wins. After the first 30 % of a time limit the
//! second thread stops searching and re-plans parts of the best plan exactly (`sub`): a
//! few mediators' whole days (around an appointment left out, or around a day of an earlier
//! best plan that the plan lacks) with the appointments left out that they may serve, solved to
//! optimality by the bound and branch-and-bound of small days. For a given seed and
//! iteration budget the result is deterministic (such a run does not re-plan parts, which
//! are limited by time); a time limit stops earlier on slower machines. The lower bound,
//! computed beside the search, ends with a plan of its own (a Lagrangian heuristic: the
//! relaxed routes made feasible, `bound::plan_of_routes`), which the threads take up when
//! it is better than theirs.
//!
//! Rules 1-6 are evaluated once per (appointment, mediator) pair; the travel model is the
//! one of the domain (`mittler_domain::matching::haversine_km`) with the instance's detour
//! factor and buffer.

// The search works on indices the model itself creates (appointments 0..n, mediators
// 0..m, positions found by search in the same vectors), so they are always in range;
// `.get()` in the inner loops would hide the algorithm and cost time.
#![allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]

mod bound;
mod chain;
mod exact;
mod geo;
pub mod instance;
mod rules;
mod search;
mod sub;

use geo::Geo;
use instance::{Assignment, Instance, Solution};
use mittler_domain::matching::Point;
use rules::candidate_lists;
pub use rules::{Costs, breakdown, candidates, evaluate};
use search::{Rng, Shared, search};
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
    /// The place of each appointment (`None`: remote, wherever the mediator is).
    loc: Vec<Option<u32>>,
    pref: Vec<Option<u32>>,
    /// Mediators who may serve each appointment (rules 1-6).
    cand: Vec<Vec<u32>>,
    /// Each mediator's home (a node of `geo`).
    home: Vec<u32>,
    geo: std::sync::Arc<Geo>,
    /// The greatest common divisor of the durations: the unit in which the bound counts
    /// a day's work.
    unit: u32,
    speed: Vec<f64>,
    max_work: Vec<u32>,
    detour: f64,
    buffer: u32,
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
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
        let mut geo = Geo::new();
        let home = inst
            .mediators
            .iter()
            .map(|m| geo.node(point(m.home)))
            .collect();
        let locs: Vec<Option<u32>> = inst
            .appointments
            .iter()
            .map(|a| a.location.map(|p| geo.node(point(p))))
            .collect();
        let mut model = Model {
            start: Vec::with_capacity(n),
            end: Vec::with_capacity(n),
            dur: Vec::with_capacity(n),
            prio: Vec::with_capacity(n),
            loc: Vec::with_capacity(n),
            pref: Vec::with_capacity(n),
            cand: Vec::with_capacity(n),
            home,
            geo: std::sync::Arc::new(Geo::new()),
            unit: 1,
            speed: inst.mediators.iter().map(|m| m.speed_kmh).collect(),
            max_work: inst.mediators.iter().map(|m| m.max_work_min).collect(),
            detour: inst.travel.detour_factor,
            buffer: inst.travel.buffer_min,
        };
        for (a, loc) in inst.appointments.iter().zip(locs) {
            let end = a.start_min + a.duration_min;
            model.start.push(a.start_min);
            model.end.push(end);
            model.dur.push(a.duration_min);
            model.prio.push(a.priority);
            model.loc.push(loc);
            model.pref.push(
                a.preferred
                    .as_ref()
                    .and_then(|p| idx.get(p.as_str()).copied()),
            );
        }
        model.cand = candidate_lists(inst);
        model.unit = model.dur.iter().fold(0, |g, &d| gcd(g, d)).max(1);
        geo.finish();
        model.geo = std::sync::Arc::new(geo);
        model
    }

    fn n(&self) -> usize {
        self.start.len()
    }

    fn loc_of(&self, a: u32, m: u32) -> u32 {
        self.loc[a as usize].unwrap_or(self.home[m as usize])
    }

    /// `travel(p, q, m)` of the spec.
    #[inline]
    fn travel(&self, m: u32, p: u32, q: u32) -> u32 {
        if p == q {
            return 0;
        }
        let d = self.geo.km(p, q);
        let t = geo::ceil(d * self.detour / self.speed[m as usize] * 60.0 - 1e-9);
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

/// An appointment on a mediator's day, with what the search reads most of it.
#[derive(Clone, Copy)]
struct Stop {
    a: u32,
    start: u32,
    end: u32,
    /// Where it is (for a remote appointment the mediator's home).
    loc: u32,
    /// The travel to it from the stop before (or from home).
    leg: u32,
}

/// A plan under construction.
#[derive(Clone)]
struct State {
    route: Vec<Vec<Stop>>,
    /// Each mediator's travel home from the last stop (0 on a free day).
    back: Vec<u32>,
    work: Vec<u32>,
    assigned: Vec<Option<u32>>,
    cost: u64,
}

impl State {
    fn empty(model: &Model) -> State {
        let cost = (0..model.n() as u32).map(|a| model.penalty(a)).sum();
        State {
            route: vec![Vec::new(); model.home.len()],
            back: vec![0; model.home.len()],
            work: vec![0; model.home.len()],
            assigned: vec![None; model.n()],
            cost,
        }
    }

    /// The appointments of `m`'s day, in order.
    fn day(&self, m: u32) -> impl Iterator<Item = u32> + '_ {
        self.route[m as usize].iter().map(|s| s.a)
    }

    /// The added cost of inserting `a` into `m`'s day, if feasible, and the position.
    fn insertion(&self, model: &Model, a: u32, m: u32) -> Option<(i64, usize)> {
        let ai = a as usize;
        if self.work[m as usize] + model.dur[ai] > model.max_work[m as usize] {
            return None;
        }
        let r = &self.route[m as usize];
        let (start, end) = (model.start[ai], model.end[ai]);
        let pos = r.partition_point(|x| x.start < start);
        let prev = pos.checked_sub(1).and_then(|p| r.get(p));
        let next = r.get(pos);
        // Overlaps first: they need no travel time to be ruled out.
        if prev.is_some_and(|p| p.end > start) || next.is_some_and(|x| end > x.start) {
            return None;
        }
        let here = model.loc_of(a, m);
        let home = model.home[m as usize];
        let t_in = model.travel(m, prev.map_or(home, |p| p.loc), here);
        if prev.is_some_and(|p| p.end + t_in > start) {
            return None;
        }
        let t_out = model.travel(m, here, next.map_or(home, |x| x.loc));
        if next.is_some_and(|x| end + t_out > x.start) {
            return None;
        }
        let old = next.map_or(self.back[m as usize], |x| x.leg);
        let delta = i64::from(t_in) + i64::from(t_out) - i64::from(old)
            + model.continuity(a, m) as i64
            - model.penalty(a) as i64;
        Some((delta, pos))
    }

    fn insert(&mut self, model: &Model, a: u32, m: u32, pos: usize, delta: i64) {
        let here = model.loc_of(a, m);
        let home = model.home[m as usize];
        let r = &mut self.route[m as usize];
        let p_loc = pos
            .checked_sub(1)
            .and_then(|p| r.get(p))
            .map_or(home, |p| p.loc);
        let leg = model.travel(m, p_loc, here);
        let t_out = model.travel(m, here, r.get(pos).map_or(home, |x| x.loc));
        match r.get_mut(pos) {
            Some(x) => x.leg = t_out,
            None => self.back[m as usize] = t_out,
        }
        r.insert(
            pos,
            Stop {
                a,
                start: model.start[a as usize],
                end: model.end[a as usize],
                loc: here,
                leg,
            },
        );
        self.work[m as usize] += model.dur[a as usize];
        self.assigned[a as usize] = Some(m);
        self.cost = (self.cost as i64 + delta) as u64;
    }

    fn remove(&mut self, model: &Model, a: u32) {
        let Some(m) = self.assigned[a as usize] else {
            return;
        };
        let r = &mut self.route[m as usize];
        let Some(pos) = r.iter().position(|x| x.a == a) else {
            return;
        };
        let home = model.home[m as usize];
        let p_loc = pos
            .checked_sub(1)
            .and_then(|p| r.get(p))
            .map_or(home, |p| p.loc);
        let next = r.get(pos + 1);
        let old_out = next.map_or(self.back[m as usize], |x| x.leg);
        let new = model.travel(m, p_loc, next.map_or(home, |x| x.loc));
        let delta = i64::from(new)
            - i64::from(r[pos].leg)
            - i64::from(old_out)
            - model.continuity(a, m) as i64
            + model.penalty(a) as i64;
        r.remove(pos);
        match r.get_mut(pos) {
            Some(x) => x.leg = new,
            None => self.back[m as usize] = new,
        }
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
    /// Each appointment's insertion into each of its mediators' days is kept; inserting
    /// into one mediator's day changes only the insertions into that day, so only those
    /// are evaluated again (one per appointment that mediator may serve).
    fn repair(&mut self, model: &Model, todo: Vec<u32>, rng: &mut Rng, noise: f64) {
        const NO: i64 = i64::MAX;
        let mut off = Vec::with_capacity(todo.len() + 1);
        off.push(0);
        for &a in &todo {
            off.push(off[off.len() - 1] + model.cand[a as usize].len());
        }
        let mut delta = vec![NO; off[todo.len()]];
        // The cheapest insertion (its added cost and mediator) and the second cheapest cost.
        let summary = |delta: &[i64], i: usize, a: u32| {
            let mut best: Option<(i64, u32)> = None;
            let mut second: Option<i64> = None;
            for (k, &m) in model.cand[a as usize].iter().enumerate() {
                let d = delta[off[i] + k];
                if d == NO {
                    continue;
                }
                match best {
                    Some((bd, _)) if d >= bd => {
                        if second.is_none_or(|s| d < s) {
                            second = Some(d);
                        }
                    }
                    _ => {
                        if let Some((bd, _)) = best {
                            second = Some(bd);
                        }
                        best = Some((d, m));
                    }
                }
            }
            (best, second)
        };
        let mut known = Vec::with_capacity(todo.len());
        // Who may take what, a list per mediator: `first[m]`, then `next[..]`, through the
        // entries of `delta` (u32::MAX ends a list); `owner` is each entry's appointment.
        let mut first = vec![u32::MAX; model.home.len()];
        let mut next = vec![u32::MAX; delta.len()];
        let mut owner = vec![0u32; delta.len()];
        for (i, &a) in todo.iter().enumerate() {
            for (k, &m) in model.cand[a as usize].iter().enumerate() {
                let e = off[i] + k;
                if let Some((d, _)) = self.insertion(model, a, m) {
                    delta[e] = d;
                }
                owner[e] = i as u32;
                next[e] = first[m as usize];
                first[m as usize] = e as u32;
            }
            known.push(summary(&delta, i, a));
        }
        let mut waiting = vec![true; todo.len()];
        let mut live: Vec<usize> = (0..todo.len()).collect();
        while !live.is_empty() {
            let mut pick: Option<(usize, f64, (i64, u32))> = None;
            for (li, &i) in live.iter().enumerate() {
                let (best, second) = known[i];
                let Some(b) = best else { continue };
                if b.0 >= 0 {
                    continue;
                }
                // Not inserting at all costs nothing more (delta 0): that bounds the regret.
                let regret = (second.unwrap_or(0).min(0) - b.0
                    + i64::from(model.prio[todo[i] as usize]) * 10)
                    as f64
                    + noise * rng.unit();
                if pick
                    .as_ref()
                    .is_none_or(|p| regret > p.1 || (regret == p.1 && b.0 < p.2.0))
                {
                    pick = Some((li, regret, b));
                }
            }
            let Some((li, _, _)) = pick else {
                break;
            };
            let i = live.swap_remove(li);
            waiting[i] = false;
            let a = todo[i];
            let Some((_, m)) = known[i].0 else {
                continue;
            };
            let Some((d, pos)) = self.insertion(model, a, m) else {
                continue;
            };
            self.insert(model, a, m, pos, d);
            let mut e = first[m as usize];
            while e != u32::MAX {
                let j = owner[e as usize] as usize;
                if waiting[j] {
                    let b = todo[j];
                    let old = delta[e as usize];
                    let new = self.insertion(model, b, m).map_or(NO, |(d, _)| d);
                    delta[e as usize] = new;
                    // The best two change only if this was one of them or beats the second.
                    let (best, second) = known[j];
                    let was_top = best.is_some_and(|(bd, bm)| bm == m || old <= bd)
                        || second.is_none_or(|s| old <= s);
                    let beats = second.is_none_or(|s| new < s);
                    if was_top || beats {
                        known[j] = summary(&delta, j, b);
                    }
                }
                e = next[e as usize];
            }
        }
    }
}

/// Plans the instance: the search threads and, beside them, the lower bound, which ends
/// the search as soon as a plan meets it (proven optimal).
pub fn solve(inst: &Instance, opts: &Options) -> Solution {
    let began = Instant::now();
    let model = Model::new(inst);
    // Leave a little of the limit for writing the answer (and for a large day's last round).
    let margin = opts.time_limit.mul_f64(0.03).min(Duration::from_secs(3));
    let deadline = began + opts.time_limit.saturating_sub(margin);
    // The bound shares the cores with the search: it gets 15 % of the time, but all of it
    // on small days, whose search is done early and whose proof is worth it. (Since the
    // bound ends with a plan of its own, a plan that comes sooner is worth more than the
    // last steps of the bound: on the m days of the five other kinds, seeds 1-12, each run
    // paired with one at a quarter: 0.40 % above the best known against 0.50 %, Ruhr 0.78 against
    // 1.32 % (19 of 24 runs better), the other kinds within ±0.06 %; the bound came out at
    // 97.9 % of the proven bounds of the samples instead of 98.2 %.)
    let share = if inst.appointments.len() <= exact::MAX_APPOINTMENTS {
        1.0
    } else {
        0.15
    };
    let bound_deadline = began + opts.time_limit.saturating_sub(margin).mul_f64(share);
    let threads = opts.threads.clamp(1, 8);
    // The days of the plans offered come when they come: only a timed run keeps them.
    let shared = if opts.max_iterations.is_none() {
        Shared::keeping_days()
    } else {
        Shared::new()
    };
    let (mut results, better): (Vec<State>, Option<State>) = std::thread::scope(|s| {
        let (model, shared) = (&model, &shared);
        let timed = opts.max_iterations.is_none();
        let bound = s.spawn(move || bound::lower_bound(model, bound_deadline, shared, timed));
        let handles: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || search(model, opts, t, deadline, shared)))
            .collect();
        let results = handles.into_iter().filter_map(|h| h.join().ok()).collect();
        shared
            .searched
            .store(true, std::sync::atomic::Ordering::Relaxed);
        (results, bound.join().ok().flatten())
    });
    // The bound's plan (found by the proof on a small day) comes when it comes: a run of a
    // fixed number of rounds, meant to be reproducible, leaves it out.
    if opts.max_iterations.is_none() {
        results.extend(better);
        // And the plan from the relaxation (`bound`), should no thread have taken it up.
        results.extend(shared.better_than(u64::MAX));
    }
    let bound = shared.bound.load(std::sync::atomic::Ordering::Relaxed);
    let best = results
        .into_iter()
        .min_by_key(|s| s.cost)
        .unwrap_or_else(|| State::empty(&model));
    let mut sol = to_solution(inst, &best);
    // No bound (a day too large to relax) reads as none, not as 0.
    sol.lower_bound = (bound > 0 || best.cost == 0).then_some(bound);
    sol
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
        lower_bound: None,
    }
}

#[cfg(test)]
mod tests;
