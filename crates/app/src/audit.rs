//! Reading the audit log: admins only.

use crate::{Actor, App, AppError, Result};
use mittler_db::audit::{self, AuditRow};
use mittler_domain::Action;
use mittler_domain::audit::AuditAction;

pub use mittler_db::audit::Filter;

pub struct Page {
    pub rows: Vec<AuditRow>,
    pub total: i64,
}

pub async fn list(app: &App, actor: &Actor, page: i64, per_page: i64) -> Result<Page> {
    search(app, actor, &Filter::default(), page, per_page).await
}

/// The entries matching `filter`, newest first, one page of them.
pub async fn search(
    app: &App,
    actor: &Actor,
    filter: &Filter,
    page: i64,
    per_page: i64,
) -> Result<Page> {
    let per_page = per_page.clamp(1, 500);
    let offset = page.max(0).saturating_mul(per_page);
    read(app, actor, "audit-log", filter.object_id, async {
        actor.require(Action::ReadAudit)?;
        let (rows, total) =
            audit::search(&app.db, actor.tenant_id, filter, per_page, offset).await?;
        Ok(Page { rows, total })
    })
    .await
}

/// The actions and object types found in the actor's log (the filter's choices).
pub async fn kinds(app: &App, actor: &Actor) -> Result<(Vec<String>, Vec<String>)> {
    if !actor.may(Action::ReadAudit) {
        return Err(AppError::Forbidden);
    }
    Ok(audit::kinds(&app.db, actor.tenant_id).await?)
}

/// Runs a read of personal data and records it in the audit log: a `view` entry naming
/// the object (never its content) when shown, a `view-denied` entry when the use-case
/// refused. "Who saw this person's data" is then a search by object id.
pub(crate) async fn read<T>(
    app: &App,
    actor: &Actor,
    object_type: &'static str,
    object_id: Option<uuid::Uuid>,
    run: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    let out = run.await;
    let action = match &out {
        Ok(_) => AuditAction::View,
        Err(AppError::Forbidden | AppError::NotFound) => AuditAction::ViewDenied,
        Err(_) => return out,
    };
    let entry = actor.audit(
        app.now(),
        action,
        object_type,
        object_id,
        serde_json::json!({}),
    );
    app.reads.record(&app.db, entry).await?;
    out
}

/// The records of reads waiting to be written, and the turn to write them: the entries
/// of reads that finish while another batch is written go in the next one, in one
/// transaction (8 coordinators of one centre no longer take the chain's head in turn).
#[derive(Default)]
pub(crate) struct Reads {
    waiting: std::sync::Mutex<Vec<(audit::AuditEntry, Reply)>>,
    turn: tokio::sync::Mutex<()>,
}

type Reply = tokio::sync::oneshot::Sender<std::result::Result<(), String>>;

impl Reads {
    /// Records one read; returns once its entry is written (by this call or another).
    pub(crate) async fn record(&self, db: &mittler_db::Db, entry: audit::AuditEntry) -> Result<()> {
        let (reply, written) = tokio::sync::oneshot::channel();
        self.waiting
            .lock()
            .map_err(|_| AppError::Internal("the read records' queue is poisoned".into()))?
            .push((entry, reply));
        {
            let _turn = self.turn.lock().await;
            let batch =
                std::mem::take(&mut *self.waiting.lock().map_err(|_| {
                    AppError::Internal("the read records' queue is poisoned".into())
                })?);
            if !batch.is_empty() {
                let (entries, replies): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
                let done = audit::record_reads(db, &entries)
                    .await
                    .map_err(|e| e.to_string());
                for reply in replies {
                    // A reader that went away no longer waits for its answer.
                    let _ = reply.send(done.clone());
                }
            }
        }
        written
            .await
            .map_err(|_| AppError::Internal("a read's record was dropped".into()))?
            .map_err(AppError::Internal)
    }
}
