//! What is allowed and what it costs, apart from the solver: the candidate lists from
//! the domain's matching rules, and an evaluation of a finished plan from the words of
//! `plan-format.md` alone.

use crate::instance::{self, Instance, Solution};
use crate::{Model, point};
use mittler_domain::language::LanguageCode;
use mittler_domain::matching::{self, GenderPreference, Need};
use mittler_domain::mediator::{
    Gender, Home, LanguageSkill, Level, Mediator, Sector, WeeklyWindow,
};

/// A mediator of the file as the domain knows mediators, for the domain's rules. Codes
/// the domain does not know (languages, sectors) are left out: they match nothing.
fn domain_mediator(i: usize, m: &instance::MediatorIn) -> Option<Mediator> {
    let window = |w: &[u32; 2]| WeeklyWindow {
        weekday: PLAN_WEEKDAY,
        start_min: u16::try_from(w[0]).unwrap_or(u16::MAX),
        end_min: u16::try_from(w[1]).unwrap_or(u16::MAX),
    };
    Some(Mediator {
        id: plan_id(0, i),
        name: m.id.clone(),
        email: String::new(),
        phone: String::new(),
        gender: Gender::parse(&m.gender)?,
        languages: m
            .languages
            .iter()
            .filter_map(|l| LanguageCode::parse(l))
            .map(|code| LanguageSkill {
                code,
                level: Level::Working,
            })
            .collect(),
        sectors: m.sectors.iter().filter_map(|s| Sector::parse(s)).collect(),
        home: Home {
            lat: m.home[0],
            lon: m.home[1],
        },
        remote: m.remote,
        speed_kmh: 20,
        max_work_min_per_day: u16::try_from(m.max_work_min).unwrap_or(u16::MAX),
        availability: m.available.iter().map(window).collect(),
        absences: Vec::new(),
        qualified_on: None,
        pledge_signed_on: None,
        active: true,
    })
}

/// The planned day, for the domain's weekly windows: the file's windows are that day's.
const PLAN_WEEKDAY: u8 = 1;

/// A stable id for the `i`-th mediator (`kind` 0) or appointment (`kind` 1) of a file.
fn plan_id(kind: u128, i: usize) -> uuid::Uuid {
    uuid::Uuid::from_u128((kind << 64) | i as u128)
}

/// Who may serve each appointment: the domain's rules (`matching::check`, implemented
/// once for the candidates panel and the planner) for the appointment alone, which are
/// rules 1-6 of `plan-format.md` and the daily limit; the day's other appointments are
/// the solver's business.
pub(crate) fn candidate_lists(inst: &Instance) -> Vec<Vec<u32>> {
    let ids: std::collections::HashMap<&str, usize> = inst
        .mediators
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let pool: Vec<Option<Mediator>> = inst
        .mediators
        .iter()
        .enumerate()
        .map(|(i, m)| domain_mediator(i, m))
        .collect();
    let day = jiff::civil::date(2027, 3, 1); // a Monday: PLAN_WEEKDAY
    inst.appointments
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let gender = match a.gender.as_deref() {
                None => Some(GenderPreference::None),
                Some(g) => Gender::parse(g).map(GenderPreference::Must),
            };
            let (Some(sector), Some(gender)) = (Sector::parse(&a.sector), gender) else {
                return Vec::new();
            };
            let need = Need {
                id: plan_id(1, k),
                language: a.language.clone(),
                sector,
                gender,
                location: a.location.map(point),
                date: day,
                weekday: PLAN_WEEKDAY,
                start_min: a.start_min,
                duration_min: a.duration_min,
                excluded: a
                    .excluded
                    .iter()
                    .filter_map(|e| ids.get(e.as_str()))
                    .map(|&i| plan_id(0, i))
                    .collect(),
                preferred: None,
            };
            pool.iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.as_ref()
                        .is_some_and(|m| matching::check(m, &need, &[]).is_ok())
                })
                .map(|(i, _)| i as u32)
                .collect()
        })
        .collect()
}

