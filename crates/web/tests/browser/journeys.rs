//! The journeys of people in a hurry, on a 360 px phone, each page checked by axe:
//! a coordinator's morning (home → unstaffed → candidates → invite), a mediator's
//! invitation in Arabic (declined with a reason), an institution's request by phone (no
//! place asked), a provider's offer with errors (the summary names the fields and takes
//! the focus), a parent registering in Ukrainian, and the mediator's schedule offline.

use super::*;
use common::World;

/// A world of two centres with every role (see `tests/http/common.rs`), served on loopback.
pub(super) async fn world() -> (World, String, tokio::task::JoinHandle<()>) {
    let w = World::new(mittler_db::testing::sqlite().await).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState {
        app: w.app.clone(),
        config: Arc::new(WebConfig::default()),
    };
    let server = tokio::spawn(async move {
        let _ = mittler_web::serve(listener, state).await;
    });
    (w, base, server)
}

async fn focused_summary(c: &Client) -> String {
    let v = c
        .execute(
            "const a = document.activeElement; return a && a.hasAttribute('data-error-summary') ? a.innerText : '';",
            vec![],
        )
        .await
        .unwrap();
    v.as_str().unwrap_or("").to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinators_morning_from_the_desk_to_an_invitation() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (w, base, _server) = world().await;
    // Sunday morning: the open request of Monday has nobody yet.
    w.clock.advance(jiff::SignedDuration::from_hours(4 * 24));
    let tomorrow = w.a.req_other;
    c.set_window_size(360, 780).await.unwrap();
    sign_in(&c, &base, &w.a.users[&Role::Coordinator].1).await;
    wait_source(&c, "Was ansteht").await;
    check_page(&c, &base, "coordinator's home").await;
    click(&c, Locator::Css("a[href='/requests?need=unstaffed']")).await;
    wait_url(&c, "need=unstaffed").await;
    check_page(&c, &base, "unstaffed requests").await;
    // The first screen shows requests, not the filters.
    let filters_open = c
        .execute(
            "return document.querySelector('form.filters details').open;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(filters_open, false);
    click(&c, Locator::Css(&format!("a[href='/requests/{tomorrow}']"))).await;
    wait_source(&c, "id=\"cand-h\"").await;
    check_page(&c, &base, "request with candidates").await;
    let panel = c
        .find(Locator::Css("#invite-form"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        panel.contains("Anfahrt") || panel.contains("gebucht"),
        "{panel}"
    );
    click(&c, Locator::Css("#invite-form input[type=checkbox]")).await;
    click(&c, Locator::Css("#invite-form button[type=submit]")).await;
    wait_url(&c, "msg=invited").await;
    check_page(&c, &base, "request after inviting").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mediator_declines_an_invitation_in_arabic_on_a_phone() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (w, base, _server) = world().await;
    c.set_window_size(360, 780).await.unwrap();
    sign_in(&c, &base, &w.a.users[&Role::Mediator].1).await;
    switch_language(&c, "ar").await;
    c.wait()
        .for_element(Locator::Css("html[lang='ar'][dir='rtl']"))
        .await
        .unwrap();
    // The home page counts the invitation.
    wait_source(&c, "href=\"/me/invitations\"").await;
    check_page(&c, &base, "mediator's home in Arabic").await;
    c.goto(&format!("{base}/me/invitations")).await.unwrap();
    wait_source(&c, "الرد قبل").await;
    // Tap targets: the conflict-of-interest row is at least 44 px high.
    let h = c
        .execute(
            "return document.querySelector('label.check').getBoundingClientRect().height;",
            vec![],
        )
        .await
        .unwrap();
    assert!(h.as_f64().unwrap() >= 44.0, "tap target {h} px");
    check_page(&c, &base, "invitations in Arabic").await;
    // Declining asks why first.
    click(&c, Locator::Css("details.decline summary")).await;
    check_page(&c, &base, "decline form in Arabic").await;
    click(&c, Locator::Css("details.decline input[value='too-far']")).await;
    click(&c, Locator::Css("details.decline button[type=submit]")).await;
    wait_url(&c, "msg=declined").await;
    let inv = mittler_db::requests::invitation(&w.app.db, w.a.id, w.a.inv_own)
        .await
        .unwrap();
    assert_eq!(inv.status, "declined");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_institution_books_by_phone_without_being_asked_for_a_place() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (w, base, _server) = world().await;
    c.set_window_size(360, 780).await.unwrap();
    sign_in(&c, &base, &w.a.users[&Role::Institution].1).await;
    c.goto(&format!("{base}/requests/new")).await.unwrap();
    // Required fields are marked before sending.
    wait_source(&c, "required-hint").await;
    check_page(&c, &base, "request form").await;
    click(&c, Locator::Css("input[name=mode][value=phone]")).await;
    let place_shown = c
        .execute(
            "return !document.getElementById('place_id').closest('[data-when]').hidden;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(place_shown, false, "no place for a phone call");
    // The language by its name.
    fill(&c, "#language", "Dari").await;
    c.find(Locator::Css("#sector"))
        .await
        .unwrap()
        .select_by_value("authority")
        .await
        .unwrap();
    c.execute(
        "document.getElementById('start').value = '2026-11-30T10:00';",
        vec![],
    )
    .await
    .unwrap();
    click(
        &c,
        Locator::Css("form[action='/requests'] button[type=submit]"),
    )
    .await;
    // The request's own page (not the form again).
    for _ in 0..100 {
        let url = c.current_url().await.unwrap();
        if url.path().starts_with("/requests/") && !url.path().ends_with("/new") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let src = c.source().await.unwrap();
    assert!(
        src.contains("Dari") && src.contains("30.11.2026"),
        "booked: {src}"
    );
    check_page(&c, &base, "the booked request").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_provider_sends_an_offer_with_errors_and_is_told_which_fields() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (w, base, _server) = world().await;
    c.set_window_size(360, 780).await.unwrap();
    sign_in(&c, &base, &w.a.users[&Role::Provider].1).await;
    c.goto(&format!("{base}/offers/new")).await.unwrap();
    check_page(&c, &base, "offer form").await;
    // Only the schedule fields of the chosen kind are shown.
    c.find(Locator::Css("#schedule_kind"))
        .await
        .unwrap()
        .select_by_value("weekly")
        .await
        .unwrap();
    let shown = c
        .execute(
            "return [!document.getElementById('dates').closest('[data-when]').hidden,
                     !document.querySelector('input[name=weekdays]').closest('[data-when]').hidden];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        shown,
        serde_json::json!([false, true]),
        "weekly: weekdays, no date list"
    );
    click(
        &c,
        Locator::Css("form[action='/offers'] button[type=submit]"),
    )
    .await;
    c.wait()
        .for_element(Locator::Css("[data-error-summary]"))
        .await
        .unwrap();
    let summary = focused_summary(&c).await;
    assert!(!summary.is_empty(), "the summary takes the focus");
    assert!(
        summary.contains(':') && summary.lines().count() >= 2,
        "names the fields: {summary}"
    );
    check_page(&c, &base, "offer form with errors").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_registers_in_ukrainian_and_is_told_what_is_missing_at_the_top() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (w, base, _server) = world().await;
    c.set_window_size(360, 780).await.unwrap();
    // A Ukrainian browser: the menu offers Ukrainian, chosen here by the link.
    c.goto(&format!("{base}/catalogue/essen/{}?lang=uk", w.a.offer_own))
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("html[lang='uk']"))
        .await
        .unwrap();
    check_page(&c, &base, "offer in Ukrainian").await;
    click(
        &c,
        Locator::Css("form[action$='/register'] button[type=submit]"),
    )
    .await;
    c.wait()
        .for_element(Locator::Css("#reg-errors"))
        .await
        .unwrap();
    let top = c
        .execute("return document.getElementById('reg-errors').getBoundingClientRect().top + window.scrollY;", vec![])
        .await
        .unwrap();
    assert!(
        top.as_f64().unwrap() < 300.0,
        "the errors are at the top ({top} px)"
    );
    let summary = focused_summary(&c).await;
    assert!(
        summary.contains("Ім") || summary.contains("ім"),
        "the name field, in Ukrainian: {summary}"
    );
    check_page(&c, &base, "registration errors in Ukrainian").await;
    fill(&c, "#r-name", "Олена").await;
    fill(&c, "#r-email", "olena@example.org").await;
    if let Ok(age) = c.find(Locator::Css("#r-children-0-age")).await {
        age.send_keys("8").await.unwrap();
    }
    click(&c, Locator::Css("#r-consents-participation")).await;
    click(
        &c,
        Locator::Css("form[action$='/register'] button[type=submit]"),
    )
    .await;
    c.wait()
        .for_element(Locator::Css("html[lang='uk']"))
        .await
        .unwrap();
    wait_source(&c, "olena@example.org").await;
    check_page(&c, &base, "check your mail, in Ukrainian").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mediators_schedule_stays_readable_offline() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    let (w, base, server) = world().await;
    c.set_window_size(360, 780).await.unwrap();
    sign_in(&c, &base, &w.a.users[&Role::Mediator].1).await;
    c.goto(&format!("{base}/me/assignments")).await.unwrap();
    // The service worker takes the page over, then keeps a copy of the next visit.
    let ready = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.ready.then(() => done(true)).catch(() => done(false));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(ready, true);
    c.goto(&format!("{base}/me/assignments")).await.unwrap();
    wait_source(&c, "Jobcenter").await;
    let online = c.source().await.unwrap();
    // The server goes away (a tram in a tunnel): the page still opens.
    server.abort();
    tokio::time::sleep(Duration::from_millis(300)).await;
    c.goto(&format!("{base}/me/assignments")).await.unwrap();
    let offline = c.source().await.unwrap();
    assert!(
        offline.contains("Jobcenter"),
        "the own schedule offline: {offline}"
    );
    assert!(online.contains("Jobcenter"));
    c.close().await.unwrap();
}
