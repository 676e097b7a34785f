//! Two factors in a real browser (issue 12): a coordinator enrols an authenticator app
//! from the QR page (the code computed by the test from the secret the page shows), keeps
//! the recovery codes, and signs in again through the second step, in German and Arabic on
//! a 360 px phone, each page checked by axe.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_enrols_an_authenticator_and_signs_in_with_a_code() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    c.set_window_size(360, 800).await.unwrap();
    let (base, app, _t) = server().await;
    sign_in(&c, &base, "koordination@essen.test").await;

    // Enrol: the QR code and the typed key; the code the app would show.
    c.goto(&format!("{base}/account/sessions")).await.unwrap();
    check_page(&c, &base, "sessions page").await;
    click(&c, Locator::Css("a[href='/account/two-factor']")).await;
    wait_url(&c, "/account/two-factor").await;
    click(
        &c,
        Locator::Css("form[action='/account/two-factor'] button"),
    )
    .await;
    c.wait()
        .for_element(Locator::Css("img[src^='data:image/svg+xml']"))
        .await
        .unwrap();
    check_page(&c, &base, "enrolment page").await;
    let secret = c
        .find(Locator::Css("code[data-secret]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let now = u64::try_from(app.now().as_second()).unwrap();
    let code = mittler_app::totp::code_at(secret.trim(), now).unwrap();
    fill(&c, "#code", &code).await;
    click(
        &c,
        Locator::Css("form[action='/account/two-factor/confirm'] button"),
    )
    .await;
    c.wait()
        .for_element(Locator::Css("ul.codes li"))
        .await
        .unwrap();
    let codes = c.find_all(Locator::Css("ul.codes li code")).await.unwrap();
    assert_eq!(codes.len(), 10, "ten recovery codes, shown once");
    let recovery = codes[0].text().await.unwrap();
    check_page(&c, &base, "recovery codes").await;

    // Signing in again asks for the code; in Arabic, a recovery code does it.
    c.delete_all_cookies().await.unwrap();
    c.goto(&format!("{base}/login")).await.unwrap();
    switch_language(&c, "ar").await;
    wait_source(&c, "dir=\"rtl\"").await;
    fill(&c, "#email", "koordination@essen.test").await;
    fill(&c, "#password", PASSWORD).await;
    click(&c, Locator::Css("form.narrow button[type=submit]")).await;
    wait_url(&c, "/login/code").await;
    check_page(&c, &base, "second step in Arabic").await;
    if let Ok(dir) = std::env::var("MITTLER_SCREENSHOTS") {
        let png = c.screenshot().await.unwrap();
        std::fs::write(format!("{dir}/login-code-ar.png"), png).unwrap();
    }
    fill(&c, "#code", "000000").await;
    click(&c, Locator::Css("form.narrow button[type=submit]")).await;
    c.wait().for_element(Locator::Css("p.alert")).await.unwrap();
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/login/code"),
        "a wrong code stays on the step"
    );
    fill(&c, "#code", &recovery).await;
    click(&c, Locator::Css("form.narrow button[type=submit]")).await;
    c.wait()
        .for_element(Locator::Css("form[action='/logout']"))
        .await
        .unwrap();
    c.goto(&format!("{base}/account/two-factor")).await.unwrap();
    wait_url(&c, "/account/two-factor").await;
    let text = c
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text.contains('9'), "nine recovery codes left: {text}");
    if let Ok(dir) = std::env::var("MITTLER_SCREENSHOTS") {
        let png = c.screenshot().await.unwrap();
        // Signed in, the account's own language (German) is back.
        std::fs::write(format!("{dir}/two-factor-de.png"), png).unwrap();
    }
}

/// chromium's virtual authenticator (WebDriver's WebAuthn extension), added to the session.
#[derive(Debug)]
struct AddVirtualAuthenticator;

impl fantoccini::wd::WebDriverCompatibleCommand for AddVirtualAuthenticator {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let sid = session_id.ok_or(url::ParseError::EmptyHost)?;
        base_url.join(&format!("session/{sid}/webauthn/authenticator"))
    }

    fn method_and_body(&self, _: &url::Url) -> (axum::http::Method, Option<String>) {
        let body = serde_json::json!({
            "protocol": "ctap2", "transport": "internal", "hasResidentKey": true,
            "hasUserVerification": true, "isUserConsenting": true, "isUserVerified": true,
        });
        (axum::http::Method::POST, Some(body.to_string()))
    }
}

/// A coordinator adds a passkey (a virtual authenticator in chromium), keeps the recovery
/// codes that come with a first second factor, and signs in again with password and
/// passkey. WebAuthn needs a name, not an IP address: the site is opened as `localhost`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_adds_a_passkey_and_signs_in_with_it() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    c.set_window_size(360, 800).await.unwrap();
    let (base, app, _t, user) = centre("localhost").await;
    c.issue_cmd(AddVirtualAuthenticator).await.unwrap();

    sign_in(&c, &base, "koordination@essen.test").await;
    c.goto(&format!("{base}/account/two-factor")).await.unwrap();
    fill(&c, "#passkey-name", "Diensthandy").await;
    click(&c, Locator::Css("#passkey-register")).await;
    c.wait()
        .for_element(Locator::Css("#passkey-codes li"))
        .await
        .unwrap();
    let codes = c
        .find_all(Locator::Css("#passkey-codes li code"))
        .await
        .unwrap();
    assert_eq!(
        codes.len(),
        10,
        "a first second factor brings ten recovery codes"
    );
    check_page(&c, &base, "passkey added").await;
    c.goto(&format!("{base}/account/two-factor")).await.unwrap();
    wait_source(&c, "Diensthandy").await;

    // Password, then the passkey.
    c.delete_all_cookies().await.unwrap();
    c.goto(&format!("{base}/login")).await.unwrap();
    fill(&c, "#email", "koordination@essen.test").await;
    fill(&c, "#password", PASSWORD).await;
    click(&c, Locator::Css("form.narrow button[type=submit]")).await;
    wait_url(&c, "/login/code").await;
    check_page(&c, &base, "second step with a passkey").await;
    click(&c, Locator::Css("#passkey-login")).await;
    c.wait()
        .for_element(Locator::Css("form[action='/logout']"))
        .await
        .unwrap();
    let u = mittler_db::users::by_email(&app.db, "koordination@essen.test")
        .await
        .unwrap();
    let rows = mittler_db::passkeys::of_user(&app.db, u[0].0.user.tenant_id, user)
        .await
        .unwrap();
    assert!(
        rows[0].last_used_at.is_some(),
        "the passkey's use is recorded"
    );
}
