//! One mediator's graph of the relaxation and the cheapest routes through it: without the
//! daily limit, and within it (the work done as a second coordinate). See `super`.

// The loops walk several vectors indexed by position together.
#![allow(clippy::needless_range_loop)]

use crate::Model;

/// More arcs than this in all mediators' graphs together and no bound is computed (a
/// day of several thousand appointments; about 12 bytes an arc).
const MAX_ARCS: usize = 40_000_000;

/// One mediator's graph: the appointments they may serve, ordered by start, and which may
/// follow which (arcs stored by their head).
pub(crate) struct Graph {
    pub(crate) m: u32,
    pub(crate) apps: Vec<u32>,
    /// Travel from home to the appointment and back.
    pub(super) home_in: Vec<u32>,
    pub(super) home_out: Vec<u32>,
    /// Arcs into `apps[j]`: `from[first[j]..first[j + 1]]`, with their travel.
    pub(super) first: Vec<u32>,
    pub(super) from: Vec<u32>,
    pub(super) cost: Vec<u32>,
    /// Each appointment's duration in the model's unit (the work coordinate of
    /// `cheapest_route_limited`).
    pub(super) units: Vec<usize>,
}

pub(super) fn graphs(model: &Model) -> Option<Vec<Graph>> {
    let mut by_mediator: Vec<Vec<u32>> = vec![Vec::new(); model.home.len()];
    for (a, cand) in model.cand.iter().enumerate() {
        for &m in cand {
            by_mediator[m as usize].push(a as u32);
        }
    }
    // At most k(k-1)/2 arcs in a graph of k appointments: a day far above the limit by this
    // count is not even begun (an xl day would fill memory before it is known to be too large).
    let most: usize = by_mediator
        .iter()
        .map(|v| v.len() * v.len().saturating_sub(1) / 2)
        .sum();
    if most > 8 * MAX_ARCS {
        return None;
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
            units: apps
                .iter()
                .map(|&a| model.dur[a as usize].div_ceil(model.unit) as usize)
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
/// the positions on it (found backwards, as in `cheapest_route_limited`).
pub(super) fn cheapest_route(
    g: &Graph,
    red: &[f64],
    best: &mut Vec<f64>,
    taken: &mut Vec<u32>,
) -> f64 {
    best.clear();
    let mut end = (0.0, usize::MAX);
    for (j, &r) in red.iter().enumerate().take(g.apps.len()) {
        let arcs = g.first[j] as usize..g.first[j + 1] as usize;
        let b = g.from[arcs.clone()].iter().zip(&g.cost[arcs]).fold(
            f64::from(g.home_in[j]),
            |b, (&i, &c)| {
                let v = best[i as usize] + f64::from(c);
                if v < b { v } else { b }
            },
        );
        let here = b + r;
        best.push(here);
        let total = here + f64::from(g.home_out[j]);
        if total < end.0 {
            end = (total, j);
        }
    }
    taken.clear();
    let mut j = end.1;
    while j != usize::MAX {
        taken.push(j as u32);
        let (r, here) = (red[j], best[j]);
        let arcs = g.first[j] as usize..g.first[j + 1] as usize;
        // The way in that gave the least: from home, else an arc of that sum.
        j = if f64::from(g.home_in[j]) + r == here {
            usize::MAX
        } else {
            arcs.map(|e| (g.from[e] as usize, f64::from(g.cost[e])))
                .find(|&(i, c)| (best[i] + c) + r == here)
                .map_or(usize::MAX, |(i, _)| i)
        };
    }
    end.0
}

/// `cheapest_route` within the daily limit: the same paths, with the work done so far (in
/// the graph's `units` of the model's unit, at most `w_max`) as a second coordinate. `best` is indexed
/// by (position, work); `taken` gets the positions as before.
///
/// The inner loop keeps only the least cost of each (position, work), a minimum over two
/// slices that the compiler turns into vector instructions; the path is found afterwards,
/// backwards, by the arc whose sum gives that least cost again (the same additions in the
/// same order, so the same bits). Keeping the predecessor in the loop instead, with its
/// branch, took about a third of the planner's time on 400-request days.
pub(super) fn cheapest_route_limited(
    g: &Graph,
    red: &[f64],
    w_max: usize,
    best: &mut Vec<f64>,
    reach: &mut Vec<(usize, usize)>,
    taken: &mut Vec<u32>,
) -> f64 {
    let (width, units) = (w_max + 1, &g.units);
    let k = g.apps.len();
    best.clear();
    best.resize(k * width, f64::INFINITY);
    // The work each row may have reached: `reach[j].0..=reach[j].1` (none: empty).
    reach.clear();
    let mut end = (0.0, usize::MAX, 0usize);
    for j in 0..k {
        let (u, r) = (units[j], red[j]);
        if u > w_max || !r.is_finite() {
            reach.push((1, 0));
            continue;
        }
        let at = j * width;
        // The rows of the appointments before `j` (all arcs come from them), and `j`'s.
        let (done, row) = best.split_at_mut(at);
        let row = &mut row[..width];
        row[u] = f64::from(g.home_in[j]) + r;
        let mut top = u;
        for e in g.first[j] as usize..g.first[j + 1] as usize {
            let i = g.from[e] as usize;
            let (lo, hi) = (reach[i].0, reach[i].1.min(w_max - u));
            if lo > hi {
                continue;
            }
            top = top.max(hi + u);
            let c = f64::from(g.cost[e]) + r;
            let src = &done[i * width + lo..=i * width + hi];
            for (d, &s) in row[lo + u..].iter_mut().zip(src) {
                let v = s + c;
                *d = if v < *d { v } else { *d };
            }
        }
        reach.push((u, top));
        let span = &row[u..=top];
        let least = least_of(span);
        let total = least + f64::from(g.home_out[j]);
        if total < end.0 {
            let w = u + span.iter().position(|&b| b == least).unwrap_or(0);
            end = (total, j, w);
        }
    }
    taken.clear();
    let (mut j, mut w) = (end.1, end.2);
    while j != usize::MAX {
        taken.push(j as u32);
        let (u, r) = (units[j], red[j]);
        let here = best[j * width + w];
        if w == u && here == f64::from(g.home_in[j]) + r {
            break;
        }
        let before = w - u;
        let arcs = g.first[j] as usize..g.first[j + 1] as usize;
        j = arcs
            .map(|e| (g.from[e] as usize, f64::from(g.cost[e]) + r))
            .find(|&(i, c)| best[i * width + before] + c == here)
            .map_or(usize::MAX, |(i, _)| i);
        w = before;
    }
    end.0
}

/// The least of `v` (∞ if empty), in four independent lanes (a minimum may be taken in any
/// order; one running minimum waits on the last at every element).
fn least_of(v: &[f64]) -> f64 {
    let min = |a: f64, b: f64| if b < a { b } else { a };
    let mut lanes = [f64::INFINITY; 4];
    let chunks = v.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        for (l, &x) in lanes.iter_mut().zip(c) {
            *l = min(*l, x);
        }
    }
    let rest = rest.iter().fold(f64::INFINITY, |m, &x| min(m, x));
    min(min(lanes[0], lanes[1]), min(min(lanes[2], lanes[3]), rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Rng;

    /// The cost of taking the positions `route` (in order of start) of `g` under `red`, if
    /// they may follow each other.
    fn route_cost(g: &Graph, red: &[f64], route: &[usize]) -> Option<f64> {
        let (&first, &last) = (route.first()?, route.last()?);
        let mut cost = f64::from(g.home_in[first]) + f64::from(g.home_out[last]);
        for pair in route.windows(2) {
            let arcs = g.first[pair[1]] as usize..g.first[pair[1] + 1] as usize;
            let e = arcs.into_iter().find(|&e| g.from[e] as usize == pair[0])?;
            cost += f64::from(g.cost[e]);
        }
        Some(cost + route.iter().map(|&j| red[j]).sum::<f64>())
    }

    #[test]
    fn the_cheapest_routes_with_and_without_the_daily_limit_are_those_of_trying_every_route() {
        let (mut best, mut reach, mut taken) = (Vec::new(), Vec::new(), Vec::new());
        let mut limit_bound = 0;
        for seed in 1..=12 {
            let inst = crate::tests::random_day(seed, 14);
            let model = Model::new(&inst);
            let mut rng = Rng::new(seed);
            for g in graphs(&model).expect("a small day") {
                let k = g.apps.len();
                assert!(k <= 14);
                let units: Vec<usize> = g
                    .apps
                    .iter()
                    .map(|&a| model.dur[a as usize].div_ceil(model.unit) as usize)
                    .collect();
                let w_max = (model.max_work[g.m as usize] / model.unit) as usize;
                for _ in 0..4 {
                    // Prices that make most appointments worth taking, some not.
                    let red: Vec<f64> = (0..k).map(|_| -1500.0 * rng.unit() + 200.0).collect();
                    let (mut free, mut limited) = (0.0f64, 0.0f64);
                    for set in 0u32..1 << k {
                        let route: Vec<usize> = (0..k).filter(|j| set >> j & 1 == 1).collect();
                        if let Some(c) = route_cost(&g, &red, &route) {
                            free = free.min(c);
                            if route.iter().map(|&j| units[j]).sum::<usize>() <= w_max {
                                limited = limited.min(c);
                            }
                        }
                    }
                    limit_bound += usize::from(limited > free + 1e-6);
                    let check = |value: f64, taken: &[u32], want: f64, keep: bool| {
                        assert!((value - want).abs() < 1e-6, "{value} against {want}");
                        let route: Vec<usize> = taken.iter().rev().map(|&j| j as usize).collect();
                        let again = if route.is_empty() {
                            0.0
                        } else {
                            route_cost(&g, &red, &route).expect("the route found may be driven")
                        };
                        assert!(
                            (again - value).abs() < 1e-6,
                            "route costs {again}, not {value}"
                        );
                        if keep {
                            assert!(route.iter().map(|&j| units[j]).sum::<usize>() <= w_max);
                        }
                    };
                    let v = cheapest_route(&g, &red, &mut best, &mut taken);
                    check(v, &taken, free, false);
                    let v =
                        cheapest_route_limited(&g, &red, w_max, &mut best, &mut reach, &mut taken);
                    check(v, &taken, limited, true);
                }
            }
        }
        assert!(
            limit_bound > 10,
            "the daily limit mattered {limit_bound} times"
        );
    }
}
