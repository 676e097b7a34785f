//! Properties of the seat lottery over random offers, quotas, families and seeds.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};

use mittler_domain::lottery::{Draw, Entry, Quota, draw};
use proptest::prelude::*;
use uuid::Uuid;

const GROUPS: [&str; 3] = ["newly_arrived", "refugee", "senior"];
const FAMILIES: [&str; 4] = ["a", "b", "c", "d"];

fn quotas() -> impl Strategy<Value = Vec<Quota>> {
    prop::collection::vec((0..GROUPS.len(), 0u32..15), 0..4).prop_map(|qs| {
        qs.into_iter()
            .map(|(g, seats)| Quota {
                group: GROUPS[g].to_owned(),
                seats,
            })
            .collect()
    })
}

fn entries() -> impl Strategy<Value = Vec<Entry>> {
    let entry = (
        1u32..5,
        prop::option::weighted(0.7, 0..GROUPS.len()),
        prop::option::weighted(0.3, 0..FAMILIES.len()),
    );
    prop::collection::vec(entry, 0..30).prop_map(|es| {
        es.into_iter()
            .enumerate()
            .map(|(i, (seats, group, family))| Entry {
                id: Uuid::from_u128(i as u128 + 1),
                seats,
                group: group.map(|g| GROUPS[g].to_owned()),
                family: family.map(|f| FAMILIES[f].to_owned()),
                // Unique but not in slice order.
                order: (i as u64 * 7919) % 30_011,
            })
            .collect()
    })
}

/// Entries that must win or lose together: by family key, or alone.
fn units(entries: &[Entry]) -> Vec<Vec<&Entry>> {
    let mut families: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    let mut units = Vec::new();
    for e in entries {
        match e.family.as_deref() {
            Some(f) => families.entry(f).or_default().push(e),
            None => units.push(vec![e]),
        }
    }
    units.extend(families.into_values());
    units
}

fn seats(unit: &[&Entry]) -> u64 {
    unit.iter().map(|e| u64::from(e.seats)).sum()
}

fn won_seats(result: &Draw, entries: &[Entry]) -> u64 {
    entries
        .iter()
        .filter(|e| result.winners.contains(&e.id))
        .map(|e| u64::from(e.seats))
        .sum()
}

proptest! {
    #[test]
    fn winners_fit_and_everyone_is_listed_once(
        capacity in 0u32..40,
        quotas in quotas(),
        entries in entries(),
        seed in any::<u64>(),
    ) {
        let result = draw(capacity, &quotas, &entries, seed);
        prop_assert!(won_seats(&result, &entries) <= u64::from(capacity));

        let mut listed: Vec<Uuid> = result.winners.iter().chain(&result.waitlist).copied().collect();
        listed.sort();
        let mut all: Vec<Uuid> = entries.iter().map(|e| e.id).collect();
        all.sort();
        prop_assert_eq!(listed, all);
    }

    #[test]
    fn families_win_or_lose_whole_and_no_waiting_unit_would_fit(
        capacity in 0u32..40,
        quotas in quotas(),
        entries in entries(),
        seed in any::<u64>(),
    ) {
        let result = draw(capacity, &quotas, &entries, seed);
        let winners: BTreeSet<Uuid> = result.winners.iter().copied().collect();
        let left = u64::from(capacity) - won_seats(&result, &entries);
        for unit in units(&entries) {
            let won = unit.iter().filter(|e| winners.contains(&e.id)).count();
            prop_assert!(won == 0 || won == unit.len(), "unit split: {:?}", unit);
            // The open draw walks every waiting unit: one that fits now would have won.
            if won == 0 {
                prop_assert!(seats(&unit) > left, "unit {:?} fits in {} seats left", unit, left);
            }
        }
    }

    #[test]
    fn quota_group_gets_its_seats_unless_its_waiting_units_do_not_fit(
        capacity in 0u32..40,
        quotas in quotas(),
        entries in entries(),
        seed in any::<u64>(),
    ) {
        let result = draw(capacity, &quotas, &entries, seed);
        let winners: BTreeSet<Uuid> = result.winners.iter().copied().collect();
        let units = units(&entries);
        let group_of = |unit: &[&Entry]| -> Option<String> {
            let first = unit.first()?.group.clone()?;
            unit.iter().all(|e| e.group.as_deref() == Some(&first)).then_some(first)
        };
        let clamped = |q: &Quota| u64::from(q.seats).min(u64::from(capacity));
        // The first quota always has the capacity its seats need; later ones do when all
        // quotas together fit in the capacity.
        let quotas_fit = quotas.iter().map(clamped).sum::<u64>() <= u64::from(capacity);
        for (i, quota) in quotas.iter().enumerate() {
            if i > 0 && !quotas_fit {
                continue;
            }
            let group_won: u64 = units
                .iter()
                .filter(|u| group_of(u).as_deref() == Some(quota.group.as_str()))
                .filter(|u| winners.contains(&u[0].id))
                .map(|u| seats(u))
                .sum();
            for unit in &units {
                if group_of(unit).as_deref() == Some(quota.group.as_str())
                    && !winners.contains(&unit[0].id)
                {
                    // It was skipped because the quota had fewer seats left than it needs.
                    prop_assert!(
                        group_won + seats(unit) > clamped(quota),
                        "{:?} waits though quota {:?} had room ({} won)", unit, quota, group_won
                    );
                }
            }
        }
    }

    #[test]
    fn same_input_gives_the_same_draw_whatever_the_slice_order(
        capacity in 0u32..40,
        quotas in quotas(),
        entries in entries(),
        seed in any::<u64>(),
    ) {
        let result = draw(capacity, &quotas, &entries, seed);
        prop_assert_eq!(&result, &draw(capacity, &quotas, &entries, seed));
        let mut reversed = entries.clone();
        reversed.reverse();
        prop_assert_eq!(&result, &draw(capacity, &quotas, &reversed, seed));
    }
}
