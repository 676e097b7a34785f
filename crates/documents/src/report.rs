//! The report's summary as CSV for German Excel (semicolons, decimal commas, UTF-8 with
//! a byte order mark, written by the `csv` crate) and as a PDF with a bar chart.

use crate::pdf::{Align, LEFT, Layout, RIGHT};
use crate::{DocError, Result, euros};
use mittler_domain::report::Summary;

/// The words of the report in the reader's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportLabels {
    pub title: String,
    /// `01.01.2027 – 31.12.2027, nach Sprache`.
    pub subtitle: String,
    /// Column headings: key, requests, served, unserved, cancelled, late cancelled, hours,
    /// client amount, mediator amount, median lead time.
    pub columns: [String; 10],
    pub total: String,
    /// Heading and the four reasons of the unserved requests.
    pub reasons: [String; 5],
    /// The readable name of each row's key (a language's name for its code, and so on).
    pub keys: Vec<(String, String)>,
}

impl ReportLabels {
    fn key<'a>(&'a self, key: &'a str) -> &'a str {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or(key)
    }
}

pub(crate) fn comma(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!(
        "{sign}{},{:02}",
        cents.unsigned_abs() / 100,
        cents.unsigned_abs() % 100
    )
}

/// The summary as CSV for German Excel.
pub fn report_csv(s: &Summary, l: &ReportLabels) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let err = |e: csv::Error| DocError::Xml(format!("csv: {e}"));
    w.write_record(l.columns.iter()).map_err(err)?;
    for r in s.rows.iter().chain(std::iter::once(&s.total)) {
        let key = if std::ptr::eq(r, &s.total) {
            l.total.as_str()
        } else {
            l.key(&r.key)
        };
        w.write_record([
            key.to_owned(),
            r.requests.to_string(),
            r.served.to_string(),
            r.unserved.to_string(),
            r.cancelled.to_string(),
            r.late_cancelled.to_string(),
            comma(r.hours),
            money(r.client_cents),
            money(r.mediator_cents),
            r.median_lead_h.map(comma).unwrap_or_default(),
        ])
        .map_err(err)?;
    }
    w.write_record([""; 10]).map_err(err)?;
    let u = &s.unserved_reasons;
    for (label, n) in
        l.reasons
            .iter()
            .skip(1)
            .zip([u.no_speaker, u.nobody_free, u.short_notice, u.unfunded])
    {
        w.write_record([
            label.as_str(),
            &n.to_string(),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])
        .map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| DocError::Xml(format!("csv: {e}")))
}

/// The summary as a PDF: a table and a bar chart of requests against served.
pub fn report_pdf(s: &Summary, l: &ReportLabels) -> Result<Vec<u8>> {
    let mut p = Layout::new();
    p.line(&l.title, 15.0, true);
    p.line(&l.subtitle, 10.0, false);
    p.gap(8.0);
    let cols: [(f32, Align); 7] = [
        (LEFT, Align::Left),
        (LEFT + 200.0, Align::Right),
        (LEFT + 250.0, Align::Right),
        (LEFT + 300.0, Align::Right),
        (LEFT + 350.0, Align::Right),
        (LEFT + 410.0, Align::Right),
        (RIGHT, Align::Right),
    ];
    let heads = [
        &l.columns[0],
        &l.columns[1],
        &l.columns[2],
        &l.columns[3],
        &l.columns[4],
        &l.columns[6],
        &l.columns[7],
    ];
    let header = |p: &mut Layout| {
        p.shade(LEFT - 4.0, p.y - 10.0, RIGHT - LEFT + 8.0, 14.0);
        for ((x, a), h) in cols.iter().zip(heads) {
            p.text_at(*x, h, 8.0, true, *a);
        }
        p.y += 16.0;
    };
    header(&mut p);
    for r in s.rows.iter().chain(std::iter::once(&s.total)) {
        if p.need(14.0) {
            header(&mut p);
        }
        let total = std::ptr::eq(r, &s.total);
        let key = if total {
            l.total.as_str()
        } else {
            l.key(&r.key)
        };
        let cells = [
            key.to_owned(),
            r.requests.to_string(),
            r.served.to_string(),
            r.unserved.to_string(),
            r.cancelled.to_string(),
            comma(r.hours),
            euros(r.client_cents),
        ];
        for ((x, a), c) in cols.iter().zip(cells.iter()) {
            p.text_at(*x, c, 8.5, total, *a);
        }
        p.y += 4.0;
        p.rule(LEFT, RIGHT, 0.3);
        p.y += 10.0;
    }
    p.gap(10.0);
    p.need(80.0);
    p.line(&l.reasons[0], 11.0, true);
    let u = &s.unserved_reasons;
    for (label, n) in
        l.reasons
            .iter()
            .skip(1)
            .zip([u.no_speaker, u.nobody_free, u.short_notice, u.unfunded])
    {
        p.need(14.0);
        p.text_at(LEFT, label, 9.0, false, Align::Left);
        p.text_at(RIGHT, &n.to_string(), 9.0, false, Align::Right);
        p.y += 13.0;
    }
    // Bars: requests per row, the served part darker.
    let max = s.rows.iter().map(|r| r.requests).max().unwrap_or(0).max(1) as f32;
    p.gap(12.0);
    for r in s.rows.iter().take(40) {
        p.need(14.0);
        p.text_at(LEFT, l.key(&r.key), 8.0, false, Align::Left);
        let width = (RIGHT - LEFT - 160.0) * r.requests as f32 / max;
        let served = (RIGHT - LEFT - 160.0) * r.served as f32 / max;
        p.shade(LEFT + 130.0, p.y - 8.0, width, 9.0);
        p.bar(LEFT + 130.0, p.y - 8.0, served, 9.0);
        p.text_at(
            RIGHT,
            &format!("{}/{}", r.served, r.requests),
            8.0,
            false,
            Align::Right,
        );
        p.y += 13.0;
    }
    p.finish(&l.title)
}
