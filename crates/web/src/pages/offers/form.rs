//! The offer form: new offers and changes, and the review status.

use super::*;

/// The offer form as typed (every field a string, so that nothing typed is lost).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct OfferForm {
    csrf: String,
    provider_id: String,
    /// Parallel lists: language, title, description.
    text_lang: Vec<String>,
    text_title: Vec<String>,
    text_description: Vec<String>,
    category: String,
    target: Vec<String>,
    age_min: String,
    age_max: String,
    languages: String,
    place_name: String,
    address: String,
    district: String,
    lat: String,
    lon: String,
    accessibility: String,
    schedule_kind: String,
    dates: String,
    weekdays: Vec<String>,
    start_time: String,
    end_time: String,
    from: String,
    until: String,
    except: String,
    cost: String,
    cost_note: String,
    capacity: String,
    registration: String,
    lottery_at: String,
    /// Parallel lists: a target group and the places kept for it in a lottery.
    quota_group: Vec<String>,
    quota_seats: Vec<String>,
    weekends: Option<String>,
    /// When the offer was read (microseconds): a save over a newer change is refused.
    version: String,
}

fn opt_num(e: &mut FieldErrors, field: &str, s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    s.parse().map_err(|_| e.add(field, "invalid-number")).ok()
}

fn opt_f64(e: &mut FieldErrors, field: &str, s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    if s.is_empty() {
        return None;
    }
    s.parse().map_err(|_| e.add(field, "invalid-number")).ok()
}

/// Euros as typed (`12`, `12,50`) in cents.
fn cents(e: &mut FieldErrors, s: &str) -> Option<i64> {
    if s.trim().is_empty() {
        return None;
    }
    crate::pages::parse_euros(s).or_else(|| {
        e.add("cost", "invalid-number");
        None
    })
}

impl OfferForm {
    fn input(&self) -> (OfferInput, FieldErrors) {
        let mut e = FieldErrors::new();
        let texts = self
            .text_lang
            .iter()
            .enumerate()
            .map(|(i, l)| TextInput {
                lang: l.clone(),
                title: self.text_title.get(i).cloned().unwrap_or_default(),
                description: self.text_description.get(i).cloned().unwrap_or_default(),
            })
            .collect();
        let dates = self
            .dates
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                // "2027-07-06 10:00-11:30"
                let l = l.trim();
                match l.split_once(' ') {
                    Some((d, times)) => match times.split_once('-') {
                        Some((a, b)) => (format!("{d}T{}", a.trim()), format!("{d}T{}", b.trim())),
                        None => (l.to_owned(), String::new()),
                    },
                    None => (l.to_owned(), String::new()),
                }
            })
            .collect();
        let input = OfferInput {
            texts,
            category: self.category.clone(),
            target_groups: self.target.clone(),
            age_min: opt_num(&mut e, "age_min", &self.age_min),
            age_max: opt_num(&mut e, "age_max", &self.age_max),
            languages: self
                .languages
                .split([',', ' '])
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.trim().to_lowercase())
                .collect(),
            place_name: self.place_name.clone(),
            address: self.address.clone(),
            district: Some(self.district.clone()),
            lat: opt_f64(&mut e, "place.lat", &self.lat),
            lon: opt_f64(&mut e, "place.lon", &self.lon),
            accessibility: Some(self.accessibility.clone()),
            schedule: ScheduleInput {
                kind: self.schedule_kind.clone(),
                dates,
                weekdays: self.weekdays.clone(),
                start_time: self.start_time.clone(),
                end_time: self.end_time.clone(),
                from: self.from.clone(),
                until: self.until.clone(),
                except: self
                    .except
                    .split([',', ' ', '\n'])
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(str::to_owned)
                    .collect(),
                weekends: self.weekends.is_some(),
            },
            cost_cents: cents(&mut e, &self.cost),
            cost_note: Some(self.cost_note.clone()),
            capacity: opt_num(&mut e, "capacity", &self.capacity),
            registration: self.registration.clone(),
            lottery_at: Some(self.lottery_at.clone()),
            quotas: self
                .quota_group
                .iter()
                .zip(&self.quota_seats)
                .filter_map(|(g, n)| Some((g.clone(), opt_num(&mut e, "quotas", n)?)))
                .collect(),
        };
        (input, e)
    }

    fn from_offer(o: &Offer) -> OfferForm {
        let tz = mittler_app::local_time::zone();
        let local = |t: jiff::Timestamp| {
            t.to_zoned(tz.clone())
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let s = &o.schedule;
        OfferForm {
            csrf: String::new(),
            provider_id: o.provider_id.to_string(),
            text_lang: o.texts.by_lang.keys().cloned().collect(),
            text_title: o.texts.by_lang.values().map(|t| t.title.clone()).collect(),
            text_description: o
                .texts
                .by_lang
                .values()
                .map(|t| t.description.clone())
                .collect(),
            category: o.category.as_str().to_owned(),
            target: o
                .target_groups
                .iter()
                .map(|g| g.as_str().to_owned())
                .collect(),
            age_min: o.age_min.map(|a| a.to_string()).unwrap_or_default(),
            age_max: o.age_max.map(|a| a.to_string()).unwrap_or_default(),
            languages: o.languages.join(", "),
            place_name: o.venue.name.clone(),
            address: o.venue.address.clone(),
            district: o.venue.district.clone().unwrap_or_default(),
            lat: o.venue.lat.to_string(),
            lon: o.venue.lon.to_string(),
            accessibility: o.venue.accessibility.clone().unwrap_or_default(),
            schedule_kind: s.kind.clone(),
            dates: s
                .dates
                .iter()
                .map(|(a, b)| {
                    let (d, t) = a.split_once('T').unwrap_or((a, ""));
                    let end = b.split_once('T').map_or(b.as_str(), |(_, t)| t);
                    format!("{d} {t}-{end}")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            weekdays: s.weekdays.clone(),
            start_time: s.start_time.clone(),
            end_time: s.end_time.clone(),
            from: s.from.clone(),
            until: s.until.clone(),
            except: s.except.join(", "),
            cost: if o.cost_cents == 0 {
                String::new()
            } else {
                format!("{},{:02}", o.cost_cents / 100, o.cost_cents % 100)
            },
            cost_note: o.cost_note.clone().unwrap_or_default(),
            capacity: o.capacity.to_string(),
            registration: o.registration.as_str().to_owned(),
            lottery_at: o.registration.lottery_at().map(local).unwrap_or_default(),
            quota_group: o
                .quotas
                .iter()
                .map(|(g, _)| g.as_str().to_owned())
                .collect(),
            quota_seats: o.quotas.iter().map(|(_, n)| n.to_string()).collect(),
            weekends: s.weekends.then(|| "on".to_owned()),
            version: o.updated_at.as_microsecond().to_string(),
        }
    }
}

/// One language block of the form.
pub struct TextBlock {
    pub lang: &'static str,
    pub name: &'static str,
    pub title: String,
    pub description: String,
    pub outdated: bool,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "offers/form.html")]
struct FormPage {
    base: Base,
    id: Option<String>,
    f: OfferForm,
    texts: Vec<TextBlock>,
    categories: Vec<(String, String)>,
    targets: Vec<(String, String, bool)>,
    weekdays: Vec<(String, String, bool)>,
    /// (target group, label, places kept as typed)
    quotas: Vec<(String, String, String)>,
    providers: Vec<(String, String)>,
    errors: FieldErrors,
    status: String,
    /// Workflow buttons: (event, label, danger).
    actions: Vec<(String, String, bool)>,
    review_note: String,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(|r| self.base.lang.reason(r))
    }

    fn all_errors(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|(f, r)| (f.to_owned(), self.base.lang.reason(r)))
            .collect()
    }
}

