//! Interpreting now (`remote.md`): calls by video or phone to the mediators on call, as
//! pure rules: what a call needs, who may take it, how long it ran, and the figures.

use crate::billing::price::call_minutes;
use crate::language::LanguageCode;
use crate::matching::{Booked, GenderPreference, Need, Reason, check};
use crate::mediator::{Mediator, Sector};
use crate::request::{Mode, gender_preference};
use crate::validation::{FieldErrors, Validated, optional_text, phone};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use uuid::Uuid;

/// Seconds a call rings before it counts as missed, unless the centre sets another time.
pub const DEFAULT_ANSWER_S: i32 = 120;

/// Minutes a call is expected to hold its mediator: a mediator with an appointment that
/// begins sooner is not told of it (video and phone sessions run 6-15 minutes).
pub const CALL_BLOCK_MIN: u32 = 15;

/// How far ahead a mediator may go on call at once.
pub const MAX_ON_CALL_HOURS: i64 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CallStatus {
    Ringing,
    Connected,
    Missed,
    Ended,
    /// Nobody on call could serve it: refused at once (kept for the figures).
    Nobody,
}

impl CallStatus {
    pub const ALL: [CallStatus; 5] = [
        CallStatus::Ringing,
        CallStatus::Connected,
        CallStatus::Missed,
        CallStatus::Ended,
        CallStatus::Nobody,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CallStatus::Ringing => "ringing",
            CallStatus::Connected => "connected",
            CallStatus::Missed => "missed",
            CallStatus::Ended => "ended",
            CallStatus::Nobody => "nobody",
        }
    }

    pub fn parse(s: &str) -> Option<CallStatus> {
        CallStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A call as typed or sent, before validation.
#[derive(Debug, Clone, Default)]
pub struct CallInput {
    pub mode: String,
    pub language: String,
    pub sector: String,
    pub gender_preference: String,
    pub gender: Option<String>,
    pub client_ref: Option<String>,
    pub callback_phone: Option<String>,
}

/// A validated call.
#[derive(Debug, Clone, PartialEq)]
pub struct CallDraft {
    /// Phone or video.
    pub mode: Mode,
    pub language: LanguageCode,
    pub sector: Sector,
    pub gender: GenderPreference,
    pub client_ref: Option<String>,
    pub callback_phone: Option<String>,
}

fn required_or(value: &str, otherwise: &'static str) -> &'static str {
    if value.trim().is_empty() {
        "required"
    } else {
        otherwise
    }
}

impl CallInput {
    pub fn validate(&self) -> Validated<CallDraft> {
        let mut e = FieldErrors::new();
        let mode = Mode::parse(self.mode.trim()).filter(|m| *m != Mode::Onsite);
        if mode.is_none() {
            e.add("mode", required_or(&self.mode, "invalid"));
        }
        let language = LanguageCode::parse(&self.language);
        if language.is_none() {
            e.add("language", required_or(&self.language, "unknown-language"));
        }
        let sector = Sector::parse(self.sector.trim());
        if sector.is_none() {
            e.add("sector", required_or(&self.sector, "invalid"));
        }
        let gender = gender_preference(&mut e, &self.gender_preference, self.gender.as_deref());
        let client_ref = optional_text(&mut e, "client_ref", self.client_ref.as_deref(), 40);
        let callback = self
            .callback_phone
            .as_deref()
            .map(|p| phone(&mut e, "callback_phone", p))
            .filter(|p| !p.is_empty());
        match (mode, language, sector) {
            (Some(mode), Some(language), Some(sector)) if e.is_empty() => Ok(CallDraft {
                mode,
                language,
                sector,
                gender,
                client_ref,
                callback_phone: callback,
            }),
            _ => Err(e),
        }
    }
}

/// A call as matching sees it: what it needs, and the centre's local moment it rings.
#[derive(Debug, Clone)]
pub struct Ring {
    pub language: String,
    pub sector: Sector,
    pub gender: GenderPreference,
    pub date: Date,
    /// 1 = Monday .. 7 = Sunday.
    pub weekday: u8,
    /// Minutes after local midnight.
    pub minute: u32,
}

/// Whether a mediator on call may take a call: the matching rules of appointments
/// without travel (language, sector, a gender that must be, remote capability, absence,
/// and no appointment within [`CALL_BLOCK_MIN`]). Being on call stands for the weekly
/// availability and the day's workload, which are the mediator's own wishes.
pub fn may_take(m: &Mediator, ring: &Ring, day: &[Booked]) -> Result<(), Vec<Reason>> {
    let need = Need {
        id: Uuid::nil(),
        language: ring.language.clone(),
        sector: ring.sector,
        gender: ring.gender,
        location: None,
        date: ring.date,
        weekday: ring.weekday,
        start_min: ring.minute,
        duration_min: CALL_BLOCK_MIN
            .min(1440u32.saturating_sub(ring.minute))
            .max(1),
        excluded: Vec::new(),
        preferred: None,
    };
    match check(m, &need, day) {
        Ok(_) => Ok(()),
        Err(reasons) => {
            let hard: Vec<Reason> = reasons
                .into_iter()
                .filter(|r| !matches!(r, Reason::Availability | Reason::Workload | Reason::Travel))
                .collect();
            if hard.is_empty() { Ok(()) } else { Err(hard) }
        }
    }
}

/// Whole seconds between answer and end (never negative).
pub fn duration_s(answered: Timestamp, ended: Timestamp) -> i64 {
    (ended.as_second() - answered.as_second()).max(0)
}

/// When an on-call time ends: RFC 3339, or `HH:MM` meaning today in the centre's zone.
/// It must lie after `now` and at most [`MAX_ON_CALL_HOURS`] ahead.
pub fn on_call_until(
    input: &str,
    now: Timestamp,
    tz: &jiff::tz::TimeZone,
) -> Result<Timestamp, &'static str> {
    let s = input.trim();
    if s.is_empty() {
        return Err("required");
    }
    let until = match s.parse::<Timestamp>() {
        Ok(t) => t,
        Err(_) => {
            let min = crate::mediator::parse_hhmm(s).ok_or("invalid-datetime")?;
            let today = now.to_zoned(tz.clone()).date();
            let at = today
                .at(i8::try_from(min / 60).unwrap_or(0), 0, 0, 0)
                .to_zoned(tz.clone())
                .map_err(|_| "invalid-datetime")?
                .timestamp();
            at.checked_add(jiff::SignedDuration::from_mins(i64::from(min % 60)))
                .map_err(|_| "invalid-datetime")?
        }
    };
    if until <= now {
        return Err("not-in-future");
    }
    if until.as_second() - now.as_second() > MAX_ON_CALL_HOURS * 3600 {
        return Err("too-far");
    }
    Ok(until)
}

/// One call as the figures see it.
#[derive(Debug, Clone)]
pub struct CallFact {
    pub language: String,
    /// The local hour of day it was made (0-23).
    pub hour: u8,
    pub status: CallStatus,
    /// Seconds from the (last) ring to the answer.
    pub answer_s: Option<i64>,
    pub duration_s: Option<i64>,
}

/// On-call time of one mediator: their languages and the seconds on call in the period.
#[derive(Debug, Clone)]
pub struct OnCallFact {
    pub languages: Vec<String>,
    pub seconds: i64,
}

/// Figures of one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageCalls {
    pub language: String,
    pub calls: u32,
    pub answered: u32,
    pub missed: u32,
    /// Refused at once because nobody on call could serve them.
    pub nobody: u32,
    pub minutes: i64,
    pub on_call_hours: f64,
    pub median_answer_s: Option<i64>,
    pub p90_answer_s: Option<i64>,
}

