//! The small forms and queries many pages share.

use crate::i18n::Lang;

/// `?msg=...` after an action: a short code that names a Fluent message.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct MessageQuery {
    pub msg: Option<String>,
}

impl MessageQuery {
    /// The message in the user's language (only codes of lower-case letters and dashes).
    pub fn text(self, lang: Lang) -> Option<String> {
        self.msg
            .filter(|m| m.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .map(|m| lang.t(&format!("flash-{m}")))
    }
}

/// The deactivate / activate button of institutions and mediators.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ActiveForm {
    pub csrf: String,
    pub active: String,
}

/// A form that carries nothing but its CSRF token (sign-out, calendar, time-sheet confirmation).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct CsrfForm {
    pub csrf: String,
}

/// A form with a reason (cancel, decline, dispute, drop out) and, for a series, its scope.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ReasonForm {
    pub csrf: String,
    pub reason: String,
    pub scope: String,
}
