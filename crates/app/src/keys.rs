//! The installation's secret: a key file made on first start, owner-readable only, never
//! written to the database. Keyed hashes of sign-in identifiers and recovery codes use it.

use crate::{AppError, Result};
use rand::RngCore;
use std::path::{Path, PathBuf};

/// 32 random bytes.
pub struct Secret([u8; 32]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl Secret {
    /// A fresh secret (tests, and the first start).
    pub fn random() -> Secret {
        let mut b = [0u8; 32];
        rand::rng().fill_bytes(&mut b);
        Secret(b)
    }

    /// HMAC-SHA-256 of `purpose`, a NUL and `value`, as lower-case hex.
    pub fn keyed_hash(&self, purpose: &str, value: &str) -> String {
        mittler_db::seal::keyed_hash(&self.0, purpose, value)
    }

    /// Reads the key file's secret, or makes the file when it does not exist yet.
    pub fn load_or_create(path: &Path) -> Result<(Secret, bool)> {
        let (file, made) = KeyFile::load_or_create(path)?;
        Ok((Secret(file.secret), made))
    }
}

/// The key file: the installation's secret on its first line (keyed hashes of sign-in
/// identifiers, recovery codes, client references and audit details), then the data
/// keys that seal personal fields, one `data HEX` line each, newest first. Owner-only,
/// never in the database; it belongs in the backup, kept apart from it. A `vapid HEX`
/// line holds the private key Mittler signs its push messages with (RFC 8292).
pub struct KeyFile {
    secret: [u8; 32],
    data: Vec<[u8; 32]>,
    vapid: Option<[u8; 32]>,
}

impl std::fmt::Debug for KeyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeyFile({} data keys, [redacted])", self.data.len())
    }
}

fn random_key() -> [u8; 32] {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    b
}

fn parse_key(hex: &str, path: &Path) -> Result<[u8; 32]> {
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .filter_map(|i| hex.get(i..i + 2))
        .filter_map(|h| u8::from_str_radix(h, 16).ok())
        .collect();
    bytes
        .try_into()
        .map_err(|_| AppError::Internal(format!("{}: not a key of 64 hex digits", path.display())))
}

/// A private key of P-256 (a scalar below the curve's order: a random one nearly always is).
fn vapid_key() -> [u8; 32] {
    loop {
        let k = random_key();
        if web_push_native::p256::SecretKey::from_slice(&k).is_ok() {
            return k;
        }
    }
}

fn to_hex(k: &[u8; 32]) -> String {
    k.iter().map(|b| format!("{b:02x}")).collect()
}

impl KeyFile {
    /// Fresh keys (tests, and the first start).
    pub fn random() -> KeyFile {
        KeyFile {
            secret: random_key(),
            data: vec![random_key()],
            vapid: Some(vapid_key()),
        }
    }

