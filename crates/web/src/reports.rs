//! The report's labels in the reader's language (shared by the API's CSV and PDF and the page).

use crate::i18n::Lang;
use jiff::civil::Date;
use mittler_app::reports::{Dimension, ReportSummary};
use mittler_documents::ReportLabels;

/// The readable name of a row's key.
pub fn key_name(lang: Lang, by: Dimension, key: &str) -> String {
    match by {
        Dimension::Language => lang.language_name(key),
        Dimension::Sector => lang.t(&format!("sector-{key}")),
        Dimension::Category => lang.t(&format!("category-{key}")),
        Dimension::Mode => lang.t(&format!("mode-{key}")),
        Dimension::Gender if key == "none" => lang.t("report-gender-none"),
        Dimension::Gender => lang.t(&format!("gender-{key}")),
        Dimension::Month | Dimension::Institution => key.to_owned(),
    }
}

fn de_date(d: Date) -> String {
    format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
}

pub fn labels(lang: Lang, s: &ReportSummary, from: Date, to: Date, by: Dimension) -> ReportLabels {
    let t = |k: &str| lang.t(k);
    ReportLabels {
        title: t("report-title"),
        subtitle: format!(
            "{} – {}, {}",
            de_date(from),
            de_date(to),
            t(&format!("report-by-{}", by.as_str()))
        ),
        columns: [
            t(&format!("report-by-{}", by.as_str())),
            t("report-requests"),
            t("report-served"),
            t("report-unserved"),
            t("report-cancelled"),
            t("report-late-cancelled"),
            t("report-hours"),
            t("report-client-cents"),
            t("report-mediator-cents"),
            t("report-median-lead"),
        ],
        total: t("report-total"),
        reasons: [
            t("report-reasons"),
            t("report-reason-no-speaker"),
            t("report-reason-nobody-free"),
            t("report-reason-short-notice"),
            t("report-reason-unfunded"),
        ],
        keys: s
            .rows
            .iter()
            .map(|r| (r.key.clone(), key_name(lang, by, &r.key)))
            .collect(),
    }
}

/// The readable name of a state summary's key.
pub fn state_key_name(
    lang: Lang,
    by: mittler_domain::state::By,
    key: &str,
    centres: &[(String, String)],
) -> String {
    use mittler_domain::state::By;
    match by {
        By::Tenant => centres
            .iter()
            .find(|(slug, _)| slug == key)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| key.to_owned()),
        By::Language => lang.language_name(key),
        By::Sector => lang.t(&format!("sector-{key}")),
        By::Month => key.to_owned(),
    }
}

/// The state summary's labels in the reader's language (CSV and page).
pub fn state_labels(
    lang: Lang,
    by: mittler_domain::state::By,
    s: &mittler_domain::state::Summary,
    centres: &[(String, String)],
) -> mittler_documents::StateLabels {
    let t = |k: &str| lang.t(k);
    mittler_documents::StateLabels {
        columns: [
            t(&format!("state-by-{}", by.as_str())),
            t("state-requests"),
            t("state-served"),
            t("state-unserved"),
            t("state-no-speaker"),
            t("state-short-notice"),
            t("state-nobody-free"),
            t("state-cancelled"),
            t("state-hours"),
            t("state-median-confirm"),
        ],
        total: t("state-total"),
        suppressed: t("state-suppressed"),
        keys: s
            .rows
            .iter()
            .map(|r| (r.key.clone(), state_key_name(lang, by, &r.key, centres)))
            .collect(),
    }
}
