//! Requests (Einsatzanfragen): what an institution asks for, and the legal ways its status moves.

use crate::language::LanguageCode;
use crate::matching::{GenderPreference, Point};
use crate::mediator::{Gender, Sector};
use crate::validation::{FieldErrors, Validated, optional_text};
use jiff::Timestamp;
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Invited,
    Confirmed,
    Completed,
    Cancelled,
    Unfilled,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Open,
        Status::Invited,
        Status::Confirmed,
        Status::Completed,
        Status::Cancelled,
        Status::Unfilled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Invited => "invited",
            Status::Confirmed => "confirmed",
            Status::Completed => "completed",
            Status::Cancelled => "cancelled",
            Status::Unfilled => "unfilled",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// No further change is possible.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Completed | Status::Cancelled | Status::Unfilled
        )
    }
}

/// What happens to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Invitations were sent.
    Invite,
    /// The last open invitation was declined, expired or withdrawn.
    InvitationsClosed,
    /// A mediator accepted an invitation.
    Accept,
    /// The coordinator assigned a mediator directly.
    Assign,
    /// The confirmed mediator dropped out.
    DropOut,
    Cancel,
    /// The institution confirmed the time sheet.
    Complete,
    /// The start passed without a confirmed mediator.
    StartPassed,
    /// Time or duration changed before anyone was confirmed: open again, invitations withdrawn.
    Reschedule,
    /// One mediator declined while others are still invited (the status stays).
    Decline,
    /// An on-site request nobody could come to became a video (or phone) request.
    Convert,
    /// Re-planning the day took the confirmed mediator off (out for the day, or needed
    /// elsewhere): open again for the new plan's invitation.
    Replan,
}

impl Event {
    pub const ALL: [Event; 12] = [
        Event::Invite,
        Event::InvitationsClosed,
        Event::Accept,
        Event::Assign,
        Event::DropOut,
        Event::Cancel,
        Event::Complete,
        Event::StartPassed,
        Event::Reschedule,
        Event::Decline,
        Event::Convert,
        Event::Replan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::Invite => "invite",
            Event::InvitationsClosed => "invitations_closed",
            Event::Accept => "accept",
            Event::Assign => "assign",
            Event::DropOut => "drop_out",
            Event::Cancel => "cancel",
            Event::Complete => "complete",
            Event::StartPassed => "start_passed",
            Event::Reschedule => "reschedule",
            Event::Decline => "decline",
            Event::Convert => "convert",
            Event::Replan => "replan",
        }
    }
}

/// The state machine of `domain.md`: the next status, or `None` when the event is illegal.
pub fn next(from: Status, event: Event) -> Option<Status> {
    use Event as E;
    use Status as S;
    match (from, event) {
        (S::Open | S::Invited, E::Invite) => Some(S::Invited),
        (S::Invited, E::InvitationsClosed) => Some(S::Open),
        (S::Invited, E::Accept) => Some(S::Confirmed),
        (S::Open | S::Invited, E::Assign) => Some(S::Confirmed),
        (S::Confirmed, E::DropOut | E::Replan) => Some(S::Open),
        (S::Open | S::Invited | S::Confirmed, E::Cancel) => Some(S::Cancelled),
        (S::Confirmed, E::Complete) => Some(S::Completed),
        (S::Open | S::Invited, E::StartPassed) => Some(S::Unfilled),
        (S::Open | S::Invited, E::Reschedule) => Some(S::Open),
        (S::Invited, E::Decline) => Some(S::Invited),
        (S::Open | S::Invited, E::Convert) => Some(S::Open),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Onsite,
    Phone,
    Video,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Onsite => "onsite",
            Mode::Phone => "phone",
            Mode::Video => "video",
        }
    }
    pub fn parse(s: &str) -> Option<Mode> {
        [Mode::Onsite, Mode::Phone, Mode::Video]
            .into_iter()
            .find(|m| m.as_str() == s)
    }
}

/// Who cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CancelledBy {
    Institution,
    Mediator,
    Centre,
}

impl CancelledBy {
    pub fn as_str(self) -> &'static str {
        match self {
            CancelledBy::Institution => "institution",
            CancelledBy::Mediator => "mediator",
            CancelledBy::Centre => "centre",
        }
    }
}

/// A cancellation by the institution inside the notice period is billable.
pub fn cancellation_billable(
    by: CancelledBy,
    now: Timestamp,
    start: Timestamp,
    notice_hours: i64,
) -> bool {
    by == CancelledBy::Institution && start.as_second() - now.as_second() < notice_hours * 3600
}

