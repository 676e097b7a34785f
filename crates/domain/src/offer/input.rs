//! An offer as typed in the form or the API, and as checked.

use super::*;
use crate::request::parse_start;
use crate::validation::{FieldErrors, Validated, coordinates, optional_text, required_text};
use jiff::tz::TimeZone;
use std::collections::BTreeMap;

/// Title and description as typed, per language.
#[derive(Debug, Clone, Default)]
pub struct TextInput {
    pub lang: String,
    pub title: String,
    pub description: String,
}

/// An offer as typed in the form or sent to the API.
#[derive(Debug, Clone, Default)]
pub struct OfferInput {
    pub texts: Vec<TextInput>,
    pub category: String,
    pub target_groups: Vec<String>,
    pub age_min: Option<i64>,
    pub age_max: Option<i64>,
    pub languages: Vec<String>,
    pub place_name: String,
    pub address: String,
    pub district: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub accessibility: Option<String>,
    pub schedule: ScheduleInput,
    pub cost_cents: Option<i64>,
    pub cost_note: Option<String>,
    pub capacity: Option<i64>,
    pub registration: String,
    pub lottery_at: Option<String>,
    /// `(target group, seats)` kept for a group in a lottery.
    pub quotas: Vec<(String, i64)>,
}

/// A checked offer.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferDraft {
    pub texts: BTreeMap<String, (String, String)>,
    pub category: Category,
    pub target_groups: Vec<TargetGroup>,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub languages: Vec<String>,
    pub venue: Venue,
    pub schedule: Schedule,
    pub sessions: Vec<Session>,
    pub cost_cents: u32,
    pub cost_note: Option<String>,
    pub capacity: u32,
    pub registration: Registration,
    pub quotas: Vec<(TargetGroup, u32)>,
}

pub const MAX_CAPACITY: i64 = 10_000;

