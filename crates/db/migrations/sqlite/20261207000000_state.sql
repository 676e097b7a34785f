-- no-transaction
-- State-wide (issue 15): pages that cost what their rows cost, several workers on one
-- database, the state's figures and the installation's own users. SQLite cannot change
-- a CHECK: the users table is rebuilt for the role `superadmin` (foreign keys off while
-- it is, as in the sign-in migration).
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE users_new (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'institution', 'mediator', 'provider', 'state', 'superadmin')),
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
INSERT INTO users_new SELECT id, tenant_id, email, name, role, password_hash, lang, institution_id, mediator_id,
       provider_id, active, must_change_password, totp_secret, totp_pending, totp_last_step, created_at, updated_at
  FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE UNIQUE INDEX users_tenant_email ON users (tenant_id, email);
CREATE INDEX users_email ON users (email);

-- Each request list reads only its rows.
CREATE INDEX requests_start ON requests (tenant_id, start_at, id);
CREATE INDEX requests_status_start ON requests (tenant_id, status, start_at);
CREATE INDEX requests_language_start ON requests (tenant_id, language, start_at);
CREATE INDEX requests_ts_status ON requests (tenant_id, ts_status, start_at) WHERE ts_status IN ('submitted', 'disputed');
CREATE INDEX invitations_open_expiry ON invitations (tenant_id, expires_at) WHERE status = 'open';

ALTER TABLE tenants ADD COLUMN installation BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX tenants_installation ON tenants (installation) WHERE installation;
ALTER TABLE tenants ADD COLUMN share_figures BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE worker_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until_at INTEGER NOT NULL
);

ALTER TABLE outbox ADD COLUMN claimed_by TEXT;

-- When a request was first confirmed: the state's figures ask how long confirming took.
ALTER TABLE requests ADD COLUMN confirmed_at INTEGER;
UPDATE requests SET confirmed_at = (SELECT MIN(h.at) FROM request_history h
    WHERE h.tenant_id = requests.tenant_id AND h.request_id = requests.id AND h.to_status = 'confirmed');

-- Messages between instances too large for a notification (a video call's session
-- description); the notification names the row. Kept a few minutes.
CREATE TABLE bus_messages (
    id BLOB PRIMARY KEY,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- The state's figures read a period of every centre: by date across centres.
CREATE INDEX requests_local_date ON requests (local_date);
COMMIT;
PRAGMA foreign_keys = ON;
