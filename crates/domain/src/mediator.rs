//! Mediators (Sprachmittler:innen): languages, sectors, where and when they can work.

use crate::language::LanguageCode;
use crate::validation::{self, FieldErrors, Validated};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    #[serde(rename = "f")]
    Female,
    #[serde(rename = "m")]
    Male,
    #[serde(rename = "d")]
    Diverse,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Gender::Female, Gender::Male, Gender::Diverse];
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "f",
            Gender::Male => "m",
            Gender::Diverse => "d",
        }
    }
    pub fn parse(s: &str) -> Option<Gender> {
        Gender::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Native,
    Fluent,
    Working,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Native, Level::Fluent, Level::Working];
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Native => "native",
            Level::Fluent => "fluent",
            Level::Working => "working",
        }
    }
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// The fields of life a mediator is qualified for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sector {
    Authority,
    Medical,
    Psychotherapy,
    School,
    Social,
    Court,
}

impl Sector {
    pub const ALL: [Sector; 6] = [
        Sector::Authority,
        Sector::Medical,
        Sector::Psychotherapy,
        Sector::School,
        Sector::Social,
        Sector::Court,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Authority => "authority",
            Sector::Medical => "medical",
            Sector::Psychotherapy => "psychotherapy",
            Sector::School => "school",
            Sector::Social => "social",
            Sector::Court => "court",
        }
    }
    pub fn parse(s: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageSkill {
    pub code: LanguageCode,
    pub level: Level,
}

/// A weekly window in local time, minutes after midnight, `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct WeeklyWindow {
    /// 1 = Monday .. 7 = Sunday.
    pub weekday: u8,
    pub start_min: u16,
    pub end_min: u16,
}

/// A period the mediator cannot work, inclusive dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Absence {
    pub from: Date,
    pub to: Date,
}

/// The coarse home location (rounded to about a kilometre: we keep no street address).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Home {
    pub lat: f64,
    pub lon: f64,
}

/// Rounds a coordinate to two decimals (about 1.1 km in latitude).
pub fn coarse(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mediator {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub gender: Gender,
    pub languages: Vec<LanguageSkill>,
    pub sectors: Vec<Sector>,
    pub home: Home,
    pub remote: bool,
    pub speed_kmh: u16,
    pub max_work_min_per_day: u16,
    pub availability: Vec<WeeklyWindow>,
    pub absences: Vec<Absence>,
    pub qualified_on: Option<Date>,
    pub pledge_signed_on: Option<Date>,
    pub active: bool,
}

/// Parses `"HH:MM"` into minutes after midnight; `"24:00"` is the end of the day.
pub fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return None;
    }
    Some(h * 60 + m)
}

pub fn format_hhmm(min: u16) -> String {
    format!("{:02}:{:02}", min / 60, min % 60)
}

/// Raw inputs, as typed, before validation.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct SkillInput {
    pub code: String,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct WindowInput {
    pub weekday: i64,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct AbsenceInput {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MediatorInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub gender: String,
    pub languages: Vec<SkillInput>,
    pub sectors: Vec<String>,
    pub home_lat: Option<f64>,
    pub home_lon: Option<f64>,
    pub remote: bool,
    pub speed_kmh: Option<i64>,
    pub max_work_min_per_day: Option<i64>,
    pub availability: Vec<WindowInput>,
    pub absences: Vec<AbsenceInput>,
    pub qualified_on: Option<String>,
    pub pledge_signed_on: Option<String>,
}

/// A validated mediator, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct MediatorDraft {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub gender: Gender,
    pub languages: Vec<LanguageSkill>,
    pub sectors: Vec<Sector>,
    pub home: Home,
    pub remote: bool,
    pub speed_kmh: u16,
    pub max_work_min_per_day: u16,
    pub availability: Vec<WeeklyWindow>,
    pub absences: Vec<Absence>,
    pub qualified_on: Option<Date>,
    pub pledge_signed_on: Option<Date>,
}

fn parse_date(e: &mut FieldErrors, field: &str, s: &str) -> Option<Date> {
    match crate::dates::parse_date(s) {
        Some(d) => Some(d),
        None => {
            e.add(
                field,
                if s.trim().is_empty() {
                    "required"
                } else {
                    "invalid-date"
                },
            );
            None
        }
    }
}

