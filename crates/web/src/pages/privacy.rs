//! Data protection for admins: a person's data (Art. 15) as a page and as JSON, its
//! erasure (Art. 17) with a reason and a confirmation, and the centre's records of
//! processing (Art. 30), generated from its settings.

use super::{Base, PageResult, fail, field_error, render};
use crate::AppState;
use crate::extract::{CheckedForm, PageCtx, PageQuery, SignedIn};
use crate::i18n::Lang;
use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use mittler_app::{AppError, privacy};
use mittler_domain::FieldErrors;
use serde::Deserialize;
use serde_json::Value;

/// The kinds of subject, in the order of the form's choice.
const KINDS: [&str; 4] = ["mediator", "user", "client", "email"];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SubjectQuery {
    kind: String,
    value: String,
    erased: String,
}

impl SubjectQuery {
    fn subject(&self) -> String {
        format!("{}:{}", self.kind.trim(), self.value.trim())
    }
}

/// One record of a section: (field, value) pairs.
pub struct Record {
    fields: Vec<(String, String)>,
}

pub struct Section {
    title: String,
    records: Vec<Record>,
}

#[derive(Template)]
#[template(path = "privacy.html")]
struct PrivacyPage {
    base: Base,
    kinds: Vec<(&'static str, String, bool)>,
    value: String,
    value_err: Option<String>,
    searched: bool,
    sections: Vec<Section>,
    json_link: String,
    reason: String,
    reason_err: Option<String>,
    confirm_err: Option<String>,
    erased: bool,
}

fn label(lang: Lang, prefix: &str, code: &str) -> String {
    let key = format!("{prefix}-{code}");
    if Lang::En.has(&key) {
        lang.t(&key)
    } else {
        code.replace('_', " ")
    }
}

/// A value as a person reads it: yes and no, local times, statuses, roles and languages
/// in the reader's language; anything else as it is.
fn text(lang: Lang, field: &str, v: &Value) -> String {
    match v {
        Value::Bool(b) => lang.t(if *b { "yes" } else { "no" }),
        Value::String(s) => match field {
            "status" | "to_status" => label(lang, "status", s),
            "role" => label(lang, "role", s),
            "language" | "lang" => lang.language_name(s),
            _ => match s.parse::<jiff::Timestamp>() {
                Ok(t) => super::requests::local(t),
                Err(_) => s.clone(),
            },
        },
        Value::Null => "–".into(),
        Value::Array(a) if a.is_empty() => "–".into(),
        other => other.to_string(),
    }
}

/// The export's sections in the order a reader expects: the person first, who read it last.
const ORDER: [&str; 10] = [
    "mediator",
    "accounts",
    "requests",
    "registrations",
    "assignments",
    "invitations",
    "statements_kept_by_law",
    "mails",
    "activity",
    "read_by",
];

/// The export as sections of records a person can read.
fn sections(lang: Lang, v: &Value) -> Vec<Section> {
    let Value::Object(map) = v else {
        return Vec::new();
    };
    let mut names: Vec<&String> = map.keys().collect();
    names.sort_by_key(|n| ORDER.iter().position(|o| o == n).unwrap_or(ORDER.len()));
    names
        .into_iter()
        .filter_map(|name| map.get(name).map(|v| (name, v)))
        .map(|(name, v)| {
            let records = match v {
                Value::Array(items) => items.iter().map(|i| record(lang, i)).collect(),
                other => vec![record(lang, other)],
            };
            Section {
                title: label(lang, "privacy-section", name),
                records,
            }
        })
        .collect()
}

fn record(lang: Lang, v: &Value) -> Record {
    let fields = match v {
        Value::Object(m) => m
            .iter()
            .map(|(k, x)| (label(lang, "privacy-field", k), text(lang, k, x)))
            .collect(),
        other => vec![(String::new(), text(lang, "", other))],
    };
    Record { fields }
}

fn page(ctx: &PageCtx, q: &SubjectQuery) -> PrivacyPage {
    let l = ctx.lang;
    PrivacyPage {
        base: Base::new(ctx, "privacy-title"),
        kinds: KINDS
            .iter()
            .map(|k| (*k, l.t(&format!("privacy-kind-{k}")), q.kind == *k))
            .collect(),
        value: q.value.clone(),
        value_err: None,
        searched: false,
        sections: Vec::new(),
        json_link: format!(
            "/privacy/export.json?kind={}&value={}",
            super::encode_query(q.kind.trim()),
            super::encode_query(q.value.trim())
        ),
        reason: String::new(),
        reason_err: None,
        confirm_err: None,
        erased: !q.erased.is_empty(),
    }
}

/// The form, and what is held about the subject asked for.
pub async fn show(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<SubjectQuery>,
) -> PageResult {
    privacy::require(&s.app, &a).await.map_err(fail(&ctx))?;
    let mut p = page(&ctx, &q);
    if q.value.trim().is_empty() {
        return Ok(render(&p));
    }
    p.searched = true;
    match privacy::export(&s.app, &a, &q.subject()).await {
        Ok(v) => p.sections = sections(ctx.lang, &v),
        Err(AppError::NotFound) => {}
        Err(AppError::Invalid(e)) => {
            p.searched = false;
            p.value_err = field_error(ctx.lang, &e, "subject");
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response());
        }
        Err(e) => return Err(fail(&ctx)(e)),
    }
    Ok(render(&p))
}

