//! Operations: backups and restores, the audit chain's verification, key rotation.

use anyhow::{Context, Result, bail};
use mittler_db::Db;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// The first line of every backup file.
const MAGIC: &str = "MITTLER-BACKUP 1";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The header of a backup: what it holds and the SHA-256 of the payload after it.
struct Header {
    backend: String,
    encrypted: bool,
    bytes: usize,
    sha256: String,
}

fn header_text(h: &Header) -> String {
    format!(
        "{MAGIC}\nbackend: {}\nencrypted: {}\nbytes: {}\nsha256: {}\n\n",
        h.backend,
        if h.encrypted { "age" } else { "no" },
        h.bytes,
        h.sha256
    )
}

/// Splits a backup file into its header and payload, refusing a damaged or tampered one.
fn read_backup(all: &[u8]) -> Result<(Header, &[u8])> {
    let split = all
        .windows(2)
        .position(|w| w == b"\n\n")
        .context("not a Mittler backup (no header)")?;
    let (head, rest) = all.split_at(split);
    let payload = rest.get(2..).unwrap_or_default();
    let head = std::str::from_utf8(head).context("not a Mittler backup (header)")?;
    let mut lines = head.lines();
    if lines.next() != Some(MAGIC) {
        bail!("not a Mittler backup (its first line is not `{MAGIC}`)");
    }
    let mut h = Header {
        backend: String::new(),
        encrypted: false,
        bytes: 0,
        sha256: String::new(),
    };
    for line in lines {
        match line.split_once(": ") {
            Some(("backend", v)) => h.backend = v.to_owned(),
            Some(("encrypted", v)) => h.encrypted = v == "age",
            Some(("bytes", v)) => h.bytes = v.parse().context("the header's size is damaged")?,
            Some(("sha256", v)) => h.sha256 = v.to_owned(),
            _ => bail!("the backup's header is damaged: {line:?}"),
        }
    }
    if payload.len() != h.bytes {
        bail!(
            "the backup is damaged: {} bytes where its header says {}",
            payload.len(),
            h.bytes
        );
    }
    if hex(&Sha256::digest(payload)) != h.sha256 {
        bail!("the backup is damaged or was changed: its checksum does not match");
    }
    Ok((h, payload))
}

/// Writes `bytes` to a new owner-only file.
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let mut f = o
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(())
}

fn temp_path(near: &Path, what: &str) -> std::path::PathBuf {
    let name = format!(".mittler-{what}-{}", uuid::Uuid::new_v4().simple());
    near.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.join(&name))
        .unwrap_or_else(|| std::path::PathBuf::from(&name))
}