/// The call figures of a period (`remote.md`, Figures).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallFigures {
    pub calls: u32,
    pub answered: u32,
    /// Missed or refused for nobody on call, in percent of all calls.
    pub missed_pct: f64,
    pub minutes: i64,
    pub median_answer_s: Option<i64>,
    pub p90_answer_s: Option<i64>,
    /// Calls per local hour of day.
    pub by_hour: Vec<u32>,
    pub by_language: Vec<LanguageCalls>,
}

/// The nearest-rank percentile `p` (0-100) of sorted values.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (u64::from(p) * sorted.len() as u64).div_ceil(100).max(1) as usize;
    sorted.get(rank - 1).copied()
}

fn answer_times(calls: &[&CallFact]) -> Vec<i64> {
    let mut v: Vec<i64> = calls.iter().filter_map(|c| c.answer_s).collect();
    v.sort_unstable();
    v
}

fn is_answered(c: &CallFact) -> bool {
    matches!(c.status, CallStatus::Connected | CallStatus::Ended) && c.answer_s.is_some()
}

/// Counts calls per language and hour, times to answer, the share missed and the
/// minutes; and sets the on-call hours of each language beside its calls.
pub fn figures(calls: &[CallFact], on_call: &[OnCallFact]) -> CallFigures {
    let mut languages: Vec<String> = calls.iter().map(|c| c.language.clone()).collect();
    languages.extend(on_call.iter().flat_map(|o| o.languages.iter().cloned()));
    languages.sort();
    languages.dedup();
    let minutes = |cs: &[&CallFact]| -> i64 {
        cs.iter()
            .filter_map(|c| c.duration_s)
            .map(call_minutes)
            .sum()
    };
    let by_language = languages
        .into_iter()
        .map(|l| {
            let own: Vec<&CallFact> = calls.iter().filter(|c| c.language == l).collect();
            let times = answer_times(&own);
            let seconds: i64 = on_call
                .iter()
                .filter(|o| o.languages.contains(&l))
                .map(|o| o.seconds)
                .sum();
            LanguageCalls {
                calls: own.len() as u32,
                answered: own.iter().filter(|c| is_answered(c)).count() as u32,
                missed: own
                    .iter()
                    .filter(|c| c.status == CallStatus::Missed)
                    .count() as u32,
                nobody: own
                    .iter()
                    .filter(|c| c.status == CallStatus::Nobody)
                    .count() as u32,
                minutes: minutes(&own),
                on_call_hours: (seconds as f64 / 360.0).round() / 10.0,
                median_answer_s: percentile(&times, 50),
                p90_answer_s: percentile(&times, 90),
                language: l,
            }
        })
        .collect();
    let all: Vec<&CallFact> = calls.iter().collect();
    let times = answer_times(&all);
    let mut by_hour = vec![0u32; 24];
    for c in calls {
        if let Some(h) = by_hour.get_mut(usize::from(c.hour)) {
            *h += 1;
        }
    }
    let unreached = calls
        .iter()
        .filter(|c| matches!(c.status, CallStatus::Missed | CallStatus::Nobody))
        .count();
    CallFigures {
        calls: calls.len() as u32,
        answered: calls.iter().filter(|c| is_answered(c)).count() as u32,
        missed_pct: if calls.is_empty() {
            0.0
        } else {
            (unreached as f64 * 1000.0 / calls.len() as f64).round() / 10.0
        },
        minutes: minutes(&all),
        median_answer_s: percentile(&times, 50),
        p90_answer_s: percentile(&times, 90),
        by_hour,
        by_language,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::mediator::{Gender, Home, LanguageSkill, Level};

    fn input(mode: &str) -> CallInput {
        CallInput {
            mode: mode.into(),
            language: "tir".into(),
            sector: "medical".into(),
            gender_preference: "none".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_call_is_by_phone_or_video_and_names_each_bad_field() {
        let ok = input("video").validate().unwrap();
        assert_eq!(ok.mode, Mode::Video);
        assert_eq!(ok.language.as_str(), "tir");
        let e = input("onsite").validate().unwrap_err();
        assert_eq!(e.get("mode"), Some("invalid"));
        let mut bad = input("");
        bad.language = "xx-not".into();
        bad.sector = "space".into();
        bad.callback_phone = Some("call me maybe".into());
        let e = bad.validate().unwrap_err();
        assert_eq!(e.get("mode"), Some("required"));
        assert_eq!(e.get("language"), Some("unknown-language"));
        assert_eq!(e.get("sector"), Some("invalid"));
        assert_eq!(e.get("callback_phone"), Some("invalid-phone"));
        let mut empty_phone = input("phone");
        empty_phone.callback_phone = Some("  ".into());
        assert_eq!(empty_phone.validate().unwrap().callback_phone, None);
    }

    fn mediator(languages: &[&str], remote: bool) -> Mediator {
        Mediator {
            id: Uuid::new_v4(),
            name: "M".into(),
            email: "m@example.org".into(),
            phone: String::new(),
            gender: Gender::Female,
            languages: languages
                .iter()
                .map(|c| LanguageSkill {
                    code: LanguageCode::parse(c).unwrap(),
                    level: Level::Native,
                })
                .collect(),
            sectors: vec![Sector::Medical],
            home: Home {
                lat: 51.45,
                lon: 7.0,
            },
            remote,
            speed_kmh: 20,
            max_work_min_per_day: 0,
            availability: Vec::new(),
            absences: Vec::new(),
            qualified_on: None,
            pledge_signed_on: None,
            active: true,
        }
    }

    fn ring(minute: u32) -> Ring {
        Ring {
            language: "tir".into(),
            sector: Sector::Medical,
            gender: GenderPreference::None,
            date: jiff::civil::date(2027, 3, 3),
            weekday: 3,
            minute,
        }
    }

    #[test]
    fn on_call_stands_for_availability_but_not_for_language_or_remote() {
        // No weekly availability and no workload left: on call, they may still take it.
        assert_eq!(may_take(&mediator(&["tir"], true), &ring(600), &[]), Ok(()));
        assert_eq!(
            may_take(&mediator(&["ara"], true), &ring(600), &[]),
            Err(vec![Reason::Language])
        );
        assert_eq!(
            may_take(&mediator(&["tir"], false), &ring(600), &[]),
            Err(vec![Reason::Remote])
        );
        // An appointment beginning within the quarter hour keeps them off the call.
        let soon = Booked {
            start_min: 610,
            duration_min: 60,
            location: None,
        };
        assert_eq!(
            may_take(&mediator(&["tir"], true), &ring(600), &[soon]),
            Err(vec![Reason::Overlap])
        );
        assert_eq!(
            may_take(&mediator(&["tir"], true), &ring(560), &[soon]),
            Ok(())
        );
        // Just before midnight the call still fits the day.
        assert_eq!(
            may_take(&mediator(&["tir"], true), &ring(1439), &[]),
            Ok(())
        );
    }

    #[test]
    fn on_call_until_a_time_today_or_an_instant_within_a_day() {
        let tz = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
        let now: Timestamp = "2027-03-03T09:00:00Z".parse().unwrap(); // 10:00 local
        assert_eq!(
            on_call_until("14:00", now, &tz).unwrap(),
            "2027-03-03T13:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert_eq!(on_call_until("09:30", now, &tz), Err("not-in-future"));
        assert_eq!(on_call_until("25:00", now, &tz), Err("invalid-datetime"));
        assert_eq!(on_call_until("", now, &tz), Err("required"));
        assert_eq!(
            on_call_until("2027-03-05T09:00:00Z", now, &tz),
            Err("too-far")
        );
        assert!(on_call_until("2027-03-04T08:00:00+01:00", now, &tz).is_ok());
    }

    #[test]
    fn durations_are_whole_seconds_billed_as_started_minutes() {
        let a: Timestamp = "2027-03-03T09:00:00Z".parse().unwrap();
        let b: Timestamp = "2027-03-03T09:07:01Z".parse().unwrap();
        assert_eq!(duration_s(a, b), 421);
        assert_eq!(duration_s(b, a), 0);
        assert_eq!(call_minutes(421), 8);
        assert_eq!(call_minutes(420), 7);
    }

    #[test]
    fn figures_count_answers_misses_and_on_call_hours() {
        let fact = |language: &str, hour, status, answer_s, duration_s| CallFact {
            language: language.into(),
            hour,
            status,
            answer_s,
            duration_s,
        };
        let calls = vec![
            fact("tir", 9, CallStatus::Ended, Some(10), Some(600)),
            fact("tir", 9, CallStatus::Ended, Some(30), Some(61)),
            fact("tir", 10, CallStatus::Missed, None, None),
            fact("ara", 22, CallStatus::Ended, Some(100), Some(300)),
            fact("prs", 22, CallStatus::Nobody, None, None),
        ];
        let on_call = vec![
            OnCallFact {
                languages: vec!["tir".into(), "ara".into()],
                seconds: 7200,
            },
            OnCallFact {
                languages: vec!["ukr".into()],
                seconds: 1800,
            },
        ];
        let f = figures(&calls, &on_call);
        assert_eq!(f.calls, 5);
        assert_eq!(f.answered, 3);
        assert_eq!(f.missed_pct, 40.0);
        assert_eq!(f.minutes, 10 + 2 + 5);
        assert_eq!(f.median_answer_s, Some(30));
        assert_eq!(f.p90_answer_s, Some(100));
        assert_eq!(f.by_hour[9], 2);
        assert_eq!(f.by_hour[22], 2);
        let tir = f.by_language.iter().find(|l| l.language == "tir").unwrap();
        assert_eq!((tir.calls, tir.answered, tir.missed), (3, 2, 1));
        assert_eq!(tir.on_call_hours, 2.0);
        let prs = f.by_language.iter().find(|l| l.language == "prs").unwrap();
        assert_eq!((prs.nobody, prs.on_call_hours), (1, 0.0));
        let ukr = f.by_language.iter().find(|l| l.language == "ukr").unwrap();
        assert_eq!((ukr.calls, ukr.on_call_hours), (0, 0.5));
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[7], 90), Some(7));
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&v, 50), Some(5));
        assert_eq!(percentile(&v, 90), Some(9));
        assert_eq!(percentile(&v, 100), Some(10));
    }
}
