//! Text messages through an SMS gateway over HTTP, for clients' reminders.
//!
//! The interface (`MITTLER_SMS_URL`, optional `MITTLER_SMS_TOKEN`): Mittler sends
//!
//! ```text
//! POST {MITTLER_SMS_URL}
//! Content-Type: application/json
//! Authorization: Bearer {MITTLER_SMS_TOKEN}        (when set)
//!
//! {"to": "+491701234567", "text": "Erinnerung: ..."}
//! ```
//!
//! and counts any 2xx answer as sent; anything else is retried like a mail (1, 2, 4, 8,
//! 16 minutes). Most gateways (or a few lines of glue in front of one) take this form.

use std::time::Duration;

#[derive(Clone)]
pub struct SmsGateway {
    url: String,
    token: Option<String>,
    client: reqwest::Client,
}

impl SmsGateway {
    pub fn new(url: &str, token: Option<&str>) -> Result<SmsGateway, String> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err("MITTLER_SMS_URL: an http(s) address".into());
        }
        // One crypto provider for every TLS client of the process (ring, as lettre's).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .map_err(|e| format!("SMS client: {e}"))?;
        Ok(SmsGateway {
            url: url.to_owned(),
            token: token.filter(|t| !t.is_empty()).map(str::to_owned),
            client,
        })
    }

    pub async fn send(&self, to: &str, text: &str) -> Result<(), String> {
        let body = serde_json::json!({ "to": to, "text": text }).to_string();
        let mut req = self
            .client
            .post(&self.url)
            .header("content-type", "application/json")
            .body(body);
        if let Some(t) = &self.token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.map_err(|e| format!("SMS gateway: {e}"))?;
        if resp.status().is_success() {
            Ok(())
        } else {
            let status = resp.status();
            let text: String = resp
                .text()
                .await
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect();
            Err(format!("SMS gateway answered {status}: {text}"))
        }
    }
}

/// A mobile number as a gateway wants it: `+49...` from `0170 123 45-67` (German numbers
/// without a country code get +49), or `None` when it is not one.
pub fn mobile(typed: &str) -> Option<String> {
    let t = typed.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    if t.chars()
        .any(|c| !(c.is_ascii_digit() || " +-/()".contains(c)))
        || digits.len() < 8
    {
        return None;
    }
    let n = if t.starts_with('+') {
        format!("+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("+49{rest}")
    } else {
        return None;
    };
    (n.len() <= 16).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_numbers_in_international_form() {
        assert_eq!(mobile("0170 123 45-67").as_deref(), Some("+491701234567"));
        assert_eq!(mobile("+380 67 123 4567").as_deref(), Some("+380671234567"));
        assert_eq!(mobile("0049 170 1234567").as_deref(), Some("+491701234567"));
        assert_eq!(mobile("klient@example.org"), None);
        assert_eq!(mobile("1234"), None);
        assert_eq!(mobile("170 1234567"), None, "no country, no trunk prefix");
    }
}
