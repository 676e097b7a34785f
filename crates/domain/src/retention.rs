//! How long a centre keeps what (GDPR Art. 5(1)(e)), in days, with the defaults of the
//! specification and the bounds a centre may choose within.

use crate::FieldErrors;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {
    /// Request notes, after the appointment.
    pub notes_days: i32,
    /// Requests nobody served (cancelled, unfilled), after their date.
    pub unserved_days: i32,
    /// Client references of completed requests, after the appointment (billing: 10 years).
    pub client_refs_days: i32,
    /// Mails that could not be sent.
    pub failed_mail_days: i32,
    /// Audit entries (the chain's oldest links are then cut, its anchor kept).
    pub audit_days: i32,
    /// Accounts after their deactivation.
    pub inactive_accounts_days: i32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            notes_days: 90,
            unserved_days: 365,
            client_refs_days: 3653,
            failed_mail_days: 30,
            audit_days: 730,
            inactive_accounts_days: 365,
        }
    }
}

/// (field, least, most) in days.
pub const BOUNDS: [(&str, i32, i32); 6] = [
    ("notes_days", 1, 3653),
    ("unserved_days", 30, 3653),
    ("client_refs_days", 3653, 7305),
    ("failed_mail_days", 1, 365),
    ("audit_days", 365, 3653),
    ("inactive_accounts_days", 30, 3653),
];

impl Retention {
    pub fn fields(&self) -> [(&'static str, i32); 6] {
        [
            ("notes_days", self.notes_days),
            ("unserved_days", self.unserved_days),
            ("client_refs_days", self.client_refs_days),
            ("failed_mail_days", self.failed_mail_days),
            ("audit_days", self.audit_days),
            ("inactive_accounts_days", self.inactive_accounts_days),
        ]
    }

    /// Refuses a period outside its bounds (client references: not below the 10 years
    /// billing documents must be kept).
    pub fn validate(self) -> Result<Retention, FieldErrors> {
        let mut e = FieldErrors::new();
        for ((field, v), (_, lo, hi)) in self.fields().into_iter().zip(BOUNDS) {
            if v < lo || v > hi {
                e.add(field, "out-of-range");
            }
        }
        e.finish(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_valid_and_each_bound_is_enforced() {
        assert!(Retention::default().validate().is_ok());
        let short = Retention {
            client_refs_days: 365,
            ..Retention::default()
        };
        assert!(short.validate().is_err());
        let none = Retention {
            notes_days: 0,
            ..Retention::default()
        };
        assert!(none.validate().is_err());
    }
}
