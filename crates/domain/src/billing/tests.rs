use super::price::*;
use super::tariff::*;
use super::*;
use crate::institution::Category;
use crate::request::Mode;
use jiff::civil::{date, datetime};
use proptest::prelude::*;

/// The example cards of `billing.md` (client / mediator).
fn client() -> Card {
    Card {
        cents_per_hour: 4500,
        minimum_min: 60,
        step_min: 30,
        flat_cents: 0,
        per_km_cents: 30,
        travel_cents_per_hour: 0,
        travel_step_min: 30,
        night_pct: 25,
        sunday_pct: 50,
        holiday_pct: 125,
        cancel_pct: 100,
    }
}

fn mediator() -> Card {
    Card {
        cents_per_hour: 2500,
        flat_cents: 600,
        travel_cents_per_hour: 1000,
        ..client()
    }
}

fn work(minutes: i64) -> Work {
    Work {
        kind: Kind::Assignment,
        // A Wednesday morning, no holiday.
        start: datetime(2027, 3, 10, 9, 0, 0, 0),
        minutes,
        onsite: true,
        travel_km_tenths: 125,
        travel_min: 40,
    }
}

#[test]
fn sixty_one_minutes_are_billed_as_ninety() {
    assert_eq!(billed_minutes(&client(), 61), 90);
    assert_eq!(billed_minutes(&client(), 60), 60);
    assert_eq!(billed_minutes(&client(), 5), 60);
    assert_eq!(billed_minutes(&client(), 91), 120);
}

#[test]
fn an_on_site_assignment_on_both_cards() {
    let c = price(&client(), &work(61));
    assert_eq!(
        (
            c.minutes,
            c.time_cents,
            c.surcharge_cents,
            c.travel_cents,
            c.total_cents
        ),
        // 1.5 h × 45 €; 12.5 km × 0.30 € = 3.75 €; no travel time paid.
        (90, 6750, 0, 375, 7125)
    );
    let m = price(&mediator(), &work(61));
    // 1.5 h × 25 €; 6 € flat + 3.75 € + 40 min → 60 min × 10 €/h.
    assert_eq!(
        (m.time_cents, m.travel_cents, m.total_cents),
        (3750, 600 + 375 + 1000, 5725)
    );
}

#[test]
fn remote_work_has_no_travel() {
    let mut w = work(61);
    w.onsite = false;
    assert_eq!(price(&mediator(), &w).travel_cents, 0);
}

#[test]
fn only_the_highest_surcharge_applies() {
    let card = client();
    // Weekday night.
    assert_eq!(surcharge_pct(&card, datetime(2027, 3, 10, 21, 0, 0, 0)), 25);
    assert_eq!(surcharge_pct(&card, datetime(2027, 3, 10, 5, 59, 0, 0)), 25);
    assert_eq!(surcharge_pct(&card, datetime(2027, 3, 10, 6, 0, 0, 0)), 0);
    assert_eq!(surcharge_pct(&card, datetime(2027, 3, 10, 19, 59, 0, 0)), 0);
    // A Sunday night: Sunday beats night.
    assert_eq!(surcharge_pct(&card, datetime(2027, 3, 14, 22, 0, 0, 0)), 50);
    // Easter Sunday 2027: a Sunday, and in NRW no statutory holiday; Easter Monday is.
    assert_eq!(surcharge_pct(&card, datetime(2027, 3, 28, 10, 0, 0, 0)), 50);
    assert_eq!(
        surcharge_pct(&card, datetime(2027, 3, 29, 10, 0, 0, 0)),
        125
    );
    let mut w = work(60);
    w.start = datetime(2027, 3, 29, 10, 0, 0, 0);
    let p = price(&client(), &w);
    assert_eq!((p.time_cents, p.surcharge_cents), (4500, 5625));
}

#[test]
fn a_late_cancellation_pays_its_share_of_the_booked_time_and_no_travel() {
    let mut card = client();
    let w = Work {
        kind: Kind::LateCancellation,
        minutes: 90,
        ..work(0)
    };
    let p = price(&card, &w);
    assert_eq!(
        (p.minutes, p.time_cents, p.travel_cents, p.total_cents),
        (90, 6750, 0, 6750)
    );
    card.cancel_pct = 50;
    assert_eq!(price(&card, &w).total_cents, 3375);
}

