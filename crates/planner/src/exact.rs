//! Closing the gap on small days. Where the Lagrangian bound stays below the best plan
//! (a fractional relaxation: two mediators want the same appointment), a depth-first
//! branch-and-bound fixes appointments one by one (to each mediator who may serve it, or
//! left out), bounds every branch by the relaxation with its fixings (prices warm-started
//! from the parent) and prunes what cannot beat the best plan. A search that runs out of
//! branches proves the best plan optimal; one that runs out of time proves nothing more.

use crate::bound::{Fix, Prices, Relaxation, Relaxed, rounded};
use crate::search::Shared;
use crate::{Model, State};
use std::sync::atomic::Ordering;
use std::time::Instant;

/// Days up to this many appointments are worth a proof.
pub(crate) const MAX_APPOINTMENTS: usize = 150;

/// A relaxed plan that keeps every rule, as a plan.
fn plan_of(model: &Model, relax: &Relaxation, r: &Relaxed) -> Option<State> {
    if r.count.iter().any(|&c| c > 1) {
        return None;
    }
    let mut st = State::empty(model);
    for (g, route) in relax.graphs.iter().zip(&r.routes) {
        for &a in route {
            let (delta, pos) = st.insertion(model, a, g.m)?;
            st.insert(model, a, g.m, pos, delta);
        }
    }
    Some(st)
}

/// The appointment to branch on: one two mediators want, else one left out that the
/// prices say is worth serving, else one on a route over its daily limit, else any still
/// free (`None`: every appointment is fixed, the branch holds one plan at most).
fn branch_on(relax: &Relaxation, r: &Relaxed, fix: &[Fix], p: &Prices) -> Option<usize> {
    let free = |a: &usize| fix[*a] == Fix::Free && !relax.model.cand[*a].is_empty();
    let n = fix.len();
    if let Some(a) = (0..n)
        .filter(free)
        .filter(|&a| r.count[a] > 1)
        .max_by_key(|&a| r.count[a])
    {
        return Some(a);
    }
    if let Some(a) = (0..n)
        .filter(free)
        .filter(|&a| r.count[a] == 0 && p.lambda[a] > 1e-6)
        .max_by(|&a, &b| p.lambda[a].total_cmp(&p.lambda[b]))
    {
        return Some(a);
    }
    relax
        .graphs
        .iter()
        .enumerate()
        .filter(|(gi, _)| f64::from(r.work[*gi]) > relax.limit[*gi])
        .flat_map(|(gi, _)| r.routes[gi].iter().map(|&a| a as usize))
        .find(|a| free(a))
        // Else any appointment still free: a branch is only dropped when it is decided.
        .or_else(|| (0..n).find(free))
}

/// Tries to prove the best plan optimal (publishing the proof in `shared.bound`); returns
/// a plan better than the search's if it finds one.
pub(crate) fn close(
    relax: &Relaxation,
    root_value: f64,
    root: Prices,
    deadline: Instant,
    shared: &Shared,
) -> Option<State> {
    let model = relax.model;
    let n = model.n();
    if n > MAX_APPOINTMENTS || rounded(root_value) >= shared.best_cost.load(Ordering::Relaxed) {
        return None;
    }
    // Which graphs (mediators) may take each appointment.
    let mut graphs_of: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (gi, g) in relax.graphs.iter().enumerate() {
        for &a in &g.apps {
            graphs_of[a as usize].push(gi as u32);
        }
    }
    let mut found: Option<State> = None;
    let mut stack = vec![(vec![Fix::Free; n], root)];
    while let Some((fix, mut p)) = stack.pop() {
        if Instant::now() >= deadline || shared.searched.load(Ordering::Relaxed) {
            return found;
        }
        let best = shared.best_cost.load(Ordering::Relaxed);
        let upper = || shared.best_cost.load(Ordering::Relaxed) as f64;
        // Full Polyak steps (θ = 1, as at the root): with a tenth of them the branches
        // near the best plan climbed too slowly to be pruned, and 8 of 36 runs of three
        // small days ended unproven at their second; with θ = 1 none of 135 runs over
        // every small day, at most 0.08 s.
        let r = relax.ascend(&mut p, &fix, 60, deadline, &upper, 1.0);
        if rounded(r.value) >= best {
            continue;
        }
        if let Some(st) = plan_of(model, relax, &r)
            && st.cost < best
        {
            shared.best_cost.fetch_min(st.cost, Ordering::Relaxed);
            let proven = rounded(r.value) >= st.cost;
            found = Some(st);
            if proven {
                continue;
            }
        }
        let Some(a) = branch_on(relax, &r, &fix, &p) else {
            continue;
        };
        // The children, the relaxation's own choice popped first: each mediator who may
        // serve it, then left out.
        let mut order: Vec<u32> = graphs_of[a].clone();
        order.sort_by_key(|&gi| !r.routes[gi as usize].contains(&(a as u32)));
        let mut children = vec![Fix::Out];
        children.extend(order.iter().rev().map(|&gi| Fix::To(gi)));
        for c in children {
            let mut f = fix.clone();
            f[a] = c;
            stack.push((f, p.clone()));
        }
    }
    // Every branch is pruned or solved: nothing beats the best plan.
    let best = shared.best_cost.load(Ordering::Relaxed);
    shared.bound.fetch_max(best, Ordering::Relaxed);
    found
}
