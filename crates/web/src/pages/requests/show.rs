//! The request page: facts, history, time sheet, and for the centre the candidates
//! panel with invitations, direct assignment, funds and rescheduling.

use super::*;

/// An excluded mediator on the page: name, reasons, phone (`tel:` link and number), and
/// the id when only their own wishes exclude them ("invite anyway").
type ExcludedRow = (String, String, Option<(String, String)>, Option<String>);

pub struct Cand {
    id: String,
    name: String,
    /// Why this one ranks where it does, in words (not the score's number).
    why: String,
    /// `tel:` link and the number, where there is one.
    phone: Option<(String, String)>,
    /// What already happened with this mediator and this request.
    past: Option<String>,
    /// Already invited and not yet answered: not offered again.
    pending: bool,
    continuity: bool,
    /// For volunteers: what is left of this year's tax-free allowance.
    allowance_left: Option<String>,
}

#[derive(Template)]
#[template(path = "requests/show.html")]
struct ShowPage {
    base: Base,
    r: Row,
    place: Option<(String, String)>,
    duration: i32,
    priority_label: String,
    ts_label: String,
    excluded_summary: String,
    client_ref: String,
    notes: Option<String>,
    gender: String,
    billable: bool,
    cancel_reason: Option<String>,
    in_series: bool,
    can_reschedule: bool,
    time_value: String,
    ts_status: String,
    ts_text: Option<String>,
    history: Vec<(String, String, String, String)>,
    invitations: Vec<(String, String, String)>,
    is_institution: bool,
    /// The client's appointment slip is ready (confirmed) and the reader may print it.
    can_slip: bool,
    can_cancel: bool,
    can_dispatch: bool,
    candidates: Vec<Cand>,
    /// How long an invitation stays open: (minutes, label).
    expiry_choices: Vec<(i64, String)>,
    /// (name, reasons, phone, mediator id if only wishes exclude them)
    excluded: Vec<ExcludedRow>,
    message: Option<String>,
    unfunded: bool,
    /// The centre's funds for choosing one by hand: (id, name and what is left, chosen).
    funds: Vec<(String, String, bool)>,
    /// Nobody can come on site in time: why, and how many could serve it by video.
    fallback: Option<(String, String)>,
}

use crate::pages::MessageQuery;

