//! Interpreting now in two real browsers: an institution starts a video call on a 360 px
//! phone, the mediator's on-call page shows it ringing without a reload, the mediator
//! takes it, and the two chromium instances (each with a fake camera and microphone)
//! connect directly: each side receives media (bytes received keep growing). The
//! mediator reloads and joins again; the institution ends the call.

use super::*;

const FAKE_MEDIA: [&str; 2] = [
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
];

async fn bytes_received(c: &Client) -> u64 {
    c.execute(
        "return window.mittlerCallBytes ? window.mittlerCallBytes() : 0;",
        vec![],
    )
    .await
    .unwrap()
    .as_u64()
    .unwrap_or(0)
}

/// Waits until the side receives media, and returns how many bytes arrived then.
async fn receiving(c: &Client, who: &str) -> u64 {
    for _ in 0..300 {
        let n = bytes_received(c).await;
        if n > 0 {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the {who} receives no media");
}

async fn growing(c: &Client, who: &str) {
    let first = receiving(c, who).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let later = bytes_received(c).await;
    assert!(
        later > first + 10_000,
        "the {who}'s media does not flow: {first} then {later}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_video_call_connects_two_browsers_directly_and_media_flows_both_ways() {
    let Some((_d1, caller)) = start_driver_with(&FAKE_MEDIA).await else {
        return;
    };
    let Some((_d2, med)) = start_driver_with(&FAKE_MEDIA).await else {
        return;
    };
    let (w, base, _server) = journeys::world().await;
    mittler_app::calls::go_on_call(&w.app, &w.actor(Role::Mediator).await, "14:00")
        .await
        .unwrap();
    caller.set_window_size(360, 780).await.unwrap();
    med.set_window_size(360, 780).await.unwrap();

    sign_in(&med, &base, &w.a.users[&Role::Mediator].1).await;
    med.goto(&format!("{base}/me/calls")).await.unwrap();
    wait_source(&med, "In Bereitschaft bis").await;
    check_page(&med, &base, "mediator's on-call page").await;

    sign_in(&caller, &base, &w.a.users[&Role::Institution].1).await;
    caller.goto(&format!("{base}/calls")).await.unwrap();
    check_page(&caller, &base, "page to start a call").await;
    fill(&caller, "#language", "prs").await;
    caller
        .find(Locator::Css("#sector"))
        .await
        .unwrap()
        .select_by_value("medical")
        .await
        .unwrap();
    click(
        &caller,
        Locator::Css("form[action='/calls'] button[type=submit]"),
    )
    .await;
    wait_url(&caller, "/call/").await;
    wait_source(&caller, "Es klingelt").await;
    check_page(&caller, &base, "ringing call").await;

    // The ringing call appears on the open page by itself.
    med.wait()
        .for_element(Locator::Css(
            "form[action^='/me/calls/'][action$='/accept'] button",
        ))
        .await
        .unwrap();
    click(
        &med,
        Locator::Css("form[action^='/me/calls/'][action$='/accept'] button"),
    )
    .await;
    wait_url(&med, "/call/").await;
    // The caller's page follows: connected, with the video.
    caller
        .wait()
        .for_element(Locator::Css("#remote-video"))
        .await
        .unwrap();

    growing(&med, "mediator").await;
    growing(&caller, "caller").await;
    wait_source(&caller, "Verbunden: Sie sehen und hören sich.").await;
    let width = caller
        .execute(
            "return document.getElementById('remote-video').videoWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        width.as_u64().unwrap_or(0) > 0,
        "the caller sees the mediator's video"
    );
    check_page(&caller, &base, "connected video call").await;

    // The mediator loses the page and joins again.
    med.refresh().await.unwrap();
    med.wait()
        .for_element(Locator::Css("#remote-video"))
        .await
        .unwrap();
    growing(&med, "mediator after rejoining").await;
    growing(&caller, "caller after the mediator rejoined").await;

    // The caller ends it; both pages say so.
    click(&caller, Locator::Css("form[action$='/end'] button")).await;
    wait_source(&caller, "Beendet").await;
    wait_source(&med, "Beendet").await;
    for _ in 0..50 {
        if w.app.signals.open_channels() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        w.app.signals.open_channels(),
        0,
        "nothing of the call is kept"
    );
}
