//! Languages' own names for the languages most spoken in German integration work: a
//! family recognises "فارسی" or "ትግርኛ" whatever the page's language is.

/// (ISO 639-3 code, own name).
const AUTONYMS: &[(&str, &str)] = &[
    ("amh", "አማርኛ"),
    ("ara", "العربية"),
    ("arb", "العربية"),
    ("bul", "Български"),
    ("ckb", "کوردیی ناوەندی"),
    ("deu", "Deutsch"),
    ("ell", "Ελληνικά"),
    ("eng", "English"),
    ("fas", "فارسی"),
    ("fra", "Français"),
    ("hrv", "Hrvatski"),
    ("ita", "Italiano"),
    ("kmr", "Kurmancî"),
    ("mkd", "Македонски"),
    ("pol", "Polski"),
    ("por", "Português"),
    ("prs", "دری"),
    ("pus", "پښتو"),
    ("ron", "Română"),
    ("rus", "Русский"),
    ("som", "Soomaali"),
    ("spa", "Español"),
    ("sqi", "Shqip"),
    ("srp", "Српски"),
    ("tir", "ትግርኛ"),
    ("tur", "Türkçe"),
    ("ukr", "Українська"),
    ("urd", "اردو"),
    ("vie", "Tiếng Việt"),
];

/// The language's own name, when known.
pub fn autonym(code: &str) -> Option<&'static str> {
    AUTONYMS
        .binary_search_by(|(c, _)| c.cmp(&code))
        .ok()
        .and_then(|i| AUTONYMS.get(i))
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_known_and_unknown() {
        assert!(
            AUTONYMS
                .windows(2)
                .all(|w| matches!(w, [a, b] if a.0 < b.0))
        );
        assert_eq!(autonym("tir"), Some("ትግርኛ"));
        assert_eq!(autonym("prs"), Some("دری"));
        assert_eq!(autonym("xyz"), None);
        assert!(
            AUTONYMS
                .iter()
                .all(|(c, _)| super::super::lookup(c).is_some())
        );
    }
}
