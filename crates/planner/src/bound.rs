//! A lower bound for a day: no feasible plan costs less.
//!
//! **Lagrangian relaxation.** "Every appointment at most once" is moved into the objective
//! with a price (λ_a ≥ 0 per appointment). What is left falls apart into one small problem
//! per mediator: the cheapest route through the appointments they may serve (rules 1-6),
//! where taking an appointment costs its travel (rule 7 decides which appointment may
//! follow which), its continuity break and λ_a, and earns the penalty of leaving it out.
//! Start times are fixed, so a route is a path in an acyclic graph ordered by start,
//! solved exactly in one pass. The daily limit of work is kept in two ways: priced too
//! (μ_m ≥ 0 per minute, a path in one pass), or kept by the route itself (a path with the
//! work done so far as a second coordinate, counted in the greatest common divisor of the
//! durations; only where the cheapest path breaks the limit). The second is stronger (at
//! the same λ never lower) and slower where limits bind: small days use it throughout,
//! larger ones for the second half of their time. For all prices ≥ 0 the sum is a lower
//! bound (weak duality); subgradient steps (Polyak's, towards the best plan known) raise
//! it. With the limit kept by the routes it is the bound of the linear relaxation of the
//! set-packing model over whole routes, the one column generation would give. On days of
//! long appointments that is what proves them: priced, a limit met on average over
//! fractional routes left gaps of 0.5-2.8 % that branching did not close in a second.
//!
//! Costs are integers, so the bound is rounded up to the next integer.

// The loops walk several vectors indexed by appointment (or graph) together.
#![allow(clippy::needless_range_loop)]

use crate::Model;
use crate::search::Shared;
use std::sync::atomic::Ordering;
use std::time::Instant;

mod paths;
pub(crate) use paths::Graph;
use paths::{cheapest_route, cheapest_route_limited, graphs};

/// What an appointment is fixed to in a branch of the search for a proof.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Fix {
    Free,
    /// Left out.
    Out,
    /// Served by the mediator of this graph.
    To(u32),
}

/// Solves after a graph's cheapest path broke its limit in which the path within the
/// limit is sought at once.
const BINDING_SOLVES: u8 = 8;

/// A price big enough that a route takes an appointment fixed to it whenever it can.
const MUST: f64 = 1e7;

/// The relaxation of one day: the graphs and what stays fixed between prices.
pub(crate) struct Relaxation<'m> {
    pub(crate) model: &'m Model,
    pub(crate) graphs: Vec<Graph>,
    pen: Vec<f64>,
    /// Each graph's daily limit (at least 1 minute).
    pub(crate) limit: Vec<f64>,
    /// Routes keep the daily limit themselves (no price on work): a stronger bound, at
    /// the cost of a longer shortest path where the limit binds (small days).
    limited: bool,
    /// For each graph, how many more solves seek the path within the limit at once: its
    /// cheapest path broke the limit lately, and prices move little between steps (the
    /// path within the limit is the cheapest path whenever that keeps the limit, so this
    /// saves time and gives the same relaxed plan). Measured on the m days of the five
    /// other kinds, seeds 1-12, each 5-second run paired with one that always tried the
    /// cheapest path first: -0.05 % (standard error 0.06; Ruhr -0.32 %, 0.21).
    binding: Vec<std::cell::Cell<u8>>,
}

/// The prices of the relaxed rules.
#[derive(Clone)]
pub(crate) struct Prices {
    pub(crate) lambda: Vec<f64>,
    mu: Vec<f64>,
}

/// The relaxed plan under some prices: its value (a lower bound), how often each
/// appointment is taken, each graph's work and route (appointments in order of start).
pub(crate) struct Relaxed {
    pub(crate) value: f64,
    pub(crate) count: Vec<i32>,
    pub(crate) work: Vec<u32>,
    pub(crate) routes: Vec<Vec<u32>>,
}