/// A request as typed into the form or sent to the API, before validation.
#[derive(Debug, Clone, Default)]
pub struct RequestInput {
    pub place_id: Option<Uuid>,
    pub mode: String,
    pub language: String,
    pub sector: String,
    pub start: String,
    pub duration_min: Option<i64>,
    /// `none`, `wish` or `must`.
    pub gender_preference: String,
    pub gender: Option<String>,
    pub priority: Option<i64>,
    pub client_ref: Option<String>,
    pub preferred_mediator_id: Option<Uuid>,
    pub notes: Option<String>,
}

/// A validated request, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestDraft {
    pub place_id: Option<Uuid>,
    pub mode: Mode,
    pub language: LanguageCode,
    pub sector: Sector,
    pub start: Timestamp,
    pub duration_min: u32,
    pub gender: GenderPreference,
    pub priority: u8,
    pub client_ref: Option<String>,
    pub preferred_mediator_id: Option<Uuid>,
    pub notes: Option<String>,
}

/// Parses a start as RFC 3339 with offset, or as a local time in `tz`:
/// `YYYY-MM-DDTHH:MM` or German (`6.3.27 10:00`).
pub fn parse_start(s: &str, tz: &jiff::tz::TimeZone) -> Option<Timestamp> {
    let s = s.trim();
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    let dt = crate::dates::parse_date_time(s)?;
    dt.to_zoned(tz.clone()).ok().map(|z| z.timestamp())
}

/// A gender preference as typed (`none`, `wish` or `must`, with the gender); a wrong
/// value names its field in `e`.
pub fn gender_preference(
    e: &mut FieldErrors,
    preference: &str,
    gender: Option<&str>,
) -> GenderPreference {
    match (preference.trim(), gender.map(str::trim)) {
        ("" | "none", _) => GenderPreference::None,
        (kind @ ("wish" | "must"), Some(g)) => match Gender::parse(g) {
            Some(g) if kind == "wish" => GenderPreference::Wish(g),
            Some(g) => GenderPreference::Must(g),
            None => {
                e.add("gender", "invalid");
                GenderPreference::None
            }
        },
        ("wish" | "must", None) => {
            e.add("gender", "required");
            GenderPreference::None
        }
        _ => {
            e.add("gender_preference", "invalid");
            GenderPreference::None
        }
    }
}

impl RequestInput {
    /// Validates against `now`: the start must lie in the future.
    pub fn validate(&self, now: Timestamp, tz: &jiff::tz::TimeZone) -> Validated<RequestDraft> {
        let mut e = FieldErrors::new();
        let mode = Mode::parse(self.mode.trim());
        if mode.is_none() {
            e.add(
                "mode",
                if self.mode.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                },
            );
        }
        if mode == Some(Mode::Onsite) && self.place_id.is_none() {
            e.add("place_id", "required");
        }
        let language = LanguageCode::parse(&self.language);
        if language.is_none() {
            e.add(
                "language",
                if self.language.trim().is_empty() {
                    "required"
                } else {
                    "unknown-language"
                },
            );
        }
        let sector = Sector::parse(self.sector.trim());
        if sector.is_none() {
            e.add(
                "sector",
                if self.sector.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                },
            );
        }
        let start = if self.start.trim().is_empty() {
            e.add("start", "required");
            None
        } else {
            match parse_start(&self.start, tz) {
                Some(t) if t > now => Some(t),
                Some(_) => {
                    e.add("start", "not-in-future");
                    None
                }
                None => {
                    e.add("start", "invalid-datetime");
                    None
                }
            }
        };
        let duration_min = match self.duration_min {
            Some(d) if (15..=480).contains(&d) => u32::try_from(d).unwrap_or(60),
            Some(_) => {
                e.add("duration_min", "duration-range");
                60
            }
            None => {
                e.add("duration_min", "required");
                60
            }
        };
        let gender = gender_preference(&mut e, &self.gender_preference, self.gender.as_deref());
        let priority = match self.priority {
            None => 1,
            Some(p @ 1..=3) => u8::try_from(p).unwrap_or(1),
            Some(_) => {
                e.add("priority", "out-of-range");
                1
            }
        };
        let client_ref = optional_text(&mut e, "client_ref", self.client_ref.as_deref(), 40);
        let notes = optional_text(&mut e, "notes", self.notes.as_deref(), 2000);
        match (mode, language, sector, start) {
            (Some(mode), Some(language), Some(sector), Some(start)) if e.is_empty() => {
                Ok(RequestDraft {
                    place_id: if mode == Mode::Onsite {
                        self.place_id
                    } else {
                        None
                    },
                    mode,
                    language,
                    sector,
                    start,
                    duration_min,
                    gender,
                    priority,
                    client_ref,
                    preferred_mediator_id: self.preferred_mediator_id,
                    notes,
                })
            }
            _ => Err(e),
        }
    }
}