pub async fn show(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    PageQuery(q): PageQuery<MessageQuery>,
) -> PageResult {
    let id = parse_id(&ctx, &id)?;
    let d = rq::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    let lang = ctx.lang;
    let now = s.app.now();
    let status = d.view.status;
    let can_dispatch =
        a.may(Action::RunMediation) && matches!(status, Status::Open | Status::Invited);
    let fallback = rq::video_fallback(&s.app, &a, id)
        .await
        .map_err(fail(&ctx))?
        .map(|f| {
            let why = if f.nobody_on_site {
                lang.t("fallback-nobody")
            } else {
                lang.t("fallback-cut-off")
            };
            let video = lang.t_args(
                "fallback-video-candidates",
                &[("count", f.video_candidates.to_string())],
            );
            (why, video)
        });
    let year = now.to_zoned(mittler_app::local_time::zone()).year();
    let left = if can_dispatch {
        mittler_app::billing::allowances_left(&s.app, a.tenant_id, year)
            .await
            .map_err(fail(&ctx))?
    } else {
        Default::default()
    };
    let (fund, unfunded) = if a.may(Action::RunMediation) {
        mittler_app::funds::of_request(&s.app, a.tenant_id, &d.view.row)
            .await
            .map_err(fail(&ctx))?
    } else {
        (None, false)
    };
    let funds = if a.may(Action::RunMediation)
        && !matches!(
            status,
            Status::Completed | Status::Cancelled | Status::Unfilled
        ) {
        mittler_app::funds::list(&s.app, &a)
            .await
            .map_err(fail(&ctx))?
            .into_iter()
            .map(|f| {
                let label = format!(
                    "{} ({})",
                    f.name,
                    mittler_domain::fee::euros(f.left_cents())
                );
                (f.id.to_string(), label, Some(f.id) == fund)
            })
            .collect()
    } else {
        Vec::new()
    };
    let (candidates, excluded) = if can_dispatch {
        let c = rq::candidates(&s.app, &a, id).await.map_err(fail(&ctx))?;
        let past = past_answers(lang, &d);
        let mut cands: Vec<Cand> = c
            .candidates
            .into_iter()
            .map(|c| {
                let before = past.get(&c.mediator_id);
                Cand {
                    id: c.mediator_id.to_string(),
                    why: candidate_why(lang, c.continuity, c.travel_min, c.week_min),
                    phone: phone_link(&c.phone),
                    past: before.map(|(text, _)| text.clone()),
                    pending: before.is_some_and(|(_, open)| *open),
                    name: c.name,
                    continuity: c.continuity,
                    allowance_left: left
                        .get(&c.mediator_id)
                        .map(|l| mittler_domain::fee::euros(*l)),
                }
            })
            .collect();
        // Who already said no, or was asked, comes last (kept in rank order otherwise).
        cands.sort_by_key(|c| c.past.is_some());
        (
            cands,
            c.excluded
                .into_iter()
                .map(|x| {
                    let why: Vec<String> = x
                        .reasons
                        .iter()
                        .map(|r| lang.t(&format!("reason-{}", r.as_str())))
                        .collect();
                    let anyway = x.wishes_only().then(|| x.mediator_id.to_string());
                    (x.name, why.join(", "), phone_link(&x.phone), anyway)
                })
                .collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let r = &d.view.row;
    let gender = match (r.gender_pref.as_str(), r.gender.as_deref()) {
        ("wish", Some(g)) => lang.t_args(
            "request-gender-wish",
            &[("gender", lang.t(&format!("gender-{g}")))],
        ),
        ("must", Some(g)) => lang.t_args(
            "request-gender-must",
            &[("gender", lang.t(&format!("gender-{g}")))],
        ),
        _ => lang.t("request-gender-none"),
    };
    let ts_text = match (r.ts_start, r.ts_end) {
        (Some(st), Some(en)) => Some(
            lang.t_args(
                "timesheet-summary",
                &[
                    ("start", local(st.0)),
                    ("end", local(en.0)),
                    ("waiting", r.ts_waiting_min.unwrap_or(0).to_string()),
                    ("travel", r.ts_travel_min.unwrap_or(0).to_string()),
                    (
                        "km",
                        mittler_domain::billing::km_text(r.ts_travel_km_tenths.unwrap_or(0)),
                    ),
                ],
            ) + &if r.ts_km_flagged {
                format!(" {}", lang.t("timesheet-km-flagged"))
            } else {
                String::new()
            },
        ),
        _ => None,
    };
    let page = ShowPage {
        base: Base::new(&ctx, "request-title"),
        place: d.view.place.clone(),
        duration: r.duration_min,
        priority_label: lang.t(&format!("priority-{}", r.priority)),
        ts_label: lang.t(&format!("timesheet-{}", r.ts_status)),
        excluded_summary: lang.t_count(
            "candidates-excluded",
            "count",
            i64::try_from(excluded.len()).unwrap_or(0),
        ),
        client_ref: r.client_ref.clone(),
        notes: r.notes.clone(),
        gender,
        billable: r.billable,
        cancel_reason: r.cancel_reason.clone(),
        in_series: r.series_id.is_some(),
        can_reschedule: a.may(Action::BookRequests)
            && matches!(status, Status::Open | Status::Invited),
        time_value: r
            .start_at
            .0
            .to_zoned(mittler_app::local_time::zone())
            .strftime("%H:%M")
            .to_string(),
        ts_status: r.ts_status.clone(),
        ts_text,
        history: d
            .history
            .iter()
            .map(|h| {
                (
                    local(h.at.0),
                    h.actor.clone(),
                    lang.t(&format!("event-{}", h.event)),
                    h.reason
                        .as_deref()
                        .map(|r| history_reason(lang, r))
                        .unwrap_or_default(),
                )
            })
            .collect(),
        invitations: d
            .invitations
            .iter()
            .map(|(i, name)| {
                (
                    name.clone(),
                    lang.t(&format!("invitation-{}", i.status)),
                    local(i.expires_at.0),
                )
            })
            .collect(),
        is_institution: a.may(Action::SettleTimesheets),
        can_slip: status == Status::Confirmed
            && (a.may(Action::RunMediation) || a.may(Action::FollowRequests)),
        can_cancel: a.may(Action::BookRequests)
            && matches!(status, Status::Open | Status::Invited | Status::Confirmed),
        can_dispatch,
        candidates,
        excluded,
        expiry_choices: [30, 60, 120, 240, 1440]
            .into_iter()
            .map(|m| {
                let label = if m >= 60 {
                    lang.t_args("hours", &[("n", (m / 60).to_string())])
                } else {
                    lang.t_args("minutes", &[("n", m.to_string())])
                };
                (m, label)
            })
            .collect(),
        unfunded,
        funds,
        fallback,
        message: q.text(lang),
        r: row(lang, &d.view, now),
    };
    Ok(render(&page))
}
