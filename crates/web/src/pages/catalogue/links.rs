//! The pages the links of the registration e-mails open: confirm, cancel, withdraw a consent.

use super::*;
use crate::extract::PageQuery;

#[derive(Template)]
#[template(path = "catalogue/manage.html")]
struct ManagePage {
    base: PublicBase,
    heading: String,
    title: String,
    notice: Option<String>,
    status: String,
    status_code: String,
    persons: u32,
    /// (index, label)
    children: Vec<(usize, String)>,
    /// (code, label, given)
    consents: Vec<(String, String, bool)>,
    token: String,
    confirm: bool,
    active: bool,
}

fn status_text(lang: Lang, st: RegStatus, pos: Option<u32>) -> String {
    match (st, pos) {
        (RegStatus::Waitlisted, Some(p)) => {
            lang.t_args("reg-waitlisted-at", &[("position", p.to_string())])
        }
        _ => lang.t(&format!("reg-status-{}", st.as_str())),
    }
}

/// Renders the registration behind `token` in the asked language (else the registrant's):
/// its offer, status, children and consents, with `notice` saying what just happened.
/// `status` overrides the stored status and gives the waiting-list position.
async fn registration_page(
    s: &AppState,
    ctx: &PageCtx,
    q: &LangQuery,
    token: &str,
    confirm: bool,
    status: Option<(RegStatus, Option<u32>)>,
    notice: impl FnOnce(Lang, &Reg) -> Option<String>,
) -> PageResult {
    let (mut reg, o) = registrations::by_token(&s.app, token)
        .await
        .map_err(fail(ctx))?;
    let position = status.and_then(|(st, pos)| {
        reg.status = st;
        pos
    });
    let (slug, name) = mittler_app::tenants::get(&s.app, reg.tenant_id)
        .await
        .map(|t| (t.slug, t.name))
        .unwrap_or_default();
    let l = langs(ctx, Some(q.lang.as_deref().unwrap_or(&reg.lang)));
    let lang = l.ui;
    let confirm = confirm && reg.status == RegStatus::Pending;
    let key = if confirm {
        "reg-confirm-title"
    } else {
        "reg-manage-title"
    };
    let page = ManagePage {
        base: PublicBase::new(
            ctx,
            &l,
            lang.t(key),
            &slug,
            &name,
            &format!("/r/{}/{token}", if confirm { "confirm" } else { "cancel" }),
        ),
        heading: lang.t(key),
        title: o
            .texts
            .show(&l.text)
            .map(|s| s.text.title.clone())
            .unwrap_or_default(),
        notice: notice(lang, &reg),
        status: status_text(lang, reg.status, position),
        status_code: reg.status.as_str().to_owned(),
        persons: reg.persons,
        children: reg
            .children
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let args = [("n", (i + 1).to_string()), ("age", a.to_string())];
                (i, lang.t_args("reg-child", &args))
            })
            .collect(),
        consents: [Consent::Photos, Consent::ShareContact]
            .iter()
            .map(|c| {
                let given = reg
                    .consents
                    .iter()
                    .any(|(p, revoked)| p == c && revoked.is_none());
                let label = lang.t(&format!("consent-{}", c.as_str()));
                (c.as_str().to_owned(), label, given)
            })
            .collect(),
        token: token.to_owned(),
        confirm,
        active: reg.status != RegStatus::Cancelled,
    };
    Ok(render(&page))
}

/// `GET /r/confirm/{token}`: the page behind the e-mailed link; confirming is a button,
/// so that a mail scanner following links confirms nothing.
pub async fn confirm_form(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    PageQuery(q): PageQuery<LangQuery>,
) -> PageResult {
    registration_page(&s, &ctx, &q, &token, true, None, |_, _| None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    csrf: String,
    /// Cancel only this child.
    child: Option<usize>,
    purpose: String,
}

/// `POST /r/confirm/{token}`: confirms; a seat, the waiting list or the lottery.
pub async fn confirm(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    PageQuery(q): PageQuery<LangQuery>,
    CheckedForm(_): CheckedForm<TokenForm>,
) -> PageResult {
    let (_, _, out) = registrations::confirm(&s.app, &token)
        .await
        .map_err(fail(&ctx))?;
    let (Confirmed::Now(st, pos) | Confirmed::Already(st, pos)) = out;
    registration_page(&s, &ctx, &q, &token, false, Some((st, pos)), |lang, _| {
        Some(match st {
            RegStatus::Confirmed => lang.t("reg-now-confirmed"),
            RegStatus::Waitlisted => {
                let at = [("position", pos.unwrap_or(0).to_string())];
                lang.t_args("reg-now-waitlisted", &at)
            }
            RegStatus::Entered => lang.t("reg-now-entered"),
            other => status_text(lang, other, pos),
        })
    })
    .await
}

/// `GET /r/cancel/{token}`: the registration with buttons to cancel a child or all.
pub async fn cancel_form(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    PageQuery(q): PageQuery<LangQuery>,
) -> PageResult {
    registration_page(&s, &ctx, &q, &token, false, None, |_, _| None).await
}

/// `POST /r/cancel/{token}`: cancels one child or the whole registration.
pub async fn cancel(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    PageQuery(q): PageQuery<LangQuery>,
    CheckedForm(f): CheckedForm<TokenForm>,
) -> PageResult {
    let release = f.child.map_or(Release::All, Release::Child);
    registrations::cancel(&s.app, &token, release)
        .await
        .map_err(fail(&ctx))?;
    registration_page(&s, &ctx, &q, &token, false, None, |lang, reg| {
        Some(lang.t(if reg.status == RegStatus::Cancelled {
            "reg-now-cancelled"
        } else {
            "reg-child-cancelled"
        }))
    })
    .await
}

/// `POST /r/consent/{token}`: withdraws a consent (photos, passing the contact on).
pub async fn revoke(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path(token): Path<String>,
    PageQuery(q): PageQuery<LangQuery>,
    CheckedForm(f): CheckedForm<TokenForm>,
) -> PageResult {
    let purpose = Consent::parse(&f.purpose)
        .ok_or_else(|| fail(&ctx)(AppError::Invalid(FieldErrors::single("purpose", "invalid"))))?;
    registrations::revoke(&s.app, &token, purpose)
        .await
        .map_err(fail(&ctx))?;
    registration_page(&s, &ctx, &q, &token, false, None, |lang, _| {
        Some(lang.t("reg-consent-revoked"))
    })
    .await
}
