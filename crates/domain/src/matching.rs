//! Who may serve a request, and how well: the feasibility rules and travel model of
//! `shared/spec/plan-format.md`, implemented once for the candidates panel and the planner.

use crate::mediator::{Gender, Mediator, Sector};
use jiff::civil::Date;
use serde::Serialize;
use uuid::Uuid;

/// Travel model constants of `plan-format.md`.
pub const DETOUR_FACTOR: f64 = 1.3;
pub const BUFFER_MIN: u32 = 5;
const EARTH_RADIUS_KM: f64 = 6371.0088;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

/// Great-circle distance in km (haversine).
pub fn haversine_km(a: Point, b: Point) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Travel minutes between two points at `speed_kmh`: 0 for the same point, else the
/// detoured distance at that speed, rounded up, plus the buffer.
pub fn travel_min(p: Point, q: Point, speed_kmh: u16) -> u32 {
    if p == q {
        return 0;
    }
    let speed = f64::from(speed_kmh.max(1));
    let minutes = (haversine_km(p, q) * DETOUR_FACTOR / speed * 60.0 - 1e-9).ceil();
    // Distances on Earth keep this far below u32::MAX.
    (minutes.max(0.0) as u32).saturating_add(BUFFER_MIN)
}

/// Why a mediator cannot serve a request (the names of `api.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    Language,
    Sector,
    Gender,
    Remote,
    Availability,
    Absence,
    Excluded,
    Overlap,
    Travel,
    Workload,
}

impl Reason {
    /// A rule that is the mediator's own wish rather than a limit of the job: the weekly
    /// times and the daily workload they gave. A coordinator may invite anyway (the
    /// invitation is a question), and accepting waives it.
    pub fn is_wish(self) -> bool {
        matches!(self, Reason::Availability | Reason::Workload)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Language => "language",
            Reason::Sector => "sector",
            Reason::Gender => "gender",
            Reason::Remote => "remote",
            Reason::Availability => "availability",
            Reason::Absence => "absence",
            Reason::Excluded => "excluded",
            Reason::Overlap => "overlap",
            Reason::Travel => "travel",
            Reason::Workload => "workload",
        }
    }
}

/// A gender preference: a wish ranks, a must excludes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum GenderPreference {
    None,
    Wish(Gender),
    Must(Gender),
}

/// A request as matching sees it: local day and minutes in the tenant's zone.
#[derive(Debug, Clone)]
pub struct Need {
    pub id: Uuid,
    pub language: String,
    pub sector: Sector,
    pub gender: GenderPreference,
    /// `None` for phone or video: served from home.
    pub location: Option<Point>,
    pub date: Date,
    /// 1 = Monday .. 7 = Sunday.
    pub weekday: u8,
    pub start_min: u32,
    pub duration_min: u32,
    pub excluded: Vec<Uuid>,
    pub preferred: Option<Uuid>,
}

impl Need {
    pub fn end_min(&self) -> u32 {
        self.start_min + self.duration_min
    }
}

/// Another assignment of the same mediator on the same day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Booked {
    pub start_min: u32,
    pub duration_min: u32,
    pub location: Option<Point>,
}

impl Booked {
    fn end_min(&self) -> u32 {
        self.start_min + self.duration_min
    }
}

/// How a feasible mediator fits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Fit {
    /// Minutes of travel to the request: from the previous assignment that day, else from home.
    pub travel_min: u32,
    /// The preferred mediator (who served the same client before).
    pub continuity: bool,
    /// A gender wish met.
    pub wish_met: bool,
}

fn home(m: &Mediator) -> Point {
    Point {
        lat: m.home.lat,
        lon: m.home.lon,
    }
}

