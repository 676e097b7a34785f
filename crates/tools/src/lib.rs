//! Mittler's measuring tools: what the benchmarks share. Their data and their dates must
//! be the same on every run and on every day, so that figures compare across runs.

use mittler_app::Clock;
use std::sync::OnceLock;
use std::time::Instant;

/// A small deterministic generator.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn step(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.step() % n.max(1)
    }
}

/// The benchmarks' clock: it starts at a fixed instant (Monday 23 November 2026, 08:00
/// UTC) whatever today's date, and runs at the speed of real time from there, so that
/// caches still go stale as they would in service. It can be stopped once.
pub struct BenchClock {
    started: Instant,
    stopped: OnceLock<jiff::Timestamp>,
}

impl BenchClock {
    /// The instant every benchmark starts at.
    pub const START: jiff::Timestamp = jiff::Timestamp::constant(1_795_420_800, 0);

    pub fn new() -> BenchClock {
        BenchClock {
            started: Instant::now(),
            stopped: OnceLock::new(),
        }
    }

    /// Stops the clock where it is now; `false` when it was stopped already.
    pub fn stop(&self) -> bool {
        self.stopped.set(self.running()).is_ok()
    }

    fn running(&self) -> jiff::Timestamp {
        let elapsed = jiff::SignedDuration::try_from(self.started.elapsed()).unwrap_or_default();
        Self::START.checked_add(elapsed).unwrap_or(Self::START)
    }
}

impl Default for BenchClock {
    fn default() -> BenchClock {
        BenchClock::new()
    }
}

impl Clock for BenchClock {
    fn now(&self) -> jiff::Timestamp {
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
    fn the_clock_starts_on_the_fixed_monday_and_stops_once() {
        assert_eq!(BenchClock::START.to_string(), "2026-11-23T08:00:00Z");
        let c = BenchClock::new();
        let a = c.now();
        assert!(
            a >= BenchClock::START && a < BenchClock::START + jiff::SignedDuration::from_secs(60)
        );
        assert!(c.stop());
        let stopped = c.now();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert_eq!(c.now(), stopped);
        assert!(!c.stop());
    }

    #[test]
    fn the_generator_repeats() {
        let (mut a, mut b) = (Lcg(42), Lcg(42));
        let xs: Vec<u64> = (0..5).map(|_| a.below(100)).collect();
        assert_eq!(xs, (0..5).map(|_| b.below(100)).collect::<Vec<_>>());
        assert!(xs.iter().all(|x| *x < 100));
    }
}
