//! A family registers for a swimming course in Arabic on a phone.

use super::*;

/// The token of the last mail to `to` holding a `/r/{kind}/` link.
async fn token_in_mail(app: &App, to: &str, kind: &str) -> String {
    let mails = mittler_db::outbox::to_address(&app.db, to).await.unwrap();
    let needle = format!("/r/{kind}/");
    let body = &mails
        .iter()
        .rev()
        .find(|m| m.body_text.contains(&needle))
        .unwrap_or_else(|| panic!("no mail to {to} with {needle}"))
        .body_text;
    let at = body.find(&needle).unwrap() + needle.len();
    body[at..]
        .chars()
        .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '-' || *ch == '_')
        .collect()
}

/// Registers a family of one child through the app and confirms it as if by its mail.
async fn family_registers(
    app: &App,
    offer: uuid::Uuid,
    email: &str,
    lang: &str,
) -> mittler_app::offers::Confirmed {
    mittler_app::registrations::register(
        app,
        "essen",
        offer,
        &mittler_domain::registration::RegistrationInput {
            name: email.split('@').next().unwrap().into(),
            email: email.into(),
            children: vec![Some(8)],
            consents: vec!["participation".into()],
            lang: lang.into(),
            ..Default::default()
        },
        None,
    )
    .await
    .unwrap();
    let token = token_in_mail(app, email, "confirm").await;
    mittler_app::registrations::confirm(app, &token)
        .await
        .unwrap()
        .2
}

fn offer_input(
    texts: &[(&str, &str, &str)],
    category: &str,
    targets: &[&str],
    ages: (i64, i64),
    schedule: mittler_domain::offer::ScheduleInput,
    capacity: i64,
) -> mittler_domain::offer::OfferInput {
    mittler_domain::offer::OfferInput {
        texts: texts
            .iter()
            .map(
                |(lang, title, description)| mittler_domain::offer::TextInput {
                    lang: (*lang).into(),
                    title: (*title).into(),
                    description: (*description).into(),
                },
            )
            .collect(),
        category: category.into(),
        target_groups: targets.iter().map(|t| (*t).into()).collect(),
        age_min: Some(ages.0),
        age_max: Some(ages.1),
        languages: vec!["deu".into(), "ara".into()],
        place_name: "Hallenbad Altenessen".into(),
        address: "Altenessener Straße 100, 45326 Essen".into(),
        district: Some("Altenessen".into()),
        lat: Some(51.49),
        lon: Some(7.01),
        accessibility: Some("Stufenloser Zugang".into()),
        schedule,
        capacity: Some(capacity),
        registration: "first_come".into(),
        ..Default::default()
    }
}

