//! A lower bound for a day: no feasible plan costs less.
//!
//! **Lagrangian relaxation.** Two kinds of constraints are moved into the objective with a
//! price: "every appointment at most once" (λ_a ≥ 0 per appointment) and each mediator's
//! daily limit of work (μ_m ≥ 0 per mediator). What is left falls apart into one small
//! problem per mediator: the cheapest route through the appointments they may serve
//! (rules 1-6), where taking an appointment costs its travel (rule 7 decides which
//! appointment may follow which), its continuity break, λ_a and μ_m per minute of work,
//! and earns the penalty of leaving it out. Start times are fixed, so a route is a path
//! in an acyclic graph ordered by start, solved exactly in one pass. For all prices ≥ 0
//! the sum is a lower bound (weak duality); subgradient steps (Polyak's, towards the best
//! plan known) raise it. It is the bound of the linear relaxation of the set-packing
//! model over whole routes, the one column generation would give.
//!
//! Costs are integers, so the bound is rounded up to the next integer.

use crate::Model;
use crate::search::Shared;
use std::sync::atomic::Ordering;
use std::time::Instant;

/// More arcs than this in all mediators' graphs together and no bound is computed (a
/// day of several thousand appointments; about 12 bytes an arc).
const MAX_ARCS: usize = 40_000_000;

/// One mediator's graph: the appointments they may serve, ordered by start, and which may
/// follow which (arcs stored by their head).
struct Graph {
    m: u32,
    apps: Vec<u32>,
    /// Travel from home to the appointment and back.
    home_in: Vec<u32>,
    home_out: Vec<u32>,
    /// Arcs into `apps[j]`: `from[first[j]..first[j + 1]]`, with their travel.
    first: Vec<u32>,
    from: Vec<u32>,
    cost: Vec<u32>,
}

fn graphs(model: &Model) -> Option<Vec<Graph>> {
    let mut by_mediator: Vec<Vec<u32>> = vec![Vec::new(); model.home.len()];
    for (a, cand) in model.cand.iter().enumerate() {
        for &m in cand {
            by_mediator[m as usize].push(a as u32);
        }
    }
    let mut arcs = 0usize;
    let mut out = Vec::new();
    for (m, mut apps) in by_mediator.into_iter().enumerate() {
        if apps.is_empty() {
            continue;
        }
        let m = m as u32;
        apps.sort_by_key(|&a| (model.start[a as usize], model.end[a as usize], a));
        let home = model.home[m as usize];
        let mut g = Graph {
            m,
            home_in: apps
                .iter()
                .map(|&a| model.travel(m, home, model.loc_of(a, m)))
                .collect(),
            home_out: apps
                .iter()
                .map(|&a| model.travel(m, model.loc_of(a, m), home))
                .collect(),
            first: Vec::with_capacity(apps.len() + 1),
            from: Vec::new(),
            cost: Vec::new(),
            apps,
        };
        for j in 0..g.apps.len() {
            g.first.push(g.from.len() as u32);
            let b = g.apps[j];
            let to = model.loc_of(b, m);
            for i in 0..j {
                let a = g.apps[i];
                if model.end[a as usize] > model.start[b as usize] {
                    continue;
                }
                let t = model.travel(m, model.loc_of(a, m), to);
                if model.end[a as usize] + t <= model.start[b as usize] {
                    g.from.push(i as u32);
                    g.cost.push(t);
                }
            }
        }
        g.first.push(g.from.len() as u32);
        arcs += g.from.len();
        if arcs > MAX_ARCS {
            return None;
        }
        out.push(g);
    }
    Some(out)
}

/// The cheapest route of one mediator under the prices `red` (cost of taking each
/// appointment besides travel): its cost (≤ 0; the empty route costs 0) and, in `taken`,
/// the positions on it.
fn cheapest_route(
    g: &Graph,
    red: &[f64],
    best: &mut Vec<f64>,
    pred: &mut Vec<u32>,
    taken: &mut Vec<u32>,
) -> f64 {
    best.clear();
    pred.clear();
    let mut end = (0.0, u32::MAX);
    for (j, &r) in red.iter().enumerate().take(g.apps.len()) {
        let mut b = f64::from(g.home_in[j]);
        let mut p = u32::MAX;
        for e in g.first[j] as usize..g.first[j + 1] as usize {
            let i = g.from[e] as usize;
            let c = best[i] + f64::from(g.cost[e]);
            if c < b {
                b = c;
                p = i as u32;
            }
        }
        let here = b + r;
        best.push(here);
        pred.push(p);
        let total = here + f64::from(g.home_out[j]);
        if total < end.0 {
            end = (total, j as u32);
        }
    }
    taken.clear();
    let mut j = end.1;
    while j != u32::MAX {
        taken.push(j);
        j = pred[j as usize];
    }
    end.0
}

