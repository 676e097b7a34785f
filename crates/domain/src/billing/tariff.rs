//! Tariffs: two rate cards (what the institution pays, what the mediator gets), for some
//! institution categories and modes, valid from one date to another.

use crate::institution::Category;
use crate::request::Mode;
use crate::validation::{FieldErrors, Validated};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A rate card: every amount in cents, every share in percent (`billing.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
pub struct Card {
    pub cents_per_hour: i64,
    pub minimum_min: i64,
    pub step_min: i64,
    pub flat_cents: i64,
    pub per_km_cents: i64,
    pub travel_cents_per_hour: i64,
    pub travel_step_min: i64,
    pub night_pct: i64,
    pub sunday_pct: i64,
    pub holiday_pct: i64,
    pub cancel_pct: i64,
}

/// The bounds a card's fields must keep: (name, lowest, highest).
/// Highest values are far above any real rate, low enough that no sum can overflow.
pub const CARD_FIELDS: [(&str, i64, i64); 11] = [
    ("cents_per_hour", 0, 100_000),
    ("minimum_min", 0, 600),
    ("step_min", 1, 240),
    ("flat_cents", 0, 100_000),
    ("per_km_cents", 0, 1_000),
    ("travel_cents_per_hour", 0, 100_000),
    ("travel_step_min", 1, 240),
    ("night_pct", 0, 500),
    ("sunday_pct", 0, 500),
    ("holiday_pct", 0, 500),
    ("cancel_pct", 0, 100),
];

/// A card as entered: every field must be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub struct CardInput {
    pub cents_per_hour: Option<i64>,
    pub minimum_min: Option<i64>,
    pub step_min: Option<i64>,
    pub flat_cents: Option<i64>,
    pub per_km_cents: Option<i64>,
    pub travel_cents_per_hour: Option<i64>,
    pub travel_step_min: Option<i64>,
    pub night_pct: Option<i64>,
    pub sunday_pct: Option<i64>,
    pub holiday_pct: Option<i64>,
    pub cancel_pct: Option<i64>,
}

impl CardInput {
    fn values(&self) -> [Option<i64>; 11] {
        [
            self.cents_per_hour,
            self.minimum_min,
            self.step_min,
            self.flat_cents,
            self.per_km_cents,
            self.travel_cents_per_hour,
            self.travel_step_min,
            self.night_pct,
            self.sunday_pct,
            self.holiday_pct,
            self.cancel_pct,
        ]
    }

    /// Checks every field against [`CARD_FIELDS`]; errors are named `{prefix}.{field}`.
    pub fn validate(&self, prefix: &str, e: &mut FieldErrors) -> Card {
        let mut v = [0i64; 11];
        for ((slot, given), (name, lo, hi)) in v.iter_mut().zip(self.values()).zip(CARD_FIELDS) {
            match given {
                None => e.add(format!("{prefix}.{name}"), "required"),
                Some(x) if x < lo => e.add(format!("{prefix}.{name}"), "too-small"),
                Some(x) if x > hi => e.add(format!("{prefix}.{name}"), "too-large"),
                Some(x) => *slot = x,
            }
        }
        let [
            cents_per_hour,
            minimum_min,
            step_min,
            flat_cents,
            per_km_cents,
            travel_cents_per_hour,
            travel_step_min,
            night_pct,
            sunday_pct,
            holiday_pct,
            cancel_pct,
        ] = v;
        Card {
            cents_per_hour,
            minimum_min,
            step_min,
            flat_cents,
            per_km_cents,
            travel_cents_per_hour,
            travel_step_min,
            night_pct,
            sunday_pct,
            holiday_pct,
            cancel_pct,
        }
    }
}

impl From<Card> for CardInput {
    fn from(c: Card) -> Self {
        CardInput {
            cents_per_hour: Some(c.cents_per_hour),
            minimum_min: Some(c.minimum_min),
            step_min: Some(c.step_min),
            flat_cents: Some(c.flat_cents),
            per_km_cents: Some(c.per_km_cents),
            travel_cents_per_hour: Some(c.travel_cents_per_hour),
            travel_step_min: Some(c.travel_step_min),
            night_pct: Some(c.night_pct),
            sunday_pct: Some(c.sunday_pct),
            holiday_pct: Some(c.holiday_pct),
            cancel_pct: Some(c.cancel_pct),
        }
    }
}

/// A stored tariff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tariff {
    pub id: Uuid,
    pub name: String,
    pub categories: Vec<Category>,
    pub modes: Vec<Mode>,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    pub client: Card,
    pub mediator: Card,
}

impl Tariff {
    /// Whether the tariff applies on `day` to an institution of `category` and `mode`.
    pub fn applies(&self, category: Category, mode: Mode, day: Date) -> bool {
        self.categories.contains(&category)
            && self.modes.contains(&mode)
            && self.valid_from <= day
            && self.valid_to.is_none_or(|to| day < to)
    }

    /// Whether both tariffs would apply to some day, category and mode.
    pub fn overlaps(&self, other: &TariffDraft) -> bool {
        let shared = self.categories.iter().any(|c| other.categories.contains(c))
            && self.modes.iter().any(|m| other.modes.contains(m));
        let before = |to: Option<Date>, from: Date| to.is_some_and(|to| to <= from);
        shared
            && !before(self.valid_to, other.valid_from)
            && !before(other.valid_to, self.valid_from)
    }
}

/// The tariff valid for an appointment (rule 6): none means "no tariff".
pub fn find(tariffs: &[Tariff], category: Category, mode: Mode, day: Date) -> Option<&Tariff> {
    tariffs.iter().find(|t| t.applies(category, mode, day))
}

/// A tariff as entered.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct TariffInput {
    pub name: String,
    pub categories: Vec<String>,
    pub modes: Vec<String>,
    pub valid_from: String,
    pub valid_to: Option<String>,
    pub client: Option<CardInput>,
    pub mediator: Option<CardInput>,
}

/// A validated tariff.
#[derive(Debug, Clone, PartialEq)]
pub struct TariffDraft {
    pub name: String,
    pub categories: Vec<Category>,
    pub modes: Vec<Mode>,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    pub client: Card,
    pub mediator: Card,
}

fn date_field(e: &mut FieldErrors, field: &str, value: &str) -> Option<Date> {
    let v = value.trim();
    if v.is_empty() {
        e.add(field, "required");
        return None;
    }
    match v.parse::<Date>() {
        Ok(d) if v.len() == 10 && (2000..=2100).contains(&d.year()) => Some(d),
        _ => {
            e.add(field, "invalid");
            None
        }
    }
}

fn list<T: Copy + PartialEq>(
    e: &mut FieldErrors,
    field: &str,
    given: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    if given.is_empty() {
        e.add(field, "required");
    }
    for (i, s) in given.iter().enumerate() {
        match parse(s.trim()) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => e.add(format!("{field}[{i}]"), "invalid"),
        }
    }
    out
}

impl TariffInput {
    /// Validates the tariff on its own; overlaps with stored tariffs are [`check_overlap`]'s.
    pub fn validate(&self) -> Validated<TariffDraft> {
        let mut e = FieldErrors::new();
        let name = crate::validation::required_text(&mut e, "name", &self.name, 200);
        let categories = list(&mut e, "categories", &self.categories, Category::parse);
        let modes = list(&mut e, "modes", &self.modes, Mode::parse);
        let valid_from = date_field(&mut e, "valid_from", &self.valid_from);
        let valid_to = match self.valid_to.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(v) => date_field(&mut e, "valid_to", v),
        };
        if let (Some(from), Some(to)) = (valid_from, valid_to)
            && to <= from
        {
            e.add("valid_to", "before-start");
        }
        let mut card = |field: &str, c: &Option<CardInput>| match c {
            Some(c) => c.validate(field, &mut e),
            None => {
                e.add(field, "required");
                Card::default()
            }
        };
        let client = card("client", &self.client);
        let mediator = card("mediator", &self.mediator);
        match valid_from {
            Some(valid_from) => e.finish(TariffDraft {
                name,
                categories,
                modes,
                valid_from,
                valid_to,
                client,
                mediator,
            }),
            None => Err(e),
        }
    }
}

/// Refuses a tariff that would apply together with another one (`except` is the one edited).
pub fn check_overlap(
    stored: &[Tariff],
    draft: &TariffDraft,
    except: Option<Uuid>,
) -> Validated<()> {
    if stored
        .iter()
        .filter(|t| Some(t.id) != except)
        .any(|t| t.overlaps(draft))
    {
        Err(FieldErrors::single("valid_from", "overlaps"))
    } else {
        Ok(())
    }
}
