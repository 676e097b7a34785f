//! Integration offers of partner organisations: texts per language with outdated marks,
//! categories and target groups, places, sessions, registration modes and the review workflow.

mod input;
mod schedule;

pub use input::*;
pub use schedule::*;

use crate::validation::FieldErrors;
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
mod tests;
