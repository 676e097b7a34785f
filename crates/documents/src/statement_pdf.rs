//! A mediator's monthly statement as a PDF: German, with the mediator's own interface
//! language as a second column of labels where the interface has it.

use crate::pdf::{Align, LEFT, Layout, RIGHT};
use crate::{DocLine, Result, euros, german_date};
use mittler_domain::billing::{Engagement, Month};

/// The words of a statement in one language (from the interface's translations).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatementLabels {
    pub title: String,
    pub day: String,
    pub service: String,
    pub minutes: String,
    pub amount: String,
    pub total: String,
    pub year_to_date: String,
    pub allowance_left: String,
    /// Said under the figures: for volunteers the allowance rule, for employees "hours only".
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatementDoc {
    pub centre: String,
    pub centre_address: String,
    pub mediator: String,
    pub month: Month,
    pub engagement: Engagement,
    pub lines: Vec<DocLine>,
    pub total_cents: i64,
    pub year_to_date_cents: i64,
    pub allowance_left_cents: Option<i64>,
    pub german: StatementLabels,
    pub second: Option<StatementLabels>,
}

/// `Label / تسمية`: the German label and, where there is one, the second language's.
fn both(de: &str, second: Option<&str>) -> Vec<String> {
    match second {
        Some(s) if s != de => vec![de.to_owned(), s.to_owned()],
        _ => vec![de.to_owned()],
    }
}

pub fn statement_pdf(doc: &StatementDoc) -> Result<Vec<u8>> {
    let de = &doc.german;
    let two = doc.second.as_ref();
    let mut l = Layout::new();
    l.footer(vec![format!("{} · {}", doc.centre, doc.centre_address)]);
    l.line(&doc.centre, 13.0, true);
    l.gap(10.0);
    let month = format!("{:02}/{:04}", doc.month.month, doc.month.year);
    for (i, t) in both(&de.title, two.map(|s| s.title.as_str()))
        .iter()
        .enumerate()
    {
        if i == 0 {
            l.line(&format!("{t} {month}"), 15.0, true);
        } else {
            l.need(18.0);
            l.text_at(RIGHT, t, 13.0, false, Align::Right);
            l.y += 18.0;
        }
    }
    l.line(&doc.mediator, 11.0, false);
    l.gap(12.0);
    let money = doc.engagement != Engagement::Employee;
    let heads: [(f32, &str, Option<&str>, Align); 4] = [
        (LEFT, &de.day, two.map(|s| s.day.as_str()), Align::Left),
        (
            LEFT + 70.0,
            &de.service,
            two.map(|s| s.service.as_str()),
            Align::Left,
        ),
        (
            RIGHT - 90.0,
            &de.minutes,
            two.map(|s| s.minutes.as_str()),
            Align::Right,
        ),
        (
            RIGHT,
            &de.amount,
            two.map(|s| s.amount.as_str()),
            Align::Right,
        ),
    ];
    let header = |l: &mut Layout| {
        let rows = if two.is_some() { 2.0 } else { 1.0 };
        l.shade(LEFT - 4.0, l.y - 10.0, RIGHT - LEFT + 8.0, 14.0 * rows);
        let y0 = l.y;
        for (x, d, s, align) in heads {
            if !money && d == de.amount {
                continue;
            }
            l.y = y0;
            l.text_at(x, d, 8.5, true, align);
            if let Some(s) = s {
                l.y = y0 + 13.0;
                l.text_at(x, s, 8.5, false, align);
            }
        }
        l.y = y0 + 14.0 * rows + 2.0;
    };
    header(&mut l);
    for line in &doc.lines {
        if l.need(28.0) {
            header(&mut l);
        }
        l.text_at(LEFT, &german_date(line.day), 8.5, false, Align::Left);
        l.text_at(LEFT + 70.0, &line.title, 8.5, false, Align::Left);
        l.text_at(
            RIGHT - 90.0,
            &line.minutes.to_string(),
            8.5,
            false,
            Align::Right,
        );
        if money {
            l.text_at(RIGHT, &euros(line.total_cents), 8.5, false, Align::Right);
        }
        l.y += 10.0;
        l.text_at(LEFT + 70.0, &line.detail, 7.0, false, Align::Left);
        l.y += 5.0;
        l.rule(LEFT, RIGHT, 0.3);
        l.y += 11.0;
    }
    l.need(90.0);
    l.gap(6.0);
    let minutes: i64 = doc.lines.iter().map(|x| x.minutes).sum();
    let mut figures: Vec<(Vec<String>, String)> = Vec::new();
    if money {
        figures.push((
            both(&de.total, two.map(|s| s.total.as_str())),
            euros(doc.total_cents),
        ));
        figures.push((
            both(&de.year_to_date, two.map(|s| s.year_to_date.as_str())),
            euros(doc.year_to_date_cents),
        ));
        if let Some(left) = doc.allowance_left_cents {
            figures.push((
                both(&de.allowance_left, two.map(|s| s.allowance_left.as_str())),
                euros(left),
            ));
        }
    } else {
        figures.push((
            both(&de.minutes, two.map(|s| s.minutes.as_str())),
            minutes.to_string(),
        ));
    }
    for (labels, value) in figures {
        l.need(30.0);
        l.text_at(
            LEFT,
            labels.first().map(String::as_str).unwrap_or(""),
            9.5,
            true,
            Align::Left,
        );
        l.text_at(RIGHT, &value, 9.5, true, Align::Right);
        if let Some(second) = labels.get(1) {
            l.y += 12.0;
            l.text_at(LEFT, second, 9.0, false, Align::Left);
        }
        l.y += 15.0;
    }
    l.gap(8.0);
    l.paragraph(LEFT, RIGHT - LEFT, &de.note, 8.5);
    if let Some(s) = two
        && s.note != de.note
    {
        l.gap(2.0);
        l.paragraph(LEFT, RIGHT - LEFT, &s.note, 8.5);
    }
    l.finish(&format!("{} {month}", de.title))
}
