//! The state's figures as CSV for German Excel (semicolons, decimal commas, a byte
//! order mark): suppressed rows show "< 5" and no numbers.

use crate::report::comma;
use crate::{DocError, Result};
use mittler_domain::state::{Figures, Summary};

/// The column titles (group, requests, served, unserved, of which no speaker, short
/// notice, nobody free, cancelled, hours, median hours to confirm), the total's and the
/// suppressed rows' labels, and each key's readable name.
pub struct StateLabels {
    pub columns: [String; 10],
    pub total: String,
    pub suppressed: String,
    pub keys: Vec<(String, String)>,
}

/// A row's nine numbers as text (decimal commas), `missing` for a median not known.
pub fn state_cells(f: &Figures, missing: &str) -> [String; 9] {
    [
        f.requests.to_string(),
        f.served.to_string(),
        f.unserved.to_string(),
        f.unserved_reasons.no_speaker.to_string(),
        f.unserved_reasons.short_notice.to_string(),
        f.unserved_reasons.nobody_free.to_string(),
        f.cancelled.to_string(),
        comma(f.hours),
        f.median_confirm_h
            .map(comma)
            .unwrap_or_else(|| missing.to_owned()),
    ]
}

pub fn state_csv(s: &Summary, l: &StateLabels) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let err = |e: csv::Error| DocError::Xml(format!("csv: {e}"));
    w.write_record(l.columns.iter()).map_err(err)?;
    let name = |k: &str| {
        l.keys
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| k.to_owned())
    };
    for r in &s.rows {
        let mut rec = vec![name(&r.key)];
        match &r.figures {
            Some(f) => rec.extend(state_cells(f, "")),
            None => {
                rec.push(l.suppressed.clone());
                rec.extend(std::iter::repeat_n(String::new(), 8));
            }
        }
        w.write_record(&rec).map_err(err)?;
    }
    let mut rec = vec![l.total.clone()];
    match &s.total {
        Some(f) => rec.extend(state_cells(f, "")),
        None => {
            rec.push(l.suppressed.clone());
            rec.extend(std::iter::repeat_n(String::new(), 8));
        }
    }
    w.write_record(&rec).map_err(err)?;
    w.into_inner()
        .map_err(|e| DocError::Xml(format!("csv: {e}")))
}
