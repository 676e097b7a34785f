//! Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s, ±1 step) with the
//! `totp-rs` crate, enrolment QR codes with `qrcode`, and single-use recovery codes.

use crate::{AppError, Result};
use base64::Engine;
use rand::RngCore;
use totp_rs::{Algorithm, Secret, TOTP};

/// The length of a time step.
pub const STEP_SECS: u64 = 30;
/// How many recovery codes a user gets.
pub const RECOVERY_CODES: usize = 10;

fn totp(secret_b32: &str, account: &str, issuer: &str) -> Result<TOTP> {
    let bytes = Secret::Encoded(secret_b32.to_owned())
        .to_bytes()
        .map_err(|e| AppError::Internal(format!("totp secret: {e:?}")))?;
    // An account name may not contain ':' in an otpauth URL.
    let account = account.replace(':', " ");
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECS,
        bytes,
        Some(issuer.replace(':', " ")),
        account,
    )
    .map_err(|e| AppError::Internal(format!("totp: {e:?}")))
}

/// A fresh secret of 160 bits, base32.
pub fn new_secret() -> String {
    let mut b = [0u8; 20];
    rand::rng().fill_bytes(&mut b);
    Secret::Raw(b.to_vec()).to_encoded().to_string()
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn url(secret_b32: &str, account: &str, issuer: &str) -> Result<String> {
    Ok(totp(secret_b32, account, issuer)?.get_url())
}

/// The QR code of an address, as an SVG image (shown inline: no external request).
pub fn qr_svg(text: &str) -> Result<String> {
    let code =
        qrcode::QrCode::new(text.as_bytes()).map_err(|e| AppError::Internal(format!("qr: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

/// The QR code as a `data:` URL for an `<img>` (the pages' policy allows those).
pub fn qr_data_url(text: &str) -> Result<String> {
    let svg = qr_svg(text)?;
    Ok(format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    ))
}

/// The code for a Unix time (tests and the enrolment page's check).
pub fn code_at(secret_b32: &str, unix_secs: u64) -> Result<String> {
    Ok(totp(secret_b32, "x", "Mittler")?.generate(unix_secs))
}

/// The time step (one of now-1, now, now+1) whose code `code` is, if any.
pub fn matching_step(secret_b32: &str, code: &str, unix_secs: u64) -> Result<Option<i64>> {
    let code = code.trim().replace(' ', "");
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let t = totp(secret_b32, "x", "Mittler")?;
    let now_step = unix_secs / STEP_SECS;
    for step in [now_step.saturating_sub(1), now_step, now_step + 1] {
        let expected = t.generate(step * STEP_SECS);
        if subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), code.as_bytes()).into() {
            return Ok(i64::try_from(step).ok());
        }
    }
    Ok(None)
}

/// Ten recovery codes like `k7q2-mx9d-4ph3` (60 bits each).
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut b = [0u8; 12];
            rand::rng().fill_bytes(&mut b);
            let chars: Vec<char> = b
                .iter()
                .map(|x| {
                    char::from(
                        ALPHABET
                            .get(usize::from(*x) % ALPHABET.len())
                            .copied()
                            .unwrap_or(b'x'),
                    )
                })
                .collect();
            chars
                .chunks(4)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// A recovery code as typed, without spaces, dashes and case.
pub fn normalize_recovery(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_step_and_neighbours_only() {
        let s = new_secret();
        let t = 1_796_000_000u64;
        let code = code_at(&s, t).unwrap();
        let step = i64::try_from(t / STEP_SECS).unwrap();
        assert_eq!(matching_step(&s, &code, t).unwrap(), Some(step));
        assert_eq!(
            matching_step(&s, &code, t + 30).unwrap(),
            Some(step),
            "one step of drift"
        );
        assert_eq!(matching_step(&s, &code, t - 30).unwrap(), Some(step));
        assert_eq!(matching_step(&s, &code, t + 90).unwrap(), None, "not two");
        assert_eq!(matching_step(&s, "12345", t).unwrap(), None);
        assert_eq!(matching_step(&s, "abcdef", t).unwrap(), None);
        assert!(
            url(&s, "a@b.test", "KI Essen")
                .unwrap()
                .starts_with("otpauth://totp/")
        );
        assert!(qr_svg("otpauth://totp/x").unwrap().contains("<svg"));
    }

    #[test]
    fn recovery_codes_are_ten_different_and_normalise() {
        let c = new_recovery_codes();
        assert_eq!(c.len(), 10);
        let set: std::collections::HashSet<_> = c.iter().collect();
        assert_eq!(set.len(), 10);
        assert_eq!(normalize_recovery(" K7Q2-mx9d 4ph3 "), "k7q2mx9d4ph3");
    }
}