async fn form_page(
    s: &AppState,
    ctx: &crate::extract::PageCtx,
    a: &Actor,
    current: Option<&Offer>,
    f: OfferForm,
    errors: FieldErrors,
) -> Result<axum::response::Response, crate::pages::PageError> {
    let lang = ctx.lang;
    let texts = dom::TEXT_LANGS
        .iter()
        .map(|(code, name, _)| {
            let i = f.text_lang.iter().position(|l| l == code);
            let title = i
                .and_then(|i| f.text_title.get(i))
                .cloned()
                .unwrap_or_default();
            let description = i
                .and_then(|i| f.text_description.get(i))
                .cloned()
                .unwrap_or_default();
            TextBlock {
                lang: code,
                name,
                open: *code == "de" || !title.is_empty(),
                outdated: current.is_some_and(|o| o.texts.is_outdated(code)),
                title,
                description,
            }
        })
        .collect();
    let providers = if a.may(Action::RunCatalogue) {
        offers::providers(&s.app, a)
            .await
            .map_err(fail(ctx))?
            .into_iter()
            .map(|p| (p.id.to_string(), p.name))
            .collect()
    } else {
        Vec::new()
    };
    let actions = current
        .map(|o| {
            let mut v = Vec::new();
            let mut add = |e: &str, key: &str, event: Event, danger: bool| {
                let ok = dom::next(o.status, event).is_some()
                    && (a.may(Action::RunCatalogue)
                        || matches!(event, Event::Submit | Event::Archive));
                if ok {
                    v.push((e.to_owned(), lang.t(key), danger));
                }
            };
            add("submit", "offer-submit", Event::Submit, false);
            add("publish", "offer-publish", Event::Publish, false);
            add("return", "offer-return", Event::ReturnToDraft, false);
            add("archive", "offer-archive", Event::Archive, true);
            v
        })
        .unwrap_or_default();
    let page = FormPage {
        base: Base::new(
            ctx,
            if current.is_some() {
                "offer-edit"
            } else {
                "offer-new"
            },
        ),
        id: current.map(|o| o.id.to_string()),
        texts,
        categories: Category::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str().to_owned(),
                    lang.t(&format!("offer-cat-{}", c.as_str())),
                )
            })
            .collect(),
        targets: TargetGroup::ALL
            .iter()
            .map(|g| {
                (
                    g.as_str().to_owned(),
                    lang.t(&format!("target-{}", g.as_str())),
                    f.target.iter().any(|t| t == g.as_str()),
                )
            })
            .collect(),
        weekdays: ["mo", "tu", "we", "th", "fr", "sa", "su"]
            .iter()
            .zip(1..)
            .map(|(d, n)| {
                (
                    (*d).to_owned(),
                    lang.t(&format!("weekday-{n}")),
                    f.weekdays.iter().any(|w| w == d),
                )
            })
            .collect(),
        quotas: TargetGroup::ALL
            .iter()
            .map(|g| {
                let seats = f
                    .quota_group
                    .iter()
                    .position(|x| x == g.as_str())
                    .and_then(|i| f.quota_seats.get(i))
                    .cloned()
                    .unwrap_or_default();
                (
                    g.as_str().to_owned(),
                    lang.t(&format!("target-{}", g.as_str())),
                    seats,
                )
            })
            .collect(),
        providers,
        status: current
            .map(|o| lang.t(&format!("offer-status-{}", o.status.as_str())))
            .unwrap_or_else(|| lang.t("offer-status-draft")),
        review_note: current
            .and_then(|o| o.review_note.clone())
            .unwrap_or_default(),
        actions,
        f,
        errors,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /offers/new`.
pub async fn new_form(State(s): State<AppState>, SignedIn(ctx, a): SignedIn) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let f = OfferForm {
        text_lang: vec!["de".into()],
        schedule_kind: "dates".into(),
        registration: "first_come".into(),
        ..Default::default()
    };
    form_page(&s, &ctx, &a, None, f, FieldErrors::new()).await
}

/// `POST /offers`: a new draft.
pub async fn create(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    CheckedForm(f): CheckedForm<OfferForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let (input, mut e) = f.input();
    let provider = uuid::Uuid::parse_str(f.provider_id.trim()).ok();
    let result = if e.is_empty() {
        offers::create(&s.app, &a, provider, &input).await
    } else {
        // Show the other fields' errors too, not only what could not be read.
        Err(AppError::Invalid(
            input
                .validate(&mittler_app::local_time::zone())
                .err()
                .unwrap_or_default(),
        ))
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/offers/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(more)) => {
            for (k, v) in more.iter() {
                e.add(k, v);
            }
            form_page(&s, &ctx, &a, None, f, e).await
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}

/// `GET /offers/{id}`.
pub async fn edit_form(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let o = offers::get(&s.app, &a, parse_id(&ctx, &id)?)
        .await
        .map_err(fail(&ctx))?;
    form_page(
        &s,
        &ctx,
        &a,
        Some(&o),
        OfferForm::from_offer(&o),
        FieldErrors::new(),
    )
    .await
}

/// `POST /offers/{id}`: saves; a provider's change of a published offer goes to review.
pub async fn update(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<OfferForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let id = parse_id(&ctx, &id)?;
    let current = offers::get(&s.app, &a, id).await.map_err(fail(&ctx))?;
    let (input, mut e) = f.input();
    let result = if e.is_empty() {
        let read_at = f
            .version
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|v| jiff::Timestamp::from_microsecond(v).ok());
        offers::update(&s.app, &a, id, &input, read_at).await
    } else {
        // Show the other fields' errors too, not only what could not be read.
        Err(AppError::Invalid(
            input
                .validate(&mittler_app::local_time::zone())
                .err()
                .unwrap_or_default(),
        ))
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/offers/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(more)) => {
            for (k, v) in more.iter() {
                e.add(k, v);
            }
            form_page(&s, &ctx, &a, Some(&current), f, e).await
        }
        Err(AppError::Conflict(c)) if c == "changed meanwhile" => {
            let mut r = form_page(
                &s,
                &ctx,
                &a,
                Some(&current),
                f,
                FieldErrors::single("version", "offer-changed"),
            )
            .await?;
            *r.status_mut() = StatusCode::CONFLICT;
            Ok(r)
        }
        Err(other) => Err(fail(&ctx)(other)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    csrf: String,
    event: String,
    note: String,
}

/// `POST /offers/{id}/status`: submit, publish, return to draft, archive.
pub async fn set_status(
    State(s): State<AppState>,
    SignedIn(ctx, a): SignedIn,
    Path(id): Path<String>,
    CheckedForm(f): CheckedForm<StatusForm>,
) -> PageResult {
    require(&ctx, &a, Action::WriteOffers)?;
    let event = match f.event.as_str() {
        "submit" => Event::Submit,
        "publish" => Event::Publish,
        "return" => Event::ReturnToDraft,
        "archive" => Event::Archive,
        _ => {
            return Err(fail(&ctx)(AppError::Invalid(FieldErrors::single(
                "event", "invalid",
            ))));
        }
    };
    offers::transition(&s.app, &a, parse_id(&ctx, &id)?, event, Some(&f.note))
        .await
        .map_err(fail(&ctx))?;
    Ok(Redirect::to("/offers?done=1").into_response())
}
