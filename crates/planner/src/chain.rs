//! Ejection chains: an appointment left out takes the place of one or two on a
//! mediator's day, and those move on to another mediator (pushing out at most one more,
//! which moves or is left out in turn). A chain is kept when the plan gets cheaper; it
//! serves more (or more important) appointments where removal and reinsertion would have
//! to be lucky to find the same three steps.

use crate::{Model, State};

/// A change to the plan, to be undone in reverse.
enum Op {
    In(u32),
    Out(u32, u32),
}

struct Log(Vec<Op>);

impl Log {
    fn insert(&mut self, model: &Model, st: &mut State, a: u32, m: u32) -> bool {
        match st.insertion(model, a, m) {
            Some((d, pos)) => {
                st.insert(model, a, m, pos, d);
                self.0.push(Op::In(a));
                true
            }
            None => false,
        }
    }

    fn remove(&mut self, model: &Model, st: &mut State, a: u32) {
        if let Some(m) = st.assigned[a as usize] {
            st.remove(model, a);
            self.0.push(Op::Out(a, m));
        }
    }

    fn undo_to(&mut self, model: &Model, st: &mut State, mark: usize) {
        while self.0.len() > mark {
            match self.0.pop() {
                Some(Op::In(a)) => st.remove(model, a),
                Some(Op::Out(a, m)) => {
                    if let Some((d, pos)) = st.insertion(model, a, m) {
                        st.insert(model, a, m, pos, d);
                    }
                }
                None => break,
            }
        }
    }
}

/// Puts `a` on `m`'s day, removing the neighbours in its way (at most `most`, the nearer
/// in time first); the removed, or `None` with nothing changed.
fn force(
    model: &Model,
    st: &mut State,
    log: &mut Log,
    a: u32,
    m: u32,
    most: usize,
) -> Option<Vec<u32>> {
    let mark = log.0.len();
    let mut out = Vec::new();
    loop {
        if log.insert(model, st, a, m) {
            return Some(out);
        }
        let r = &st.route[m as usize];
        let pos = r.partition_point(|x| x.start < model.start[a as usize]);
        let prev = pos.checked_sub(1).and_then(|p| r.get(p)).map(|x| x.a);
        let next = r.get(pos).map(|x| x.a);
        let gap = |x: Option<u32>, later: bool| {
            x.map(|x| {
                if later {
                    i64::from(model.start[x as usize]) - i64::from(model.end[a as usize])
                } else {
                    i64::from(model.start[a as usize]) - i64::from(model.end[x as usize])
                }
            })
        };
        // The tighter neighbour is in the way (or, over the daily limit, either).
        let victim = match (gap(prev, false), gap(next, true)) {
            (Some(p), Some(q)) => {
                if p <= q {
                    prev
                } else {
                    next
                }
            }
            _ => prev.or(next),
        };
        match victim {
            Some(v) if out.len() < most => {
                log.remove(model, st, v);
                out.push(v);
            }
            _ => {
                log.undo_to(model, st, mark);
                return None;
            }
        }
    }
}

/// The cheapest place for `b` (which was served before and is not now): directly, else by
/// pushing one appointment out of another mediator's day (which then goes where it can).
/// Leaves `b` out if neither works.
fn rehome(model: &Model, st: &mut State, log: &mut Log, b: u32, not: u32) {
    if let (Some((_, m, _)), _) = st.best_two(model, b) {
        log.insert(model, st, b, m);
        return;
    }
    let mut best: Option<(u64, u32)> = None;
    for &m in &model.cand[b as usize] {
        if m == not {
            continue;
        }
        let mark = log.0.len();
        if let Some(out) = force(model, st, log, b, m, 1) {
            for c in out {
                if let (Some((_, mc, _)), _) = st.best_two(model, c) {
                    log.insert(model, st, c, mc);
                }
            }
            if best.is_none_or(|(cost, _)| st.cost < cost) {
                best = Some((st.cost, m));
            }
        }
        log.undo_to(model, st, mark);
    }
    if let Some((_, m)) = best
        && let Some(out) = force(model, st, log, b, m, 1)
    {
        for c in out {
            if let (Some((_, mc, _)), _) = st.best_two(model, c) {
                log.insert(model, st, c, mc);
            }
        }
    }
}

/// Tries a chain for every appointment left out (the most important first); keeps those
/// that make the plan cheaper. Returns whether any did.
pub(crate) fn eject(model: &Model, st: &mut State) -> bool {
    let mut out: Vec<u32> = (0..model.n() as u32)
        .filter(|&a| st.assigned[a as usize].is_none())
        .collect();
    out.sort_by_key(|&a| std::cmp::Reverse(model.prio[a as usize]));
    let mut log = Log(Vec::new());
    let mut improved = false;
    for a in out {
        for &m in &model.cand[a as usize] {
            if st.assigned[a as usize].is_some() {
                break;
            }
            let before = st.cost;
            log.0.clear();
            if let Some(pushed) = force(model, st, &mut log, a, m, 2) {
                for b in pushed {
                    rehome(model, st, &mut log, b, m);
                }
                if st.cost < before {
                    improved = true;
                } else {
                    log.undo_to(model, st, 0);
                }
            }
        }
    }
    improved
}
