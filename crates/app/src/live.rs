//! Live updates of requests: what changed, and which changes an actor may follow.

use crate::{Actor, App, Result};
use mittler_domain::Action;
use tokio::sync::broadcast::{Receiver, error::RecvError};
use uuid::Uuid;

/// What happened to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Created,
    Invited,
    Answered,
    Confirmed,
    Cancelled,
    Reopened,
    Timesheet,
}

impl ChangeKind {
    /// The event name on the live stream.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Created => "created",
            ChangeKind::Invited => "invited",
            ChangeKind::Answered => "answered",
            ChangeKind::Confirmed => "confirmed",
            ChangeKind::Cancelled => "cancelled",
            ChangeKind::Reopened => "reopened",
            ChangeKind::Timesheet => "timesheet",
        }
    }
}

/// A change of a request, for live updates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub tenant_id: Uuid,
    pub institution_id: Uuid,
    pub request_id: Uuid,
    pub kind: ChangeKind,
}

/// Which changes an actor may follow: those of their tenant, and for an institution
/// user only those of their own institution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Follow {
    tenant_id: Uuid,
    institution_id: Option<Uuid>,
}

impl Follow {
    /// The actor's view of the stream, or `Forbidden` when their role may not follow
    /// requests at all.
    pub fn of(actor: &Actor) -> Result<Follow> {
        actor.require(Action::FollowRequests)?;
        let institution_id = if actor.may(Action::RunMediation) {
            None
        } else {
            Some(actor.institution_id.ok_or(crate::AppError::Forbidden)?)
        };
        Ok(Follow {
            tenant_id: actor.tenant_id,
            institution_id,
        })
    }

    pub fn admits(&self, change: &Change) -> bool {
        change.tenant_id == self.tenant_id
            && self
                .institution_id
                .is_none_or(|i| i == change.institution_id)
    }
}

/// The changes one actor may see, as they happen in this process.
pub struct Changes {
    follow: Follow,
    rx: Receiver<Change>,
}

impl Changes {
    /// The next change the actor may see; `None` when the application shuts down.
    /// Changes missed under load are skipped: the page reloads its list on any event.
    pub async fn next(&mut self) -> Option<Change> {
        loop {
            match self.rx.recv().await {
                Ok(c) if self.follow.admits(&c) => return Some(c),
                Ok(_) | Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    }
}

/// Starts following the requests the actor may see.
pub fn follow(app: &App, actor: &Actor) -> Result<Changes> {
    Ok(Changes {
        follow: Follow::of(actor)?,
        rx: app.subscribe(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mittler_domain::Role;

    fn actor(role: Role, tenant: Uuid, institution: Option<Uuid>) -> Actor {
        Actor {
            user_id: Uuid::new_v4(),
            tenant_id: tenant,
            role,
            email: String::new(),
            name: String::new(),
            lang: "de".into(),
            institution_id: institution,
            mediator_id: None,
            provider_id: None,
            address: None,
        }
    }

    #[test]
    fn each_role_follows_what_it_may_see() {
        let (t, other_t) = (Uuid::new_v4(), Uuid::new_v4());
        let (own, other) = (Uuid::new_v4(), Uuid::new_v4());
        let change = |tenant, institution| Change {
            tenant_id: tenant,
            institution_id: institution,
            request_id: Uuid::new_v4(),
            kind: ChangeKind::Created,
        };
        for role in Role::ALL {
            let a = actor(role, t, (role == Role::Institution).then_some(own));
            let Ok(f) = Follow::of(&a) else {
                assert!(
                    matches!(role, Role::Mediator | Role::Provider | Role::State),
                    "{role}"
                );
                continue;
            };
            assert!(f.admits(&change(t, own)), "{role}");
            assert_eq!(f.admits(&change(t, other)), role != Role::Institution);
            assert!(!f.admits(&change(other_t, own)), "{role}");
        }
        // An institution user without an institution follows nothing.
        assert!(Follow::of(&actor(Role::Institution, t, None)).is_err());
    }
}
