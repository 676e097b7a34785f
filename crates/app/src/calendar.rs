//! iCalendar (RFC 5545) text for confirmed assignments: mail attachments and feeds.

use crate::{Actor, App, AppError, Result};
use jiff::Timestamp;
use mittler_domain::Action;

/// One event of a calendar.
#[derive(Debug, Clone)]
pub struct Event {
    pub uid: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub cancelled: bool,
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
        .replace('\r', "")
}

fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// Folds content lines at 75 octets, as RFC 5545 asks.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += n;
    }
    out.push_str("\r\n");
    out
}

/// A VCALENDAR with the events; `method` is `REQUEST` for mail invitations, `None` for feeds.
pub fn calendar(name: &str, events: &[Event], method: Option<&str>, now: Timestamp) -> String {
    let mut s = String::new();
    s.push_str(&fold("BEGIN:VCALENDAR"));
    s.push_str(&fold("VERSION:2.0"));
    s.push_str(&fold("PRODID:-//Mittler//Sprachmittlung//DE"));
    s.push_str(&fold("CALSCALE:GREGORIAN"));
    if let Some(m) = method {
        s.push_str(&fold(&format!("METHOD:{m}")));
    }
    s.push_str(&fold(&format!("X-WR-CALNAME:{}", escape(name))));
    for e in events {
        s.push_str(&fold("BEGIN:VEVENT"));
        s.push_str(&fold(&format!("UID:{}", escape(&e.uid))));
        s.push_str(&fold(&format!("DTSTAMP:{}", utc(now))));
        s.push_str(&fold(&format!("DTSTART:{}", utc(e.start))));
        s.push_str(&fold(&format!("DTEND:{}", utc(e.end))));
        s.push_str(&fold(&format!("SUMMARY:{}", escape(&e.summary))));
        if !e.location.is_empty() {
            s.push_str(&fold(&format!("LOCATION:{}", escape(&e.location))));
        }
        s.push_str(&fold(&format!("DESCRIPTION:{}", escape(&e.description))));
        s.push_str(&fold(if e.cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        }));
        s.push_str(&fold("END:VEVENT"));
    }
    s.push_str(&fold("END:VCALENDAR"));
    s
}

fn own_mediator(actor: &Actor) -> Result<uuid::Uuid> {
    actor.require(Action::ServeAsMediator)?;
    actor.mediator_id.ok_or(AppError::Forbidden)
}

/// Makes a new secret feed token for the mediator (the old one stops working) and returns it.
pub async fn renew_feed(app: &App, actor: &Actor) -> Result<String> {
    let m = own_mediator(actor)?;
    let token = crate::auth::random_token();
    mittler_db::mediators::set_calendar_token(
        &app.db,
        actor.tenant_id,
        m,
        Some(&crate::auth::token_hash(&token)),
    )
    .await?;
    Ok(token)
}

pub async fn revoke_feed(app: &App, actor: &Actor) -> Result<()> {
    let m = own_mediator(actor)?;
    Ok(mittler_db::mediators::set_calendar_token(&app.db, actor.tenant_id, m, None).await?)
}

pub async fn has_feed(app: &App, actor: &Actor) -> Result<bool> {
    let m = own_mediator(actor)?;
    Ok(mittler_db::mediators::has_calendar(&app.db, actor.tenant_id, m).await?)
}

/// The feed behind a token: the confirmed assignments of the last 30 days and ahead.
pub async fn feed(app: &App, token: &str) -> Result<String> {
    let Some((tenant, mediator)) =
        mittler_db::mediators::by_calendar_token(&app.db, &crate::auth::token_hash(token)).await?
    else {
        return Err(AppError::NotFound);
    };
    let now = app.now();
    let filter = mittler_db::requests::Filter {
        mediator_id: Some(mediator),
        from: now
            .checked_sub(jiff::SignedDuration::from_hours(24 * 30))
            .ok(),
        ..Default::default()
    };
    let rows = mittler_db::requests::list(&app.db, tenant, &filter, 2000).await?;
    let mut events = Vec::new();
    for r in rows
        .iter()
        .filter(|r| r.status == "confirmed" || r.status == "completed")
    {
        let f = crate::facts::facts(app, tenant, r).await;
        events.push(Event {
            uid: format!("{}@mittler", r.id),
            start: f.start,
            end: f.end,
            summary: format!(
                "Sprachmittlung {} ({})",
                crate::i18n::Lang::De.language_name(&r.language),
                f.institution
            ),
            location: f.place,
            description: f.client_ref,
            cancelled: false,
        });
    }
    Ok(calendar("Mittler", &events, None, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calendar_is_valid_text() {
        let t: Timestamp = "2026-12-01T08:00:00Z".parse().unwrap();
        let e = Event {
            uid: "r1@mittler".into(),
            start: t,
            end: t + jiff::SignedDuration::from_mins(60),
            summary: "Sprachmittlung Tigrinya".into(),
            location: "Hauptsitz, Beispielweg 1, 45127 Essen".into(),
            description: "K-2026-ABCDE".into(),
            cancelled: false,
        };
        let c = calendar("Mittler", &[e], Some("REQUEST"), t);
        assert!(c.starts_with("BEGIN:VCALENDAR\r\n") && c.ends_with("END:VCALENDAR\r\n"));
        assert!(c.contains("DTSTART:20261201T080000Z\r\n"));
        assert!(c.contains("LOCATION:Hauptsitz\\, Beispielweg 1\\, 45127 Essen"));
        assert!(c.lines().all(|l| l.len() <= 75));
    }
}
