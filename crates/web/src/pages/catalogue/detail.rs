//! One offer of the public catalogue and registering for it.

use super::*;
use crate::extract::PageQuery;

/// What the registration form keeps of what was typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RegisterForm {
    csrf: String,
    lang: String,
    name: String,
    email: String,
    persons: String,
    age1: String,
    age2: String,
    age3: String,
    age4: String,
    group: String,
    consent_participation: Option<String>,
    consent_photos: Option<String>,
    consent_share_contact: Option<String>,
}

#[derive(Template)]
#[template(path = "catalogue/detail.html")]
struct DetailPage {
    base: PublicBase,
    card: Card,
    jsonld: String,
    form: RegisterForm,
    /// Whether the form asks for children's ages first.
    for_children: bool,
    /// Target groups with a lottery quota: (code, label).
    quota_groups: Vec<(String, String)>,
    errors: FieldErrors,
    open: bool,
    back: String,
    ics: String,
}

impl DetailPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|r| self.base.lang.reason(r))
    }

    fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// (anchor, the field's name and what is wrong), for the summary at the top.
    fn error_list(&self) -> Vec<(String, String)> {
        let lang = self.base.lang;
        self.errors
            .iter()
            .map(|(f, r)| {
                let label = match f {
                    "name" => lang.t("reg-name"),
                    "email" => lang.t("reg-email"),
                    "persons" => lang.t("reg-persons"),
                    "group" => lang.t("reg-group"),
                    "consents.participation" | "consents" => lang.t("reg-consents"),
                    other => match other
                        .strip_prefix("children.")
                        .and_then(|rest| rest.split('.').next())
                        .and_then(|i| i.parse::<usize>().ok())
                    {
                        Some(i) => self.base.t_child(i + 1),
                        None => String::new(),
                    },
                };
                let why = lang.reason(r);
                let text = if label.is_empty() {
                    why
                } else {
                    format!("{label}: {why}")
                };
                (f.replace('.', "-"), text)
            })
            .collect()
    }
}

/// schema.org JSON-LD of an offer: an `Event` for one session, else a `Course` with its
/// course instances. No personal data.
fn json_ld(public_url: &str, slug: &str, o: &Offer, seats_left: Option<u32>) -> String {
    let texts = o.texts.show("de");
    let name = texts
        .as_ref()
        .map(|t| t.text.title.clone())
        .unwrap_or_default();
    let description = texts
        .as_ref()
        .map(|t| t.text.description.clone())
        .unwrap_or_default();
    let url = format!("{public_url}/catalogue/{slug}/{}", o.id);
    let place = serde_json::json!({
        "@type": "Place",
        "name": o.venue.name,
        "address": o.venue.address,
        "geo": {"@type": "GeoCoordinates", "latitude": o.venue.lat, "longitude": o.venue.lon},
    });
    let offers = serde_json::json!({
        "@type": "Offer",
        "price": format!("{}.{:02}", o.cost_cents / 100, o.cost_cents % 100),
        "priceCurrency": "EUR",
        "url": url,
        "availability": if seats_left == Some(0) { "https://schema.org/SoldOut" } else { "https://schema.org/InStock" },
    });
    let audience = serde_json::json!({
        "@type": "PeopleAudience",
        "audienceType": o.target_groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(", "),
        "suggestedMinAge": o.age_min,
        "suggestedMaxAge": o.age_max,
    });
    let languages: Vec<String> = o.languages.clone();
    let mut v = if o.sessions.len() == 1 {
        let s = o.sessions.first().map(|(_, s)| *s);
        serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": name,
            "description": description,
            "url": url,
            "startDate": s.map(|s| s.start.to_string()),
            "endDate": s.map(|s| s.end.to_string()),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
            "organizer": {"@type": "Organization", "name": o.provider_name},
            "offers": offers,
            "audience": audience,
            "inLanguage": languages,
            "isAccessibleForFree": o.cost_cents == 0,
            "maximumAttendeeCapacity": o.capacity,
        })
    } else {
        serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Course",
            "name": name,
            "description": description,
            "url": url,
            "provider": {"@type": "Organization", "name": o.provider_name},
            "offers": offers,
            "audience": audience,
            "inLanguage": languages,
            "isAccessibleForFree": o.cost_cents == 0,
            "hasCourseInstance": o.sessions.iter().map(|(_, s)| serde_json::json!({
                "@type": "CourseInstance",
                "courseMode": "onsite",
                "startDate": s.start.to_string(),
                "endDate": s.end.to_string(),
                "location": place,
            })).collect::<Vec<_>>(),
        })
    };
    if let (Some(n), Some(obj)) = (seats_left, v.as_object_mut()) {
        obj.insert("remainingAttendeeCapacity".into(), n.into());
    }
    // Inside <script>, "</script" or "<!--" would change the element: JSON may write
    // these characters as escapes.
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

