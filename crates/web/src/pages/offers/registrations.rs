//! The registrations of an offer: attendance, the CSV export, messages to registrants.

use super::*;
use crate::extract::PageQuery;

#[derive(Template)]
#[template(path = "offers/registrations.html")]
struct RegistrationsPage {
    base: Base,
    id: String,
    title: String,
    taken: u32,
    capacity: u32,
    /// (session id, label)
    sessions: Vec<(String, String)>,
    rows: Vec<RegRow>,
    message: Option<String>,
    errors: FieldErrors,
    subject_de: String,
    body_de: String,
}

impl RegistrationsPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|r| self.base.lang.reason(r))
    }
}

pub struct RegRow {
    pub id: String,
    pub status: String,
    pub status_code: String,
    pub name: String,
    pub email: String,
    pub persons: u32,
    pub ages: String,
    pub lang: String,
    pub confirmed: bool,
    /// (session id, present)
    pub attendance: Vec<(String, bool)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegQuery {
    done: String,
}

// The page keeps a message being written when it had errors.
#[allow(clippy::too_many_arguments)]
async fn registrations_page(
    s: &AppState,
    ctx: &crate::extract::PageCtx,
    a: &Actor,
    id: uuid::Uuid,
    message: Option<String>,
    errors: FieldErrors,
    subject_de: String,
    body_de: String,
) -> PageResult {
    let (o, regs) = offers::registrations(&s.app, a, id)
        .await
        .map_err(fail(ctx))?;
    let att = offers::attendance(&s.app, a, id).await.map_err(fail(ctx))?;
    let lang = ctx.lang;
    let tz = mittler_app::local_time::zone();
    let mut waiting = 0;
    let rows = regs
        .iter()
        .filter(|r| r.status != RegStatus::Pending)
        .map(|r| {
            let status = if r.status == RegStatus::Waitlisted {
                waiting += 1;
                lang.t_args("reg-waitlisted-at", &[("position", waiting.to_string())])
            } else {
                lang.t(&format!("reg-status-{}", r.status.as_str()))
            };
            RegRow {
                id: r.id.to_string(),
                status,
                status_code: r.status.as_str().to_owned(),
                name: r.name.clone(),
                email: r.email.clone(),
                persons: r.persons,
                ages: r
                    .children
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                lang: dom::autonym(&r.lang).to_owned(),
                confirmed: r.status == RegStatus::Confirmed,
                attendance: o
                    .sessions
                    .iter()
                    .map(|(sid, _)| {
                        (
                            sid.to_string(),
                            att.get(&(r.id, *sid)).copied().unwrap_or(false),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let page = RegistrationsPage {
        base: Base::new(ctx, "offer-registrations"),
        id: o.id.to_string(),
        title: o
            .texts
            .german()
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        taken: offers::taken(&regs),
        capacity: o.capacity,
        sessions: o
            .sessions
            .iter()
            .map(|(sid, x)| {
                (
                    sid.to_string(),
                    x.start
                        .to_zoned(tz.clone())
                        .strftime("%d.%m. %H:%M")
                        .to_string(),
                )
            })
            .collect(),
        rows,
        message,
        errors,
        subject_de,
        body_de,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /offers/{id}/registrations`: registrations, attendance, export and message.
pub async fn registrations(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    PageQuery(q): PageQuery<RegQuery>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let id = parse_id(&ctx, &id)?;
    let message = match q.done.as_str() {
        "" => None,
        "attendance" => Some(ctx.lang.t("form-saved")),
        n => Some(
            ctx.lang
                .t_args("offer-message-sent", &[("count", n.to_owned())]),
        ),
    };
    registrations_page(
        &s,
        &ctx,
        &a,
        id,
        message,
        FieldErrors::new(),
        String::new(),
        String::new(),
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AttendanceForm {
    csrf: String,
    /// `registration:session` of everyone present; the others of the shown rows are absent.
    present: Vec<String>,
    /// `registration:session` of every checkbox shown.
    shown: Vec<String>,
}

/// `POST /offers/{id}/attendance`.
pub async fn attendance(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<AttendanceForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let offer = parse_id(&ctx, &id)?;
    let cells: Vec<(uuid::Uuid, uuid::Uuid, bool)> = f
        .shown
        .iter()
        .filter_map(|cell| {
            let (r, sid) = cell.split_once(':')?;
            let r = uuid::Uuid::parse_str(r).ok()?;
            let sid = uuid::Uuid::parse_str(sid).ok()?;
            Some((r, sid, f.present.contains(cell)))
        })
        .collect();
    offers::set_attendance(&s.app, &a, offer, &cells)
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to(&format!("/offers/{offer}/registrations?done=attendance")).into_response())
}

/// `GET /offers/{id}/export.csv`: for German Excel (UTF-8 with BOM, semicolons).
pub async fn export(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let id = parse_id(&ctx, &id)?;
    let (o, regs) = offers::registrations(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?;
    let att = offers::attendance(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?;
    let body = offers::csv(ctx.lang, &o, &regs, &att);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"anmeldungen.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    csrf: String,
    msg_lang: Vec<String>,
    subject: Vec<String>,
    body: Vec<String>,
}

/// `POST /offers/{id}/message`: a message to all registrants, each in their language
/// where written.
pub async fn message(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<MessageForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let id = parse_id(&ctx, &id)?;
    let texts: BTreeMap<String, (String, String)> = f
        .msg_lang
        .iter()
        .enumerate()
        .map(|(i, l)| {
            (
                l.clone(),
                (
                    f.subject.get(i).cloned().unwrap_or_default(),
                    f.body.get(i).cloned().unwrap_or_default(),
                ),
            )
        })
        .collect();
    match offers::message(&s.app, &a, id, &texts).await {
        Ok(n) => Ok(Redirect::to(&format!("/offers/{id}/registrations?done={n}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let (sub, body) = texts.get("de").cloned().unwrap_or_default();
            registrations_page(&s, &ctx, &a, id, None, e, sub, body).await
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}
