//! The instance and solution formats of `plan-format.md`, read and checked.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, Deserialize)]
pub struct Travel {
    pub detour_factor: f64,
    pub buffer_min: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MediatorIn {
    pub id: String,
    pub languages: Vec<String>,
    pub gender: String,
    pub home: [f64; 2],
    pub speed_kmh: f64,
    pub available: Vec<[u32; 2]>,
    pub max_work_min: u32,
    pub sectors: Vec<String>,
    pub remote: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AppointmentIn {
    pub id: String,
    pub language: String,
    pub start_min: u32,
    pub duration_min: u32,
    pub location: Option<[f64; 2]>,
    pub sector: String,
    pub gender: Option<String>,
    pub priority: u32,
    #[serde(default)]
    pub excluded: Vec<String>,
    pub preferred: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Instance {
    pub format: String,
    pub name: String,
    pub travel: Travel,
    pub mediators: Vec<MediatorIn>,
    pub appointments: Vec<AppointmentIn>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub appointment: String,
    pub mediator: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Solution {
    pub format: String,
    pub instance: String,
    pub assignments: Vec<Assignment>,
    pub unassigned: Vec<String>,
    /// No feasible plan of the day costs less (`lower_bound == cost` proves the plan optimal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower_bound: Option<u64>,
}

/// Why an instance cannot be planned.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum InstanceError {
    #[error("not a plan instance: {0}")]
    Malformed(String),
    #[error("format must be mittler-plan-instance/1, not {0}")]
    Format(String),
    #[error("duplicate id {0}")]
    DuplicateId(String),
    #[error("appointment {appointment}: unknown mediator {mediator} in {field}")]
    UnknownMediator {
        appointment: String,
        mediator: String,
        field: &'static str,
    },
    #[error(
        "mediator {0}: availability windows must be [start, end) with start < end, sorted and disjoint within 0..1440"
    )]
    Windows(String),
    #[error("appointment {0}: times must lie in 0..1440 with a duration of at least 1")]
    Times(String),
    #[error("{0}: {1}")]
    Value(String, &'static str),
}

/// Reads and checks an instance.
pub fn parse(json: &str) -> Result<Instance, InstanceError> {
    let inst: Instance =
        serde_json::from_str(json).map_err(|e| InstanceError::Malformed(e.to_string()))?;
    check(&inst)?;
    Ok(inst)
}

pub fn check(inst: &Instance) -> Result<(), InstanceError> {
    if inst.format != "mittler-plan-instance/1" {
        return Err(InstanceError::Format(inst.format.clone()));
    }
    if !(inst.travel.detour_factor.is_finite() && inst.travel.detour_factor > 0.0) {
        return Err(InstanceError::Value(
            "travel.detour_factor".into(),
            "must be positive",
        ));
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, m) in inst.mediators.iter().enumerate() {
        if ids.insert(&m.id, i).is_some() {
            return Err(InstanceError::DuplicateId(m.id.clone()));
        }
        if !(m.speed_kmh.is_finite() && m.speed_kmh > 0.0) {
            return Err(InstanceError::Value(
                m.id.clone(),
                "speed_kmh must be positive",
            ));
        }
        let mut last = 0;
        for (k, w) in m.available.iter().enumerate() {
            let [s, e] = *w;
            if s >= e || e > 1440 || (k > 0 && s < last) {
                return Err(InstanceError::Windows(m.id.clone()));
            }
            last = e;
        }
    }
    let mut seen = std::collections::HashSet::new();
    for a in &inst.appointments {
        if !seen.insert(a.id.as_str()) {
            return Err(InstanceError::DuplicateId(a.id.clone()));
        }
        if a.duration_min == 0 || a.start_min >= 1440 || a.start_min + a.duration_min > 1440 {
            return Err(InstanceError::Times(a.id.clone()));
        }
        if !(1..=3).contains(&a.priority) {
            return Err(InstanceError::Value(
                a.id.clone(),
                "priority must be 1, 2 or 3",
            ));
        }
        for (field, m) in a
            .excluded
            .iter()
            .map(|m| ("excluded", m))
            .chain(a.preferred.iter().map(|m| ("preferred", m)))
        {
            if !ids.contains_key(m.as_str()) {
                return Err(InstanceError::UnknownMediator {
                    appointment: a.id.clone(),
                    mediator: m.clone(),
                    field,
                });
            }
        }
    }
    Ok(())
}