#[test]
fn calls_are_billed_by_started_minutes() {
    assert_eq!(call_minutes(0), 0);
    assert_eq!(call_minutes(61), 2);
    let card = Card {
        minimum_min: 10,
        step_min: 1,
        ..client()
    };
    let w = Work {
        kind: Kind::Call,
        minutes: call_minutes(12 * 60 + 1),
        onsite: false,
        ..work(0)
    };
    let p = price(&card, &w);
    assert_eq!((p.minutes, p.time_cents, p.travel_cents), (13, 975, 0));
}

#[test]
fn halves_round_up() {
    let card = Card {
        cents_per_hour: 30,
        minimum_min: 0,
        step_min: 1,
        ..client()
    };
    // 1 min × 0.30 €/h = 0.5 cent → 1 cent.
    assert_eq!(time_cents(&card, 1), 1);
    assert_eq!(div_half_up(5, 10), 1);
    assert_eq!(div_half_up(4, 10), 0);
    assert_eq!(div_half_up(-5, 10), -1);
    // 12.5 km × 3 ct = 37.5 ct → 38 ct.
    assert_eq!(
        travel_cents(
            &Card {
                per_km_cents: 3,
                flat_cents: 0,
                ..client()
            },
            125,
            0
        ),
        38
    );
    assert_eq!(Vat::Rate { percent: 19 }.on(6750), 1283);
    assert_eq!(Vat::default().on(6750), 0);
}

#[test]
fn months_parse_exactly() {
    assert_eq!(
        Month::parse("2027-03"),
        Some(Month {
            year: 2027,
            month: 3
        })
    );
    assert_eq!(
        Month::parse("2027-12").map(|m| m.next().to_string()),
        Some("2028-01".into())
    );
    for bad in [
        "2027-13",
        "2027-3",
        "27-03",
        "2027/03",
        "",
        "2027-00",
        "١٠٢٧-03",
        "3000-01",
    ] {
        assert_eq!(Month::parse(bad), None, "{bad}");
    }
}

#[test]
fn distances_parse_with_one_decimal() {
    assert_eq!(parse_km("12,5"), Some(125));
    assert_eq!(parse_km("12.5"), Some(125));
    assert_eq!(parse_km("0"), Some(0));
    assert_eq!(parse_km("500"), Some(5000));
    for bad in ["500,1", "10000", "-3", "1,25", "x", ""] {
        assert_eq!(parse_km(bad), None, "{bad}");
    }
    assert_eq!(km_text(125), "12,5");
    // 10 km as the crow flies: 26 km by road there and back; 44 km still plausible.
    assert_eq!(plausible_km_tenths(10.0), 440);
}

#[test]
fn the_allowance_is_announced_at_80_and_100_percent() {
    assert_eq!(default_allowance_cents(2025), 84_000);
    assert_eq!(default_allowance_cents(2026), 96_000);
    assert_eq!(allowance_crossed(96_000, 70_000, 76_800), Some(80));
    assert_eq!(allowance_crossed(96_000, 76_800, 90_000), None);
    assert_eq!(allowance_crossed(96_000, 70_000, 96_000), Some(100));
    assert_eq!(allowance_crossed(96_000, 96_000, 99_000), None);
    assert_eq!(document_number(2027, 12), "2027-0012");
}

fn input() -> TariffInput {
    TariffInput {
        name: "Behörden vor Ort".into(),
        categories: vec!["authority".into(), "social".into()],
        modes: vec!["onsite".into()],
        valid_from: "2027-01-01".into(),
        valid_to: None,
        client: Some(client().into()),
        mediator: Some(mediator().into()),
    }
}

fn stored(d: TariffDraft) -> Tariff {
    Tariff {
        id: uuid::Uuid::new_v4(),
        name: d.name,
        categories: d.categories,
        modes: d.modes,
        valid_from: d.valid_from,
        valid_to: d.valid_to,
        client: d.client,
        mediator: d.mediator,
    }
}

