//! The words of the request page: what a mediator already answered, why a candidate
//! ranks where it does, phone links, and history reasons in the reader's language.

use crate::i18n::Lang;
use mittler_app::requests as rq;

/// What each mediator already answered to this request: (text, still open).
pub(super) fn past_answers(
    lang: Lang,
    d: &rq::Detail,
) -> std::collections::HashMap<uuid::Uuid, (String, bool)> {
    let mut out = std::collections::HashMap::new();
    for (inv, _) in &d.invitations {
        let open = inv.status == "open";
        let text = lang.t(&format!("candidates-past-{}", inv.status));
        out.insert(inv.mediator_id, (text, open));
    }
    // Declines keep their reason; a drop-out outweighs an accepted invitation.
    for h in &d.history {
        let Some(m) = h.mediator_id else { continue };
        match h.event.as_str() {
            "decline" | "invitations_closed"
                if h.reason
                    .as_deref()
                    .is_some_and(|r| r.starts_with("decline:")) =>
            {
                let why = history_reason(lang, h.reason.as_deref().unwrap_or(""));
                let text = format!("{}: {why}", lang.t("candidates-past-declined"));
                out.insert(m, (text, false));
            }
            "drop_out" => {
                out.insert(m, (lang.t("candidates-past-dropped"), false));
            }
            _ => {}
        }
    }
    out
}

/// A candidate's rank in words: continuity, travel, this week's load.
pub(super) fn candidate_why(
    lang: Lang,
    continuity: bool,
    travel_min: u32,
    week_min: u32,
) -> String {
    let mut parts = Vec::new();
    if continuity {
        parts.push(lang.t("candidates-why-known"));
    }
    parts.push(lang.t_args("candidates-why-travel", &[("min", travel_min.to_string())]));
    parts.push(lang.t_args(
        "candidates-why-week",
        &[("hours", format!("{:.1}", f64::from(week_min) / 60.0))],
    ));
    parts.join(lang.list_separator())
}

/// A phone number as a `tel:` link (digits and a leading plus only) and as written.
pub fn phone_link(phone: &str) -> Option<(String, String)> {
    let shown = phone.trim();
    let digits: String = shown
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    (digits.len() >= 5).then(|| (format!("tel:{digits}"), shown.to_owned()))
}

/// A history entry's reason in the reader's language: the reasons Mittler writes itself
/// ("3 invited", "invitations expired", a new time) are translated; what a person typed
/// (a cancellation's reason) is shown as typed.
pub fn history_reason(lang: Lang, raw: &str) -> String {
    if let Some(n) = raw
        .strip_suffix(" invited")
        .and_then(|n| n.parse::<i64>().ok())
    {
        return lang.t_count("history-invited", "count", n);
    }
    if let Some(code) = raw.strip_prefix("decline:") {
        let (code, note) = code.split_once(": ").unwrap_or((code, ""));
        let key = format!("decline-reason-{code}");
        let why = if crate::pages::assignments::DECLINE_REASONS.contains(&code) {
            lang.t(&key)
        } else {
            code.to_owned()
        };
        return if note.is_empty() {
            why
        } else {
            format!("{why}: {note}")
        };
    }
    match raw {
        "declined" => return lang.t("history-declined"),
        "invitations expired" => return lang.t("history-expired"),
        "start passed without a mediator" => return lang.t("history-start-passed"),
        _ => {}
    }
    if let Some((when, minutes)) = raw
        .strip_suffix(" min")
        .and_then(|r| r.rsplit_once(", "))
        .filter(|(_, m)| m.parse::<u32>().is_ok())
    {
        return lang.t_args(
            "history-moved",
            &[("when", when.to_owned()), ("minutes", minutes.to_owned())],
        );
    }
    raw.to_owned()
}

#[cfg(test)]
mod history_tests {
    use super::*;

    #[test]
    fn machine_reasons_are_translated_typed_ones_kept() {
        assert_eq!(
            history_reason(Lang::De, "1 invited"),
            "eine Person eingeladen"
        );
        assert_eq!(
            history_reason(Lang::De, "3 invited"),
            "3 Personen eingeladen"
        );
        assert_eq!(
            history_reason(Lang::De, "invitations expired"),
            "Antwortfrist abgelaufen"
        );
        assert_eq!(
            history_reason(Lang::De, "06.03.2027 10:00, 90 min"),
            "neu: 06.03.2027 10:00, 90 Minuten"
        );
        assert_eq!(
            history_reason(Lang::De, "Termin entfällt"),
            "Termin entfällt"
        );
        assert!(!history_reason(Lang::Ar, "2 invited").contains("invited"));
    }
}
