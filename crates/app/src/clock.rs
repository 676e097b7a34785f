//! The injected clock: the only place that reads the system time.

use jiff::{SignedDuration, Timestamp};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// A pause the clock decides how to take (real time, or none in tests).
pub type Pause<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + 'a>>;

pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;

    /// Waits `d` (sign-in slows down an address this way); real time by default.
    fn pause(&self, d: SignedDuration) -> Pause<'_> {
        Box::pin(tokio::time::sleep(d.unsigned_abs()))
    }
}

/// The real clock.
#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that stands still until moved, for tests and demos. Its pauses take no
/// time; it remembers them for tests to read.
#[derive(Debug)]
pub struct ManualClock(Mutex<Timestamp>, Mutex<Vec<SignedDuration>>);

impl ManualClock {
    pub fn new(t: Timestamp) -> ManualClock {
        ManualClock(Mutex::new(t), Mutex::new(Vec::new()))
    }

    /// The pauses asked of this clock so far, in order.
    pub fn pauses(&self) -> Vec<SignedDuration> {
        self.1.lock().map(|p| p.clone()).unwrap_or_default()
    }

    pub fn advance(&self, d: SignedDuration) {
        if let Ok(mut t) = self.0.lock() {
            *t = t.checked_add(d).unwrap_or(*t);
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        self.0.lock().map(|t| *t).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn pause(&self, d: SignedDuration) -> Pause<'_> {
        if let Ok(mut p) = self.1.lock() {
            p.push(d);
        }
        Box::pin(std::future::ready(()))
    }
}

/// A clock that starts at a fixed instant and runs at the speed of real time from there:
/// for benchmarks and browser tests, whose data has fixed dates but whose sessions and
/// caches must age as in service. It can be stopped once.
#[derive(Debug)]
pub struct RunningClock {
    start: Timestamp,
    started: Instant,
    stopped: OnceLock<Timestamp>,
}

impl RunningClock {
    pub fn starting_at(start: Timestamp) -> RunningClock {
        RunningClock {
            start,
            started: Instant::now(),
            stopped: OnceLock::new(),
        }
    }

    /// Stops the clock where it is now; `false` when it was stopped already.
    pub fn stop(&self) -> bool {
        self.stopped.set(self.running()).is_ok()
    }

    fn running(&self) -> Timestamp {
        let elapsed = SignedDuration::try_from(self.started.elapsed()).unwrap_or_default();
        self.start.checked_add(elapsed).unwrap_or(self.start)
    }
}

impl Clock for RunningClock {
    fn now(&self) -> Timestamp {
        self.stopped
            .get()
            .copied()
            .unwrap_or_else(|| self.running())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_clock_starts_where_told_runs_and_stops_once() {
        let start: Timestamp = "2026-11-23T08:00:00Z".parse().unwrap();
        let c = RunningClock::starting_at(start);
        let a = c.now();
        assert!(a >= start && a < start + SignedDuration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert!(c.now() > a, "it runs");
        assert!(c.stop());
        let stopped = c.now();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert_eq!(c.now(), stopped);
        assert!(!c.stop());
    }
}
