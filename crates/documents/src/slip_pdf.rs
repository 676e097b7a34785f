//! The client's appointment slip as a PDF: one page in the client's language (right to
//! left for Arabic and Farsi), with the German text below so that the institution's
//! desk can read it too. Labels and values stand on lines of their own, so that dates
//! and numbers are never reordered inside a right-to-left line.

use crate::Result;
use crate::pdf::{Align, LEFT, Layout, RIGHT};

/// The slip's words and facts, already in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlipText {
    pub title: String,
    /// (label, value): when, where, who, what to bring, whom to call.
    pub rows: Vec<(String, String)>,
    pub rtl: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlipDoc {
    pub institution: String,
    /// The client's language.
    pub client: SlipText,
    /// German, for the desk (left out when the client's language is German).
    pub german: Option<SlipText>,
}

fn block(l: &mut Layout, t: &SlipText) {
    let (x, align) = if t.rtl {
        (RIGHT, Align::Right)
    } else {
        (LEFT, Align::Left)
    };
    l.need(40.0);
    l.text_at(x, &t.title, 18.0, true, align);
    l.y += 30.0;
    for (label, value) in &t.rows {
        if value.trim().is_empty() {
            continue;
        }
        l.need(40.0);
        l.text_at(x, label, 10.0, true, align);
        l.y += 15.0;
        for part in value.lines() {
            l.need(18.0);
            l.text_at(x, part, 13.0, false, align);
            l.y += 18.0;
        }
        l.y += 8.0;
    }
}

pub fn slip_pdf(doc: &SlipDoc) -> Result<Vec<u8>> {
    let mut l = Layout::new();
    l.footer(vec![doc.institution.clone()]);
    l.line(&doc.institution, 12.0, true);
    l.gap(12.0);
    block(&mut l, &doc.client);
    if let Some(de) = &doc.german {
        l.gap(16.0);
        l.rule(LEFT, RIGHT, 0.5);
        l.gap(16.0);
        block(&mut l, de);
    }
    let title = doc.client.title.clone();
    l.finish(&title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(title: &str, rtl: bool, rows: &[(&str, &str)]) -> SlipText {
        SlipText {
            title: title.into(),
            rows: rows
                .iter()
                .map(|(a, b)| ((*a).into(), (*b).into()))
                .collect(),
            rtl,
        }
    }

    #[test]
    fn an_arabic_slip_reads_back_with_its_date_intact() {
        let doc = SlipDoc {
            institution: "Jobcenter Essen Mitte".into(),
            client: text(
                "موعدكم",
                true,
                &[
                    ("الموعد", "الاثنين\n30.11.2026, 10:00"),
                    ("الهاتف", "0201 555-0101"),
                ],
            ),
            german: Some(text(
                "Ihr Termin",
                false,
                &[("Wann", "Montag, 30.11.2026, 10:00")],
            )),
        };
        let pdf = slip_pdf(&doc).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let dir = std::env::temp_dir().join(format!("slip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("slip.pdf");
        std::fs::write(&file, &pdf).unwrap();
        let Ok(out) = std::process::Command::new("pdftotext")
            .arg(&file)
            .arg("-")
            .output()
        else {
            // pdftotext is installed by scripts/test; without it only the bytes are checked.
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("30.11.2026, 10:00"), "{text}");
        assert!(text.contains("0201 555-0101"), "{text}");
        assert!(text.contains("Ihr Termin"), "{text}");
    }
}
