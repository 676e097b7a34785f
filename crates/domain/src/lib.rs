//! Mittler's domain: the words and rules of `shared/spec/domain.md` as pure types, no I/O.

pub mod audit;
pub mod billing;
pub mod call;
pub mod dates;
pub mod fee;
pub mod fuzzy;
pub mod institution;
pub mod language;
pub mod lockout;
pub mod lottery;
pub mod matching;
pub mod mediator;
pub mod offer;
pub mod registration;
pub mod report;
pub mod request;
pub mod retention;
pub mod role;
pub mod series;
pub mod state;
pub mod user;
pub mod validation;

pub use role::{Action, Role};
pub use validation::{FieldErrors, Validated};