/// A parent finds a swimming course in Arabic on a phone with a misspelt search, registers
/// two children, confirms by the mailed link and later cancels one child, whose seat goes
/// to the family waiting. Every public page passes axe (WCAG 2.1 AA), fits 360 px and
/// loads nothing from elsewhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_registers_two_children_for_a_swimming_course_in_arabic_on_a_phone() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (base, app, t) = server().await;
    let tenant = mittler_db::tenants::by_slug(&app.db, "essen")
        .await
        .unwrap()
        .unwrap();
    let users = mittler_db::users::list(&app.db, tenant.id).await.unwrap();
    let coordinator = mittler_app::Actor::from_user(
        users
            .iter()
            .find(|u| u.email == "koordination@essen.test")
            .unwrap(),
        None,
    );
    let provider = mittler_app::offers::create_provider(&app, &coordinator, "Schwimmverein Essen")
        .await
        .unwrap();
    let swimming = mittler_app::offers::create(
        &app,
        &coordinator,
        Some(provider),
        &offer_input(
            &[
                (
                    "de",
                    "Schwimmkurs in den Sommerferien",
                    "Zwei Wochen lang jeden Vormittag schwimmen lernen, in kleinen Gruppen.",
                ),
                (
                    "ar",
                    "دورة سباحة في العطلة الصيفية",
                    "تعلّم السباحة كل صباح لمدة أسبوعين في مجموعات صغيرة.",
                ),
            ],
            "swimming",
            &["children", "newly_arrived"],
            (6, 12),
            mittler_domain::offer::ScheduleInput {
                kind: "block".into(),
                from: "2027-07-05".into(),
                until: "2027-07-16".into(),
                start_time: "10:00".into(),
                end_time: "11:30".into(),
                ..Default::default()
            },
            3,
        ),
    )
    .await
    .unwrap();
    // A second offer, so that the search has something to leave out.
    let football = mittler_app::offers::create(
        &app,
        &coordinator,
        Some(provider),
        &offer_input(
            &[(
                "de",
                "Fußballtraining für Jugendliche",
                "Jeden Dienstag auf dem Platz.",
            )],
            "sport",
            &["youth"],
            (12, 17),
            mittler_domain::offer::ScheduleInput {
                kind: "weekly".into(),
                weekdays: vec!["tu".into()],
                from: "2027-01-12".into(),
                until: "2027-03-23".into(),
                start_time: "17:00".into(),
                end_time: "18:30".into(),
                ..Default::default()
            },
            20,
        ),
    )
    .await
    .unwrap();
    for id in [swimming, football] {
        mittler_app::offers::transition(
            &app,
            &coordinator,
            id,
            mittler_domain::offer::Event::Publish,
            None,
        )
        .await
        .unwrap();
    }
    // Another family has one of the three seats.
    assert_eq!(
        family_registers(&app, swimming, "familie.a@example.org", "de").await,
        mittler_app::offers::Confirmed::Now(mittler_domain::registration::Status::Confirmed, None)
    );

    // The list in Arabic on a phone, right to left.
    c.set_window_size(360, 740).await.unwrap();
    c.goto(&format!("{base}/catalogue/essen?lang=ar"))
        .await
        .unwrap();
    assert!(
        c.source()
            .await
            .unwrap()
            .contains("<html lang=\"ar\" dir=\"rtl\">"),
        "the page is Arabic, right to left"
    );
    assert_eq!(
        c.execute("return getComputedStyle(document.body).direction;", vec![])
            .await
            .unwrap(),
        "rtl"
    );
    assert_eq!(c.find_all(Locator::Css("li.offer")).await.unwrap().len(), 2);
    check_page(&c, &base, "list page").await;

    // A search without the dots of the ta marbuta finds the swimming course only.
    fill(&c, "#f-q", "سباحه").await;
    click(&c, Locator::Css("form.filters .search button")).await;
    wait_url(&c, "q=").await;
    c.wait()
        .for_element(Locator::Css("li.offer"))
        .await
        .unwrap();
    let found = c.find_all(Locator::Css("li.offer h2 a")).await.unwrap();
    assert_eq!(found.len(), 1, "only the swimming course matches");
    assert_eq!(
        found[0].text().await.unwrap(),
        "دورة سباحة في العطلة الصيفية"
    );
    check_page(&c, &base, "list page with a search").await;
    click(&c, Locator::Css("li.offer h2 a")).await;
    c.wait().for_element(Locator::Css("#r-name")).await.unwrap();
    wait_url(&c, &format!("/catalogue/essen/{swimming}")).await;
    let src = c.source().await.unwrap();
    assert!(src.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        src.contains("تعلّم السباحة كل صباح"),
        "the Arabic description"
    );
    check_page(&c, &base, "detail page").await;

    // The keyboard reaches the skip link first, and it leads to the content.
    c.execute("document.activeElement.blur();", vec![])
        .await
        .unwrap();
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("\u{E004}")
        .await
        .unwrap();
    let skip = c.active_element().await.unwrap();
    assert_eq!(skip.attr("class").await.unwrap().as_deref(), Some("skip"));
    skip.send_keys("\u{E007}").await.unwrap();
    assert_eq!(
        c.execute("return location.hash;", vec![]).await.unwrap(),
        "#main"
    );

    // Without the consent the form comes back with the errors, keeping what was typed.
    fill(&c, "#r-name", "أمينة").await;
    fill(&c, "#r-email", "amina@example.org").await;
    fill(&c, "#r-children-0-age", "7").await;
    fill(&c, "#r-children-1-age", "9").await;
    click(&c, Locator::Css("section form button[type=submit]")).await;
    c.wait()
        .for_element(Locator::Css("#reg-errors"))
        .await
        .unwrap();
    assert_eq!(
        c.find(Locator::Css("#r-consents-participation"))
            .await
            .unwrap()
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        c.find(Locator::Css("#r-name"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("أمينة")
    );
    check_page(&c, &base, "detail page with errors").await;

    // Registered: check the mail.
    click(&c, Locator::Css("#r-consents-participation")).await;
    click(&c, Locator::Css("section form button[type=submit]")).await;
    wait_source(&c, &mittler_app::i18n::Lang::Ar.t("cat-check-mail")).await;
    assert!(c.source().await.unwrap().contains("amina@example.org"));
    check_page(&c, &base, "check-your-mail page").await;
    // axe sees a violation when there is one: a field without a label.
    c.execute(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=\"canary\">');",
        vec![],
    )
    .await
    .unwrap();
    let canary = axe_violations(&c).await;
    assert!(
        canary
            .iter()
            .any(|v| v.starts_with("label: ") && v.contains("#canary")),
        "axe missed an unlabelled field: {canary:?}"
    );
    c.execute("document.getElementById('canary').remove();", vec![])
        .await
        .unwrap();
    let mails = mittler_db::outbox::to_address(&app.db, "amina@example.org")
        .await
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(
        mails[0].subject,
        mittler_app::i18n::Lang::Ar.t_args(
            "mail-reg-confirm-subject",
            &[("title", "دورة سباحة في العطلة الصيفية".into())]
        ),
        "the mail is in Arabic"
    );

    // The mailed link, then the button: both children have seats.
    let confirm = token_in_mail(&app, "amina@example.org", "confirm").await;
    let cancel = token_in_mail(&app, "amina@example.org", "cancel").await;
    assert_eq!(confirm, cancel, "one token for both links");
    c.goto(&format!("{base}/r/confirm/{confirm}"))
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("form[action^='/r/confirm/'] button"))
        .await
        .unwrap();
    check_page(&c, &base, "confirmation page").await;
    click(&c, Locator::Css("form[action^='/r/confirm/'] button")).await;
    c.wait().for_element(Locator::Css("#notice")).await.unwrap();
    assert_eq!(
        c.find(Locator::Css("#notice"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        mittler_app::i18n::Lang::Ar.t("reg-now-confirmed")
    );
    assert_eq!(
        c.find(Locator::Css("#reg-status"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        mittler_app::i18n::Lang::Ar.t("reg-status-confirmed")
    );
    check_page(&c, &base, "confirmed page").await;

    // The course is full: the next family waits.
    assert_eq!(
        family_registers(&app, swimming, "familie.b@example.org", "en").await,
        mittler_app::offers::Confirmed::Now(
            mittler_domain::registration::Status::Waitlisted,
            Some(1)
        )
    );

    // One child cannot come after all.
    c.goto(&format!("{base}/r/cancel/{cancel}")).await.unwrap();
    c.wait()
        .for_element(Locator::Css("ul.plain li:first-child button.danger"))
        .await
        .unwrap();
    check_page(&c, &base, "cancellation page").await;
    click(&c, Locator::Css("ul.plain li:first-child button.danger")).await;
    c.wait().for_element(Locator::Css("#notice")).await.unwrap();
    assert_eq!(
        c.find(Locator::Css("#notice"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        mittler_app::i18n::Lang::Ar.t("reg-child-cancelled")
    );
    check_page(&c, &base, "cancellation page after a child").await;
    c.close().await.unwrap();

    // The parent keeps one seat (the nine-year-old); the waiting family moved up and was
    // told in English.
    let regs = mittler_db::offers::registrations(&app.db, tenant.id, swimming)
        .await
        .unwrap();
    let reg = |email: &str| regs.iter().find(|r| r.email == email).unwrap();
    let confirmed = mittler_domain::registration::Status::Confirmed;
    assert_eq!(reg("amina@example.org").status, confirmed);
    assert_eq!(reg("amina@example.org").persons, 1);
    assert_eq!(reg("amina@example.org").children, vec![9]);
    assert_eq!(reg("amina@example.org").lang, "ar");
    assert_eq!(reg("familie.b@example.org").status, confirmed);
    assert_eq!(reg("familie.a@example.org").status, confirmed);
    let to_b = mittler_db::outbox::to_address(&app.db, "familie.b@example.org")
        .await
        .unwrap();
    assert_eq!(
        to_b.last().unwrap().subject,
        "A place is free: Schwimmkurs in den Sommerferien"
    );
    drop(t);
}