/// A generated pseudonymous client reference such as `K-2026-4F7Q`: no names needed.
pub fn client_ref(year: i16, random: u32) -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut r = random;
    let mut code = String::new();
    for _ in 0..5 {
        let i = (r % 32) as usize;
        code.push(ALPHABET.get(i).map(|b| *b as char).unwrap_or('X'));
        r /= 32;
    }
    format!("K-{year}-{code}")
}

/// The location of a request: the place, or none for remote.
pub fn location(mode: Mode, place: Option<Point>) -> Option<Point> {
    if mode == Mode::Onsite { place } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tz() -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::get("Europe/Berlin").unwrap()
    }

    fn now() -> Timestamp {
        "2026-11-25T09:00:00Z".parse().unwrap()
    }

    fn input() -> RequestInput {
        RequestInput {
            place_id: Some(Uuid::from_u128(5)),
            mode: "onsite".into(),
            language: "tir".into(),
            sector: "medical".into(),
            start: "2026-12-01T09:00".into(),
            duration_min: Some(60),
            gender_preference: "wish".into(),
            gender: Some("f".into()),
            priority: Some(2),
            client_ref: Some("K-2026-0042".into()),
            preferred_mediator_id: None,
            notes: None,
        }
    }

    #[test]
    fn a_valid_request_is_in_local_time() {
        let d = input().validate(now(), &tz()).unwrap();
        assert_eq!(
            d.start.to_string(),
            "2026-12-01T08:00:00Z",
            "09:00 in Berlin is 08:00 UTC in winter"
        );
        assert_eq!(d.gender, GenderPreference::Wish(Gender::Female));
    }

    #[test]
    fn field_errors() {
        let mut i = input();
        i.start = "2026-11-01T09:00".into();
        i.duration_min = Some(500);
        i.language = "xx".into();
        i.place_id = None;
        i.gender_preference = "must".into();
        i.gender = None;
        let e = i.validate(now(), &tz()).unwrap_err();
        assert_eq!(e.get("start"), Some("not-in-future"));
        assert_eq!(e.get("duration_min"), Some("duration-range"));
        assert_eq!(e.get("language"), Some("unknown-language"));
        assert_eq!(e.get("place_id"), Some("required"));
        assert_eq!(e.get("gender"), Some("required"));
        let mut i = input();
        i.mode = "phone".into();
        i.place_id = None;
        assert!(i.validate(now(), &tz()).is_ok(), "phone needs no place");
    }

    #[test]
    fn billable_only_for_late_cancellation_by_the_institution() {
        let start: Timestamp = "2026-12-01T08:00:00Z".parse().unwrap();
        let late: Timestamp = "2026-11-30T10:00:00Z".parse().unwrap();
        let early: Timestamp = "2026-11-29T10:00:00Z".parse().unwrap();
        assert!(cancellation_billable(
            CancelledBy::Institution,
            late,
            start,
            24
        ));
        assert!(!cancellation_billable(
            CancelledBy::Institution,
            early,
            start,
            24
        ));
        assert!(!cancellation_billable(
            CancelledBy::Mediator,
            late,
            start,
            24
        ));
        assert!(!cancellation_billable(CancelledBy::Centre, late, start, 24));
    }

    #[test]
    fn client_refs_look_right() {
        let r = client_ref(2026, 123_456);
        assert!(r.starts_with("K-2026-") && r.len() == 12, "{r}");
        assert_ne!(client_ref(2026, 1), client_ref(2026, 2));
    }

    proptest! {
        #[test]
        fn final_states_stay_final(events in proptest::collection::vec(0u8..8, 0..40)) {
            let all = [Event::Invite, Event::InvitationsClosed, Event::Accept, Event::Assign, Event::DropOut,
                       Event::Cancel, Event::Complete, Event::StartPassed, Event::Reschedule];
            let mut s = Status::Open;
            for e in events {
                let ev = all[usize::from(e) % all.len()];
                if let Some(n) = next(s, ev) {
                    prop_assert!(!s.is_final(), "{s:?} moved on {ev:?}");
                    if n == Status::Completed {
                        prop_assert_eq!(s, Status::Confirmed);
                    }
                    s = n;
                }
            }
        }
    }
}
