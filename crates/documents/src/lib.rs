//! The documents Mittler issues, made from plain data: XRechnung 3.0 invoices and credit
//! notes (UN/CEFACT CII, written with `quick-xml`) and PDFs (laid out here, drawn by
//! `krilla` with embedded Noto fonts that shape Arabic). No I/O, no clock.

pub mod pdf;
pub mod xrechnung;

mod invoice_pdf;
mod report;
mod slip_pdf;
mod state_csv;
mod statement_pdf;

pub use invoice_pdf::invoice_pdf;
pub use report::{ReportLabels, report_csv, report_pdf};
pub use slip_pdf::{SlipDoc, SlipText, slip_pdf};
pub use state_csv::{StateLabels, state_cells, state_csv};
pub use statement_pdf::{StatementDoc, StatementLabels, statement_pdf};

use jiff::civil::Date;
use mittler_domain::billing::{BillingAddress, Month, Seller, Vat};

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("the sums of the document do not add up: {0}")]
    Sums(String),
    #[error("xml: {0}")]
    Xml(String),
    #[error("pdf: {0}")]
    Pdf(String),
}

pub type Result<T> = std::result::Result<T, DocError>;

/// An invoice or a credit note.
#[derive(Debug, Clone, PartialEq)]
pub enum DocKind {
    Invoice,
    /// A credit note (type 381) cancelling the invoice `of` issued on `of_date`.
    CreditNote {
        of: String,
        of_date: Date,
        reason: String,
    },
}

/// A line as printed: what was done, when, and its amounts in cents.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLine {
    /// `Sprachmittlung Arabisch`.
    pub title: String,
    /// `Mi 10.03.2027, vor Ort, Auftrag 1a2b3c4d, Nachtzuschlag`.
    pub detail: String,
    pub day: Date,
    /// The billed minutes.
    pub minutes: i64,
    pub time_cents: i64,
    pub surcharge_cents: i64,
    pub travel_cents: i64,
    pub total_cents: i64,
}

/// Everything an invoice shows.
#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceDoc {
    pub kind: DocKind,
    pub number: String,
    pub issued_on: Date,
    /// Payment within this many days.
    pub due_days: i64,
    pub period: Month,
    pub seller: Seller,
    pub buyer: BillingAddress,
    /// BT-10: the buyer's Leitweg-ID, else the institution's own reference.
    pub buyer_reference: String,
    pub vat: Vat,
    pub lines: Vec<DocLine>,
    pub net_cents: i64,
    pub vat_cents: i64,
    pub total_cents: i64,
}

impl InvoiceDoc {
    /// Refuses a document whose figures do not add up (no validator catches every such slip).
    pub fn check(&self) -> Result<()> {
        let sum: i64 = self.lines.iter().map(|l| l.total_cents).sum();
        let line_ok = self.lines.iter().all(|l| {
            l.total_cents == l.time_cents + l.surcharge_cents + l.travel_cents && l.total_cents >= 0
        });
        if self.lines.is_empty() || !line_ok || sum != self.net_cents {
            return Err(DocError::Sums(format!(
                "lines {sum} against net {}",
                self.net_cents
            )));
        }
        if self.vat.on(self.net_cents) != self.vat_cents
            || self.net_cents + self.vat_cents != self.total_cents
        {
            return Err(DocError::Sums(format!(
                "net {} + vat {} against total {}",
                self.net_cents, self.vat_cents, self.total_cents
            )));
        }
        Ok(())
    }

    pub fn due_on(&self) -> Date {
        self.issued_on
            .checked_add(jiff::Span::new().days(self.due_days))
            .unwrap_or(self.issued_on)
    }
}

/// `1234,50 €` style, as German money.
pub fn euros(cents: i64) -> String {
    mittler_domain::fee::euros(cents)
}

/// `10.03.2027`.
pub fn german_date(d: Date) -> String {
    format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
}
