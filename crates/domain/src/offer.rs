//! Integration offers of partner organisations: texts per language with outdated marks,
//! categories and target groups, places, sessions, registration modes and the review workflow.

use crate::request::parse_start;
use crate::validation::{FieldErrors, Validated, coordinates, optional_text, required_text};
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};
use std::collections::BTreeMap;

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $code:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s.trim() { $($code => Some($name::$variant),)* _ => None }
            }
        }
    };
}

code_enum! {
    /// What kind of offer it is; the catalogue filters by it.
    Category {
        Sport => "sport",
        Swimming => "swimming",
        PlayMovement => "play",
        Language => "language",
        Counselling => "counselling",
        School => "school",
        Culture => "culture",
        Professionals => "professionals",
        Meeting => "meeting",
    }
}

code_enum! {
    /// Whom an offer is for; lottery quotas are kept per target group.
    TargetGroup {
        Children => "children",
        Youth => "youth",
        Adults => "adults",
        Families => "families",
        Women => "women",
        Seniors => "seniors",
        Professionals => "professionals",
        NewlyArrived => "newly_arrived",
    }
}

code_enum! {
    /// The review workflow: providers write drafts and submit them; coordinators publish.
    Status {
        Draft => "draft",
        InReview => "in_review",
        Published => "published",
        Archived => "archived",
    }
}

code_enum! {
    /// Purposes a registrant consents to, each on its own and revocable.
    Consent {
        Participation => "participation",
        Photos => "photos",
        ShareContact => "share_contact",
    }
}

/// A change of an offer's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Submit,
    Publish,
    ReturnToDraft,
    Archive,
    /// A provider changed a published offer: it goes back to review.
    ProviderEdit,
}

/// The status after `event`, or `None` when the event does not apply.
pub fn next(from: Status, event: Event) -> Option<Status> {
    use Status::*;
    match (from, event) {
        (Draft, Event::Submit) => Some(InReview),
        (Draft | InReview, Event::Publish) => Some(Published),
        (InReview | Published, Event::ReturnToDraft) => Some(Draft),
        (Draft | InReview | Published, Event::Archive) => Some(Archived),
        (Published, Event::ProviderEdit) => Some(InReview),
        (Draft | InReview, Event::ProviderEdit) => Some(from),
        _ => None,
    }
}

/// Languages an offer's texts can be written in, with their own names and direction.
pub const TEXT_LANGS: &[(&str, &str, bool)] = &[
    ("de", "Deutsch", false),
    ("en", "English", false),
    ("ar", "العربية", true),
    ("fa", "فارسی", true),
    ("uk", "Українська", false),
    ("ru", "Русский", false),
    ("tr", "Türkçe", false),
    ("ti", "ትግርኛ", false),
    ("kmr", "Kurmancî", false),
    ("ps", "پښتو", true),
    ("so", "Soomaali", false),
    ("ro", "Română", false),
    ("bg", "Български", false),
];

/// Whether `code` is a language offers can be written in.
pub fn is_text_lang(code: &str) -> bool {
    TEXT_LANGS.iter().any(|(c, _, _)| *c == code)
}

/// Whether `code` is written right to left.
pub fn is_rtl(code: &str) -> bool {
    TEXT_LANGS.iter().any(|(c, _, rtl)| *c == code && *rtl)
}

/// The own name of a text language.
pub fn autonym(code: &str) -> &str {
    TEXT_LANGS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or(code, |(_, n, _)| *n)
}

/// Title and description in one language. A translation records the German revision it
/// was made from; when the German text changes afterwards, it is outdated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub title: String,
    pub description: String,
    pub de_revision: i32,
}

/// The texts of an offer by language code; German is always present.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    pub by_lang: BTreeMap<String, Text>,
    /// Counts changes of the German text.
    pub de_revision: i32,
}

/// Which language a text is shown in, and whether it is the German fallback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown<'a> {
    pub lang: &'a str,
    pub text: &'a Text,
    pub fallback: bool,
    pub outdated: bool,
}

impl Texts {
    pub fn german(&self) -> Option<&Text> {
        self.by_lang.get("de")
    }

    /// Whether the translation in `lang` was made from an older German text.
    pub fn is_outdated(&self, lang: &str) -> bool {
        lang != "de"
            && self
                .by_lang
                .get(lang)
                .is_some_and(|t| t.de_revision < self.de_revision)
    }

