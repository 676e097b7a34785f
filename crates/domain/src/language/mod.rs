//! Languages as ISO 639-3 codes, with German and English names.
//!
//! The code list and English names come from `isolang` (the whole ISO 639-3 table);
//! `names.rs` adds German names, and better English ones, for the languages
//! German mediation pools are asked for most.

mod autonyms;
mod cldr;
mod names;

use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

pub use autonyms::autonym;
pub use names::NAMED_LANGUAGES;

/// A known ISO 639-3 language code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode(String);

impl LanguageCode {
    /// Accepts a known ISO 639-3 code in any case.
    pub fn parse(code: &str) -> Option<LanguageCode> {
        let c = code.trim().to_ascii_lowercase();
        if c.len() == 3 && lookup(&c).is_some() {
            Some(LanguageCode(c))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        LanguageCode::parse(&s).ok_or("unknown ISO 639-3 code")
    }
}

impl From<LanguageCode> for String {
    fn from(c: LanguageCode) -> String {
        c.0
    }
}

impl std::fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One language with its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    pub code: &'static str,
    pub name_de: &'static str,
    pub name_en: &'static str,
    /// Among the languages most asked for in mediation pools (listed first in pickers).
    pub common: bool,
}

/// The interface languages whose language names come from the CLDR table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameIn {
    Ar,
    Fa,
    Uk,
    Ru,
    Tr,
}

impl Language {
    /// The language's name in another interface language, where the CLDR has it.
    pub fn name_in(&self, within: NameIn) -> Option<&'static str> {
        let i = match within {
            NameIn::Ar => 0,
            NameIn::Fa => 1,
            NameIn::Uk => 2,
            NameIn::Ru => 3,
            NameIn::Tr => 4,
        };
        cldr::CLDR_NAMES
            .binary_search_by(|(c, _)| c.cmp(&self.code))
            .ok()
            .and_then(|at| cldr::CLDR_NAMES.get(at))
            .and_then(|(_, names)| names.get(i).copied())
            .filter(|n| !n.is_empty())
    }

    /// Every name the language is known by here: German, English, its own, and the
    /// CLDR's in the other interface languages (for searching in any of them).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        let cldr = [NameIn::Ar, NameIn::Fa, NameIn::Uk, NameIn::Ru, NameIn::Tr]
            .into_iter()
            .filter_map(|w| self.name_in(w));
        [self.name_de, self.name_en]
            .into_iter()
            .chain(autonym(self.code))
            .chain(cldr)
    }
}

static ALL: LazyLock<Vec<Language>> = LazyLock::new(|| {
    let mut all: Vec<Language> = isolang::languages()
        .map(|l| {
            let code = l.to_639_3();
            match NAMED_LANGUAGES.iter().find(|(c, _, _)| *c == code) {
                Some((_, de, en)) => Language {
                    code,
                    name_de: de,
                    name_en: en,
                    common: true,
                },
                None => Language {
                    code,
                    name_de: l.to_name(),
                    name_en: l.to_name(),
                    common: false,
                },
            }
        })
        .collect();
    all.sort_by(|a, b| a.code.cmp(b.code));
    all.dedup_by(|a, b| a.code == b.code);
    all
});

/// Every ISO 639-3 language, sorted by code.
pub fn all() -> &'static [Language] {
    &ALL
}

/// The language with this (lower-case) code.
pub fn lookup(code: &str) -> Option<&'static Language> {
    let all = all();
    all.binary_search_by(|l| l.code.cmp(code))
        .ok()
        .and_then(|i| all.get(i))
}

