//! The home page: a card per area the role may reach, the coordinator's desk, the
//! funds' budgets, a mediator's open invitations.

use super::*;

#[derive(Template)]
#[template(path = "home.html")]
pub(super) struct Home {
    base: Base,
    greeting: String,
    cards: Vec<(&'static str, String, String)>,
    /// The funds' budgets for those who close the month: (name, left, budget, used %).
    funds: Vec<(String, String, String, i64)>,
    /// What needs doing, for coordinators: (link, label, count).
    desk: Vec<(String, String, i64)>,
    /// A mediator's open invitations: how many, and the sentence saying so.
    invitations: Option<(usize, String)>,
    /// For admins: the centre does not yet require a second factor of admins and
    /// coordinators.
    second_factor_warning: bool,
}

pub async fn home(
    axum::extract::State(s): axum::extract::State<crate::AppState>,
    SignedIn(ctx, actor): SignedIn,
) -> Response {
    let lang = ctx.lang;
    let cards = AREAS
        .iter()
        .filter(|x| x.home && actor.may(x.action))
        .map(|x| (x.href, lang.t(x.key), lang.t(&format!("{}-hint", x.key))))
        .collect();
    let greeting = lang.t_args("home-greeting", &[("name", actor.name.clone())]);
    // Live budgets: read on every visit, so they show the latest commitments.
    let funds = if actor.may(Action::CloseMonth) {
        mittler_app::funds::list(&s.app, &actor)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|f| {
                let euros = mittler_domain::fee::euros;
                (
                    f.name.clone(),
                    euros(f.left_cents()),
                    euros(f.budget_cents),
                    f.used_pct().clamp(0, 100),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let desk = if actor.may(Action::RunMediation) {
        mittler_app::requests::desk(&s.app, &actor)
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|(need, n)| {
                (
                    format!("/requests?need={}", need.as_str()),
                    lang.t(&format!("desk-{}", need.as_str())),
                    n,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let invitations = if actor.may(Action::ServeAsMediator) {
        mittler_app::requests::my_invitations(&s.app, &actor)
            .await
            .ok()
            .map(|v| {
                let n = v.len();
                let text = lang.t_count("home-invitations", "count", i64::try_from(n).unwrap_or(0));
                (n, text)
            })
    } else {
        None
    };
    let second_factor_warning = actor.may(Action::ChangeSettings)
        && mittler_app::settings::get(&s.app, &actor)
            .await
            .is_ok_and(|st| {
                !(mittler_app::auth::required_for(
                    &st.second_factor_roles,
                    mittler_domain::Role::Admin,
                ) && mittler_app::auth::required_for(
                    &st.second_factor_roles,
                    mittler_domain::Role::Coordinator,
                ))
            });
    render(&Home {
        base: Base::new(&ctx, "home-title"),
        greeting,
        cards,
        funds,
        desk,
        invitations,
        second_factor_warning,
    })
}
