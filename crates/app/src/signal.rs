//! Signalling of video calls: the two browsers of a call exchange their session
//! descriptions and network candidates through Mittler (WebRTC offer/answer), then send
//! their media to each other directly. Messages pass through memory only; nothing of a
//! call's conversation is ever stored.

use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::broadcast;
use uuid::Uuid;

/// The side of a call a browser is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The institution that called.
    Caller,
    /// The mediator who answered.
    Mediator,
    /// Mittler itself: the call's status changed.
    Server,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Caller => "caller",
            Side::Mediator => "mediator",
            Side::Server => "server",
        }
    }

    pub fn parse(s: &str) -> Option<Side> {
        [Side::Caller, Side::Mediator, Side::Server]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// The kinds of message a browser may send.
pub const KINDS: [&str; 6] = ["join", "ready", "offer", "answer", "ice", "bye"];

/// The largest message (a session description with its candidates stays well below).
pub const MAX_BYTES: usize = 16 * 1024;

/// One message on a call's channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    pub from: Side,
    /// One of [`KINDS`], or `status` from the server.
    pub kind: String,
    /// The message as the browser sent it (JSON), or the new status.
    pub data: String,
}

/// The channels of the calls going on in this process.
#[derive(Default)]
pub struct Hub {
    calls: Mutex<HashMap<Uuid, broadcast::Sender<Signal>>>,
}

impl Hub {
    /// Listens on a call's channel (made when it is first needed).
    pub fn listen(&self, call: Uuid) -> broadcast::Receiver<Signal> {
        let mut calls = self.calls.lock().unwrap_or_else(|p| p.into_inner());
        calls
            .entry(call)
            .or_insert_with(|| broadcast::channel(64).0)
            .subscribe()
    }

    /// Passes a message to everyone listening on the call; none listening is fine.
    pub fn send(&self, call: Uuid, signal: Signal) {
        let mut calls = self.calls.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(tx) = calls.get(&call) {
            let _ = tx.send(signal);
        }
        // Channels nobody listens on any more are dropped.
        calls.retain(|_, tx| tx.receiver_count() > 0);
    }

    /// How many calls have a channel (for tests: ended calls leave nothing behind).
    pub fn open_channels(&self) -> usize {
        let mut calls = self.calls.lock().unwrap_or_else(|p| p.into_inner());
        calls.retain(|_, tx| tx.receiver_count() > 0);
        calls.len()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn messages_reach_the_listeners_of_their_call_only() {
        let hub = Hub::default();
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let mut on_a = hub.listen(a);
        let mut on_b = hub.listen(b);
        let offer = Signal {
            from: Side::Mediator,
            kind: "offer".into(),
            data: "{}".into(),
        };
        hub.send(a, offer.clone());
        assert_eq!(on_a.recv().await.unwrap(), offer);
        assert!(on_b.try_recv().is_err());
        drop(on_a);
        drop(on_b);
        hub.send(a, offer);
        assert_eq!(hub.open_channels(), 0);
    }
}
