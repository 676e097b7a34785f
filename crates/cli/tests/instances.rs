//! Several instances on one PostgreSQL: three `mittler serve` and two `mittler worker`
//! processes. A change made through server A reaches a live page open on server C
//! within a second (LISTEN/NOTIFY); 500 queued mails reach a real SMTP server on
//! loopback each exactly once, although one worker is killed (SIGKILL) in the middle of
//! sending its batch. PostgreSQL only: SQLite is one process by design.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{Server, bin, call, free_port, temp_dir};
use mittler_app::{Actor, App, SystemClock};
use mittler_db::Db;
use serde_json::json;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

const PASSWORD: &str = "Viele Instanzen 2026!";

struct Fixture {
    app: App,
    institution: Uuid,
}

async fn fixture(url: &str, key: &Path) -> Fixture {
    use mittler_domain::institution::{InstitutionInput, PlaceInput};
    let (file, _) = mittler_app::keys::KeyFile::load_or_create(key).unwrap();
    let db = Db::connect(url)
        .await
        .unwrap()
        .with_keyring(file.keyring().unwrap());
    db.migrate().await.unwrap();
    let app = App::new(db, Arc::new(SystemClock)).with_secret(file.secret());
    let t = mittler_app::tenants::add(&app, "essen", "KI Essen")
        .await
        .unwrap();
    let input = mittler_domain::user::UserInput {
        name: "Koordination".into(),
        email: "coordinator@essen.test".into(),
        role: "coordinator".into(),
        password: PASSWORD.into(),
        ..Default::default()
    };
    let id = mittler_app::users::create_in(&app, t.id, &input, None)
        .await
        .unwrap();
    let coordinator = Actor::from_user(
        &mittler_db::users::get(&app.db, t.id, id).await.unwrap(),
        None,
    );
    let institution = mittler_app::institutions::create(
        &app,
        &coordinator,
        &InstitutionInput {
            name: "Jobcenter Essen".into(),
            category: "authority".into(),
            places: vec![PlaceInput {
                id: None,
                name: "Haus A".into(),
                address: "Amtsweg 1, 45127 Essen".into(),
                lat: Some(51.45),
                lon: Some(7.01),
            }],
            contact: String::new(),
            phone: String::new(),
        },
    )
    .await
    .unwrap()
    .id;
    Fixture { app, institution }
}

