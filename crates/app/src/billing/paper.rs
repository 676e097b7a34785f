//! What goes on the paper of an issued month: the invoice's lines in German, the
//! statement's labels in the mediator's language, the mode of each request.

use super::*;

pub(super) fn weekday_de(d: Date) -> &'static str {
    match d.weekday() {
        Weekday::Monday => "Mo",
        Weekday::Tuesday => "Di",
        Weekday::Wednesday => "Mi",
        Weekday::Thursday => "Do",
        Weekday::Friday => "Fr",
        Weekday::Saturday => "Sa",
        Weekday::Sunday => "So",
    }
}

pub(super) fn mode_de(m: Option<Mode>) -> &'static str {
    match m {
        Some(Mode::Onsite) => "vor Ort",
        Some(Mode::Phone) => "Telefon",
        Some(Mode::Video) => "Video",
        None => "",
    }
}

/// How a line reads on a document (German: the documents' language).
pub(super) fn doc_line(l: &run::Line, mode: Option<Mode>) -> DocLine {
    let language = mittler_domain::language::lookup(&l.language)
        .map(|x| x.name_de)
        .unwrap_or(&l.language);
    let p = &l.priced;
    let what = match p.kind {
        Kind::Assignment => "Einsatz",
        Kind::LateCancellation => "Kurzfristige Absage",
        Kind::Call => "Anruf",
    };
    let short: String = l.request_id.simple().to_string().chars().take(8).collect();
    let mut detail = format!(
        "{what} {} {}, {}, Auftrag {short}",
        weekday_de(l.day),
        mittler_documents::german_date(l.day),
        mode_de(mode)
    );
    if p.surcharge_cents > 0 {
        detail.push_str(", mit Zuschlag");
    }
    DocLine {
        title: format!("Sprachmittlung {language}"),
        detail,
        day: l.day,
        minutes: p.minutes,
        time_cents: p.time_cents,
        surcharge_cents: p.surcharge_cents,
        travel_cents: p.travel_cents,
        total_cents: p.total_cents,
    }
}

pub(super) fn invoice_doc(
    inv: &InvoiceRow,
    kind: DocKind,
    number: &str,
    issued_on: Date,
    seller: &Seller,
    buyer: &BillingAddress,
    modes: &HashMap<Uuid, Mode>,
) -> Result<InvoiceDoc> {
    let period = parse_month(&inv.month)?;
    Ok(InvoiceDoc {
        kind,
        number: number.to_owned(),
        issued_on,
        due_days: DUE_DAYS,
        period,
        seller: seller.clone(),
        buyer: buyer.clone(),
        buyer_reference: buyer.leitweg_id.clone().unwrap_or_else(|| {
            format!(
                "Kunde {}",
                inv.institution_id
                    .simple()
                    .to_string()
                    .get(..8)
                    .unwrap_or("")
            )
        }),
        vat: inv.vat.clone(),
        lines: inv
            .lines
            .iter()
            .map(|l| doc_line(l, modes.get(&l.request_id).copied()))
            .collect(),
        net_cents: inv.net_cents,
        vat_cents: inv.vat_cents,
        total_cents: inv.total_cents,
    })
}

pub(super) fn labels(lang: crate::i18n::Lang, engagement: Engagement) -> StatementLabels {
    StatementLabels {
        title: lang.t("statement-title"),
        day: lang.t("statement-day"),
        service: lang.t("statement-service"),
        minutes: lang.t("statement-minutes"),
        amount: lang.t("statement-amount"),
        total: lang.t("statement-total"),
        year_to_date: lang.t("statement-year-to-date"),
        allowance_left: lang.t("statement-allowance-left"),
        note: lang.t(match engagement {
            Engagement::Volunteer => "statement-note-volunteer",
            Engagement::Freelance => "statement-note-freelance",
            Engagement::Employee => "statement-note-employee",
        }),
    }
}

/// The modes of the requests a run bills (for the lines' text).
pub(super) async fn modes_of(app: &App, tenant: Uuid, month: Month) -> Result<HashMap<Uuid, Mode>> {
    let rows = db::items(&app.db, tenant, month.first_day(), month.next().first_day()).await?;
    Ok(rows
        .iter()
        .filter_map(|r| Some((r.id, Mode::parse(&r.mode)?)))
        .collect())
}