/// The same as JSON, to hand to the person.
pub async fn export_json(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    PageQuery(q): PageQuery<SubjectQuery>,
) -> Result<Response, super::PageError> {
    privacy::require(&s.app, &a).await.map_err(fail(&ctx))?;
    let v = privacy::export(&s.app, &a, &q.subject())
        .await
        .map_err(fail(&ctx))?;
    let mut resp = Json(v).into_response();
    if let Ok(h) = axum::http::HeaderValue::from_str("attachment; filename=\"auskunft.json\"") {
        resp.headers_mut()
            .insert(axum::http::header::CONTENT_DISPOSITION, h);
    }
    Ok(resp)
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EraseForm {
    csrf: String,
    kind: String,
    value: String,
    reason: String,
    confirm: String,
}

/// Erases after a confirmation; a form with a mistake comes back as typed.
pub async fn erase(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<EraseForm>,
) -> PageResult {
    privacy::require(&s.app, &a).await.map_err(fail(&ctx))?;
    let q = SubjectQuery {
        kind: f.kind.clone(),
        value: f.value.clone(),
        erased: String::new(),
    };
    let result = if f.confirm != "yes" {
        Err(AppError::Invalid(FieldErrors::single(
            "confirm",
            "confirm-erase",
        )))
    } else {
        privacy::erase(&s.app, &a, &q.subject(), &f.reason).await
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!(
            "/privacy?kind={}&value={}&erased=1",
            super::encode_query(q.kind.trim()),
            super::encode_query(q.value.trim())
        ))
        .into_response()),
        Err(AppError::Invalid(e)) => {
            let mut p = page(&ctx, &q);
            p.searched = true;
            if let Ok(v) = privacy::export(&s.app, &a, &q.subject()).await {
                p.sections = sections(ctx.lang, &v);
            }
            p.reason = f.reason.clone();
            p.reason_err = field_error(ctx.lang, &e, "reason");
            p.confirm_err = field_error(ctx.lang, &e, "confirm");
            p.value_err = field_error(ctx.lang, &e, "subject");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response())
        }
        Err(e) => Err(fail(&ctx)(e)),
    }
}

/// One processing activity of the records (Art. 30).
pub struct Activity {
    name: String,
    data: String,
    purpose: String,
    basis: String,
    recipients: String,
    retention: String,
}

#[derive(Template)]
#[template(path = "privacy_records.html")]
struct RecordsPage {
    base: Base,
    centre: String,
    activities: Vec<Activity>,
    measures: Vec<String>,
}

/// The records of processing, generated from the centre's settings.
pub async fn records(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    privacy::require(&s.app, &a).await.map_err(fail(&ctx))?;
    let l = ctx.lang;
    let keep = mittler_app::retention::get(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    let settings = mittler_app::settings::get(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    let (issuer, _, _) = mittler_app::sso::get(&s.app, &a)
        .await
        .map_err(fail(&ctx))?;
    let centre = mittler_app::tenants::get(&s.app, a.tenant_id)
        .await
        .map_err(fail(&ctx))?
        .name;
    let days = |n: i32| l.t_args("records-days", &[("days", n.to_string())]);
    let mut recipients_requests = vec![l.t("records-to-institutions"), l.t("records-to-mediators")];
    if s.app.sms {
        recipients_requests.push(l.t("records-to-sms"));
    }
    let activity = |key: &str, retention: String, recipients: String| Activity {
        name: l.t(&format!("records-{key}")),
        data: l.t(&format!("records-{key}-data")),
        purpose: l.t(&format!("records-{key}-purpose")),
        basis: l.t(&format!("records-{key}-basis")),
        recipients,
        retention,
    };
    let mut accounts_to = l.t("records-to-nobody");
    if !issuer.trim().is_empty() {
        accounts_to = l.t_args("records-to-sso", &[("issuer", issuer.clone())]);
    }
    let activities = vec![
        activity(
            "mediation",
            format!(
                "{}: {}; {}: {}; {}: {}",
                l.t("settings-keep-notes_days"),
                days(keep.notes_days),
                l.t("settings-keep-unserved_days"),
                days(keep.unserved_days),
                l.t("settings-keep-client_refs_days"),
                days(keep.client_refs_days)
            ),
            recipients_requests.join(", "),
        ),
        activity(
            "pool",
            l.t("records-pool-retention"),
            l.t("records-to-institutions-assigned"),
        ),
        activity(
            "catalogue",
            days(settings.retention_days),
            l.t("records-to-providers"),
        ),
        activity(
            "billing",
            l.t("records-billing-retention"),
            l.t("records-to-institutions"),
        ),
        activity(
            "accounts",
            format!(
                "{}: {}; {}: {}",
                l.t("settings-keep-inactive_accounts_days"),
                days(keep.inactive_accounts_days),
                l.t("settings-keep-audit_days"),
                days(keep.audit_days)
            ),
            accounts_to,
        ),
    ];
    let mut measures: Vec<String> = (1..=6)
        .map(|i| l.t(&format!("records-measure-{i}")))
        .collect();
    measures.push(l.t_args(
        "records-measure-mail",
        &[("days", keep.failed_mail_days.to_string())],
    ));
    Ok(render(&RecordsPage {
        base: Base::new(&ctx, "records-title"),
        centre,
        activities,
        measures,
    }))
}