fn serve(dir: &Path, url: &str) -> (Server, u16) {
    let port = free_port();
    let child = bin()
        .current_dir(dir)
        .env("MITTLER_DATA_KEY_FILE", dir.join("mittler.key"))
        .args([
            "serve",
            "--no-worker",
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .args(["--database-url", url])
        .spawn()
        .unwrap();
    let server = Server(child);
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(60) {
        if call(port, "GET", "/readyz", None, None).is_some_and(|(s, _)| s == 200) {
            return (server, port);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("mittler serve did not become ready");
}

fn worker(dir: &Path, url: &str, smtp: u16) -> Server {
    Server(
        bin()
            .current_dir(dir)
            .env("MITTLER_DATA_KEY_FILE", dir.join("mittler.key"))
            .env("MITTLER_SMTP_URL", format!("smtp://127.0.0.1:{smtp}"))
            .env("MITTLER_WORKER_LEASE_SECS", "3")
            .args(["worker", "--database-url", url])
            .spawn()
            .unwrap(),
    )
}

/// What the SMTP server received: each message's subject and how often it was accepted.
#[derive(Default)]
struct Received {
    by_subject: HashMap<String, usize>,
    accepted: usize,
    /// Set once: the message numbered this is held before its answer.
    hold_at: Option<usize>,
}

/// A real SMTP server on loopback (blocking threads). Each message is answered 250
/// after a few milliseconds and counted; the `hold_at`-th message is held until the
/// test says go on; it is counted only if its sender is still alive then (a message
/// whose sender died before the answer was not accepted, as in SMTP).
fn smtp_sink(
    received: Arc<Mutex<Received>>,
    held: mpsc::Sender<()>,
    go_on: Arc<Mutex<mpsc::Receiver<()>>>,
) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for sock in listener.incoming() {
            let Ok(sock) = sock else { continue };
            let (received, held, go_on) = (received.clone(), held.clone(), go_on.clone());
            std::thread::spawn(move || {
                let mut w = sock.try_clone().unwrap();
                let mut r = BufReader::new(sock);
                let _ = w.write_all(b"220 sink.test ESMTP\r\n");
                let mut data: Option<String> = None;
                let mut line = String::new();
                loop {
                    line.clear();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let l = line.trim_end_matches(['\r', '\n']);
                    if let Some(buf) = data.as_mut() {
                        if l != "." {
                            buf.push_str(l);
                            buf.push('\n');
                            continue;
                        }
                        let subject = buf
                            .lines()
                            .find_map(|x| x.strip_prefix("Subject: "))
                            .unwrap_or("")
                            .to_owned();
                        data = None;
                        std::thread::sleep(Duration::from_millis(5));
                        let hold = {
                            let mut rc = received.lock().unwrap();
                            let n = rc.accepted + 1;
                            if rc.hold_at == Some(n) {
                                rc.hold_at = None;
                                true
                            } else {
                                false
                            }
                        };
                        if hold {
                            held.send(()).unwrap();
                            go_on.lock().unwrap().recv().unwrap();
                            // A sender still alive waits for the answer (the read times
                            // out); a dead one's connection is closed (end of stream).
                            let inner = r.get_mut();
                            inner
                                .set_read_timeout(Some(Duration::from_millis(500)))
                                .unwrap();
                            let mut probe = [0u8; 1];
                            let alive = !matches!(inner.read(&mut probe), Ok(0));
                            inner.set_read_timeout(None).unwrap();
                            if !alive {
                                return;
                            }
                        }
                        {
                            let mut rc = received.lock().unwrap();
                            *rc.by_subject.entry(subject).or_default() += 1;
                            rc.accepted += 1;
                        }
                        let _ = w.write_all(b"250 2.0.0 queued\r\n");
                        continue;
                    }
                    let cmd = l.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") {
                        b"250-sink.test\r\n250 8BITMIME\r\n"
                    } else if cmd.starts_with("DATA") {
                        data = Some(String::new());
                        b"354 go ahead\r\n"
                    } else if cmd.starts_with("QUIT") {
                        let _ = w.write_all(b"221 bye\r\n");
                        return;
                    } else {
                        b"250 OK\r\n"
                    };
                    let _ = w.write_all(reply);
                }
            });
        }
    });
    port
}

/// Opens the live stream of the inbox on a server; returns the stream's lines.
fn live(port: u16, cookie: &str) -> mpsc::Receiver<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET /requests/events HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: mittler_session={cookie}\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut r = BufReader::new(s);
        let mut line = String::new();
        while r.read_line(&mut line).unwrap_or(0) > 0 {
            if tx.send(line.trim_end().to_owned()).is_err() {
                return;
            }
            line.clear();
        }
    });
    rx
}

