-- Passkeys (WebAuthn) as a second factor, and single sign-on per centre (issue 12).
CREATE TABLE passkeys (
    id TEXT PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    passkey TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX passkeys_user ON passkeys (user_id);

-- The state of a WebAuthn or OpenID Connect ceremony under way, used once.
CREATE TABLE ceremonies (
    key TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);

-- A centre's identity provider for single sign-on (admins set it).
ALTER TABLE tenants ADD COLUMN sso_issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN sso_client_id TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN sso_client_secret TEXT NOT NULL DEFAULT '';