async fn detail_page(
    s: &AppState,
    ctx: &PageCtx,
    tenant: &str,
    id: &str,
    asked: Option<&str>,
    form: RegisterForm,
    errors: FieldErrors,
) -> Result<(StatusCode, Response), PageError> {
    let l = langs(ctx, asked);
    let (c, o) = catalogue::offer(&s.app, tenant, parse_id(ctx, id)?)
        .await
        .map_err(fail(ctx))?;
    let card = card(&l, &c, &o, true);
    let for_children = o.age_max.is_some_and(|a| a < 18)
        || o.target_groups
            .iter()
            .any(|g| matches!(g, TargetGroup::Children | TargetGroup::Youth));
    let lang = l.ui;
    let mut form = form;
    if form.lang.is_empty() {
        form.lang = l.text.clone();
    }
    let page = DetailPage {
        base: PublicBase::new(
            ctx,
            &l,
            card.title.clone(),
            tenant,
            &c.tenant.name,
            &format!("/catalogue/{tenant}/{}", o.id),
        ),
        jsonld: json_ld(&s.app.public_url, tenant, &o, c.seats_left(&o)),
        open: o.registration != Registration::None,
        quota_groups: o
            .quotas
            .iter()
            .map(|(g, _)| {
                (
                    g.as_str().to_owned(),
                    lang.t(&format!("target-{}", g.as_str())),
                )
            })
            .collect(),
        back: format!("/catalogue/{tenant}?lang={}", l.text),
        ics: format!("/catalogue/{tenant}/{}/calendar.ics", o.id),
        card,
        form,
        for_children,
        errors,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LangQuery {
    pub(super) lang: Option<String>,
}

/// `GET /catalogue/{tenant}/{id}`: one offer with its registration form.
pub async fn detail(
    State(s): State<AppState>,
    ctx: PageCtx,
    Path((tenant, id)): Path<(String, String)>,
    PageQuery(q): PageQuery<LangQuery>,
) -> PageResult {
    let (status, body) = detail_page(
        &s,
        &ctx,
        &tenant,
        &id,
        q.lang.as_deref(),
        RegisterForm::default(),
        FieldErrors::new(),
    )
    .await?;
    Ok((status, body).into_response())
}

fn age(s: &str) -> Option<Option<i64>> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(s.parse::<i64>().ok().or(Some(-1)))
    }
}

#[derive(Template)]
#[template(path = "catalogue/message.html")]
struct MessagePage {
    base: PublicBase,
    heading: String,
    message: String,
    /// (href, label)
    links: Vec<(String, String)>,
}

/// `POST /catalogue/{tenant}/{id}/register`: the registration; an e-mail with the
/// confirmation link follows. Errors show the form again with what was typed.
pub async fn register(
    State(s): State<AppState>,
    ctx: PageCtx,
    crate::extract::ClientAddress(addr): crate::extract::ClientAddress,
    Path((tenant, id)): Path<(String, String)>,
    CheckedForm(f): CheckedForm<RegisterForm>,
) -> PageResult {
    let offer_id = parse_id(&ctx, &id)?;
    let children: Vec<Option<i64>> = [&f.age1, &f.age2, &f.age3, &f.age4]
        .iter()
        .filter_map(|a| age(a))
        .collect();
    let mut e = FieldErrors::new();
    let persons = match f.persons.trim() {
        "" => None,
        p => match p.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                e.add("persons", "invalid");
                None
            }
        },
    };
    let consents = [
        (f.consent_participation.is_some(), Consent::Participation),
        (f.consent_photos.is_some(), Consent::Photos),
        (f.consent_share_contact.is_some(), Consent::ShareContact),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, c)| c.as_str().to_owned())
    .collect();
    let input = RegistrationInput {
        name: f.name.clone(),
        email: f.email.clone(),
        persons: if children.is_empty() { persons } else { None },
        children,
        consents,
        lang: f.lang.clone(),
        group: Some(f.group.clone()),
    };
    let result = if e.is_empty() {
        registrations::register(&s.app, &tenant, offer_id, &input, addr.as_deref()).await
    } else {
        Err(AppError::Invalid(e))
    };
    match result {
        Ok(_) => {
            let l = langs(&ctx, Some(&f.lang));
            let lang = l.ui;
            let (c, o) = catalogue::offer(&s.app, &tenant, offer_id)
                .await
                .map_err(fail(&ctx))?;
            let title = card(&l, &c, &o, false).title;
            let page = MessagePage {
                base: PublicBase::new(
                    &ctx,
                    &l,
                    lang.t("cat-check-mail"),
                    &tenant,
                    &c.tenant.name,
                    &format!("/catalogue/{tenant}/{id}"),
                ),
                heading: lang.t("cat-check-mail"),
                message: lang.t_args(
                    "cat-check-mail-text",
                    &[("title", title), ("email", f.email.trim().to_owned())],
                ),
                links: vec![(
                    format!("/catalogue/{tenant}?lang={}", l.text),
                    lang.t("cat-back"),
                )],
            };
            Ok((StatusCode::ACCEPTED, render(&page)).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let lang_code = f.lang.clone();
            let (status, body) =
                detail_page(&s, &ctx, &tenant, &id, Some(&lang_code), f, errors).await?;
            Ok((status, body).into_response())
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}
