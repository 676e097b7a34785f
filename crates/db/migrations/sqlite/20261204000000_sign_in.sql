-- no-transaction
-- Sign-in as an IT security review asks for it (issue 12): e-mail addresses unique per
-- centre (a person may work for two), locks per typed identifier instead of per account,
-- two factors, a forced change of an initial password, sessions that can be listed and
-- time out when idle. SQLite cannot drop a column's UNIQUE: the users table is rebuilt
-- (the documented procedure, foreign keys off while it is).
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE users_new (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'institution', 'mediator', 'provider', 'state')),
    password_hash TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'de',
    institution_id BLOB REFERENCES institutions(id),
    mediator_id BLOB REFERENCES mediators(id),
    provider_id BLOB,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    totp_secret TEXT,
    totp_pending TEXT,
    totp_last_step INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
INSERT INTO users_new (id, tenant_id, email, name, role, password_hash, lang, institution_id, mediator_id,
                       provider_id, active, created_at, updated_at)
SELECT id, tenant_id, email, name, role, password_hash, lang, institution_id, mediator_id,
       provider_id, active, created_at, updated_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE UNIQUE INDEX users_tenant_email ON users (tenant_id, email);
CREATE INDEX users_email ON users (email);

-- Failed sign-ins per typed identifier (a keyed hash of it), known or not: an unknown
-- address and an account are locked alike.
CREATE TABLE sign_in_locks (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until INTEGER,
    updated_at INTEGER NOT NULL
);

-- A password that was right, waiting for the second factor (web sign-in, 5 minutes).
CREATE TABLE sign_in_pending (
    token_hash TEXT PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    key TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER NOT NULL
);

-- Ten single-use recovery codes per user with a second factor, hashed.
CREATE TABLE recovery_codes (
    user_id BLOB NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (user_id, code_hash)
);

ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER;
ALTER TABLE sessions ADD COLUMN address TEXT;
UPDATE sessions SET last_seen_at = created_at;

-- Roles that must use a second factor (comma-separated), and the idle time-out.
ALTER TABLE tenants ADD COLUMN second_factor_roles TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN idle_timeout_min INTEGER NOT NULL DEFAULT 30;
COMMIT;
PRAGMA foreign_keys = ON;
