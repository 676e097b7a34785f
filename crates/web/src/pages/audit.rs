//! The audit log page: admins read, nobody changes. Filters by action, object, person
//! and days; pages of 50; times as people read them; details as named values.

use super::{Base, PageResult, fail, render};
use crate::AppState;
use crate::extract::{PageQuery, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::extract::State;
use mittler_app::audit::{self, Filter};
use serde::Deserialize;

const PER_PAGE: i64 = 50;

pub struct Row {
    at: String,
    actor: String,
    action: String,
    object: String,
    /// The object's full id: its link narrows the page to it ("who saw this").
    object_id: String,
    /// (label, value) of the detail's fields.
    detail: Vec<(String, String)>,
    address: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    base: Base,
    rows: Vec<Row>,
    page: i64,
    pages: i64,
    total: i64,
    q: AuditQuery,
    /// (value, label, selected)
    actions: Vec<(String, String, bool)>,
    objects: Vec<(String, String, bool)>,
    /// The query without `page`, for the pager's links.
    keep: String,
    from_err: bool,
    to_err: bool,
    id_err: bool,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AuditQuery {
    page: Option<String>,
    action: String,
    object: String,
    who: String,
    from: String,
    to: String,
    /// One object's entries, by its id.
    id: String,
}

/// A label for a code: the message `{prefix}-{code}` where one exists, else the code.
fn label(lang: Lang, prefix: &str, code: &str) -> String {
    let key = format!("{prefix}-{code}");
    if Lang::En.has(&key) {
        lang.t(&key)
    } else {
        code.to_owned()
    }
}

/// The detail's JSON as named values: objects by field, anything else as one value.
fn detail(lang: Lang, v: &str) -> Vec<(String, String)> {
    let text = |x: &serde_json::Value| match x {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => "–".to_owned(),
        other => other.to_string(),
    };
    match serde_json::from_str::<serde_json::Value>(v) {
        Ok(serde_json::Value::Object(map)) => map
            .iter()
            .map(|(k, x)| (label(lang, "audit-field", k), text(x)))
            .collect(),
        Ok(serde_json::Value::Null) => Vec::new(),
        Ok(other) => vec![(String::new(), text(&other))],
        Err(_) if v.trim().is_empty() => Vec::new(),
        Err(_) => vec![(String::new(), v.to_owned())],
    }
}

pub async fn list(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<AuditQuery>,
) -> PageResult {
    let lang = ctx.lang;
    let page = q
        .page
        .as_deref()
        .and_then(|p| p.parse::<i64>().ok())
        .unwrap_or(0)
        .clamp(0, 1_000_000);
    let day = |s: &str, plus: i64| -> Result<Option<jiff::Timestamp>, ()> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        let d = mittler_domain::dates::parse_date(s).ok_or(())?;
        let d = d
            .checked_add(jiff::Span::new().days(plus))
            .map_err(|_| ())?;
        d.to_zoned(mittler_app::local_time::zone())
            .map(|z| Some(z.timestamp()))
            .map_err(|_| ())
    };
    let from = day(&q.from, 0);
    let to = day(&q.to, 1);
    let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let filter = Filter {
        action: opt(&q.action),
        object_type: opt(&q.object),
        actor: opt(&q.who),
        from: from.unwrap_or(None),
        to: to.unwrap_or(None),
        object_id: q.id.trim().parse().ok(),
    };
    let id_err = !q.id.trim().is_empty() && filter.object_id.is_none();
    // The search first: a refused attempt is recorded there.
    let result = audit::search(&s.app, &a, &filter, page, PER_PAGE)
        .await
        .map_err(fail(&ctx))?;
    let kinds = audit::kinds(&s.app, &a).await.map_err(fail(&ctx))?;
    let rows = result
        .rows
        .into_iter()
        .map(|r| Row {
            at: r
                .at
                .0
                .to_zoned(mittler_app::local_time::zone())
                .strftime("%d.%m.%Y %H:%M:%S")
                .to_string(),
            actor: r.actor,
            action: label(lang, "audit", &r.action),
            object: {
                let kind = label(lang, "object", &r.object_type);
                match r.object_id {
                    Some(id) => {
                        format!("{kind} {}", id.simple().to_string().get(..8).unwrap_or(""))
                    }
                    None => kind,
                }
            },
            object_id: r.object_id.map(|i| i.to_string()).unwrap_or_default(),
            detail: detail(lang, &r.detail),
            address: r.address.unwrap_or_default(),
        })
        .collect();
    let choices = |codes: Vec<String>, prefix: &str, chosen: &str| {
        codes
            .into_iter()
            .map(|c| {
                let l = label(lang, prefix, &c);
                let sel = c == chosen;
                (c, l, sel)
            })
            .collect::<Vec<_>>()
    };
    let keep = [
        ("action", &q.action),
        ("object", &q.object),
        ("who", &q.who),
        ("from", &q.from),
        ("to", &q.to),
        ("id", &q.id),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("&{k}={}", super::encode_query(v.trim())))
    .collect::<String>();
    let pages = (result.total + PER_PAGE - 1) / PER_PAGE;
    Ok(render(&AuditPage {
        base: Base::new(&ctx, "audit-title"),
        rows,
        page,
        pages,
        total: result.total,
        actions: choices(kinds.0, "audit", q.action.trim()),
        objects: choices(kinds.1, "object", q.object.trim()),
        keep,
        from_err: from.is_err(),
        to_err: to.is_err(),
        id_err,
        q,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_named_values_not_json() {
        let d = detail(
            Lang::De,
            r#"{"name":"Klinikum Nord","count":3,"x_unknown":null}"#,
        );
        assert_eq!(
            d,
            vec![
                ("Anzahl".to_owned(), "3".to_owned()),
                ("Name".to_owned(), "Klinikum Nord".to_owned()),
                ("x_unknown".to_owned(), "–".to_owned()),
            ]
        );
        assert_eq!(detail(Lang::De, "null"), Vec::<(String, String)>::new());
    }
}