    /// The text in `lang`, or German marked as the fallback.
    pub fn show<'a>(&'a self, lang: &str) -> Option<Shown<'a>> {
        if let Some((l, t)) = self.by_lang.get_key_value(lang) {
            return Some(Shown {
                lang: l,
                text: t,
                fallback: false,
                outdated: self.is_outdated(lang),
            });
        }
        self.by_lang.get_key_value("de").map(|(l, t)| Shown {
            lang: l,
            text: t,
            fallback: lang != "de",
            outdated: false,
        })
    }

    /// The texts after an edit: the German revision goes up when the German text changed;
    /// a translation whose text changed now follows the current German text, one left
    /// alone keeps its old revision (and so becomes outdated).
    pub fn apply_edit(&self, edited: &BTreeMap<String, (String, String)>) -> Texts {
        let de_changed = match (self.german(), edited.get("de")) {
            (Some(old), Some((t, d))) => old.title != *t || old.description != *d,
            _ => true,
        };
        let revision = if de_changed && !self.by_lang.is_empty() {
            self.de_revision + 1
        } else {
            self.de_revision
        };
        let by_lang = edited
            .iter()
            .map(|(lang, (title, description))| {
                let unchanged = self
                    .by_lang
                    .get(lang)
                    .filter(|o| o.title == *title && o.description == *description);
                let de_revision = match unchanged {
                    Some(o) if lang != "de" => o.de_revision,
                    _ => revision,
                };
                (
                    lang.clone(),
                    Text {
                        title: title.clone(),
                        description: description.clone(),
                        de_revision,
                    },
                )
            })
            .collect();
        Texts {
            by_lang,
            de_revision: revision,
        }
    }

    /// Marks a translation as checked against the current German text without changing it.
    pub fn confirm_current(&mut self, lang: &str) {
        let rev = self.de_revision;
        if let Some(t) = self.by_lang.get_mut(lang) {
            t.de_revision = rev;
        }
    }
}

/// How people get a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    /// Open to all, no registration.
    None,
    /// Seats in the order confirmations arrive, then a waiting list.
    FirstCome,
    /// Entries until `at`, then a draw with quotas; the rest on a waiting list.
    Lottery { at: Timestamp },
}

impl Registration {
    pub fn as_str(self) -> &'static str {
        match self {
            Registration::None => "none",
            Registration::FirstCome => "first_come",
            Registration::Lottery { .. } => "lottery",
        }
    }

    pub fn lottery_at(self) -> Option<Timestamp> {
        match self {
            Registration::Lottery { at } => Some(at),
            _ => None,
        }
    }

    pub fn from_parts(mode: &str, at: Option<Timestamp>) -> Option<Registration> {
        match (mode, at) {
            ("none", _) => Some(Registration::None),
            ("first_come", _) => Some(Registration::FirstCome),
            ("lottery", Some(at)) => Some(Registration::Lottery { at }),
            _ => None,
        }
    }
}

/// A place where an offer takes place.
#[derive(Debug, Clone, PartialEq)]
pub struct Venue {
    pub name: String,
    pub address: String,
    pub district: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub accessibility: Option<String>,
}

/// One meeting of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Session {
    pub start: Timestamp,
    pub end: Timestamp,
}

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

