//! When an offer takes place: a schedule as typed and as checked, and its sessions.

use super::*;
use crate::request::parse_start;
use crate::validation::FieldErrors;
use jiff::Timestamp;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;

/// How sessions are described: single dates, weekly times over a term with exceptions
/// (school holidays), or a daily block in the holidays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    Dates(Vec<Session>),
    Weekly {
        weekdays: Vec<Weekday>,
        start: Time,
        end: Time,
        from: Date,
        until: Date,
        except: Vec<Date>,
    },
    Block {
        from: Date,
        until: Date,
        start: Time,
        end: Time,
        weekends: bool,
    },
}

/// The most sessions one offer may have (a school year of three weekly meetings).
pub const MAX_SESSIONS: usize = 160;

impl Schedule {
    /// The concrete sessions, in order, in local time of `tz` across daylight saving.
    pub fn sessions(&self, tz: &TimeZone) -> Vec<Session> {
        let at = |d: Date, t: Time| d.to_datetime(t).to_zoned(tz.clone()).ok();
        let mut out: Vec<Session> = match self {
            Schedule::Dates(s) => s.clone(),
            Schedule::Weekly {
                weekdays,
                start,
                end,
                from,
                until,
                except,
            } => days(*from, *until)
                .filter(|d| weekdays.contains(&d.weekday()) && !except.contains(d))
                .filter_map(|d| {
                    Some(Session {
                        start: at(d, *start)?.timestamp(),
                        end: at(d, *end)?.timestamp(),
                    })
                })
                .collect(),
            Schedule::Block {
                from,
                until,
                start,
                end,
                weekends,
            } => days(*from, *until)
                .filter(|d| {
                    *weekends || !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
                })
                .filter_map(|d| {
                    Some(Session {
                        start: at(d, *start)?.timestamp(),
                        end: at(d, *end)?.timestamp(),
                    })
                })
                .collect(),
        };
        out.sort();
        out
    }
}

impl Schedule {
    /// The schedule as the form shows it.
    pub fn to_input(&self, tz: &TimeZone) -> ScheduleInput {
        let local = |t: Timestamp| {
            t.to_zoned(tz.clone())
                .datetime()
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let hm = |t: Time| t.strftime("%H:%M").to_string();
        match self {
            Schedule::Dates(s) => ScheduleInput {
                kind: "dates".into(),
                dates: s.iter().map(|x| (local(x.start), local(x.end))).collect(),
                ..Default::default()
            },
            Schedule::Weekly {
                weekdays,
                start,
                end,
                from,
                until,
                except,
            } => ScheduleInput {
                kind: "weekly".into(),
                weekdays: weekdays
                    .iter()
                    .map(|w| weekday_code(*w).to_owned())
                    .collect(),
                start_time: hm(*start),
                end_time: hm(*end),
                from: from.to_string(),
                until: until.to_string(),
                except: except.iter().map(ToString::to_string).collect(),
                ..Default::default()
            },
            Schedule::Block {
                from,
                until,
                start,
                end,
                weekends,
            } => ScheduleInput {
                kind: "block".into(),
                start_time: hm(*start),
                end_time: hm(*end),
                from: from.to_string(),
                until: until.to_string(),
                weekends: *weekends,
                ..Default::default()
            },
        }
    }
}

pub(super) fn days(from: Date, until: Date) -> impl Iterator<Item = Date> {
    let mut next = Some(from);
    std::iter::from_fn(move || {
        let d = next.filter(|d| *d <= until)?;
        next = d.tomorrow().ok();
        Some(d)
    })
    .take(400)
}

/// Weekday codes in forms and the API: `mo`, `tu`, `we`, `th`, `fr`, `sa`, `su`.
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "mo" | "mon" | "monday" => Weekday::Monday,
        "tu" | "tue" | "tuesday" => Weekday::Tuesday,
        "we" | "wed" | "wednesday" => Weekday::Wednesday,
        "th" | "thu" | "thursday" => Weekday::Thursday,
        "fr" | "fri" | "friday" => Weekday::Friday,
        "sa" | "sat" | "saturday" => Weekday::Saturday,
        "su" | "sun" | "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

pub fn weekday_code(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "mo",
        Weekday::Tuesday => "tu",
        Weekday::Wednesday => "we",
        Weekday::Thursday => "th",
        Weekday::Friday => "fr",
        Weekday::Saturday => "sa",
        Weekday::Sunday => "su",
    }
}