/// A consistent copy of the database while the server runs: SQLite's `VACUUM INTO` (an
/// online copy inside one read transaction), PostgreSQL's `pg_dump --format=custom`.
pub async fn backup(db: &Db, url: &str, to: &Path, encrypt_to: Option<&str>) -> Result<()> {
    let payload = match db.backend() {
        "sqlite" => {
            let tmp = temp_path(to, "snapshot");
            db.snapshot_sqlite(&tmp.to_string_lossy())
                .await
                .context("cannot copy the SQLite database")?;
            let bytes = std::fs::read(&tmp).context("cannot read the copy")?;
            std::fs::remove_file(&tmp).ok();
            bytes
        }
        _ => {
            let schema = db.schema_name().await?;
            let mut cmd = tokio::process::Command::new("pg_dump");
            cmd.arg("--format=custom")
                .arg("--no-owner")
                .arg("--no-privileges");
            if schema != "public" {
                cmd.arg(format!("--schema={schema}"));
            }
            let out = cmd
                .arg(format!("--dbname={url}"))
                .output()
                .await
                .context("cannot run pg_dump (install PostgreSQL's client programs)")?;
            if !out.status.success() {
                bail!(
                    "pg_dump failed: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
            }
            out.stdout
        }
    };
    let (payload, encrypted) = match encrypt_to {
        Some(r) => {
            let recipient: age::x25519::Recipient = r
                .trim()
                .parse()
                .map_err(|e| anyhow::anyhow!("--encrypt-to is not an age recipient: {e}"))?;
            let sealed = age::encrypt(&recipient, &payload).context("cannot encrypt the backup")?;
            (sealed, true)
        }
        None => (payload, false),
    };
    let h = Header {
        backend: db.backend().to_owned(),
        encrypted,
        bytes: payload.len(),
        sha256: hex(&Sha256::digest(&payload)),
    };
    let mut file = header_text(&h).into_bytes();
    file.extend_from_slice(&payload);
    let tmp = temp_path(to, "backup");
    write_private(&tmp, &file)?;
    std::fs::rename(&tmp, to).with_context(|| format!("cannot write {}", to.display()))?;
    let sidecar = format!("{}  {}\n", hex(&Sha256::digest(&file)), to.display());
    write_private(&to.with_extension("sha256"), sidecar.as_bytes())?;
    println!(
        "backup written to {} ({} bytes{}, sha256 {})",
        to.display(),
        file.len(),
        if encrypted {
            ", encrypted with age"
        } else {
            ""
        },
        h.sha256
    );
    Ok(())
}

/// Restores a backup after checking its checksum; refuses a target that holds data
/// unless `force`.
pub async fn restore(url: &str, from: &Path, identity: Option<&Path>, force: bool) -> Result<()> {
    let all = std::fs::read(from).with_context(|| format!("cannot read {}", from.display()))?;
    let (h, payload) = read_backup(&all)?;
    let payload = if h.encrypted {
        let path =
            identity.context("the backup is encrypted: give --identity FILE (an age identity)")?;
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let id: age::x25519::Identity = text
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .context("the identity file holds no AGE-SECRET-KEY")?
            .parse()
            .map_err(|e| anyhow::anyhow!("not an age identity: {e}"))?;
        age::decrypt(&id, payload).context("cannot decrypt the backup with this identity")?
    } else {
        payload.to_vec()
    };
    let target_backend = if url.starts_with("sqlite:") {
        "sqlite"
    } else {
        "postgres"
    };
    if h.backend != target_backend {
        bail!(
            "the backup is of a {} database, the target is {target_backend}",
            h.backend
        );
    }
    let target = Db::connect(url)
        .await
        .context("cannot open the target database")?;
    if target.holds_data().await? && !force {
        bail!(
            "the target database holds data: restore into an empty one, or give --force to replace it"
        );
    }
    if target_backend == "sqlite" {
        if !payload.starts_with(b"SQLite format 3\0") {
            bail!("the backup's payload is not a SQLite database");
        }
        let path = mittler_db::sqlite_path(url).context("a SQLite URL names a file")?;
        target.close().await;
        let tmp = temp_path(&path, "restore");
        write_private(&tmp, &payload)?;
        for suffix in ["-wal", "-shm"] {
            let side = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
            if side.exists() {
                std::fs::remove_file(&side)?;
            }
        }
        std::fs::rename(&tmp, &path)?;
    } else {
        let tmp = temp_path(from, "restore");
        write_private(&tmp, &payload)?;
        let mut cmd = tokio::process::Command::new("pg_restore");
        cmd.arg("--single-transaction")
            .arg("--no-owner")
            .arg("--no-privileges")
            .arg("--exit-on-error");
        if force {
            cmd.arg("--clean").arg("--if-exists");
        }
        let out = cmd.arg(format!("--dbname={url}")).arg(&tmp).output().await;
        std::fs::remove_file(&tmp).ok();
        let out = out.context("cannot run pg_restore (install PostgreSQL's client programs)")?;
        if !out.status.success() {
            bail!(
                "pg_restore failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        target.close().await;
    }
    println!(
        "restored {} into {}",
        from.display(),
        mittler_db::redacted(url)
    );
    Ok(())
}

/// `mittler audit verify`: 0 when every chain holds, 1 (and the first broken link) else.
pub async fn verify_audit(db: &Db) -> Result<bool> {
    let v = mittler_db::audit::verify(db).await?;
    match v.broken {
        None => {
            println!(
                "audit log intact: {} entries in {} chains",
                v.entries, v.chains
            );
            Ok(true)
        }
        Some(b) => {
            println!(
                "audit log broken in chain {} at link {}{}: {}",
                b.chain,
                b.seq,
                b.id.map(|i| format!(" (entry {i})")).unwrap_or_default(),
                b.why
            );
            Ok(false)
        }
    }
}

/// `mittler keys rotate`: a new data key first in the key file, every sealed value
/// sealed again with it, then the old keys dropped; the secret of keyed hashes stays.
pub async fn rotate_keys(db: Db, key_path: &Path) -> Result<()> {
    let (file, _) = mittler_app::keys::KeyFile::load_or_create(key_path)
        .map_err(|e| anyhow::anyhow!("cannot read the key file: {e}"))?;
    let file = file.with_new_data_key();
    // Written first: a crash after it leaves values sealed with either key, both in the file.
    file.write(key_path).map_err(|e| anyhow::anyhow!("{e}"))?;
    let db = db.with_keyring(file.keyring().map_err(|e| anyhow::anyhow!("{e}"))?);
    let n = mittler_db::sealed::reseal(&db).await?;
    let left = mittler_db::sealed::unsealed(&db).await?;
    if left > 0 {
        bail!(
            "{left} values are not sealed with the new key yet: the old keys stay in the key file; run the command again"
        );
    }
    let file = file.newest_only();
    file.write(key_path).map_err(|e| anyhow::anyhow!("{e}"))?;
    println!(
        "sealed {n} values with the new key {}; the key file {} holds only it now (back it up, apart from the database)",
        file.key_ids().first().cloned().unwrap_or_default(),
        key_path.display()
    );
    Ok(())
}