/// Raises the bound until `deadline`, until it meets the best plan known (`best_cost`, kept
/// up to date by the search) or until the steps have shrunk to nothing; publishes every
/// better bound in `bound` and returns the last one.
pub(crate) fn lower_bound(model: &Model, deadline: Instant, shared: &Shared) -> Option<u64> {
    let (best_cost, bound) = (&shared.best_cost, &shared.bound);
    let debug = std::env::var_os("MITTLER_BOUND_DEBUG").is_some();
    let graphs = graphs(model)?;
    let n = model.n();
    let pen: Vec<f64> = (0..n as u32).map(|a| model.penalty(a) as f64).collect();
    let served: Vec<bool> = model.cand.iter().map(|c| !c.is_empty()).collect();
    let fixed: f64 = pen.iter().sum();
    // Start with each appointment priced just under what leaving it out costs.
    let mut lambda: Vec<f64> = (0..n)
        .map(|a| if served[a] { 0.9 * pen[a] } else { 0.0 })
        .collect();
    // The daily limit is priced per share of the limit (work / limit - 1), so that its
    // subgradient is of the same scale as the appointments' (a count minus one).
    let limit: Vec<f64> = graphs
        .iter()
        .map(|g| f64::from(model.max_work[g.m as usize].max(1)))
        .collect();
    let mut mu = vec![0.0f64; graphs.len()];
    let mut count = vec![0i32; n];
    let mut work = vec![0u32; graphs.len()];
    // The direction: the subgradient deflected by the last one (fewer zig-zags).
    let mut dir_a = vec![0.0f64; n];
    let mut dir_m = vec![0.0f64; graphs.len()];
    let (mut best, mut pred, mut taken, mut red) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut theta = 1.0f64;
    let mut since_better = 0u32;
    let mut top = f64::NEG_INFINITY;
    let mut iter = 0u64;
    loop {
        iter += 1;
        count.iter_mut().for_each(|c| *c = 0);
        let mut value = fixed - lambda.iter().sum::<f64>() - mu.iter().sum::<f64>();
        for (gi, g) in graphs.iter().enumerate() {
            red.clear();
            red.extend(g.apps.iter().map(|&a| {
                let a = a as usize;
                lambda[a]
                    + mu[gi] * f64::from(model.dur[a]) / limit[gi]
                    + model.continuity(a as u32, g.m) as f64
                    - pen[a]
            }));
            value += cheapest_route(g, &red, &mut best, &mut pred, &mut taken);
            work[gi] = 0;
            for &j in &taken {
                let a = g.apps[j as usize] as usize;
                count[a] += 1;
                work[gi] += model.dur[a];
            }
        }
        let upper = best_cost.load(Ordering::Relaxed).min(fixed as u64) as f64;
        if value > top + 1e-9 {
            top = value;
            since_better = 0;
            let lb = (value - 1e-3).ceil().max(0.0) as u64;
            bound.fetch_max(lb, Ordering::Relaxed);
        } else {
            since_better += 1;
            if since_better >= 20 {
                theta /= 2.0;
                since_better = 0;
            }
        }
        let proven = bound.load(Ordering::Relaxed);
        if proven as f64 >= upper || theta < 1e-4 || Instant::now() >= deadline {
            return Some(proven);
        }
        // The subgradient, projected onto the prices' bounds, deflected.
        let mut norm = 0.0;
        for a in 0..n {
            let g = f64::from(count[a] - 1);
            let g = if !served[a] || (g < 0.0 && lambda[a] <= 0.0) {
                0.0
            } else {
                g
            };
            dir_a[a] = g + 0.3 * dir_a[a];
            norm += dir_a[a] * dir_a[a];
        }
        for gi in 0..graphs.len() {
            let g = f64::from(work[gi]) / limit[gi] - 1.0;
            let g = if g < 0.0 && mu[gi] <= 0.0 { 0.0 } else { g };
            dir_m[gi] = g + 0.3 * dir_m[gi];
            norm += dir_m[gi] * dir_m[gi];
        }
        if norm <= 1e-12 {
            // The relaxed plan keeps every relaxed rule: this is the dual's optimum.
            return Some(bound.load(Ordering::Relaxed));
        }
        let step = theta * (upper - value).max(1.0) / norm;
        for a in 0..n {
            lambda[a] = (lambda[a] + step * dir_a[a]).max(0.0);
        }
        for gi in 0..graphs.len() {
            mu[gi] = (mu[gi] + step * dir_m[gi]).max(0.0);
        }
        if debug && iter.is_multiple_of(50) {
            eprintln!("bound {iter}: {value:.1} (best {top:.1}, upper {upper}, theta {theta})");
        }
    }
}
