//! What the audit log records.

use serde::Serialize;

/// A recorded action. The log is append-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignOut,
    PasswordChanged,
    Create,
    Update,
    Deactivate,
    /// Personal data was read (a list of registrations, an export).
    View,
    /// A session or API token was ended by its owner or an admin.
    SessionEnded,
    SecondFactorAdded,
    SecondFactorRemoved,
}

impl AuditAction {
    pub const ALL: [AuditAction; 11] = [
        AuditAction::SignIn,
        AuditAction::SignInFailed,
        AuditAction::SignOut,
        AuditAction::PasswordChanged,
        AuditAction::Create,
        AuditAction::Update,
        AuditAction::Deactivate,
        AuditAction::View,
        AuditAction::SessionEnded,
        AuditAction::SecondFactorAdded,
        AuditAction::SecondFactorRemoved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign-in",
            AuditAction::SignInFailed => "sign-in-failed",
            AuditAction::SignOut => "sign-out",
            AuditAction::PasswordChanged => "password-changed",
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Deactivate => "deactivate",
            AuditAction::View => "view",
            AuditAction::SessionEnded => "session-ended",
            AuditAction::SecondFactorAdded => "second-factor-added",
            AuditAction::SecondFactorRemoved => "second-factor-removed",
        }
    }
}