#[test]
fn a_tariff_names_every_bad_field() {
    let mut i = input();
    i.categories = vec!["bakery".into()];
    i.modes = vec![];
    i.valid_from = "2027-1-1".into();
    i.client = None;
    let mut m = CardInput::from(mediator());
    m.cents_per_hour = Some(-1);
    m.step_min = Some(0);
    m.night_pct = None;
    m.holiday_pct = Some(i64::MAX);
    i.mediator = Some(m);
    let e = i.validate().unwrap_err();
    assert_eq!(e.get("categories[0]"), Some("invalid"));
    assert_eq!(e.get("modes"), Some("required"));
    assert_eq!(e.get("valid_from"), Some("invalid"));
    assert_eq!(e.get("client"), Some("required"));
    assert_eq!(e.get("mediator.cents_per_hour"), Some("too-small"));
    assert_eq!(e.get("mediator.step_min"), Some("too-small"));
    assert_eq!(e.get("mediator.night_pct"), Some("required"));
    assert_eq!(e.get("mediator.holiday_pct"), Some("too-large"));
    let mut i = input();
    i.valid_to = Some("2027-01-01".into());
    assert_eq!(
        i.validate().unwrap_err().get("valid_to"),
        Some("before-start")
    );
}

#[test]
fn overlapping_tariffs_are_refused_and_the_valid_one_is_found() {
    let first = {
        let mut i = input();
        i.valid_to = Some("2027-07-01".into());
        stored(i.validate().unwrap())
    };
    let all = vec![first.clone()];
    // Starts where the first ends: fine.
    let mut next = input();
    next.valid_from = "2027-07-01".into();
    assert!(check_overlap(&all, &next.validate().unwrap(), None).is_ok());
    // Starts inside it: refused, unless it is the same tariff being edited.
    let mut inside = input();
    inside.valid_from = "2027-06-30".into();
    let d = inside.validate().unwrap();
    assert_eq!(
        check_overlap(&all, &d, None).unwrap_err().get("valid_from"),
        Some("overlaps")
    );
    assert!(check_overlap(&all, &d, Some(first.id)).is_ok());
    // Another mode or category does not overlap.
    let mut phone = input();
    phone.modes = vec!["phone".into()];
    assert!(check_overlap(&all, &phone.validate().unwrap(), None).is_ok());
    let day = date(2027, 6, 30);
    assert!(tariff::find(&all, Category::Social, Mode::Onsite, day).is_some());
    assert!(tariff::find(&all, Category::School, Mode::Onsite, day).is_none());
    assert!(tariff::find(&all, Category::Social, Mode::Onsite, date(2027, 7, 1)).is_none());
}

fn any_card() -> impl Strategy<Value = Card> {
    (
        (0i64..=100_000, 0i64..=600, 1i64..=240, 0i64..=100_000),
        (0i64..=1_000, 0i64..=100_000, 1i64..=240),
        (0i64..=500, 0i64..=500, 0i64..=500, 0i64..=100),
    )
        .prop_map(
            |((cph, min, step, flat), (km, tcph, tstep), (n, s, h, c))| Card {
                cents_per_hour: cph,
                minimum_min: min,
                step_min: step,
                flat_cents: flat,
                per_km_cents: km,
                travel_cents_per_hour: tcph,
                travel_step_min: tstep,
                night_pct: n,
                sunday_pct: s,
                holiday_pct: h,
                cancel_pct: c,
            },
        )
}