impl OfferInput {
    /// Checks every field; `tz` is the centre's time zone for local dates and times.
    pub fn validate(&self, tz: &TimeZone) -> Validated<OfferDraft> {
        let mut e = FieldErrors::new();
        let mut texts = BTreeMap::new();
        for t in &self.texts {
            let lang = t.lang.trim();
            if !is_text_lang(lang) {
                e.add(format!("title.{lang}"), "unknown-language");
                continue;
            }
            let title_blank = t.title.trim().is_empty();
            let desc_blank = t.description.trim().is_empty();
            if lang != "de" && title_blank && desc_blank {
                continue;
            }
            let title = required_text(&mut e, &format!("title.{lang}"), &t.title, 120);
            let description =
                required_text(&mut e, &format!("description.{lang}"), &t.description, 5000);
            texts.insert(lang.to_owned(), (title, description));
        }
        if !texts.contains_key("de") && e.get("title.de").is_none() {
            e.add("title.de", "required");
        }
        let category = Category::parse(&self.category);
        if category.is_none() {
            e.add(
                "category",
                if self.category.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                },
            );
        }
        let mut target_groups = Vec::new();
        for g in &self.target_groups {
            match TargetGroup::parse(g) {
                Some(g) if !target_groups.contains(&g) => target_groups.push(g),
                Some(_) => {}
                None => e.add("target_groups", "invalid"),
            }
        }
        if target_groups.is_empty() {
            e.add("target_groups", "required");
        }
        let age = |e: &mut FieldErrors, f: &str, v: Option<i64>| {
            v.and_then(|a| {
                let ok = u8::try_from(a).ok().filter(|a| *a <= 120);
                if ok.is_none() {
                    e.add(f, "out-of-range");
                }
                ok
            })
        };
        let age_min = age(&mut e, "age_min", self.age_min);
        let age_max = age(&mut e, "age_max", self.age_max);
        if let (Some(a), Some(b)) = (age_min, age_max)
            && b < a
        {
            e.add("age_max", "out-of-range");
        }
        let mut languages = Vec::new();
        for l in &self.languages {
            match crate::language::lookup(l.trim()) {
                Some(found) => {
                    let code = found.code.to_owned();
                    if !languages.contains(&code) {
                        languages.push(code);
                    }
                }
                None => e.add("languages", "unknown-language"),
            }
        }
        if languages.is_empty() {
            languages.push("deu".to_owned());
        }
        let name = required_text(&mut e, "place.name", &self.place_name, 120);
        let address = required_text(&mut e, "place.address", &self.address, 200);
        let district = optional_text(&mut e, "place.district", self.district.as_deref(), 80);
        let accessibility = optional_text(
            &mut e,
            "place.accessibility",
            self.accessibility.as_deref(),
            500,
        );
        let (lat, lon) = match (self.lat, self.lon) {
            (Some(lat), Some(lon)) => {
                coordinates(&mut e, "place.", lat, lon);
                (lat, lon)
            }
            _ => {
                e.add("place.lat", "required");
                (0.0, 0.0)
            }
        };
        let schedule = self.schedule.validate(&mut e, tz);
        let sessions = schedule
            .as_ref()
            .map(|s| s.sessions(tz))
            .unwrap_or_default();
        if sessions.len() > MAX_SESSIONS {
            e.add("sessions", "too-many-items");
        }
        if schedule.is_some() && sessions.is_empty() && e.iter().all(|(k, _)| !k.starts_with("s")) {
            e.add("sessions", "required");
        }
        let cost_cents = match self.cost_cents {
            None => 0,
            Some(c) => u32::try_from(c)
                .ok()
                .filter(|c| *c <= 100_000)
                .unwrap_or_else(|| {
                    e.add("cost", "out-of-range");
                    0
                }),
        };
        let cost_note = optional_text(&mut e, "cost_note", self.cost_note.as_deref(), 200);
        let capacity = match self.capacity {
            Some(c) if (1..=MAX_CAPACITY).contains(&c) => u32::try_from(c).unwrap_or(1),
            Some(_) => {
                e.add("capacity", "out-of-range");
                1
            }
            None => {
                e.add("capacity", "required");
                1
            }
        };
        let lottery_at = self
            .lottery_at
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let registration = match self.registration.trim() {
            "" | "none" => Some(Registration::None),
            "first_come" => Some(Registration::FirstCome),
            "lottery" => match lottery_at.map(|s| parse_start(s, tz)) {
                Some(Some(at)) => {
                    if sessions.first().is_some_and(|s| s.start <= at) {
                        e.add("lottery_at", "after-start");
                    }
                    Some(Registration::Lottery { at })
                }
                Some(None) => {
                    e.add("lottery_at", "invalid-date");
                    None
                }
                None => {
                    e.add("lottery_at", "required");
                    None
                }
            },
            _ => {
                e.add("registration", "invalid");
                None
            }
        };
        let mut quotas = Vec::new();
        let mut reserved: i64 = 0;
        for (g, n) in &self.quotas {
            if g.trim().is_empty() || *n == 0 {
                continue;
            }
            match (TargetGroup::parse(g), u32::try_from(*n)) {
                (Some(g), Ok(n)) if !quotas.iter().any(|(q, _)| *q == g) => {
                    reserved += i64::from(n);
                    quotas.push((g, n));
                }
                (None, _) => e.add("quotas", "invalid"),
                _ => e.add("quotas", "out-of-range"),
            }
        }
        if reserved > i64::from(capacity) {
            e.add("quotas", "out-of-range");
        }
        if !quotas.is_empty() && !matches!(registration, Some(Registration::Lottery { .. })) {
            e.add("quotas", "lottery-only");
        }
        let (Some(category), Some(schedule), Some(registration)) =
            (category, schedule, registration)
        else {
            return Err(e);
        };
        e.finish(OfferDraft {
            texts,
            category,
            target_groups,
            age_min,
            age_max,
            languages,
            venue: Venue {
                name,
                address,
                district,
                lat,
                lon,
                accessibility,
            },
            schedule,
            sessions,
            cost_cents,
            cost_note,
            capacity,
            registration,
            quotas,
        })
    }
}
