//! The providers who publish offers.

use super::*;

#[derive(Template)]
#[template(path = "offers/providers.html")]
struct ProvidersPage {
    base: Base,
    providers: Vec<(String, String)>,
    name: String,
    error: Option<String>,
}

/// `GET /providers`.
pub async fn providers(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::RunCatalogue)?;
    let all = offers::providers(&s.app, &a).await.map_err(fail(&ctx))?;
    let page = ProvidersPage {
        base: Base::new(&ctx, "nav-providers"),
        providers: all
            .into_iter()
            .map(|p| (p.id.to_string(), p.name))
            .collect(),
        name: String::new(),
        error: None,
    };
    Ok(render(&page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProviderForm {
    csrf: String,
    name: String,
}

/// `POST /providers`.
pub async fn create_provider(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<ProviderForm>,
) -> PageResult {
    require(&ctx, &a, Action::RunCatalogue)?;
    match offers::create_provider(&s.app, &a, &f.name).await {
        Ok(_) => Ok(Redirect::to("/providers").into_response()),
        Err(AppError::Invalid(e)) => {
            let all = offers::providers(&s.app, &a).await.map_err(fail(&ctx))?;
            let page = ProvidersPage {
                base: Base::new(&ctx, "nav-providers"),
                providers: all
                    .into_iter()
                    .map(|p| (p.id.to_string(), p.name))
                    .collect(),
                error: e.get("name").map(|r| ctx.lang.reason(r)),
                name: f.name,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}