proptest! {
    #[test]
    fn billed_minutes_never_below_worked_and_less_than_a_step_above(card in any_card(), w in 0i64..5000) {
        let b = billed_minutes(&card, w);
        prop_assert!(b >= w && b >= card.minimum_min);
        prop_assert!(b - w.max(card.minimum_min) < card.step_min);
        prop_assert!(b == card.minimum_min || (b - card.minimum_min) % card.step_min == 0);
    }

    #[test]
    fn more_time_never_costs_less(card in any_card(), w in 0i64..5000, more in 0i64..500,
                                  km in 0i64..5000, tm in 0i64..600, hour in 0i8..24, day in 1i8..29) {
        let start = datetime(2027, 2, day, hour, 0, 0, 0);
        let a = Work { kind: Kind::Assignment, start, minutes: w, onsite: true, travel_km_tenths: km, travel_min: tm };
        let b = Work { minutes: w + more, ..a };
        prop_assert!(price(&card, &b).total_cents >= price(&card, &a).total_cents);
        let further = Work { travel_km_tenths: km + 1, travel_min: tm + 1, ..a };
        prop_assert!(price(&card, &further).total_cents >= price(&card, &a).total_cents);
    }

    #[test]
    fn the_time_component_rounds_half_up_exactly(card in any_card(), w in 0i64..5000) {
        let b = billed_minutes(&card, w);
        let t = time_cents(&card, b);
        // t is the exact value rounded half up: t·60 − b·rate lies in (−30, 30].
        let diff = t * 60 - b * card.cents_per_hour;
        prop_assert!(diff > -30 && diff <= 30, "{diff}");
        let p = price(&card, &Work { kind: Kind::Assignment, start: datetime(2027, 2, 3, 9, 0, 0, 0), minutes: w, onsite: false, travel_km_tenths: 0, travel_min: 0 });
        prop_assert_eq!(p.total_cents, p.time_cents + p.surcharge_cents + p.travel_cents);
    }
}

mod runs {
    use super::*;
    use crate::billing::run::*;
    use std::collections::HashMap;
    use uuid::Uuid;

    fn item(
        inst: Uuid,
        category: Category,
        mediator: Option<(Uuid, Engagement)>,
        minutes: i64,
    ) -> Item {
        Item {
            request_id: Uuid::new_v4(),
            institution_id: inst,
            category,
            mode: Mode::Onsite,
            language: "ar".into(),
            day: date(2027, 3, 10),
            mediator,
            work: work(minutes),
            invoiced: false,
            paid: false,
        }
    }

    #[test]
    fn one_invoice_per_institution_one_statement_per_mediator_and_no_tariff_listed() {
        let tariff = stored(input().validate().unwrap());
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let (vol, emp) = (Uuid::new_v4(), Uuid::new_v4());
        let items = vec![
            item(
                a,
                Category::Authority,
                Some((vol, Engagement::Volunteer)),
                61,
            ),
            item(a, Category::Social, Some((emp, Engagement::Employee)), 60),
            // No tariff for schools.
            item(b, Category::School, Some((vol, Engagement::Volunteer)), 60),
            // Already invoiced, not yet on a statement.
            Item {
                invoiced: true,
                ..item(
                    a,
                    Category::Authority,
                    Some((vol, Engagement::Volunteer)),
                    60,
                )
            },
        ];
        let paid = HashMap::from([(vol, 90_000)]);
        let d = draft(
            &items,
            &[tariff],
            &Vat::Rate { percent: 19 },
            &YearSoFar {
                paid_cents: &paid,
                allowance_cents: 96_000,
            },
        );
        assert_eq!(d.without_tariff, vec![items[2].request_id]);
        assert_eq!(d.invoices.len(), 1);
        let inv = &d.invoices[0];
        assert_eq!(inv.institution_id, a);
        assert_eq!(inv.lines.len(), 2);
        assert_eq!(inv.net_cents, 7125 + 4500 + 375);
        assert_eq!(inv.vat_cents, Vat::Rate { percent: 19 }.on(inv.net_cents));
        assert_eq!(inv.total_cents, inv.net_cents + inv.vat_cents);
        let v = d.statements.iter().find(|s| s.mediator_id == vol).unwrap();
        assert_eq!(v.lines.len(), 2);
        assert_eq!(v.total_cents, 5725 + (2500 + 600 + 375 + 1000));
        assert_eq!(v.year_to_date_cents, 90_000 + v.total_cents);
        assert_eq!(v.allowance_left_cents, Some(96_000 - v.year_to_date_cents));
        let e = d.statements.iter().find(|s| s.mediator_id == emp).unwrap();
        assert_eq!(
            (
                e.total_cents,
                e.allowance_left_cents,
                e.lines[0].priced.minutes
            ),
            (0, None, 60)
        );
    }
}
