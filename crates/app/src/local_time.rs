//! Local time: the one place that knows the centres' zone.
//!
//! Every centre of the installation is in Germany, so every tenant's local times, days
//! and weekly availability are in `Europe/Berlin`; a tenant in another zone would get its
//! zone here (and only here).

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The IANA name of the tenants' zone.
pub const ZONE: &str = "Europe/Berlin";

/// The tenants' zone (UTC only if the system has no zone database).
pub fn zone() -> TimeZone {
    TimeZone::get(ZONE).unwrap_or(TimeZone::UTC)
}

/// An instant as the centre's local date and time for people (`24.12.2026 09:30`).
pub fn local_text(t: Timestamp) -> String {
    t.to_zoned(zone()).strftime("%d.%m.%Y %H:%M").to_string()
}

/// An instant as RFC 3339 with the offset of the tenants' zone (`2026-12-24T09:30:00+01:00`).
pub fn rfc3339(t: Timestamp) -> String {
    t.to_zoned(zone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn local_times_follow_summer_and_winter_time() {
        let winter: Timestamp = "2026-12-24T08:30:00Z".parse().unwrap();
        let summer: Timestamp = "2027-07-01T08:30:00Z".parse().unwrap();
        assert_eq!(local_text(winter), "24.12.2026 09:30");
        assert_eq!(local_text(summer), "01.07.2027 10:30");
        assert_eq!(rfc3339(winter), "2026-12-24T09:30:00+01:00");
        assert_eq!(rfc3339(summer), "2027-07-01T10:30:00+02:00");
    }
}
