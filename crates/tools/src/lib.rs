//! Mittler's measuring tools: what the benchmarks share. Their data and their dates must
//! be the same on every run and on every day, so that figures compare across runs.

pub mod centre;
pub mod http;
pub mod push_service;

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

/// The instant every benchmark's clock starts at (Monday 23 November 2026, 08:00 UTC),
/// whatever today's date: the benchmarks' data and figures do not depend on the day.
pub const START: jiff::Timestamp = jiff::Timestamp::constant(1_795_420_800, 0);

/// The benchmarks' clock: from [`START`], at the speed of real time.
pub fn clock() -> mittler_app::RunningClock {
    mittler_app::RunningClock::starting_at(START)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_starts_on_the_fixed_monday() {
        use mittler_app::Clock;
        assert_eq!(START.to_string(), "2026-11-23T08:00:00Z");
        assert!(clock().now() < START + jiff::SignedDuration::from_secs(60));
    }

    #[test]
    fn the_generator_repeats() {
        let (mut a, mut b) = (Lcg(42), Lcg(42));
        let xs: Vec<u64> = (0..5).map(|_| a.below(100)).collect();
        assert_eq!(xs, (0..5).map(|_| b.below(100)).collect::<Vec<_>>());
        assert!(xs.iter().all(|x| *x < 100));
    }
}
