//! The roles of `domain.md` and what each may do in broad strokes.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Coordinator,
    Institution,
    Mediator,
    Provider,
    State,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::Coordinator,
        Role::Institution,
        Role::Mediator,
        Role::Provider,
        Role::State,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Institution => "institution",
            Role::Mediator => "mediator",
            Role::Provider => "provider",
            Role::State => "state",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Runs the mediation service of the tenant: institutions, mediators, requests.
    pub fn manages_mediation(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
        assert!(Role::Coordinator.manages_mediation());
        assert!(!Role::Institution.manages_mediation());
    }
}