/// The objective of a solution (and whether it is feasible), computed from scratch from
/// the words of `plan-format.md`: it shares no code with the solver's model (its
/// candidate lists, insertion and cost bookkeeping), so that it catches their mistakes.
pub fn evaluate(inst: &Instance, sol: &Solution) -> Result<u64, String> {
    use std::collections::{HashMap, HashSet};
    let apps: HashMap<&str, &instance::AppointmentIn> = inst
        .appointments
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let meds: HashMap<&str, &instance::MediatorIn> =
        inst.mediators.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut routes: HashMap<&str, Vec<&instance::AppointmentIn>> = HashMap::new();
    let mut cost: u64 = 0;
    for asg in &sol.assignments {
        let a = *apps
            .get(asg.appointment.as_str())
            .ok_or_else(|| format!("unknown appointment {}", asg.appointment))?;
        let m = *meds
            .get(asg.mediator.as_str())
            .ok_or_else(|| format!("unknown mediator {}", asg.mediator))?;
        if !seen.insert(a.id.as_str()) {
            return Err(format!("{} appears twice", a.id));
        }
        let end = a.start_min + a.duration_min;
        let rules = [
            (m.languages.contains(&a.language), "language"),
            (m.sectors.contains(&a.sector), "sector"),
            (a.gender.as_ref().is_none_or(|g| *g == m.gender), "gender"),
            (!a.excluded.contains(&m.id), "excluded"),
            (a.location.is_some() || m.remote, "remote"),
            (
                m.available
                    .iter()
                    .any(|w| w[0] <= a.start_min && end <= w[1]),
                "availability",
            ),
        ];
        if let Some((_, rule)) = rules.iter().find(|(ok, _)| !ok) {
            return Err(format!("{} cannot serve {} ({rule})", m.id, a.id));
        }
        if a.preferred.as_ref().is_some_and(|p| *p != m.id) {
            cost += 60;
        }
        routes.entry(m.id.as_str()).or_default().push(a);
    }
    for id in &sol.unassigned {
        let a = *apps
            .get(id.as_str())
            .ok_or_else(|| format!("unknown appointment {id}"))?;
        if !seen.insert(a.id.as_str()) {
            return Err(format!("{} appears twice", a.id));
        }
        cost += 1000 * u64::from(a.priority);
    }
    if seen.len() != inst.appointments.len() {
        return Err("an appointment is missing".into());
    }
    let travel = |m: &instance::MediatorIn, p: [f64; 2], q: [f64; 2]| -> u64 {
        if p == q {
            return 0;
        }
        let (p1, p2) = (p[0].to_radians(), q[0].to_radians());
        let h = ((p2 - p1) / 2.0).sin().powi(2)
            + p1.cos() * p2.cos() * ((q[1] - p[1]).to_radians() / 2.0).sin().powi(2);
        let d = 2.0 * 6371.0088 * h.sqrt().min(1.0).asin();
        let t = (d * inst.travel.detour_factor / m.speed_kmh * 60.0 - 1e-9).ceil();
        t.max(0.0) as u64 + u64::from(inst.travel.buffer_min)
    };
    for (id, mut route) in routes {
        let m = *meds.get(id).ok_or("unknown mediator")?;
        route.sort_by_key(|a| a.start_min);
        let loc = |a: &instance::AppointmentIn| a.location.unwrap_or(m.home);
        let worked: u64 = route.iter().map(|a| u64::from(a.duration_min)).sum();
        if worked > u64::from(m.max_work_min) {
            return Err(format!(
                "{id} works {worked} minutes, more than {}",
                m.max_work_min
            ));
        }
        let mut here = m.home;
        let mut free_at: Option<u64> = None;
        for a in &route {
            let t = travel(m, here, loc(a));
            if free_at.is_some_and(|f| f + t > u64::from(a.start_min)) {
                return Err(format!("{id} cannot reach {} in time", a.id));
            }
            cost += t;
            here = loc(a);
            free_at = Some(u64::from(a.start_min + a.duration_min));
        }
        cost += travel(m, here, m.home);
    }
    Ok(cost)
}

/// Who may serve each appointment by rules 1-6, as mediator ids (for comparisons with
/// the application's candidates).
pub fn candidates(inst: &Instance) -> Vec<(String, Vec<String>)> {
    let model = Model::new(inst);
    inst.appointments
        .iter()
        .zip(&model.cand)
        .map(|(a, c)| {
            (
                a.id.clone(),
                c.iter()
                    .filter_map(|&m| inst.mediators.get(m as usize))
                    .map(|m| m.id.clone())
                    .collect(),
            )
        })
        .collect()
}

/// The parts of a solution's cost: `1000 * unserved_weight + travel_min + 60 * breaks`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Costs {
    /// The summed priority of the appointments left unserved.
    pub unserved_weight: u64,
    /// Minutes travelled.
    pub travel_min: u64,
    /// Appointments given to someone other than their preferred mediator.
    pub breaks: u64,
}

/// The parts of a solution's cost.
pub fn breakdown(inst: &Instance, sol: &Solution) -> Costs {
    let weight: u64 = inst
        .appointments
        .iter()
        .filter(|a| sol.unassigned.contains(&a.id))
        .map(|a| u64::from(a.priority))
        .sum();
    let breaks = sol
        .assignments
        .iter()
        .filter(|x| {
            inst.appointments
                .iter()
                .find(|a| a.id == x.appointment)
                .and_then(|a| a.preferred.as_ref())
                .is_some_and(|p| *p != x.mediator)
        })
        .count() as u64;
    let total = evaluate(inst, sol).unwrap_or(0);
    let travel = total.saturating_sub(1000 * weight + 60 * breaks);
    Costs {
        unserved_weight: weight,
        travel_min: travel,
        breaks,
    }
}
