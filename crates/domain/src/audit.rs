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
    /// A use-case refused to show personal data to this actor.
    ViewDenied,
    /// Everything held about a person was exported (Art. 15).
    Export,
    /// A person's data was erased (Art. 17).
    Erase,
    /// Data past its retention period was removed.
    Expire,
}

impl AuditAction {
    pub const ALL: [AuditAction; 15] = [
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
        AuditAction::ViewDenied,
        AuditAction::Export,
        AuditAction::Erase,
        AuditAction::Expire,
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
            AuditAction::ViewDenied => "view-denied",
            AuditAction::Export => "export",
            AuditAction::Erase => "erase",
            AuditAction::Expire => "expire",
        }
    }
}

/// The chained part of an audit entry: what its hash covers besides the previous hash.
/// Personal details (the actor's address, the detail, the network address) are covered
/// only through `detail_hash`, so that an erasure can remove them without breaking links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<'a> {
    pub chain: &'a str,
    pub seq: i64,
    pub id: &'a str,
    /// Microseconds since the epoch (what both databases keep exactly).
    pub at_micros: i64,
    pub actor_id: Option<&'a str>,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<&'a str>,
    pub detail_hash: &'a str,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of the previous link's hash and this link's fields, one per line, as hex.
pub fn link_hash(prev: &str, l: &Link<'_>) -> String {
    use sha2::{Digest, Sha256};
    let text = format!(
        "mittler-audit-1\n{prev}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
        l.chain,
        l.seq,
        l.id,
        l.at_micros,
        l.actor_id.unwrap_or("-"),
        l.action,
        l.object_type,
        l.object_id.unwrap_or("-"),
        l.detail_hash
    );
    hex(&Sha256::digest(text.as_bytes()))
}

/// The text of an entry's details that `detail_hash` covers.
pub fn details_text(actor: &str, detail: &str, address: Option<&str>) -> String {
    format!("{actor}\n{detail}\n{}", address.unwrap_or("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link() -> Link<'static> {
        Link {
            chain: "t",
            seq: 1,
            id: "a",
            at_micros: 5,
            actor_id: None,
            action: "view",
            object_type: "request",
            object_id: Some("r"),
            detail_hash: "d",
        }
    }

    #[test]
    fn every_field_and_the_previous_hash_change_the_link() {
        let base = link_hash("p", &link());
        assert_eq!(base.len(), 64);
        assert_eq!(base, link_hash("p", &link()));
        assert_ne!(base, link_hash("q", &link()));
        let changed = [
            Link { seq: 2, ..link() },
            Link {
                at_micros: 6,
                ..link()
            },
            Link {
                actor_id: Some("x"),
                ..link()
            },
            Link {
                action: "erase",
                ..link()
            },
            Link {
                object_id: None,
                ..link()
            },
            Link {
                detail_hash: "e",
                ..link()
            },
        ];
        for c in &changed {
            assert_ne!(base, link_hash("p", c), "{c:?}");
        }
    }
}