fn days(from: Date, until: Date) -> impl Iterator<Item = Date> {
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

/// Title and description as typed, per language.
#[derive(Debug, Clone, Default)]
pub struct TextInput {
    pub lang: String,
    pub title: String,
    pub description: String,
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

/// A required value parsed from its text; `reason` names what is wrong when it does not parse.
fn parse_required<T: std::str::FromStr>(
    e: &mut FieldErrors,
    field: &str,
    s: &str,
    reason: &'static str,
) -> Option<T> {
    let s = s.trim();
    if s.is_empty() {
        e.add(field, "required");
        return None;
    }
    s.parse::<T>().map_err(|_| e.add(field, reason)).ok()
}

fn parse_date(e: &mut FieldErrors, field: &str, s: &str) -> Option<Date> {
    parse_required(e, field, s, "invalid-date")
}

fn parse_time(e: &mut FieldErrors, field: &str, s: &str) -> Option<Time> {
    parse_required(e, field, s, "invalid")
}

impl ScheduleInput {
    /// The schedule, when the stored or typed input is valid.
    pub fn parse(&self, tz: &TimeZone) -> Option<Schedule> {
        let mut e = FieldErrors::new();
        self.validate(&mut e, tz).filter(|_| e.is_empty())
    }

    fn validate(&self, e: &mut FieldErrors, tz: &TimeZone) -> Option<Schedule> {
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

/// Whether a person of `age` may take part.
/// Whether an offer's seats may change so: the capacity never falls below the seats
/// taken, and the way of registering stays while anyone holds or waits for a place.
pub fn may_change_seats(
    capacity: u32,
    taken: u32,
    mode_changes: bool,
    active: u32,
) -> Result<(), FieldErrors> {
    if capacity < taken {
        return Err(FieldErrors::single("capacity", "below-taken"));
    }
    if mode_changes && active > 0 {
        return Err(FieldErrors::single("registration", "has-registrations"));
    }
    Ok(())
}

pub fn age_fits(min: Option<u8>, max: Option<u8>, age: u8) -> bool {
    min.is_none_or(|m| age >= m) && max.is_none_or(|m| age <= m)
}

/// Registrations of offers whose last session ended before this instant are due for
/// deletion: `days` before `now`.
pub fn retention_cutoff(now: Timestamp, days: u32) -> Timestamp {
    now.checked_sub(Span::new().hours(i64::from(days) * 24))
        .unwrap_or(now)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    fn input() -> OfferInput {
        OfferInput {
            texts: vec![TextInput {
                lang: "de".into(),
                title: "Schwimmkurs".into(),
                description: "In den Ferien".into(),
            }],
            category: "swimming".into(),
            target_groups: vec!["children".into()],
            age_min: Some(6),
            age_max: Some(10),
            languages: vec!["deu".into(), "ara".into()],
            place_name: "Hallenbad".into(),
            address: "Badstraße 1".into(),
            lat: Some(51.45),
            lon: Some(7.01),
            schedule: ScheduleInput {
                kind: "block".into(),
                from: "2027-07-05".into(),
                until: "2027-07-16".into(),
                start_time: "10:00".into(),
                end_time: "11:30".into(),
                ..Default::default()
            },
            capacity: Some(12),
            registration: "first_come".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_schedule_with_more_sessions_than_allowed_is_refused() {
        let mut i = input();
        i.schedule = ScheduleInput {
            kind: "block".into(),
            from: "2027-01-01".into(),
            until: "2027-12-31".into(),
            start_time: "10:00".into(),
            end_time: "11:00".into(),
            weekends: true,
            ..Default::default()
        };
        assert_eq!(
            i.validate(&berlin()).unwrap_err().get("sessions"),
            Some("too-many-items")
        );
    }

    #[test]
    fn a_holiday_block_has_ten_weekday_sessions() {
        let d = input().validate(&berlin()).unwrap();
        assert_eq!(d.sessions.len(), 10);
        assert_eq!(d.languages, vec!["deu", "ara"]);
        assert_eq!(
            d.sessions[0].start.to_string(),
            "2027-07-05T08:00:00Z",
            "10:00 summer time"
        );
    }

    #[test]
    fn weekly_over_a_term_skips_holidays_and_keeps_local_time_across_dst() {
        let mut i = input();
        i.schedule = ScheduleInput {
            kind: "weekly".into(),
            weekdays: vec!["we".into()],
            from: "2027-03-01".into(),
            until: "2027-04-30".into(),
            start_time: "16:00".into(),
            end_time: "17:00".into(),
            except: vec!["2027-03-24".into(), "2027-03-31".into()],
            ..Default::default()
        };
        let d = i.validate(&berlin()).unwrap();
        assert_eq!(d.sessions.len(), 7);
        let first = d.sessions[0].start.to_zoned(berlin());
        let last = d.sessions[6].start.to_zoned(berlin());
        assert_eq!((first.hour(), last.hour()), (16, 16));
        assert_ne!(first.offset(), last.offset());
    }

    #[test]
    fn errors_name_the_fields() {
        let mut i = input();
        i.texts[0].title = " ".into();
        i.texts.push(TextInput {
            lang: "xx".into(),
            title: "a".into(),
            description: "b".into(),
        });
        i.category = "chess".into();
        i.age_max = Some(3);
        i.capacity = Some(0);
        i.registration = "lottery".into();
        i.quotas = vec![("newly_arrived".into(), 20)];
        let e = i.validate(&berlin()).unwrap_err();
        for (f, r) in [
            ("title.de", "required"),
            ("title.xx", "unknown-language"),
            ("category", "invalid"),
            ("age_max", "out-of-range"),
            ("capacity", "out-of-range"),
            ("lottery_at", "required"),
            ("quotas", "out-of-range"),
        ] {
            assert_eq!(e.get(f), Some(r), "{f}: {e:?}");
        }
    }

    #[test]
    fn a_lottery_must_be_drawn_before_the_first_session() {
        let mut i = input();
        i.registration = "lottery".into();
        i.lottery_at = Some("2027-07-06T12:00".into());
        assert_eq!(
            i.validate(&berlin()).unwrap_err().get("lottery_at"),
            Some("after-start")
        );
        i.lottery_at = Some("2027-06-20T12:00".into());
        i.quotas = vec![("newly_arrived".into(), 4)];
        let d = i.validate(&berlin()).unwrap();
        assert_eq!(d.quotas, vec![(TargetGroup::NewlyArrived, 4)]);
    }

    #[test]
    fn a_german_change_marks_translations_outdated_until_they_are_updated() {
        let mut edit = BTreeMap::new();
        edit.insert("de".to_owned(), ("Schwimmen".to_owned(), "A".to_owned()));
        edit.insert("ar".to_owned(), ("سباحة".to_owned(), "أ".to_owned()));
        let t = Texts::default().apply_edit(&edit);
        assert!(!t.is_outdated("ar"));
        edit.insert("de".to_owned(), ("Schwimmen".to_owned(), "B".to_owned()));
        let t2 = t.apply_edit(&edit);
        assert!(t2.is_outdated("ar"), "German changed, Arabic did not");
        let shown = t2.show("ar").unwrap();
        assert!(shown.outdated && !shown.fallback);
        edit.insert("ar".to_owned(), ("سباحة".to_owned(), "ب".to_owned()));
        let t3 = t2.apply_edit(&edit);
        assert!(!t3.is_outdated("ar"));
        let mut t4 = t2.clone();
        t4.confirm_current("ar");
        assert!(!t4.is_outdated("ar"));
        let fb = t3.show("uk").unwrap();
        assert!(fb.fallback && fb.lang == "de");
        // Changing only a translation leaves the others current.
        edit.insert("ar".to_owned(), ("سباحة".to_owned(), "ج".to_owned()));
        assert!(!t3.apply_edit(&edit).is_outdated("ar"));
    }

    #[test]
    fn workflow() {
        assert_eq!(next(Status::Draft, Event::Submit), Some(Status::InReview));
        assert_eq!(
            next(Status::InReview, Event::Publish),
            Some(Status::Published)
        );
        assert_eq!(
            next(Status::Published, Event::ProviderEdit),
            Some(Status::InReview)
        );
        assert_eq!(next(Status::Archived, Event::Publish), None);
        assert_eq!(next(Status::Published, Event::Submit), None);
    }

    #[test]
    fn retention_after_the_days() {
        let end: Timestamp = "2027-07-16T10:00:00Z".parse().unwrap();
        let now: Timestamp = "2027-10-13T10:00:00Z".parse().unwrap();
        assert!(end > retention_cutoff(now, 90), "89 days ago: kept");
        assert!(end <= retention_cutoff(now, 89));
        assert!(age_fits(Some(6), Some(10), 10) && !age_fits(Some(6), None, 5));
    }

    #[test]
    fn seats_never_fall_below_the_taken_and_the_mode_stays_while_people_wait() {
        assert!(may_change_seats(10, 10, false, 3).is_ok());
        assert_eq!(
            may_change_seats(9, 10, false, 0)
                .unwrap_err()
                .get("capacity"),
            Some("below-taken")
        );
        assert_eq!(
            may_change_seats(10, 0, true, 1)
                .unwrap_err()
                .get("registration"),
            Some("has-registrations")
        );
        assert!(may_change_seats(10, 0, true, 0).is_ok());
    }
}
