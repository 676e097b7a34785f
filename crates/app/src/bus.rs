//! What one instance tells all: request changes for live pages, call events and video
//! signalling, and stale caches. With one process (SQLite, tests) messages are delivered
//! in memory; once [`start`]ed on PostgreSQL every message goes through `NOTIFY` and
//! comes back through `LISTEN` to every instance, this one included, so each is
//! delivered once everywhere. Messages of one instance leave in the order they were
//! published (one sender); if the database cannot be reached they are delivered here.

use crate::calls::{CallChange, CallEvent};
use crate::live::{Change, ChangeKind};
use crate::signal::{Side, Signal};
use crate::{App, Result};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;
use uuid::Uuid;

/// A message for every instance.
#[derive(Debug, Clone)]
pub enum Message {
    /// A request changed (live lists and pages).
    Request(Change),
    /// A call changed (the mediators' live pages).
    Call(CallEvent),
    /// A message on a video call's channel.
    Signal(Uuid, Signal),
    /// The public catalogues (and with `offers` their search indexes) are stale.
    Catalogue { offers: bool },
    /// A tenant's mediator pool and places are stale.
    Pool(Uuid),
}

/// The form a message travels in.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "lowercase")]
enum Wire {
    Request {
        tenant: Uuid,
        institution: Uuid,
        request: Uuid,
        kind: String,
    },
    Call {
        tenant: Uuid,
        call: Uuid,
        change: String,
        told: Vec<Uuid>,
    },
    Signal {
        call: Uuid,
        from: String,
        kind: String,
        data: String,
    },
    Catalogue {
        offers: bool,
    },
    Pool {
        tenant: Uuid,
    },
    /// A message kept in `bus_messages`, too large for a notification.
    Stored {
        id: Uuid,
    },
}

impl Wire {
    fn of(m: &Message) -> Wire {
        match m {
            Message::Request(c) => Wire::Request {
                tenant: c.tenant_id,
                institution: c.institution_id,
                request: c.request_id,
                kind: c.kind.as_str().into(),
            },
            Message::Call(e) => Wire::Call {
                tenant: e.tenant_id,
                call: e.call_id,
                change: e.change.as_str().into(),
                told: e.told.as_ref().clone(),
            },
            Message::Signal(call, s) => Wire::Signal {
                call: *call,
                from: s.from.as_str().into(),
                kind: s.kind.clone(),
                data: s.data.clone(),
            },
            Message::Catalogue { offers } => Wire::Catalogue { offers: *offers },
            Message::Pool(t) => Wire::Pool { tenant: *t },
        }
    }

    fn message(self) -> Option<Message> {
        Some(match self {
            Wire::Request {
                tenant,
                institution,
                request,
                kind,
            } => Message::Request(Change {
                tenant_id: tenant,
                institution_id: institution,
                request_id: request,
                kind: ChangeKind::parse(&kind)?,
            }),
            Wire::Call {
                tenant,
                call,
                change,
                told,
            } => Message::Call(CallEvent {
                tenant_id: tenant,
                call_id: call,
                change: CallChange::parse(&change)?,
                told: Arc::new(told),
            }),
            Wire::Signal {
                call,
                from,
                kind,
                data,
            } => Message::Signal(
                call,
                Signal {
                    from: Side::parse(&from)?,
                    kind,
                    data,
                },
            ),
            Wire::Catalogue { offers } => Message::Catalogue { offers },
            Wire::Pool { tenant } => Message::Pool(tenant),
            Wire::Stored { .. } => return None,
        })
    }
}

/// Where this instance's messages go.
#[derive(Default)]
pub struct Bus {
    /// The sender to PostgreSQL, once started; `None`: delivered in memory.
    out: Mutex<Option<mpsc::UnboundedSender<Message>>>,
}

/// Tells every instance (or only this one, when not started).
pub fn publish(app: &App, m: Message) {
    let out = app.bus.out.lock().map(|o| o.clone()).unwrap_or(None);
    match out {
        Some(tx) => {
            if let Err(mpsc::error::SendError(m)) = tx.send(m) {
                deliver(app, m);
            }
        }
        None => deliver(app, m),
    }
}