    /// Reads the key file, or makes it (mode 0600) when it does not exist; a key file of
    /// an older release (the secret only) gets its first data key. `true` when made.
    pub fn load_or_create(path: &Path) -> Result<(KeyFile, bool)> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
                let secret = parse_key(lines.next().unwrap_or(""), path)?;
                let mut data = Vec::new();
                let mut vapid = None;
                for l in lines {
                    if let Some(hex) = l.strip_prefix("data ") {
                        data.push(parse_key(hex.trim(), path)?);
                    } else if let Some(hex) = l.strip_prefix("vapid ") {
                        vapid = Some(parse_key(hex.trim(), path)?);
                    } else {
                        return Err(AppError::Internal(format!(
                            "{}: a line that is neither `data HEX` nor `vapid HEX`",
                            path.display()
                        )));
                    }
                }
                let mut file = KeyFile {
                    secret,
                    data,
                    vapid,
                };
                // A key file of an older release gets what it lacks.
                if file.data.is_empty() || file.vapid.is_none() {
                    if file.data.is_empty() {
                        file.data.push(random_key());
                    }
                    file.vapid.get_or_insert_with(vapid_key);
                    file.write(path)?;
                }
                Ok((file, false))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let file = KeyFile::random();
                match file.create(path) {
                    Ok(()) => Ok((file, true)),
                    // Another process made it first: its keys are the ones.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        Ok((KeyFile::load_or_create(path)?.0, false))
                    }
                    Err(e) => Err(AppError::Internal(format!("{}: {e}", path.display()))),
                }
            }
            Err(e) => Err(AppError::Internal(format!("{}: {e}", path.display()))),
        }
    }

    fn text(&self) -> String {
        let mut text = format!("{}\n", to_hex(&self.secret));
        for k in &self.data {
            text.push_str(&format!("data {}\n", to_hex(k)));
        }
        if let Some(k) = &self.vapid {
            text.push_str(&format!("vapid {}\n", to_hex(k)));
        }
        text
    }

    /// Writes the file whole (a new file renamed over the old one), owner-only.
    pub fn write(&self, path: &Path) -> Result<()> {
        let tmp = path.with_extension(format!("new-{}", uuid::Uuid::new_v4().simple()));
        write_private(&tmp, &self.text())
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| AppError::Internal(format!("{}: {e}", path.display())))
    }

    /// Makes the file only if it does not exist (complete or not at all: a new file is
    /// linked into place), so that two processes starting at once agree on one key.
    fn create(&self, path: &Path) -> std::io::Result<()> {
        let tmp = path.with_extension(format!("new-{}", uuid::Uuid::new_v4().simple()));
        write_private(&tmp, &self.text())?;
        let linked = std::fs::hard_link(&tmp, path);
        std::fs::remove_file(&tmp).ok();
        linked
    }

    /// The keyring the database seals with.
    pub fn keyring(&self) -> Result<mittler_db::seal::Keyring> {
        Ok(mittler_db::seal::Keyring::new(self.secret, &self.data)?)
    }

    /// The private key of push messages (made with the file).
    pub fn vapid(&self) -> Option<[u8; 32]> {
        self.vapid
    }

    /// The installation's secret.
    pub fn secret(&self) -> Secret {
        Secret(self.secret)
    }

    /// A new data key in front of the others: it seals from now on.
    pub fn with_new_data_key(mut self) -> KeyFile {
        self.data.insert(0, random_key());
        self
    }

    /// Only the newest data key (after everything is sealed with it again).
    pub fn newest_only(mut self) -> KeyFile {
        self.data.truncate(1);
        self
    }

    /// The ids of the data keys, newest first.
    pub fn key_ids(&self) -> Vec<String> {
        self.data.iter().map(mittler_db::seal::key_id).collect()
    }
}

/// Where the key file lives: `MITTLER_DATA_KEY_FILE`, else beside a SQLite database,
/// else in the working directory.
pub fn default_path(configured: Option<&str>, database_url: &str) -> PathBuf {
    if let Some(p) = configured.filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let file = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .map(|p| p.split('?').next().unwrap_or(p))
        .filter(|p| !p.is_empty() && !p.contains(":memory:"));
    match file.and_then(|f| Path::new(f).parent()) {
        Some(dir) => dir.join("mittler.key"),
        None => PathBuf::from("mittler.key"),
    }
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let mut f = o.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_is_made_once_owner_only_and_read_back() {
        let dir = std::env::temp_dir().join(format!("mittler-key-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("mittler.key");
        let (a, made) = Secret::load_or_create(&path).unwrap();
        assert!(made);
        let (b, made) = Secret::load_or_create(&path).unwrap();
        assert!(!made);
        assert_eq!(a.keyed_hash("p", "x"), b.keyed_hash("p", "x"));
        assert_ne!(a.keyed_hash("p", "x"), a.keyed_hash("q", "x"));
        assert_ne!(
            a.keyed_hash("p", "x"),
            Secret::random().keyed_hash("p", "x")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_key_lives_beside_the_sqlite_database() {
        assert_eq!(
            default_path(None, "sqlite:///var/lib/mittler/m.db"),
            PathBuf::from("/var/lib/mittler/mittler.key")
        );
        assert_eq!(
            default_path(Some("/etc/k"), "sqlite://x.db"),
            PathBuf::from("/etc/k")
        );
        assert_eq!(
            default_path(None, "postgres://u@h/db"),
            PathBuf::from("mittler.key")
        );
    }
}