/// Languages whose code or any of their names (German, English, own, or in another
/// interface language) matches `query` (case-insensitive): an exact code first, then
/// the common languages, then the rest, at most `limit`.
pub fn search(query: &str, limit: usize) -> Vec<&'static Language> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return all().iter().filter(|l| l.common).take(limit).collect();
    }
    let mut hits: Vec<(u8, &'static Language)> = all()
        .iter()
        .filter_map(|l| {
            let names: Vec<String> = l.names().map(str::to_lowercase).collect();
            let rank = if l.code == q {
                0
            } else if names.iter().any(|n| n.starts_with(&q)) {
                if l.common { 1 } else { 3 }
            } else if names.iter().any(|n| n.contains(&q)) {
                if l.common { 2 } else { 4 }
            } else {
                return None;
            };
            Some((rank, l))
        })
        .collect();
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.name_en.cmp(b.1.name_en)));
    hits.into_iter().take(limit).map(|(_, l)| l).collect()
}

/// The language a typed name means: a code, or a name in any interface language,
/// when exactly one language is named so (or one of the common ones is).
pub fn resolve(typed: &str) -> Option<&'static Language> {
    let q = typed.trim().to_lowercase();
    if q.is_empty() {
        return None;
    }
    if let Some(l) = LanguageCode::parse(&q).and_then(|c| lookup(c.as_str())) {
        return Some(l);
    }
    // "Kurmanji" names "Northern Kurdish (Kurmanji)", "Farsi" "Persisch (Farsi)".
    let called = |n: &str| {
        let n = n.to_lowercase();
        n == q
            || n.rsplit_once('(')
                .is_some_and(|(_, inner)| inner.trim_end_matches(')').trim() == q)
    };
    let exact: Vec<&'static Language> = all().iter().filter(|l| l.names().any(called)).collect();
    match exact.as_slice() {
        [one] => Some(one),
        many => many.iter().find(|l| l.common).copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_iso_list_is_known() {
        assert!(all().len() > 7000, "{}", all().len());
        assert!(LanguageCode::parse("tir").is_some());
        assert!(LanguageCode::parse("KMR").is_some());
        assert!(LanguageCode::parse("xx").is_none());
        assert!(LanguageCode::parse("qqq").is_none());
    }

    #[test]
    fn common_languages_have_german_names() {
        assert!(NAMED_LANGUAGES.len() >= 60);
        for (code, de, en) in NAMED_LANGUAGES {
            let l = lookup(code).unwrap_or_else(|| panic!("{code} is no ISO 639-3 code"));
            assert_eq!(l.name_de, *de);
            assert_eq!(l.name_en, *en);
            assert!(l.common);
        }
        let codes: Vec<_> = NAMED_LANGUAGES.iter().map(|(c, _, _)| *c).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted, "sorted and unique");
    }

    #[test]
    fn search_by_german_english_or_code() {
        let first = |q: &str| search(q, 5).first().map(|l| l.code);
        assert_eq!(first("tir"), Some("tir"));
        assert!(search("Ukrain", 5).iter().any(|l| l.code == "ukr"));
        assert!(search("türk", 5).iter().any(|l| l.code == "tur"));
        assert!(search("turkish", 5).iter().any(|l| l.code == "tur"));
        assert!(search("zzzzzz", 5).is_empty());
        assert_eq!(search("", 500).len(), NAMED_LANGUAGES.len());
        // Names in the other interface languages and own names find it too.
        assert!(search("украї", 5).iter().any(|l| l.code == "ukr"));
        assert!(search("التغرينية", 5).iter().any(|l| l.code == "tir"));
        assert!(search("ትግርኛ", 5).iter().any(|l| l.code == "tir"));
    }

    #[test]
    fn typed_names_resolve_to_one_language() {
        let code = |q: &str| resolve(q).map(|l| l.code);
        assert_eq!(code("Tigrinya"), Some("tir"));
        assert_eq!(code(" arabisch "), Some("ara"));
        assert_eq!(code("Darice"), Some("prs"));
        assert_eq!(code("PUS"), Some("pus"));
        assert_eq!(code("Kurmanji"), Some("kmr"));
        assert_eq!(code("тигринья"), Some("tir"));
        assert_eq!(code("Klingonisch-Nord"), None);
        assert_eq!(code(""), None);
    }
}
