-- Sign-in as an IT security review asks for it (issue 12): e-mail addresses unique per
-- centre (a person may work for two), locks per typed identifier instead of per account,
-- two factors, a forced change of an initial password, sessions that can be listed and
-- time out when idle.
ALTER TABLE users DROP CONSTRAINT users_email_key;
DROP INDEX users_tenant;
CREATE UNIQUE INDEX users_tenant_email ON users (tenant_id, email);
CREATE INDEX users_email ON users (email);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- Failed sign-ins per typed identifier (a keyed hash of it), known or not: an unknown
-- address and an account are locked alike.
CREATE TABLE sign_in_locks (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL
);

-- A password that was right, waiting for the second factor (web sign-in, 5 minutes).
CREATE TABLE sign_in_pending (
    token_hash TEXT PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    user_id UUID NOT NULL REFERENCES users(id),
    key TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    expires_at TIMESTAMPTZ NOT NULL
);

-- Ten single-use recovery codes per user with a second factor, hashed.
CREATE TABLE recovery_codes (
    user_id UUID NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);

ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMPTZ;
ALTER TABLE sessions ADD COLUMN address TEXT;
UPDATE sessions SET last_seen_at = created_at;

-- Roles that must use a second factor (comma-separated), and the idle time-out.
ALTER TABLE tenants ADD COLUMN second_factor_roles TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN idle_timeout_min INTEGER NOT NULL DEFAULT 30;
