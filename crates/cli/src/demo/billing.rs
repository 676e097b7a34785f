//! The demo's month's close (invented): seller, tariffs, billing addresses, funds,
//! engagements and a year of past appointments.

use super::*;

/// Check digits of a Leitweg-ID (ISO 7064 mod 97-10) for invented demo addresses.
fn leitweg(base: &str) -> String {
    let digits: String = base.chars().filter(char::is_ascii_digit).collect();
    let rem = digits
        .bytes()
        .fold(0u32, |r, b| (r * 10 + u32::from(b - b'0')) % 97);
    format!("{base}-{:02}", 98 - (rem * 100) % 97)
}

/// The month's close (invented): the centre as seller, tariffs, billing addresses, funds,
/// engagements, and a year of past appointments, the last month not closed yet.
pub(super) async fn month_close(app: &App, admin: &mittler_app::Actor) -> Result<()> {
    use mittler_app::billing::{self, SettingsPatch};
    use mittler_domain::billing::{
        BillingAddress, Card, CardInput, Engagement, Month, Seller, TariffInput, Vat,
    };
    let seller = Seller {
        legal_name: "Stadt Essen (Demo) – Kommunales Integrationszentrum".into(),
        street: "Beispielstraße 1".into(),
        postcode: "45127".into(),
        city: "Essen".into(),
        country: "DE".into(),
        tax_number: Some("112/5000/0000".into()),
        vat_id: None,
        iban: "DE02120300000000202051".into(),
        bic: "BYLADEM1001".into(),
        contact_name: "Team Sprachmittlung (Demo)".into(),
        phone: "0201 000000".into(),
        email: "sprachmittlung@ki-essen.example".into(),
    };
    let patch = SettingsPatch {
        seller: Some(seller),
        vat: Some(Vat::default()),
        allowance_cents: Vec::new(),
    };
    billing::set_settings(app, admin, &patch)
        .await
        .map_err(err)?;
    let card = |cph: i64, flat: i64, tcph: i64| -> CardInput {
        Card {
            cents_per_hour: cph,
            minimum_min: 60,
            step_min: 30,
            flat_cents: flat,
            per_km_cents: 30,
            travel_cents_per_hour: tcph,
            travel_step_min: 30,
            night_pct: 25,
            sunday_pct: 50,
            holiday_pct: 125,
            cancel_pct: 100,
        }
        .into()
    };
    let all: Vec<String> = mittler_domain::institution::Category::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    let onsite = TariffInput {
        name: "Vor Ort".into(),
        categories: all.clone(),
        modes: vec!["onsite".into()],
        valid_from: "2024-01-01".into(),
        valid_to: None,
        client: Some(card(4500, 0, 0)),
        mediator: Some(card(2500, 600, 1000)),
    };
    let remote = TariffInput {
        name: "Telefon und Video".into(),
        categories: all,
        modes: vec!["phone".into(), "video".into()],
        valid_from: "2024-01-01".into(),
        valid_to: None,
        client: Some(CardInput {
            minimum_min: Some(30),
            step_min: Some(15),
            ..card(4000, 0, 0)
        }),
        mediator: Some(CardInput {
            minimum_min: Some(30),
            step_min: Some(15),
            ..card(2200, 0, 0)
        }),
    };
    billing::save_tariff(app, admin, None, &onsite)
        .await
        .map_err(err)?;
    billing::save_tariff(app, admin, None, &remote)
        .await
        .map_err(err)?;
    let insts = institutions::list(app, admin, "", false)
        .await
        .map_err(err)?;
    for (n, i) in insts.iter().enumerate() {
        let address = BillingAddress {
            name: i.name.clone(),
            street: i
                .places
                .first()
                .map(|p| p.address.clone())
                .unwrap_or_else(|| "Beispielweg 1".into()),
            postcode: "45127".into(),
            city: "Essen".into(),
            country: "DE".into(),
            email: format!("rechnung{n}@einrichtung.example"),
            leitweg_id: (i.category == mittler_domain::institution::Category::Authority)
                .then(|| leitweg(&format!("05113-{:05}", 10_000 + n))),
            vat_id: None,
        };
        billing::set_institution_billing(app, admin, i.id, Some(&address))
            .await
            .map_err(err)?;
    }
    let meds = mediators::list(app, admin, "", true).await.map_err(err)?;
    for (n, m) in meds.iter().enumerate() {
        let e = match n % 6 {
            4 => Engagement::Freelance,
            5 => Engagement::Employee,
            _ => Engagement::Volunteer,
        };
        billing::set_engagement(app, admin, m.id, e)
            .await
            .map_err(err)?;
    }
    let today = app.now().to_zoned(mittler_app::local_time::zone()).date();
    let this = Month::of(today);
    let year_from = Month {
        year: this.year,
        month: 1,
    }
    .first_day()
    .to_string();
    let year_to = Month {
        year: this.year,
        month: 12,
    }
    .next()
    .first_day()
    .yesterday()
    .map(|d| d.to_string())
    .unwrap_or_default();
    for (name, budget, rules) in [
        (
            "Landesförderung Sprachmittlung (Demo)",
            3_000_000,
            mittler_domain::billing::fund::RulesInput {
                sectors: vec!["medical".into(), "psychotherapy".into(), "social".into()],
                ..Default::default()
            },
        ),
        ("Kommunaler Haushalt (Demo)", 5_000_000, Default::default()),
    ] {
        let input = mittler_domain::billing::fund::FundInput {
            name: name.into(),
            budget_cents: Some(budget),
            from: year_from.clone(),
            to: year_to.clone(),
            rules,
            priority: Some(if budget < 4_000_000 { 1 } else { 10 }),
        };
        mittler_app::funds::save(app, admin, None, &input)
            .await
            .map_err(err)?;
    }
    // Twelve months up to the last one, which is left for the visitor to close.
    let mut first = this;
    for _ in 0..12 {
        first = if first.month == 1 {
            Month {
                year: first.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: first.year,
                month: first.month - 1,
            }
        };
    }
    let spec = mittler_app::history::PastSpec {
        first,
        months: 12,
        per_month: 60,
        seed: 2026,
    };
    mittler_app::history::import(app, admin, &spec)
        .await
        .map_err(err)?;
    Ok(())
}