/// A schedule as typed: `kind` is `dates`, `weekly` or `block`. Stored as JSON so that
/// the form can show it again as it was entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ScheduleInput {
    pub kind: String,
    /// For `dates`: `(start, end)` as RFC 3339 or local `YYYY-MM-DDTHH:MM`.
    pub dates: Vec<(String, String)>,
    pub weekdays: Vec<String>,
    pub start_time: String,
    pub end_time: String,
    pub from: String,
    pub until: String,
    pub except: Vec<String>,
    pub weekends: bool,
}

pub(super) fn parse_date(e: &mut FieldErrors, field: &str, s: &str) -> Option<Date> {
    parse_with(e, field, s, "invalid-date", crate::dates::parse_date)
}

pub(super) fn parse_time(e: &mut FieldErrors, field: &str, s: &str) -> Option<Time> {
    parse_with(e, field, s, "invalid", crate::dates::parse_time)
}

/// A required value read by `read` (German or ISO forms).
fn parse_with<T>(
    e: &mut FieldErrors,
    field: &str,
    s: &str,
    reason: &'static str,
    read: fn(&str) -> Option<T>,
) -> Option<T> {
    if s.trim().is_empty() {
        e.add(field, "required");
        return None;
    }
    let v = read(s);
    if v.is_none() {
        e.add(field, reason);
    }
    v
}

impl ScheduleInput {
    /// The schedule, when the stored or typed input is valid.
    pub fn parse(&self, tz: &TimeZone) -> Option<Schedule> {
        let mut e = FieldErrors::new();
        self.validate(&mut e, tz).filter(|_| e.is_empty())
    }

    pub(super) fn validate(&self, e: &mut FieldErrors, tz: &TimeZone) -> Option<Schedule> {
        match self.kind.trim() {
            "" | "dates" => {
                let mut out = Vec::new();
                for (i, (s, en)) in self.dates.iter().enumerate() {
                    if s.trim().is_empty() && en.trim().is_empty() {
                        continue;
                    }
                    let start = parse_start(s, tz);
                    let end = parse_start(en, tz);
                    match (start, end) {
                        (None, _) => e.add(format!("sessions.{i}.start"), "invalid-date"),
                        (_, None) => e.add(format!("sessions.{i}.end"), "invalid-date"),
                        (Some(a), Some(b)) if b <= a => {
                            e.add(format!("sessions.{i}.end"), "end-before-start")
                        }
                        (Some(a), Some(b)) if b.duration_since(a).as_hours() > 24 * 21 => {
                            e.add(format!("sessions.{i}.end"), "out-of-range")
                        }
                        (Some(start), Some(end)) => out.push(Session { start, end }),
                    }
                }
                if out.is_empty() && e.iter().all(|(k, _)| !k.starts_with("sessions")) {
                    e.add("sessions", "required");
                }
                if out.len() > MAX_SESSIONS {
                    e.add("sessions", "too-many-items");
                }
                Some(Schedule::Dates(out))
            }
            kind @ ("weekly" | "block") => {
                let from = parse_date(e, "schedule.from", &self.from);
                let until = parse_date(e, "schedule.until", &self.until);
                let start = parse_time(e, "schedule.start_time", &self.start_time);
                let end = parse_time(e, "schedule.end_time", &self.end_time);
                if let (Some(a), Some(b)) = (start, end)
                    && b <= a
                {
                    e.add("schedule.end_time", "end-before-start");
                }
                if let (Some(a), Some(b)) = (from, until)
                    && (b < a || a.until(b).ok()?.get_days() > 366)
                {
                    e.add("schedule.until", "out-of-range");
                }
                let mut except = Vec::new();
                for (i, x) in self.except.iter().enumerate() {
                    if x.trim().is_empty() {
                        continue;
                    }
                    if let Some(d) = parse_date(e, &format!("schedule.except.{i}"), x) {
                        except.push(d);
                    }
                }
                let mut weekdays = Vec::new();
                for w in &self.weekdays {
                    match parse_weekday(w) {
                        Some(d) if !weekdays.contains(&d) => weekdays.push(d),
                        Some(_) => {}
                        None => e.add("schedule.weekdays", "invalid"),
                    }
                }
                if kind == "weekly" && weekdays.is_empty() {
                    e.add("schedule.weekdays", "required");
                }
                let (from, until, start, end) = (from?, until?, start?, end?);
                Some(if kind == "weekly" {
                    Schedule::Weekly {
                        weekdays,
                        start,
                        end,
                        from,
                        until,
                        except,
                    }
                } else {
                    Schedule::Block {
                        from,
                        until,
                        start,
                        end,
                        weekends: self.weekends,
                    }
                })
            }
            _ => {
                e.add("schedule.kind", "invalid");
                None
            }
        }
    }
}
