//! Sealing the most sensitive fields at rest: request notes, client references,
//! mediators' phone numbers, clients' reminder contacts and mail bodies in the outbox.
//!
//! AES-256-GCM (the RustCrypto `aes-gcm` crate) with a fresh 96-bit nonce per value and
//! the field's name as associated data (a sealed note cannot be moved into another
//! column). A sealed value is stored as `enc1:KEYID:BASE64(nonce ‖ ciphertext)`, so that
//! the key that sealed it is known after a rotation. A lookup by value (a client
//! reference) uses a keyed hash (HMAC-SHA-256) stored beside the ciphertext. The keys live
//! in a key file, never in the database.

use crate::{DbError, Result};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD as B64;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The prefix of every sealed value.
pub const PREFIX: &str = "enc1:";

/// A data key and its short id.
struct DataKey {
    id: String,
    cipher: Aes256Gcm,
}

/// The data keys (the newest seals, every one opens) and the hash key of lookups.
pub struct Keyring {
    hash_key: [u8; 32],
    keys: Vec<DataKey>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|k| k.id.as_str()).collect();
        write!(f, "Keyring({ids:?}, [redacted])")
    }
}

/// The id of a data key: 8 hex digits of a hash of it (not secret, not reversible).
pub fn key_id(key: &[u8; 32]) -> String {
    let mut h = Sha256::new();
    h.update(b"mittler data key id\0");
    h.update(key);
    h.finalize()
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Keyring {
    /// `data_keys` newest first; the first seals, all of them open.
    pub fn new(hash_key: [u8; 32], data_keys: &[[u8; 32]]) -> Result<Keyring> {
        if data_keys.is_empty() {
            return Err(DbError::Corrupt("a keyring needs a data key".into()));
        }
        let keys = data_keys
            .iter()
            .map(|k| {
                Aes256Gcm::new_from_slice(k)
                    .map(|cipher| DataKey {
                        id: key_id(k),
                        cipher,
                    })
                    .map_err(|_| DbError::Corrupt("a data key has 32 bytes".into()))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Keyring { hash_key, keys })
    }

    /// The id of the key that seals.
    pub fn current_id(&self) -> &str {
        self.keys.first().map(|k| k.id.as_str()).unwrap_or("")
    }

    /// Seals `plain` for the column `field` with the newest key.
    pub fn seal(&self, field: &str, plain: &str) -> Result<String> {
        let key = self
            .keys
            .first()
            .ok_or_else(|| DbError::Corrupt("no data key".into()))?;
        let mut nonce = [0u8; 12];
        rand::rng().fill_bytes(&mut nonce);
        let ct = key
            .cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: field.as_bytes(),
                },
            )
            .map_err(|_| DbError::Corrupt("sealing failed".into()))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(format!("{PREFIX}{}:{}", key.id, B64.encode(out)))
    }

    /// Opens a value of the column `field`; a value that was never sealed (written before
    /// sealing began) is returned as it is.
    pub fn open(&self, field: &str, stored: &str) -> Result<String> {
        let Some(rest) = stored.strip_prefix(PREFIX) else {
            return Ok(stored.to_owned());
        };
        let (id, b64) = rest
            .split_once(':')
            .ok_or_else(|| DbError::Corrupt(format!("{field}: a sealed value without key id")))?;
        let key = self.keys.iter().find(|k| k.id == id).ok_or_else(|| {
            DbError::Corrupt(format!(
                "{field}: sealed with key {id}, which the key file does not hold"
            ))
        })?;
        let bytes = B64
            .decode(b64)
            .map_err(|_| DbError::Corrupt(format!("{field}: a sealed value is damaged")))?;
        let (nonce, ct) = bytes
            .split_at_checked(12)
            .ok_or_else(|| DbError::Corrupt(format!("{field}: a sealed value is too short")))?;
        let nonce: [u8; 12] = nonce
            .try_into()
            .map_err(|_| DbError::Corrupt(format!("{field}: a sealed value is too short")))?;
        let plain = key
            .cipher
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: ct,
                    aad: field.as_bytes(),
                },
            )
            .map_err(|_| DbError::Corrupt(format!("{field}: a sealed value does not open")))?;
        String::from_utf8(plain)
            .map_err(|_| DbError::Corrupt(format!("{field}: a sealed value is not text")))
    }

    /// Whether `stored` is sealed with the newest key (else `keys rotate` reseals it).
    pub fn is_current(&self, stored: &str) -> bool {
        stored
            .strip_prefix(PREFIX)
            .and_then(|r| r.split_once(':'))
            .is_some_and(|(id, _)| id == self.current_id())
    }

    /// HMAC-SHA-256 of `purpose`, a NUL and `value`, as hex: a lookup key that reveals
    /// nothing without the key file.
    pub fn keyed_hash(&self, purpose: &str, value: &str) -> String {
        keyed_hash(&self.hash_key, purpose, value)
    }
}

/// HMAC-SHA-256 of `purpose`, a NUL and `value` under `key`, as lower-case hex.
pub fn keyed_hash(key: &[u8; 32], purpose: &str, value: &str) -> String {
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(key) else {
        // HMAC takes keys of any length: this cannot happen.
        return String::new();
    };
    mac.update(purpose.as_bytes());
    mac.update(&[0]);
    mac.update(value.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(keys: &[[u8; 32]]) -> Keyring {
        Keyring::new([7; 32], keys).unwrap()
    }

    #[test]
    fn a_sealed_value_opens_only_in_its_column_and_with_its_key() {
        let k = ring(&[[1; 32]]);
        let s = k.seal("requests.notes", "Termin wegen Asylantrag").unwrap();
        assert!(s.starts_with("enc1:") && !s.contains("Asyl"));
        assert_ne!(
            s,
            k.seal("requests.notes", "Termin wegen Asylantrag").unwrap()
        );
        assert_eq!(
            k.open("requests.notes", &s).unwrap(),
            "Termin wegen Asylantrag"
        );
        assert!(k.open("mediators.phone", &s).is_err());
        assert!(ring(&[[2; 32]]).open("requests.notes", &s).is_err());
        let mut damaged = s.clone();
        damaged.pop();
        damaged.push(if s.ends_with('A') { 'B' } else { 'A' });
        assert!(k.open("requests.notes", &damaged).is_err());
        assert_eq!(k.open("requests.notes", "plain").unwrap(), "plain");
    }

    #[test]
    fn after_a_rotation_old_values_open_and_new_ones_use_the_new_key() {
        let old = ring(&[[1; 32]]);
        let s = old.seal("f", "x").unwrap();
        let both = ring(&[[2; 32], [1; 32]]);
        assert_eq!(both.open("f", &s).unwrap(), "x");
        assert!(!both.is_current(&s));
        assert!(both.is_current(&both.seal("f", "x").unwrap()));
        assert_eq!(old.keyed_hash("c", "A-1"), both.keyed_hash("c", "A-1"));
        assert_ne!(old.keyed_hash("c", "A-1"), old.keyed_hash("d", "A-1"));
    }
}