/// Checks every rule and returns the fit, or all the reasons that exclude the mediator.
/// `day` holds the mediator's other confirmed assignments on the request's local date.
pub fn check(m: &Mediator, need: &Need, day: &[Booked]) -> Result<Fit, Vec<Reason>> {
    let mut reasons = Vec::new();
    if !m.languages.iter().any(|l| l.code.as_str() == need.language) {
        reasons.push(Reason::Language);
    }
    if !m.sectors.contains(&need.sector) {
        reasons.push(Reason::Sector);
    }
    if let GenderPreference::Must(g) = need.gender
        && m.gender != g
    {
        reasons.push(Reason::Gender);
    }
    if need.excluded.contains(&m.id) {
        reasons.push(Reason::Excluded);
    }
    if need.location.is_none() && !m.remote {
        reasons.push(Reason::Remote);
    }
    let end = need.end_min();
    let available = m.availability.iter().any(|w| {
        w.weekday == need.weekday
            && u32::from(w.start_min) <= need.start_min
            && end <= u32::from(w.end_min)
    });
    if !available {
        reasons.push(Reason::Availability);
    }
    if m.absences
        .iter()
        .any(|a| a.from <= need.date && need.date <= a.to)
    {
        reasons.push(Reason::Absence);
    }
    // The day's route with this request inserted, sorted by start.
    let here = need.location.unwrap_or_else(|| home(m));
    let loc = |b: &Booked| b.location.unwrap_or_else(|| home(m));
    let mut overlap = false;
    let mut travel = false;
    let mut travel_in = travel_min(home(m), here, m.speed_kmh);
    for b in day {
        if b.start_min < end && need.start_min < b.end_min() {
            overlap = true;
        } else if b.end_min() <= need.start_min {
            let t = travel_min(loc(b), here, m.speed_kmh);
            if b.end_min() + t > need.start_min {
                travel = true;
            }
        } else if end + travel_min(here, loc(b), m.speed_kmh) > b.start_min {
            travel = true;
        }
    }
    if let Some(prev) = day
        .iter()
        .filter(|b| b.end_min() <= need.start_min)
        .max_by_key(|b| b.end_min())
    {
        travel_in = travel_min(loc(prev), here, m.speed_kmh);
    }
    if overlap {
        reasons.push(Reason::Overlap);
    }
    if travel {
        reasons.push(Reason::Travel);
    }
    let worked: u32 = day.iter().map(|b| b.duration_min).sum();
    if worked + need.duration_min > u32::from(m.max_work_min_per_day) {
        reasons.push(Reason::Workload);
    }
    if !reasons.is_empty() {
        return Err(reasons);
    }
    let wish_met = match need.gender {
        GenderPreference::Wish(g) => m.gender == g,
        _ => false,
    };
    Ok(Fit {
        travel_min: travel_in,
        continuity: need.preferred == Some(m.id),
        wish_met,
    })
}

/// Minutes kept free before and after an assignment that stays in a plan: the planner
/// does not know where its other appointments are, so it leaves half an hour to travel.
pub const KEPT_MARGIN_MIN: u32 = 30;

/// The windows in which a mediator may take new appointments on `date` (a `weekday`,
/// 1 = Monday): none when absent; else that weekday's windows, less every kept
/// assignment `(start_min, end_min)` widened by [`KEPT_MARGIN_MIN`] on each side.
pub fn free_windows(m: &Mediator, date: Date, weekday: u8, kept: &[(u32, u32)]) -> Vec<[u32; 2]> {
    if m.absences.iter().any(|a| a.from <= date && date <= a.to) {
        return Vec::new();
    }
    let mut out: Vec<[u32; 2]> = m
        .availability
        .iter()
        .filter(|w| w.weekday == weekday)
        .map(|w| [u32::from(w.start_min), u32::from(w.end_min)])
        .collect();
    for (s, e) in kept {
        let s = s.saturating_sub(KEPT_MARGIN_MIN);
        let e = e.saturating_add(KEPT_MARGIN_MIN).min(24 * 60);
        out = out
            .into_iter()
            .flat_map(|[a, b]| {
                let before = (a < s.min(b)).then_some([a, s.min(b)]);
                let after = (e.max(a) < b).then_some([e.max(a), b]);
                before.into_iter().chain(after)
            })
            .collect();
    }
    out
}

