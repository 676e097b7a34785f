//! Single sign-on in chromium: a coordinator picks the centre on the sign-in page, signs
//! in at the city's identity provider (`oidc-provider` from npm, started here) and is
//! back in Mittler, signed in.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_signs_in_through_the_citys_identity_provider() {
    let Some((_driver, c)) = start_driver().await else {
        return;
    };
    c.set_window_size(360, 800).await.unwrap();
    let (base, app, _t, id) = centre("127.0.0.1").await;
    let accounts =
        serde_json::json!({"amira": {"email": "koordination@essen.test", "email_verified": true}});
    let redirect = format!("{base}/login/sso/callback");
    let Some((_idp, issuer)) =
        common::oidc_provider("mittler", "secret-of-the-test", &redirect, &accounts).await
    else {
        return;
    };
    let user = mittler_db::users::by_email(&app.db, "koordination@essen.test")
        .await
        .unwrap();
    let mut admin = mittler_app::Actor::from_user(&user[0].0.user, None);
    assert_eq!(admin.user_id, id);
    // The admin's setting, set here through the use-case (a coordinator may not).
    admin.role = Role::Admin;
    mittler_app::sso::set(&app, &admin, &issuer, "mittler", "secret-of-the-test")
        .await
        .unwrap();

    c.goto(&format!("{base}/requests")).await.unwrap();
    wait_url(&c, "/login").await;
    check_page(&c, &base, "sign-in page with single sign-on").await;
    click(&c, Locator::Css("a[href^='/login/sso?tenant=essen']")).await;
    c.wait().for_element(Locator::Css("#login")).await.unwrap();
    fill(&c, "#login", "amira").await;
    click(&c, Locator::Css("#submit")).await;
    c.wait()
        .for_element(Locator::Css("form[action='/logout']"))
        .await
        .unwrap();
    assert!(
        c.current_url()
            .await
            .unwrap()
            .as_str()
            .starts_with(&format!("{base}/requests"))
    );
}
