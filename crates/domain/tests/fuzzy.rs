//! The catalogue-wide index scores every document exactly as scoring each one alone does.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use mittler_domain::fuzzy::{Haystack, Index, Query, score};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Schwimmkurs",
    "Fußball",
    "Kinder",
    "Ferien",
    "Sprachcafé",
    "Eltern",
    "schwimmen",
    "دورة",
    "سِباحة",
    "للأطفال",
    "Українська",
    "плавання",
    "kurs",
    "Turnhalle",
    "Mitte",
    "integrationskurs",
    "Bewegung",
    "Spiel",
    "Frauen",
    "Beratung",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

fn query() -> impl Strategy<Value = String> {
    // Words as they are, cut short, or with a letter dropped: misspellings.
    prop::collection::vec(
        (prop::sample::select(WORDS), 0usize..3, 0usize..12).prop_map(|(w, how, at)| {
            let chars: Vec<char> = w.chars().collect();
            match how {
                0 => w.to_owned(),
                1 => chars.iter().take(at.max(2)).collect(),
                _ => chars
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != at % chars.len().max(1))
                    .map(|(_, c)| *c)
                    .collect(),
            }
        }),
        0..3,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn the_index_agrees_with_scoring_each_document(
        docs in prop::collection::vec(prop::collection::vec(text(), 1..3), 0..12),
        q in query(),
    ) {
        let index = Index::new(docs.iter().map(|d| d.iter().map(String::as_str)));
        let q = Query::new(&q);
        let expected: Vec<Option<u32>> = docs
            .iter()
            .map(|d| score(&q, &Haystack::new(&d.iter().map(String::as_str).collect::<Vec<_>>())))
            .collect();
        prop_assert_eq!(index.scores(&q), expected);
    }
}
