//! Every XRechnung made here goes through the official rules (`shared/einvoice/validate`),
//! and every PDF is read back with `pdftotext`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use jiff::civil::date;
use mittler_documents::*;
use mittler_domain::billing::{BillingAddress, Engagement, Month, Seller, Vat};
use std::path::{Path, PathBuf};
use std::process::Command;

fn validator() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/einvoice/validate")
}

/// Runs the validator on all files at once: (exit code, report).
fn validate(files: &[PathBuf]) -> (Option<i32>, String) {
    let out = Command::new(validator())
        .arg("-q")
        .args(files)
        .output()
        .expect("shared/einvoice/validate runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn seller() -> Seller {
    Seller {
        legal_name: "Stadt Musterstadt – Kommunales Integrationszentrum".into(),
        street: "Musterstraße 1".into(),
        postcode: "12345".into(),
        city: "Musterstadt".into(),
        country: "DE".into(),
        tax_number: Some("201/123/45678".into()),
        vat_id: None,
        iban: "DE02120300000000202051".into(),
        bic: "BYLADEM1001".into(),
        contact_name: "Team Sprachmittlung".into(),
        phone: "+49 1234 567890".into(),
        email: "sprachmittlung@ki-musterstadt.example".into(),
    }
}

fn buyer(leitweg: bool) -> BillingAddress {
    BillingAddress {
        name: "Jobcenter Musterstadt <Leistung & Markt>".into(),
        street: "Am Markt 3".into(),
        postcode: "12345".into(),
        city: "Musterstadt".into(),
        country: "DE".into(),
        email: "rechnung@jobcenter.example".into(),
        leitweg_id: leitweg.then(|| "05315-12345-85".into()),
        vat_id: None,
    }
}

fn line(minutes: i64, time: i64, surcharge: i64, travel: i64) -> DocLine {
    DocLine {
        title: "Sprachmittlung Arabisch".into(),
        detail: "Mi 10.03.2027, vor Ort, Auftrag 1a2b3c4d".into(),
        day: date(2027, 3, 10),
        minutes,
        time_cents: time,
        surcharge_cents: surcharge,
        travel_cents: travel,
        total_cents: time + surcharge + travel,
    }
}

fn invoice(vat: Vat, kind: DocKind) -> InvoiceDoc {
    // 90 min at 45 €/h; a call of 13 min at 45 €/h (9,75 €) with a 25 % night surcharge; travel.
    let lines = vec![
        line(90, 6750, 0, 375),
        line(13, 975, 244, 0),
        line(60, 4500, 5625, 0),
    ];
    let net: i64 = lines.iter().map(|l| l.total_cents).sum();
    let v = vat.on(net);
    InvoiceDoc {
        kind,
        number: "2027-0001".into(),
        issued_on: date(2027, 4, 2),
        due_days: 30,
        period: Month {
            year: 2027,
            month: 3,
        },
        seller: seller(),
        buyer: buyer(true),
        buyer_reference: "05315-12345-85".into(),
        vat,
        lines,
        net_cents: net,
        vat_cents: v,
        total_cents: net + v,
    }
}

#[test]
fn invoices_and_credit_notes_pass_the_official_xrechnung_rules_and_a_broken_one_does_not() {
    let dir = std::env::temp_dir().join(format!("mittler-xr-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let credit = DocKind::CreditNote {
        of: "2027-0001".into(),
        of_date: date(2027, 4, 2),
        reason: "Termin doppelt berechnet".into(),
    };
    let mut no_leitweg = invoice(Vat::Rate { percent: 19 }, DocKind::Invoice);
    no_leitweg.buyer = buyer(false);
    no_leitweg.buyer_reference = "Kundennummer 4711".into();
    let docs = [
        ("exempt", invoice(Vat::default(), DocKind::Invoice)),
        ("vat", invoice(Vat::Rate { percent: 19 }, DocKind::Invoice)),
        ("credit", invoice(Vat::default(), credit)),
        ("own-reference", no_leitweg),
    ];
    let mut files = Vec::new();
    for (name, d) in &docs {
        let xml = xrechnung::invoice(d).unwrap();
        let f = dir.join(format!("{name}.xml"));
        std::fs::write(&f, &xml).unwrap();
        files.push(f);
    }
    let (code, report) = validate(&files);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report.matches("VALID:").count(), 4, "{report}");
    assert!(!report.contains("warning"), "{report}");

    // The check can fail: an invoice without its buyer reference (BT-10) and with a wrong total.
    let good = std::fs::read_to_string(&files[0]).unwrap();
    let broken = good
        .replace(
            "<ram:BuyerReference>05315-12345-85</ram:BuyerReference>",
            "",
        )
        .replace("<ram:GrandTotalAmount>", "<ram:GrandTotalAmount>1");
    assert_ne!(broken, good);
    let f = dir.join("broken.xml");
    std::fs::write(&f, broken).unwrap();
    let (code, report) = validate(&[f]);
    assert_eq!(code, Some(1), "{report}");
    assert!(report.contains("INVALID"), "{report}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn figures_that_do_not_add_up_make_no_document() {
    let mut d = invoice(Vat::default(), DocKind::Invoice);
    d.net_cents += 1;
    assert!(matches!(xrechnung::invoice(&d), Err(DocError::Sums(_))));
    assert!(matches!(invoice_pdf(&d), Err(DocError::Sums(_))));
    let mut d = invoice(Vat::Rate { percent: 19 }, DocKind::Invoice);
    d.vat_cents -= 1;
    assert!(xrechnung::invoice(&d).is_err());
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir =
        std::env::temp_dir().join(format!("mittler-pdf-{}-{}", std::process::id(), pdf.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("doc.pdf");
    std::fs::write(&f, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&f)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_invoice_pdf_reads_back() {
    let pdf = invoice_pdf(&invoice(Vat::default(), DocKind::Invoice)).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdftotext(&pdf);
    for want in [
        "Rechnung 2027-0001",
        "05315-12345-85",
        "Jobcenter Musterstadt <Leistung & Markt>",
        "184,69 €",
        "Umsatzsteuerfrei nach § 4 Nr. 25 UStG",
        "DE02120300000000202051",
    ] {
        assert!(text.contains(want), "{want} missing in:\n{text}");
    }
}

fn labels(title: &str, total: &str, note: &str) -> StatementLabels {
    StatementLabels {
        title: title.into(),
        day: "Datum".into(),
        service: "Leistung".into(),
        minutes: "Minuten".into(),
        amount: "Betrag".into(),
        total: total.into(),
        year_to_date: "Summe im Jahr".into(),
        allowance_left: "Freibetrag übrig".into(),
        note: note.into(),
    }
}

#[test]
fn a_statement_in_german_with_arabic_as_the_second_column() {
    let doc = StatementDoc {
        centre: "Kommunales Integrationszentrum Musterstadt".into(),
        centre_address: "Musterstraße 1, 12345 Musterstadt".into(),
        mediator: "Samira Beispiel".into(),
        month: Month {
            year: 2027,
            month: 3,
        },
        engagement: Engagement::Volunteer,
        lines: vec![line(90, 3750, 0, 1975)],
        total_cents: 5725,
        year_to_date_cents: 80_000,
        allowance_left_cents: Some(16_000),
        german: labels(
            "Abrechnung",
            "Summe",
            "Aufwandsentschädigung nach § 3 Nr. 26a EStG.",
        ),
        second: Some(labels("كشف الحساب", "المجموع", "تعويض المصاريف")),
    };
    let text = pdftotext(&statement_pdf(&doc).unwrap());
    for want in [
        "Abrechnung 03/2027",
        "Samira Beispiel",
        "57,25 €",
        "800,00 €",
        "160,00 €",
        "المجموع",
        "الحساب",
    ] {
        assert!(text.contains(want), "{want} missing in:\n{text}");
    }
}