/// A ranking score, higher is better: continuity first, then a met wish, then short
/// travel, then a lighter week.
pub fn score(fit: &Fit, week_min: u32) -> i64 {
    let mut s: i64 = 1000;
    if fit.continuity {
        s += 300;
    }
    if fit.wish_met {
        s += 100;
    }
    s -= i64::from(fit.travel_min) * 2;
    s -= i64::from(week_min / 30);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::LanguageCode;
    use crate::mediator::{Absence, Home, LanguageSkill, Level, WeeklyWindow};

    fn mediator() -> Mediator {
        Mediator {
            id: Uuid::from_u128(1),
            name: "M".into(),
            email: "m@example.org".into(),
            phone: String::new(),
            gender: Gender::Female,
            languages: vec![LanguageSkill {
                code: LanguageCode::parse("tir").unwrap(),
                level: Level::Native,
            }],
            sectors: vec![Sector::Medical],
            home: Home {
                lat: 51.45,
                lon: 7.01,
            },
            remote: false,
            speed_kmh: 20,
            max_work_min_per_day: 240,
            availability: vec![WeeklyWindow {
                weekday: 3,
                start_min: 480,
                end_min: 960,
            }],
            absences: vec![Absence {
                from: "2026-12-21".parse().unwrap(),
                to: "2027-01-03".parse().unwrap(),
            }],
            qualified_on: None,
            pledge_signed_on: None,
            active: true,
        }
    }

    fn need() -> Need {
        Need {
            id: Uuid::from_u128(9),
            language: "tir".into(),
            sector: Sector::Medical,
            gender: GenderPreference::None,
            location: Some(Point {
                lat: 51.46,
                lon: 7.02,
            }),
            date: "2026-12-02".parse().unwrap(),
            weekday: 3,
            start_min: 600,
            duration_min: 60,
            excluded: vec![],
            preferred: None,
        }
    }

    #[test]
    fn travel_follows_the_plan_format() {
        let a = Point {
            lat: 51.4556,
            lon: 7.0116,
        };
        let b = Point {
            lat: 51.4620,
            lon: 7.0043,
        };
        assert_eq!(travel_min(a, a, 20), 0);
        // 0.866 km * 1.3 / 20 km/h * 60 = 3.38 -> 4, plus 5.
        let d = haversine_km(a, b);
        assert!((d - 0.8656).abs() < 0.01, "{d}");
        assert_eq!(travel_min(a, b, 20), 9);
    }

    #[test]
    fn a_fitting_mediator_fits() {
        let fit = check(&mediator(), &need(), &[]).unwrap();
        assert!(!fit.continuity);
        assert!(fit.travel_min > 0);
    }

    #[test]
    fn every_reason_is_reported() {
        let mut n = need();
        n.language = "ara".into();
        n.sector = Sector::Court;
        n.gender = GenderPreference::Must(Gender::Male);
        n.excluded = vec![Uuid::from_u128(1)];
        n.location = None;
        n.weekday = 4;
        n.date = "2026-12-24".parse().unwrap();
        n.duration_min = 300;
        let r = check(&mediator(), &n, &[]).unwrap_err();
        for reason in [
            Reason::Language,
            Reason::Sector,
            Reason::Gender,
            Reason::Excluded,
            Reason::Remote,
            Reason::Availability,
            Reason::Absence,
            Reason::Workload,
        ] {
            assert!(r.contains(&reason), "{reason:?} in {r:?}");
        }
    }

    #[test]
    fn overlap_travel_and_workload_with_other_assignments() {
        let m = mediator();
        let far = Some(Point {
            lat: 51.60,
            lon: 7.30,
        });
        let overlapping = Booked {
            start_min: 630,
            duration_min: 60,
            location: far,
        };
        assert_eq!(
            check(&m, &need(), &[overlapping]).unwrap_err(),
            vec![Reason::Overlap]
        );
        let just_before_far = Booked {
            start_min: 540,
            duration_min: 55,
            location: far,
        };
        assert_eq!(
            check(&m, &need(), &[just_before_far]).unwrap_err(),
            vec![Reason::Travel]
        );
        let just_after_far = Booked {
            start_min: 665,
            duration_min: 30,
            location: far,
        };
        assert_eq!(
            check(&m, &need(), &[just_after_far]).unwrap_err(),
            vec![Reason::Travel]
        );
        let same_place_right_after = Booked {
            start_min: 660,
            duration_min: 60,
            location: need().location,
        };
        assert!(
            check(&m, &need(), &[same_place_right_after]).is_ok(),
            "no travel within one place"
        );
        let long_day = Booked {
            start_min: 800,
            duration_min: 200,
            location: need().location,
        };
        assert_eq!(
            check(&m, &need(), &[long_day]).unwrap_err(),
            vec![Reason::Workload]
        );
    }

    #[test]
    fn ranking_prefers_continuity_then_short_travel() {
        let near = Fit {
            travel_min: 10,
            continuity: false,
            wish_met: false,
        };
        let far = Fit {
            travel_min: 40,
            continuity: false,
            wish_met: false,
        };
        let known = Fit {
            travel_min: 40,
            continuity: true,
            wish_met: false,
        };
        assert!(score(&near, 0) > score(&far, 0));
        assert!(score(&known, 0) > score(&near, 0));
        assert!(score(&near, 0) > score(&near, 600));
    }

    #[test]
    fn kept_assignments_and_absences_take_time_out_of_the_day() {
        use crate::mediator::{Absence, WeeklyWindow};
        let mut m = mediator();
        m.availability = vec![
            WeeklyWindow {
                weekday: 1,
                start_min: 480,
                end_min: 780,
            },
            WeeklyWindow {
                weekday: 1,
                start_min: 840,
                end_min: 1080,
            },
            WeeklyWindow {
                weekday: 2,
                start_min: 480,
                end_min: 1080,
            },
        ];
        let monday = jiff::civil::date(2027, 3, 1);
        assert_eq!(
            free_windows(&m, monday, 1, &[]),
            vec![[480, 780], [840, 1080]]
        );
        // 10:00-11:00 kept: 9:30-11:30 is gone; a kept time across two windows cuts both.
        assert_eq!(
            free_windows(&m, monday, 1, &[(600, 660)]),
            vec![[480, 570], [690, 780], [840, 1080]]
        );
        assert_eq!(
            free_windows(&m, monday, 1, &[(760, 860)]),
            vec![[480, 730], [890, 1080]]
        );
        // A kept time covering a whole window removes it; late in the day stays within 24 h.
        assert_eq!(
            free_windows(&m, monday, 1, &[(450, 800), (1070, 1440)]),
            vec![[840, 1040]]
        );
        m.absences = vec![Absence {
            from: monday,
            to: monday,
        }];
        assert!(free_windows(&m, monday, 1, &[]).is_empty());
    }
}