/// Hands a message to this instance's listeners and caches.
fn deliver(app: &App, m: Message) {
    match m {
        // Nobody listening is fine.
        Message::Request(c) => {
            let _ = app.events.send(c);
        }
        Message::Call(e) => {
            let _ = app.call_events.send(e);
        }
        Message::Signal(call, s) => app.signals.send(call, s),
        Message::Catalogue { offers } => crate::catalogue::forget(app, offers),
        Message::Pool(t) => app.cache.forget_here(t),
    }
}

/// Whether messages go through the database (started on PostgreSQL).
pub fn shared(app: &App) -> bool {
    app.bus.out.lock().map(|o| o.is_some()).unwrap_or(false)
}

/// On PostgreSQL, listens for the messages of every instance and sends this one's
/// through the database from now on; on SQLite nothing changes.
pub async fn start(app: &App) -> Result<()> {
    let Some(mut listener) = mittler_db::bus::listen(&app.db).await? else {
        return Ok(());
    };
    let (tx, mut rx) = mpsc::unbounded_channel::<Message>();
    // One sender: this instance's messages leave in the order they were published.
    let sender = app.clone();
    tokio::spawn(async move {
        while let Some(m) = rx.recv().await {
            if let Err(e) = send(&sender, &m).await {
                tracing::warn!("message to the other instances failed, delivered here only: {e}");
                deliver(&sender, m);
            }
        }
    });
    let receiver = app.clone();
    tokio::spawn(async move {
        loop {
            match listener.recv().await {
                Ok(payload) => match received(&receiver, &payload).await {
                    Some(m) => deliver(&receiver, m),
                    None => tracing::warn!("a message of another instance was not understood"),
                },
                Err(e) => {
                    tracing::warn!("listening for other instances failed: {e}");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            }
        }
    });
    if let Ok(mut out) = app.bus.out.lock() {
        *out = Some(tx);
    }
    Ok(())
}

async fn send(app: &App, m: &Message) -> Result<()> {
    let mut payload = serde_json::to_string(&Wire::of(m))
        .map_err(|e| crate::AppError::Internal(e.to_string()))?;
    if payload.len() > mittler_db::bus::INLINE_BYTES {
        let id = mittler_db::bus::store(&app.db, &payload, app.now()).await?;
        payload = serde_json::to_string(&Wire::Stored { id })
            .map_err(|e| crate::AppError::Internal(e.to_string()))?;
    }
    mittler_db::bus::notify(&app.db, &payload).await?;
    Ok(())
}

async fn received(app: &App, payload: &str) -> Option<Message> {
    let wire: Wire = serde_json::from_str(payload).ok()?;
    match wire {
        Wire::Stored { id } => {
            let stored = mittler_db::bus::stored(&app.db, id).await.ok()??;
            serde_json::from_str::<Wire>(&stored).ok()?.message()
        }
        w => w.message(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_message_travels_and_comes_back_the_same() {
        let (t, c) = (Uuid::new_v4(), Uuid::new_v4());
        let messages = [
            Message::Request(Change {
                tenant_id: t,
                institution_id: c,
                request_id: Uuid::new_v4(),
                kind: ChangeKind::Timesheet,
            }),
            Message::Call(CallEvent {
                tenant_id: t,
                call_id: c,
                change: CallChange::Missed,
                told: Arc::new(vec![Uuid::new_v4()]),
            }),
            Message::Signal(
                c,
                Signal {
                    from: Side::Mediator,
                    kind: "offer".into(),
                    data: "{\"sdp\":\"v=0\"}".into(),
                },
            ),
            Message::Catalogue { offers: true },
            Message::Pool(t),
        ];
        for m in messages {
            let json = serde_json::to_string(&Wire::of(&m)).unwrap();
            let back = serde_json::from_str::<Wire>(&json)
                .unwrap()
                .message()
                .unwrap();
            assert_eq!(format!("{m:?}"), format!("{back:?}"));
        }
        assert!(
            serde_json::from_str::<Wire>(r#"{"t":"request","tenant":"00000000-0000-0000-0000-000000000000","institution":"00000000-0000-0000-0000-000000000000","request":"00000000-0000-0000-0000-000000000000","kind":"nonsense"}"#)
                .unwrap()
                .message()
                .is_none()
        );
    }
}
