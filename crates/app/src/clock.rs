//! The injected clock: the only place that reads the system time.

use jiff::{SignedDuration, Timestamp};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
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

/// A clock that stands still until moved, for tests and demos.
#[derive(Debug)]
pub struct ManualClock(Mutex<Timestamp>);

impl ManualClock {
    pub fn new(t: Timestamp) -> ManualClock {
        ManualClock(Mutex::new(t))
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
