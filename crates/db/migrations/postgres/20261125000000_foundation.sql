-- Foundation: tenants, users, sessions, sign-in throttling, institutions, mediators, audit log.
-- Timestamps are TIMESTAMPTZ; dates are ISO TEXT (as on SQLite, so both sort alike).

CREATE TABLE tenants (
    id UUID PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE institutions (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('authority', 'health', 'school', 'social', 'court', 'other')),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX institutions_tenant ON institutions (tenant_id, name);

CREATE TABLE places (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    institution_id UUID NOT NULL REFERENCES institutions(id),
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    position INTEGER NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX places_institution ON places (tenant_id, institution_id);

CREATE TABLE mediators (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('f', 'm', 'd')),
    sectors TEXT NOT NULL,
    home_lat DOUBLE PRECISION NOT NULL,
    home_lon DOUBLE PRECISION NOT NULL,
    remote BOOLEAN NOT NULL,
    speed_kmh INTEGER NOT NULL,
    max_work_min_per_day INTEGER NOT NULL,
    availability TEXT NOT NULL,
    absences TEXT NOT NULL,
    qualified_on TEXT,
    pledge_signed_on TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX mediators_tenant ON mediators (tenant_id, name);

CREATE TABLE mediator_languages (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    mediator_id UUID NOT NULL REFERENCES mediators(id),
    code TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('native', 'fluent', 'working')),
    PRIMARY KEY (mediator_id, code)
);
CREATE INDEX mediator_languages_code ON mediator_languages (tenant_id, code);

CREATE TABLE users (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'institution', 'mediator', 'provider', 'state')),
    password_hash TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'de',
    institution_id UUID REFERENCES institutions(id),
    mediator_id UUID REFERENCES mediators(id),
    provider_id UUID,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX users_tenant ON users (tenant_id, email);

-- Server-side sessions of the web UI and API bearer tokens; only a hash of the secret is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    user_id UUID NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('web', 'api')),
    csrf TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Sign-in attempts per network address and window (the generous per-address limit).
CREATE TABLE login_throttle (
    address TEXT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL,
    PRIMARY KEY (address, window_start)
);

-- Append-only: the trigger below refuses every change and deletion.
CREATE TABLE audit_log (
    id UUID PRIMARY KEY,
    tenant_id UUID REFERENCES tenants(id),
    at TIMESTAMPTZ NOT NULL,
    actor_id UUID,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id UUID,
    detail TEXT NOT NULL,
    address TEXT
);
CREATE INDEX audit_log_tenant ON audit_log (tenant_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
