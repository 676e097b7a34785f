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

    pub fn parse(s: &str) -> Option<ChangeKind> {
        [
            ChangeKind::Created,
            ChangeKind::Invited,
            ChangeKind::Answered,
            ChangeKind::Confirmed,
            ChangeKind::Cancelled,
            ChangeKind::Reopened,
            ChangeKind::Timesheet,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
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

/// How often an open stream checks its session even when nothing happens.
pub const RECHECK: std::time::Duration = std::time::Duration::from_secs(15);

/// The changes one actor may see, as they happen in this process. The session behind
/// the stream is checked again before every change and every [`RECHECK`]: the stream
/// ends when the session ends (sign-out, idle, expiry), the user is deactivated, or a
/// new role or institution would follow other changes.
pub struct Changes {
    follow: Follow,
    rx: Receiver<Change>,
    app: App,
    token_hash: String,
    tick: tokio::time::Interval,
}

impl Changes {
    /// The next change the actor may see; `None` when the stream must end.
    /// Changes missed under load are skipped: the page reloads its list on any event.
    pub async fn next(&mut self) -> Option<Change> {
        loop {
            tokio::select! {
                got = self.rx.recv() => match got {
                    Ok(c) if self.follow.admits(&c) => {
                        return self.still_allowed().await.then_some(c);
                    }
                    Ok(_) | Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                },
                _ = self.tick.tick() => {
                    if !self.still_allowed().await {
                        return None;
                    }
                }
            }
        }
    }

    async fn still_allowed(&self) -> bool {
        match crate::auth::stream_session(&self.app, &self.token_hash).await {
            Ok(Some(s)) => Follow::of(&s.actor).is_ok_and(|f| f == self.follow),
            _ => false,
        }
    }
}

/// Starts following the requests the session's actor may see.
pub fn follow(app: &App, session: &crate::auth::CurrentSession) -> Result<Changes> {
    let mut tick = tokio::time::interval(RECHECK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    Ok(Changes {
        follow: Follow::of(&session.actor)?,
        rx: app.subscribe(),
        app: app.clone(),
        token_hash: session.token_hash.clone(),
        tick,
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
                    matches!(
                        role,
                        Role::Mediator | Role::Provider | Role::State | Role::Superadmin
                    ),
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