impl<'m> Relaxation<'m> {
    pub(crate) fn new(model: &'m Model, limited: bool) -> Option<Relaxation<'m>> {
        let graphs = graphs(model)?;
        Some(Relaxation {
            limited,
            binding: vec![std::cell::Cell::new(0); graphs.len()],
            pen: (0..model.n() as u32)
                .map(|a| model.penalty(a) as f64)
                .collect(),
            limit: graphs
                .iter()
                .map(|g| f64::from(model.max_work[g.m as usize].max(1)))
                .collect(),
            graphs,
            model,
        })
    }

    /// The first prices: each appointment's penalty less the least it can cost served (its
    /// cheapest way in, from home or another appointment, with its continuity break), so
    /// that no route gains by any appointment and the bound starts at the sum of what
    /// each appointment costs at least on its own; no price on work.
    pub(crate) fn start(&self) -> Prices {
        let model = self.model;
        let mut least = self.pen.clone();
        for g in &self.graphs {
            for (j, &a) in g.apps.iter().enumerate() {
                let arcs = g.first[j] as usize..g.first[j + 1] as usize;
                let way_in = g.cost[arcs]
                    .iter()
                    .copied()
                    .chain([g.home_in[j]])
                    .min()
                    .unwrap_or(0);
                let served = f64::from(way_in) + model.continuity(a, g.m) as f64;
                least[a as usize] = least[a as usize].min(served);
            }
        }
        Prices {
            lambda: self.pen.iter().zip(&least).map(|(p, l)| p - l).collect(),
            mu: vec![0.0; self.graphs.len()],
        }
    }

    /// The relaxed plan under `p`, within the branch `fix`.
    pub(crate) fn solve(&self, p: &Prices, fix: &[Fix]) -> Relaxed {
        let model = self.model;
        let n = model.n();
        let mut out = Relaxed {
            value: 0.0,
            count: vec![0; n],
            work: vec![0; self.graphs.len()],
            routes: vec![Vec::new(); self.graphs.len()],
        };
        let (mut best, mut reach, mut taken, mut red) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut value: f64 = self.pen.iter().sum::<f64>() - p.mu.iter().sum::<f64>();
        for a in 0..n {
            match fix[a] {
                Fix::Free => value -= p.lambda[a],
                Fix::To(_) => value += MUST,
                Fix::Out => {}
            }
        }
        for (gi, g) in self.graphs.iter().enumerate() {
            red.clear();
            red.extend(g.apps.iter().map(|&a| {
                let a = a as usize;
                let base = p.mu[gi] * f64::from(model.dur[a]) / self.limit[gi]
                    + model.continuity(a as u32, g.m) as f64
                    - self.pen[a];
                match fix[a] {
                    Fix::Free => base + p.lambda[a],
                    Fix::To(t) if t as usize == gi => base - MUST,
                    _ => f64::INFINITY,
                }
            }));
            let left = self.binding[gi].get();
            let binding = self.limited && left > 0;
            let mut cost = if binding {
                self.binding[gi].set(left - 1);
                0.0
            } else {
                cheapest_route(g, &red, &mut best, &mut taken)
            };
            if self.limited {
                // The cheapest path within the limit is the cheapest path when that keeps it.
                let over = !binding
                    && taken
                        .iter()
                        .map(|&j| model.dur[g.apps[j as usize] as usize])
                        .sum::<u32>()
                        > model.max_work[g.m as usize];
                if over {
                    self.binding[gi].set(BINDING_SOLVES);
                }
                if binding || over {
                    let w_max = (model.max_work[g.m as usize] / model.unit) as usize;
                    cost =
                        cheapest_route_limited(g, &red, w_max, &mut best, &mut reach, &mut taken);
                }
            }
            value += cost;
            for &j in taken.iter().rev() {
                let a = g.apps[j as usize];
                out.count[a as usize] += 1;
                out.work[gi] += model.dur[a as usize];
                out.routes[gi].push(a);
            }
        }
        out.value = value;
        out
    }

    /// Subgradient steps from `p` (kept at the best prices found): at most `rounds`, until
    /// `deadline`, until the bound reaches `upper()`, or until the steps shrink to nothing.
    /// Returns the best value and the relaxed plan at it.
    pub(crate) fn ascend(
        &self,
        p: &mut Prices,
        fix: &[Fix],
        rounds: u32,
        deadline: Instant,
        upper: &dyn Fn() -> f64,
        theta: f64,
    ) -> Relaxed {
        let n = self.model.n();
        let free = |a: usize| fix[a] == Fix::Free && !self.model.cand[a].is_empty();
        let mut theta = theta;
        let mut since_better = 0u32;
        // The direction: the subgradient deflected by the last one (fewer zig-zags).
        let mut dir_a = vec![0.0f64; n];
        let mut dir_m = vec![0.0f64; self.graphs.len()];
        let mut top = self.solve(p, fix);
        let mut best_prices = p.clone();
        let mut cur = Relaxed {
            value: top.value,
            count: top.count.clone(),
            work: top.work.clone(),
            routes: Vec::new(),
        };
        for round in 0..rounds {
            let up = upper();
            // A few steps even past the deadline: a thread that got the cores late (the
            // search threads are busy beside it) would otherwise publish its starting
            // prices' bound, a tenth of the plan's cost on a 400-request day once.
            if (top.value - 1e-3).ceil() >= up
                || theta < 1e-4
                || (round >= MIN_ROUNDS && Instant::now() >= deadline)
            {
                break;
            }
            let mut norm = 0.0;
            for a in 0..n {
                let g = f64::from(cur.count[a] - 1);
                let g = if !free(a) || (g < 0.0 && p.lambda[a] <= 0.0) {
                    0.0
                } else {
                    g
                };
                dir_a[a] = g + 0.3 * dir_a[a];
                norm += dir_a[a] * dir_a[a];
            }
            for gi in 0..self.graphs.len() {
                let g = f64::from(cur.work[gi]) / self.limit[gi] - 1.0;
                let g = if g < 0.0 && p.mu[gi] <= 0.0 { 0.0 } else { g };
                dir_m[gi] = g + 0.3 * dir_m[gi];
                norm += dir_m[gi] * dir_m[gi];
            }
            if norm <= 1e-12 {
                // The relaxed plan keeps every relaxed rule: this is the dual's optimum.
                break;
            }
            let step = theta * (up - cur.value).max(1.0) / norm;
            for a in 0..n {
                p.lambda[a] = (p.lambda[a] + step * dir_a[a]).max(0.0);
            }
            for gi in 0..self.graphs.len() {
                p.mu[gi] = (p.mu[gi] + step * dir_m[gi]).max(0.0);
            }
            cur = self.solve(p, fix);
            if cur.value > top.value + 1e-9 {
                top = Relaxed {
                    value: cur.value,
                    count: cur.count.clone(),
                    work: cur.work.clone(),
                    routes: cur.routes.clone(),
                };
                best_prices = p.clone();
                since_better = 0;
            } else {
                since_better += 1;
                if since_better >= 20 {
                    theta /= 2.0;
                    since_better = 0;
                }
            }
        }
        *p = best_prices;
        top
    }
}

/// Days above this many appointments get the quick bound of `own_costs` only: their
/// relaxation would take hundreds of megabytes and a core the search needs more.
pub(crate) const LARGE: usize = 1000;

/// The sum over appointments of the least each costs on its own: its penalty, or served
/// by the cheapest way in (from home or an appointment it may follow) with its continuity
/// break. A valid bound (every served appointment is reached by one way in), found
/// without storing the graphs; for a day of more than 50 million pairs only the
/// penalties of appointments nobody may serve count.
fn own_costs(model: &Model) -> u64 {
    let n = model.n();
    let mut least: Vec<u64> = (0..n as u32).map(|a| model.penalty(a)).collect();
    let mut by_mediator: Vec<Vec<u32>> = vec![Vec::new(); model.home.len()];
    for (a, cand) in model.cand.iter().enumerate() {
        for &m in cand {
            by_mediator[m as usize].push(a as u32);
        }
    }
    let pairs: usize = by_mediator.iter().map(|v| v.len() * v.len() / 2).sum();
    for (m, apps) in by_mediator.iter().enumerate() {
        let m = m as u32;
        for &b in apps {
            let to = model.loc_of(b, m);
            let mut way_in = if pairs > 50_000_000 {
                0
            } else {
                model.travel(m, model.home[m as usize], to)
            };
            if way_in > 0 {
                for &a in apps {
                    let t = model.travel(m, model.loc_of(a, m), to);
                    if model.end[a as usize] + t <= model.start[b as usize] {
                        way_in = way_in.min(t);
                    }
                }
            }
            let served = u64::from(way_in) + model.continuity(b, m);
            least[b as usize] = least[b as usize].min(served);
        }
    }
    least.iter().sum()
}

/// Subgradient steps taken whatever the deadline (a step is a shortest path per mediator:
/// well under a millisecond on days of the size that are relaxed at all).
const MIN_ROUNDS: u32 = 25;

/// A relaxed value as a bound: costs are integers, so it is rounded up.
pub(crate) fn rounded(value: f64) -> u64 {
    (value - 1e-3).ceil().max(0.0) as u64
}

/// Raises the bound until `deadline`, until it meets the best plan known (`best_cost`, kept
/// up to date by the search) or until the steps have shrunk to nothing; publishes it in
/// `bound`. On small days whose bound stays below the best plan, a branch-and-bound
/// (`crate::exact`) then tries to close the gap; a better plan it finds is returned.
pub(crate) fn lower_bound(
    model: &Model,
    deadline: Instant,
    shared: &Shared,
    hint: bool,
) -> Option<crate::State> {
    if model.n() > LARGE {
        shared.bound.fetch_max(own_costs(model), Ordering::Relaxed);
        return None;
    }
    // The polish of the plan from the relaxation may go on past the bound's time by a tenth
    // of that time.
    let spare = deadline.saturating_duration_since(Instant::now()) / 10;
    // Small days keep the daily limit in the routes from the start (their proof needs the
    // stronger bound); larger ones price it first, which is quicker per step.
    let small = model.n() <= crate::exact::MAX_APPOINTMENTS;
    let mut relax = Relaxation::new(model, small)?;
    let mut p = relax.start();
    let fix = vec![Fix::Free; model.n()];
    let all_out = relax.pen.iter().sum::<f64>() as u64;
    let upper = || shared.best_cost.load(Ordering::Relaxed).min(all_out) as f64;
    // Small days go on to the branch-and-bound soon; the root's last tenths of a percent
    // are slow to come by steps and quick by branching.
    let rounds = if model.n() <= crate::exact::MAX_APPOINTMENTS {
        400
    } else {
        100_000
    };
    // Larger days: half the time with the limit priced, then the routes keep it (at the same
    // prices that bound is never lower; tried on the m days of every kind: 70-250 higher on
    // Ruhr, long and Essen days than the limit priced all the time, once 40 lower).
    let now = Instant::now();
    let first = if small {
        deadline
    } else {
        now + deadline.saturating_duration_since(now) / 2
    };
    let mut root = relax.ascend(&mut p, &fix, rounds, first, &upper, 1.0);
    if !relax.limited {
        relax.limited = true;
        p.mu.iter_mut().for_each(|m| *m = 0.0);
        let again = relax.ascend(&mut p, &fix, rounds, deadline, &upper, 0.5);
        if std::env::var_os("MITTLER_BOUND_DEBUG").is_some() {
            eprintln!("unlimited {:.1}, limited {:.1}", root.value, again.value);
        }
        if again.value > root.value {
            root = again;
        }
    }
    shared
        .bound
        .fetch_max(rounded(root.value), Ordering::Relaxed);
    if std::env::var_os("MITTLER_BOUND_DEBUG").is_some() {
        eprintln!("root bound {:.1}, best plan {}", root.value, upper());
    }
    if !small {
        // Set once: a second call cannot happen (one bound per day). A run of a fixed
        // number of rounds goes without: the hint comes when it comes.
        if hint {
            let _ = shared.hint.set(root.count.iter().map(|&c| c > 0).collect());
        }
        shared.offer(&plan_of_routes(
            model,
            &relax,
            &root.routes,
            Instant::now() + spare,
        ));
    }
    crate::exact::close(&relax, root.value, p, deadline, shared)
}

/// A plan near the relaxed one (a Lagrangian heuristic): each mediator's relaxed route, in
/// turn, as far as its appointments are still free and fit; then what is left out by
/// regret insertion, and the pairwise polish. It takes the search to other plans than
/// greedy insertion and the search's own moves reach: on a rural day of 400 it was better
/// after 1.2 s than the search's best (34,513 against 35,454). Measured on the m days of
/// the five other kinds, seeds 1-12, each run paired with one without it: 0.48 % above
/// the best known against 0.67 % (per day and seed -0.21 %, standard error 0.08); long
/// days came out at the best known on average. (A second plan from the prices of the first
/// half, with the limit priced, did not help: +0.01 %.)
pub(crate) fn plan_of_routes(
    model: &Model,
    relax: &Relaxation,
    routes: &[Vec<u32>],
    deadline: Instant,
) -> crate::State {
    let mut st = crate::State::empty(model);
    for (g, route) in relax.graphs.iter().zip(routes) {
        for &a in route {
            if st.assigned[a as usize].is_none()
                && let Some((d, pos)) = st.insertion(model, a, g.m)
            {
                st.insert(model, a, g.m, pos, d);
            }
        }
    }
    let todo: Vec<u32> = (0..model.n() as u32)
        .filter(|&a| st.assigned[a as usize].is_none())
        .collect();
    st.repair(model, todo, &mut crate::search::Rng::new(1), 0.0);
    crate::search::polish(model, &mut st, deadline);
    st
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Rng;

    #[test]
    fn seeking_the_path_within_the_limit_at_once_changes_no_relaxed_plan() {
        let mut shortcuts = 0;
        for seed in 1..=8 {
            let inst = crate::tests::random_day(seed, 40);
            let model = Model::new(&inst);
            let remembering = Relaxation::new(&model, true).expect("a small day");
            let fix = vec![Fix::Free; model.n()];
            let mut p = remembering.start();
            let mut rng = Rng::new(seed);
            for _ in 0..30 {
                let with = remembering.solve(&p, &fix);
                shortcuts += remembering
                    .binding
                    .iter()
                    .filter(|b| b.get() > 0 && b.get() < BINDING_SOLVES)
                    .count();
                // A relaxation that remembers nothing: both paths every time.
                let fresh = Relaxation::new(&model, true).expect("a small day");
                let without = fresh.solve(&p, &fix);
                assert!((with.value - without.value).abs() < 1e-6);
                assert_eq!(with.count, without.count);
                assert_eq!(with.work, without.work);
                for a in 0..model.n() {
                    p.lambda[a] = (p.lambda[a] + 300.0 * (rng.unit() - 0.3)).max(0.0);
                }
            }
        }
        assert!(shortcuts > 20, "the shortcut was taken {shortcuts} times");
    }
}
