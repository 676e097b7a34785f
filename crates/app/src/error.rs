//! The error of the use-case layer; `web` maps it to statuses and pages.

use mittler_db::DbError;
use mittler_domain::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or wrong credentials (one message for every cause).
    #[error("unauthorized")]
    Unauthorized,
    /// The object is visible but the role may not take this action.
    #[error("forbidden")]
    Forbidden,
    /// The object does not exist, belongs to another tenant, or the role may not see it.
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// The change conflicts with the current state (e.g. an e-mail already in use).
    #[error("conflict: {0}")]
    Conflict(String),
    /// A unique value (such as an e-mail address) is already in use; names the field.
    #[error("taken: {0}")]
    Taken(&'static str),
    /// The mediator cannot serve the request, for these reasons.
    #[error("unavailable")]
    Unavailable(Vec<mittler_domain::matching::Reason>),
    /// Too many attempts; retry after this many seconds.
    #[error("too many attempts")]
    TooMany { retry_after_secs: i64 },
    /// The password was right but a second factor is needed (API tokens).
    #[error("second factor required")]
    SecondFactorRequired,
    /// The address and password open accounts in several centres: say which.
    #[error("choose a centre")]
    ChooseTenant(Vec<String>),
    /// Nobody on call may take the call (answered at once, never a silent ringing).
    #[error("nobody on call")]
    NobodyOnCall,
    #[error("internal: {0}")]
    Internal(String),
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => AppError::NotFound,
            DbError::Conflict(c) => AppError::Conflict(c),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Invalid(e)
    }
}

pub type Result<T> = std::result::Result<T, AppError>;