/// Validates weekly windows: weekday 1..7, `HH:MM`, start before end, no overlaps per day.
pub fn validate_windows(e: &mut FieldErrors, inputs: &[WindowInput]) -> Vec<WeeklyWindow> {
    let mut out: Vec<WeeklyWindow> = Vec::new();
    if inputs.len() > 70 {
        e.add("availability", "too-many-items");
    }
    for (i, w) in inputs.iter().enumerate() {
        let p = format!("availability[{i}].");
        let weekday = u8::try_from(w.weekday).ok().filter(|d| (1..=7).contains(d));
        if weekday.is_none() {
            e.add(format!("{p}weekday"), "out-of-range");
        }
        let start = parse_hhmm(&w.start);
        if start.is_none() {
            e.add(format!("{p}start"), "invalid-time");
        }
        let end = parse_hhmm(&w.end);
        if end.is_none() {
            e.add(format!("{p}end"), "invalid-time");
        }
        if let (Some(weekday), Some(start_min), Some(end_min)) = (weekday, start, end) {
            if start_min >= end_min {
                e.add(format!("{p}end"), "not-after-start");
            } else if out
                .iter()
                .any(|o| o.weekday == weekday && o.start_min < end_min && start_min < o.end_min)
            {
                e.add(format!("{p}start"), "overlaps");
            } else {
                out.push(WeeklyWindow {
                    weekday,
                    start_min,
                    end_min,
                });
            }
        }
    }
    out.sort();
    out
}

/// Validates absences: ISO dates, `from` not after `to`.
pub fn validate_absences(e: &mut FieldErrors, inputs: &[AbsenceInput]) -> Vec<Absence> {
    let mut out = Vec::new();
    if inputs.len() > 200 {
        e.add("absences", "too-many-items");
    }
    for (i, a) in inputs.iter().enumerate() {
        let p = format!("absences[{i}].");
        let from = parse_date(e, &format!("{p}from"), &a.from);
        let to = parse_date(e, &format!("{p}to"), &a.to);
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                e.add(format!("{p}to"), "before-start");
            } else {
                out.push(Absence { from, to });
            }
        }
    }
    out.sort();
    out
}

