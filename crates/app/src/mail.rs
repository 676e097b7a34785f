//! Sending the outbox: over SMTP (`lettre`) or, without a server, as `.eml` files into a
//! folder, with retries and back-off. The worker runs in-process or as `mittler worker`.

use crate::App;
use jiff::SignedDuration;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use mittler_db::outbox::{self, MailRow};
use std::path::PathBuf;

/// After this many attempts a mail counts as failed (admins see it).
pub const MAX_ATTEMPTS: i32 = 6;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(PathBuf),
}

pub struct Mailer {
    pub from: lettre::message::Mailbox,
    pub transport: Transport,
    /// Messages addressed `sms:+49...` go through this gateway.
    pub sms: Option<crate::sms::SmsGateway>,
}

/// The outbox address of a text message to a mobile number.
pub fn sms_address(number: &str) -> String {
    format!("sms:{number}")
}

impl Mailer {
    /// `smtp://HOST:PORT` (plain, for a relay on the same host or network),
    /// `smtps://...` (TLS) or `smtp://...?tls=required` (STARTTLS), with optional user and password.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("MITTLER_SMTP_URL: {e}"))?
            .build();
        Ok(Mailer {
            from: from
                .parse()
                .map_err(|e| format!("MITTLER_MAIL_FROM: {e}"))?,
            transport: Transport::Smtp(transport),
            sms: None,
        })
    }

    pub fn folder(dir: PathBuf, from: &str) -> Result<Mailer, String> {
        Ok(Mailer {
            from: from
                .parse()
                .map_err(|e| format!("MITTLER_MAIL_FROM: {e}"))?,
            transport: Transport::Folder(dir),
            sms: None,
        })
    }

    fn message(&self, m: &MailRow, files: &[(String, String, Vec<u8>)]) -> Result<Message, String> {
        let to = m.to_addr.parse().map_err(|e| format!("address: {e}"))?;
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone());
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(m.body_text.clone());
        let msg = match (&m.attachment_name, &m.attachment_type, &m.attachment) {
            _ if !files.is_empty() => {
                let mut parts = MultiPart::mixed().singlepart(text);
                for (name, kind, content) in files {
                    let ct = ContentType::parse(kind).map_err(|e| format!("attachment: {e}"))?;
                    parts =
                        parts.singlepart(Attachment::new(name.clone()).body(content.clone(), ct));
                }
                builder.multipart(parts)
            }
            (Some(name), Some(kind), Some(content)) => {
                let ct = ContentType::parse(kind).map_err(|e| format!("attachment: {e}"))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(text)
                        .singlepart(Attachment::new(name.clone()).body(content.clone(), ct)),
                )
            }
            _ => builder.singlepart(text),
        };
        msg.map_err(|e| format!("message: {e}"))
    }

    /// Adds an SMS gateway for messages addressed `sms:...`.
    pub fn with_sms(mut self, gateway: crate::sms::SmsGateway) -> Mailer {
        self.sms = Some(gateway);
        self
    }

    /// Sends a mail with its own attachment, or with `files` (an invoice's PDF and XML);
    /// a message to `sms:NUMBER` goes to the SMS gateway as text.
    pub async fn send(
        &self,
        m: &MailRow,
        files: &[(String, String, Vec<u8>)],
    ) -> Result<(), String> {
        if let Some(number) = m.to_addr.strip_prefix("sms:") {
            return match &self.sms {
                Some(g) => g.send(number, &m.body_text).await,
                None => Err("no SMS gateway is configured (MITTLER_SMS_URL)".into()),
            };
        }
        let msg = self.message(m, files)?;
        match &self.transport {
            Transport::Smtp(t) => t.send(msg).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Folder(dir) => {
                let path = dir.join(format!("{}.eml", m.id));
                write_private(dir, &path, &msg.formatted())
                    .await
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// Writes a mail file readable by the owner only, in a folder only the owner may enter.
async fn write_private(
    dir: &std::path::Path,
    path: &std::path::Path,
    bytes: &[u8],
) -> std::io::Result<()> {
    use tokio::io::AsyncWriteExt;
    let mut d = tokio::fs::DirBuilder::new();
    d.recursive(true);
    let mut o = tokio::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        d.mode(0o700);
        o.mode(0o600);
    }
    d.create(dir).await?;
    let mut f = o.open(path).await?;
    f.write_all(bytes).await?;
    f.sync_all().await
}

/// The mails not sent yet, newest first (admins: the outbox page).
pub async fn unsent(app: &App, actor: &crate::Actor, limit: i64) -> crate::Result<Vec<MailRow>> {
    crate::audit::read(app, actor, "outbox", None, async {
        actor.require(mittler_domain::Action::ReadOutbox)?;
        Ok(outbox::unsent(&app.db, actor.tenant_id, limit).await?)
    })
    .await
}

/// How long a worker's claim of a mail and lease of a job last by default (each mail's
/// claim is renewed just before it is sent, so only a worker stuck longer than this
/// in one mail could send it twice).
pub const LEASE_SECS: i64 = 300;

/// A worker: its name on claims and leases, and how long they last.
#[derive(Debug)]
pub struct WorkerId {
    pub holder: String,
    pub lease: SignedDuration,
}

impl WorkerId {
    pub fn new(lease_secs: i64) -> WorkerId {
        WorkerId {
            holder: uuid::Uuid::new_v4().to_string(),
            lease: SignedDuration::from_secs(lease_secs.max(1)),
        }
    }

    fn until(&self, now: jiff::Timestamp) -> jiff::Timestamp {
        now.checked_add(self.lease).unwrap_or(now)
    }
}

/// Sends the due mails, 20 claimed at a time, until none is due; returns how many went.
/// Any number of workers may do this at once: each mail goes out once.
pub async fn deliver_due(app: &App, mailer: &Mailer) -> crate::Result<usize> {
    let w = &app.worker;
    let mut sent = 0;
    loop {
        let now = app.now();
        let batch = outbox::claim(&app.db, now, 20, &w.holder, w.until(now)).await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        for m in batch {
            if !outbox::renew(&app.db, m.id, &w.holder, w.until(app.now())).await? {
                // The claim ran out and another worker took the mail over.
                continue;
            }
            let files = match (m.tenant_id, m.invoice_id) {
                (Some(t), Some(i)) => crate::billing::invoice_attachments(app, t, i).await?,
                _ => Vec::new(),
            };
            match mailer.send(&m, &files).await {
                Ok(()) => {
                    outbox::mark_sent(&app.db, m.id, app.now()).await?;
                    sent += 1;
                }
                Err(e) => {
                    tracing::warn!(mail = %m.id, attempt = m.attempts, "sending failed: {e}");
                    // Back-off: 1, 2, 4, 8, 16 minutes, then failed for good.
                    let retry = (m.attempts < MAX_ATTEMPTS).then(|| {
                        let wait = SignedDuration::from_mins(
                            1_i64 << m.attempts.clamp(0, 10).saturating_sub(1),
                        );
                        app.now().checked_add(wait).unwrap_or(app.now())
                    });
                    outbox::mark_failed(&app.db, m.id, &e, retry).await?;
                }
            }
        }
    }
}

/// Whether this worker holds (took or renewed) the lease of a periodic job.
async fn holds(app: &App, job: &str) -> bool {
    let now = app.now();
    let w = &app.worker;
    match mittler_db::leases::take(&app.db, job, &w.holder, now, w.until(now)).await {
        Ok(held) => held,
        Err(e) => {
            tracing::warn!("the lease of {job} could not be taken: {e}");
            false
        }
    }
}

/// The worker: sends mail every few seconds, settles calls, and every minute expires
/// invitations, marks unfilled requests, sends reminders, draws lotteries, applies
/// retention and counts afresh the months the state's figures read. Runs until the process ends. Several workers may run on one database:
/// mails are claimed, and each periodic job is run by the worker holding its lease.
pub async fn run_worker(app: App, mailer: Mailer) {
    let mut tick: u64 = 0;
    loop {
        if tick.is_multiple_of(12) && holds(&app, "minutely").await {
            if let Err(e) = crate::requests::sweep(&app).await {
                tracing::warn!("sweep failed: {e}");
            }
            if let Err(e) = crate::requests::send_reminders(&app).await {
                tracing::warn!("reminders failed: {e}");
            }
            if let Err(e) = crate::registrations::draw_due(&app).await {
                tracing::warn!("lottery draw failed: {e}");
            }
            if let Err(e) = crate::registrations::apply_retention(&app).await {
                tracing::warn!("retention failed: {e}");
            }
            if let Err(e) = crate::retention::apply(&app).await {
                tracing::warn!("retention of requests, mails, accounts and audit failed: {e}");
            }
        }
        if tick.is_multiple_of(12)
            && holds(&app, "state-counts").await
            && let Err(e) = crate::state::keep_counts(&app).await
        {
            tracing::warn!("the state's counts could not be kept: {e}");
        }
        if holds(&app, "calls").await
            && let Err(e) = crate::calls::sweep(&app).await
        {
            tracing::warn!("calls could not be settled: {e}");
        }
        if let Err(e) = deliver_due(&app, &mailer).await {
            tracing::warn!("mail delivery failed: {e}");
        }
        tick = tick.wrapping_add(1);
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    }
}