#[tokio::test(flavor = "multi_thread")]
async fn three_servers_and_two_workers_share_one_postgres() {
    let Some(pg) = mittler_db::testing::postgres().await else {
        return;
    };
    let url = pg.postgres_url().unwrap();
    let dir = temp_dir();
    let f = fixture(&url, &dir.join("mittler.key")).await;
    let (_a, port_a) = serve(&dir, &url);
    let (_b, _port_b) = serve(&dir, &url);
    let (_c, port_c) = serve(&dir, &url);

    // A change through server A reaches the live page open on server C.
    let cookie = mittler_app::auth::sign_in(
        &f.app,
        "coordinator@essen.test",
        PASSWORD,
        None,
        mittler_db::sessions::Kind::Web,
    )
    .await
    .unwrap()
    .token;
    let lines = live(port_c, &cookie);
    let head = lines.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    std::thread::sleep(Duration::from_millis(300));
    let (st, v) = call(
        port_a,
        "POST",
        "/api/v1/auth/token",
        None,
        Some(&json!({"email": "coordinator@essen.test", "password": PASSWORD})),
    )
    .unwrap();
    assert_eq!(st, 200, "{v}");
    let token = v["token"].as_str().unwrap().to_owned();
    // The servers run on the real clock: appointments a month ahead of today, whatever
    // today is.
    let ahead =
        |i: i64| (f.app.now() + jiff::SignedDuration::from_hours(24 * (30 + i))).to_string();
    let mut worst = Duration::ZERO;
    for i in 0..5 {
        let sent = Instant::now();
        let (st, v) = call(
            port_a,
            "POST",
            "/api/v1/requests",
            Some(&token),
            Some(&json!({
                "institution_id": f.institution, "mode": "phone", "language": "arb",
                "sector": "authority", "start": ahead(i),
                "duration_min": 60, "client_ref": format!("K-{i}")
            })),
        )
        .unwrap();
        assert_eq!(st, 201, "{v}");
        let id = v["id"].as_str().unwrap().to_owned();
        loop {
            let line = lines
                .recv_timeout(Duration::from_secs(1).saturating_sub(sent.elapsed()))
                .unwrap_or_else(|_| panic!("request {i} did not reach server C within 1 s"));
            if line == format!("data: {id}") {
                break;
            }
        }
        worst = worst.max(sent.elapsed());
    }
    println!("from a request created on server A to the live page on server C: at most {worst:?}");

    // 500 mails. The first worker is killed (SIGKILL) while the SMTP server holds its
    // 150th mail before answering, in the middle of its batch; the second takes over
    // what the first had claimed once the claims run out.
    let received = Arc::new(Mutex::new(Received {
        hold_at: Some(150),
        ..Default::default()
    }));
    let (held_tx, held_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel();
    let smtp = smtp_sink(received.clone(), held_tx, Arc::new(Mutex::new(go_rx)));
    let mut first = worker(&dir, &url, smtp);
    let queue = |from: usize| {
        (from..from + 500)
            .map(|i| mittler_db::outbox::NewMail {
                to: format!("person{i}@example.org"),
                subject: format!("Mail {i:04}"),
                body_text: "Guten Tag".into(),
                attachment: None,
            })
            .collect::<Vec<_>>()
    };
    mittler_db::outbox::add(&f.app.db, None, &queue(0), f.app.now())
        .await
        .unwrap();
    held_rx.recv_timeout(Duration::from_secs(60)).unwrap();
    let _second = worker(&dir, &url, smtp);
    first.0.kill().unwrap();
    first.0.wait().unwrap();
    go_tx.send(()).unwrap();
    let wait_for = |n: usize| {
        let t = Instant::now();
        let ours = || {
            received
                .lock()
                .unwrap()
                .by_subject
                .keys()
                .filter(|s| s.starts_with("Mail "))
                .count()
        };
        while ours() < n {
            assert!(
                t.elapsed() < Duration::from_secs(90),
                "only {} of {n} mails arrived",
                ours()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    wait_for(500);
    // Then two workers at once on 500 more, claiming different mails.
    let _third = worker(&dir, &url, smtp);
    std::thread::sleep(Duration::from_secs(1));
    mittler_db::outbox::add(&f.app.db, None, &queue(500), f.app.now())
        .await
        .unwrap();
    wait_for(1000);
    // Longer than a claim lasts: nothing comes twice later either.
    std::thread::sleep(Duration::from_secs(4));
    {
        let rc = received.lock().unwrap();
        let twice: Vec<_> = rc.by_subject.iter().filter(|(_, n)| **n != 1).collect();
        assert!(twice.is_empty(), "sent more than once: {twice:?}");
        // Besides the 1,000, the mails of the requests created above went out.
        let ours = rc
            .by_subject
            .keys()
            .filter(|s| s.starts_with("Mail "))
            .count();
        assert_eq!(ours, 1000);
        assert_eq!(rc.accepted, rc.by_subject.len());
    }
    let pending = mittler_db::outbox::unsent_count(&f.app.db).await.unwrap();
    assert_eq!(pending, 0, "every mail is marked sent");
    std::fs::remove_dir_all(dir).ok();
}