impl MediatorInput {
    pub fn validate(&self) -> Validated<MediatorDraft> {
        let mut e = FieldErrors::new();
        let name = validation::required_text(&mut e, "name", &self.name, 200);
        let email = validation::email(&mut e, "email", &self.email);
        let phone = validation::phone(&mut e, "phone", &self.phone);
        let gender = Gender::parse(self.gender.trim());
        if gender.is_none() {
            e.add(
                "gender",
                if self.gender.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                },
            );
        }
        let mut languages: Vec<LanguageSkill> = Vec::new();
        if self.languages.is_empty() {
            e.add("languages", "required");
        }
        for (i, l) in self.languages.iter().enumerate() {
            let code = LanguageCode::parse(&l.code);
            if code.is_none() {
                e.add(format!("languages[{i}].code"), "unknown-language");
            }
            let level = Level::parse(l.level.trim());
            if level.is_none() {
                let why = if l.level.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                };
                e.add(format!("languages[{i}].level"), why);
            }
            if let (Some(code), Some(level)) = (code, level) {
                if languages.iter().any(|x| x.code == code) {
                    e.add(format!("languages[{i}].code"), "duplicate");
                } else {
                    languages.push(LanguageSkill { code, level });
                }
            }
        }
        let mut sectors = Vec::new();
        for (i, s) in self.sectors.iter().enumerate() {
            match Sector::parse(s.trim()) {
                Some(s) if !sectors.contains(&s) => sectors.push(s),
                Some(_) => {}
                None => e.add(format!("sectors[{i}]"), "invalid"),
            }
        }
        sectors.sort();
        let home = match (self.home_lat, self.home_lon) {
            (Some(lat), Some(lon)) => {
                validation::coordinates(&mut e, "home.", lat, lon);
                Home {
                    lat: coarse(lat),
                    lon: coarse(lon),
                }
            }
            _ => {
                e.add("home", "required");
                Home { lat: 0.0, lon: 0.0 }
            }
        };
        let speed_kmh = match self.speed_kmh {
            Some(v) if (3..=120).contains(&v) => u16::try_from(v).unwrap_or(20),
            Some(_) => {
                e.add("speed_kmh", "out-of-range");
                20
            }
            None => 20,
        };
        let max_work_min_per_day = match self.max_work_min_per_day {
            Some(v) if (30..=720).contains(&v) => u16::try_from(v).unwrap_or(480),
            Some(_) => {
                e.add("max_work_min_per_day", "out-of-range");
                480
            }
            None => 480,
        };
        let availability = validate_windows(&mut e, &self.availability);
        let absences = validate_absences(&mut e, &self.absences);
        let qualified_on = self
            .qualified_on
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .and_then(|s| parse_date(&mut e, "qualified_on", s));
        let pledge_signed_on = self
            .pledge_signed_on
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .and_then(|s| parse_date(&mut e, "pledge_signed_on", s));
        let Some(gender) = gender else { return Err(e) };
        e.finish(MediatorDraft {
            name,
            email,
            phone,
            gender,
            languages,
            sectors,
            home,
            remote: self.remote,
            speed_kmh,
            max_work_min_per_day,
            availability,
            absences,
            qualified_on,
            pledge_signed_on,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input() -> MediatorInput {
        MediatorInput {
            name: "Test Person".into(),
            email: "t@example.org".into(),
            phone: "+49 157 5550 0001".into(),
            gender: "f".into(),
            languages: vec![SkillInput {
                code: "tir".into(),
                level: "native".into(),
            }],
            sectors: vec!["medical".into(), "school".into()],
            home_lat: Some(51.4567),
            home_lon: Some(7.0123),
            remote: true,
            speed_kmh: Some(20),
            max_work_min_per_day: Some(360),
            availability: vec![WindowInput {
                weekday: 1,
                start: "08:00".into(),
                end: "12:30".into(),
            }],
            absences: vec![AbsenceInput {
                from: "2026-12-21".into(),
                to: "2027-01-03".into(),
            }],
            qualified_on: Some("2024-03-01".into()),
            pledge_signed_on: None,
        }
    }

    #[test]
    fn valid_mediator_has_coarse_home() {
        let d = input().validate().unwrap();
        assert_eq!(
            d.home,
            Home {
                lat: 51.46,
                lon: 7.01
            }
        );
        assert_eq!(
            d.availability[0],
            WeeklyWindow {
                weekday: 1,
                start_min: 480,
                end_min: 750
            }
        );
        assert_eq!(d.sectors, vec![Sector::Medical, Sector::School]);
    }

    #[test]
    fn bad_fields_are_named() {
        let mut i = input();
        i.languages[0].code = "xx".into();
        i.availability.push(WindowInput {
            weekday: 8,
            start: "25:00".into(),
            end: "10:00".into(),
        });
        i.availability.push(WindowInput {
            weekday: 1,
            start: "12:00".into(),
            end: "13:00".into(),
        });
        i.absences[0].to = "2026-12-01".into();
        i.gender = "x".into();
        i.speed_kmh = Some(0);
        let e = i.validate().unwrap_err();
        assert_eq!(e.get("languages[0].code"), Some("unknown-language"));
        assert_eq!(e.get("availability[1].weekday"), Some("out-of-range"));
        assert_eq!(e.get("availability[1].start"), Some("invalid-time"));
        assert_eq!(e.get("availability[2].start"), Some("overlaps"));
        assert_eq!(e.get("absences[0].to"), Some("before-start"));
        assert_eq!(e.get("gender"), Some("invalid"));
        assert_eq!(e.get("speed_kmh"), Some("out-of-range"));
    }

    #[test]
    fn hhmm() {
        assert_eq!(parse_hhmm("8:05"), Some(485));
        assert_eq!(parse_hhmm("24:00"), Some(1440));
        assert_eq!(parse_hhmm("24:01"), None);
        assert_eq!(parse_hhmm("12:60"), None);
        assert_eq!(parse_hhmm("x"), None);
        assert_eq!(format_hhmm(485), "08:05");
    }

    proptest! {
        #[test]
        fn validated_windows_never_overlap(ws in proptest::collection::vec((0i64..9, 0u16..1500, 0u16..1500), 0..20)) {
            let inputs: Vec<WindowInput> = ws.iter().map(|(d, s, e)| WindowInput {
                weekday: *d, start: format_hhmm(*s), end: format_hhmm(*e) }).collect();
            let mut errs = FieldErrors::new();
            let out = validate_windows(&mut errs, &inputs);
            for (i, a) in out.iter().enumerate() {
                prop_assert!(a.start_min < a.end_min && a.end_min <= 1440);
                for b in out.iter().skip(i + 1) {
                    prop_assert!(a.weekday != b.weekday || a.end_min <= b.start_min || b.end_min <= a.start_min);
                }
            }
        }
    }
}
