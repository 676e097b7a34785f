//! An invoice or credit note as a PDF, in German.

use crate::pdf::{Align, LEFT, Layout, RIGHT};
use crate::{DocKind, InvoiceDoc, Result, euros, german_date};

/// Table columns: (right edge or left start, heading, alignment).
const COLS: [(f32, &str, Align); 7] = [
    (LEFT, "Pos.", Align::Left),
    (LEFT + 28.0, "Leistung", Align::Left),
    (RIGHT - 250.0, "Min.", Align::Right),
    (RIGHT - 190.0, "Zeit", Align::Right),
    (RIGHT - 130.0, "Zuschlag", Align::Right),
    (RIGHT - 70.0, "Fahrt", Align::Right),
    (RIGHT, "Betrag", Align::Right),
];

pub fn invoice_pdf(doc: &InvoiceDoc) -> Result<Vec<u8>> {
    doc.check()?;
    let s = &doc.seller;
    let b = &doc.buyer;
    let mut l = Layout::new();
    let mut footer = vec![format!(
        "{} · {}, {} {}",
        s.legal_name, s.street, s.postcode, s.city
    )];
    let mut ids = vec![format!("IBAN {} · BIC {}", s.iban, s.bic)];
    if let Some(t) = &s.tax_number {
        ids.push(format!("Steuernummer {t}"));
    }
    if let Some(v) = &s.vat_id {
        ids.push(format!("USt-IdNr. {v}"));
    }
    footer.push(ids.join(" · "));
    l.footer(footer);

    l.line(&s.legal_name, 13.0, true);
    l.line(
        &format!("{} · {} {}", s.street, s.postcode, s.city),
        8.5,
        false,
    );
    l.gap(18.0);
    l.line(&b.name, 10.0, false);
    l.line(&b.street, 10.0, false);
    l.line(&format!("{} {}", b.postcode, b.city), 10.0, false);
    l.gap(24.0);
    let title = match &doc.kind {
        DocKind::Invoice => format!("Rechnung {}", doc.number),
        DocKind::CreditNote { .. } => format!("Gutschrift {}", doc.number),
    };
    l.line(&title, 15.0, true);
    let meta = [
        ("Datum", german_date(doc.issued_on)),
        (
            "Leistungszeitraum",
            format!("{:02}/{:04}", doc.period.month, doc.period.year),
        ),
        (
            if b.leitweg_id.is_some() {
                "Leitweg-ID"
            } else {
                "Ihre Referenz"
            },
            doc.buyer_reference.clone(),
        ),
        (
            "Ansprechperson",
            format!("{}, {}, {}", s.contact_name, s.phone, s.email),
        ),
    ];
    for (k, v) in meta {
        l.need(14.0);
        l.text_at(LEFT, k, 9.0, true, Align::Left);
        l.text_at(LEFT + 110.0, &v, 9.0, false, Align::Left);
        l.y += 13.0;
    }
    if let DocKind::CreditNote {
        of,
        of_date,
        reason,
    } = &doc.kind
    {
        l.gap(4.0);
        l.paragraph(
            LEFT,
            RIGHT - LEFT,
            &format!(
                "Diese Gutschrift hebt die Rechnung {of} vom {} auf. Grund: {reason}",
                german_date(*of_date)
            ),
            9.0,
        );
    }
    l.gap(14.0);
    header(&mut l);
    for (i, line) in doc.lines.iter().enumerate() {
        if l.need(30.0) {
            header(&mut l);
        }
        let cells = [
            (i + 1).to_string(),
            line.title.clone(),
            line.minutes.to_string(),
            euros(line.time_cents),
            euros(line.surcharge_cents),
            euros(line.travel_cents),
            euros(line.total_cents),
        ];
        for ((x, _, align), text) in COLS.iter().zip(cells.iter()) {
            l.text_at(*x, text, 8.5, false, *align);
        }
        l.y += 11.0;
        l.text_at(LEFT + 28.0, &line.detail, 7.5, false, Align::Left);
        l.y += 6.0;
        l.rule(LEFT, RIGHT, 0.3);
        l.y += 11.0;
    }
    l.need(80.0);
    l.gap(4.0);
    let total = |l: &mut Layout, k: &str, v: String, bold: bool| {
        l.text_at(RIGHT - 200.0, k, 9.5, bold, Align::Left);
        l.text_at(RIGHT, &v, 9.5, bold, Align::Right);
        l.y += 14.0;
    };
    total(&mut l, "Summe netto", euros(doc.net_cents), false);
    match &doc.vat {
        mittler_domain::billing::Vat::Exempt { .. } => {
            total(&mut l, "Umsatzsteuer", euros(0), false)
        }
        mittler_domain::billing::Vat::Rate { percent } => total(
            &mut l,
            &format!("Umsatzsteuer {percent} %"),
            euros(doc.vat_cents),
            false,
        ),
    }
    total(&mut l, "Gesamtbetrag", euros(doc.total_cents), true);
    l.gap(10.0);
    if let mittler_domain::billing::Vat::Exempt { note } = &doc.vat {
        l.paragraph(LEFT, RIGHT - LEFT, note, 9.0);
    }
    match doc.kind {
        DocKind::Invoice => l.paragraph(
            LEFT,
            RIGHT - LEFT,
            &format!(
                "Bitte überweisen Sie den Betrag bis zum {} auf das Konto IBAN {} (BIC {}) unter Angabe der Rechnungsnummer {}.",
                german_date(doc.due_on()),
                s.iban,
                s.bic,
                doc.number
            ),
            9.0,
        ),
        DocKind::CreditNote { .. } => {
            l.paragraph(LEFT, RIGHT - LEFT, "Der Betrag wird erstattet oder mit offenen Rechnungen verrechnet.", 9.0)
        }
    }
    l.finish(&title)
}

fn header(l: &mut Layout) {
    l.shade(LEFT - 4.0, l.y - 10.0, RIGHT - LEFT + 8.0, 14.0);
    for (x, h, align) in COLS {
        l.text_at(x, h, 8.5, true, align);
    }
    l.y += 16.0;
}
