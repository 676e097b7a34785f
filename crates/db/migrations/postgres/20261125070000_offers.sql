-- The offers network: providers, offers with texts per language and sessions, registrations
-- with separate consents, attendance. Timestamps are TIMESTAMPTZ.

ALTER TABLE tenants ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 90;

CREATE TABLE providers (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX providers_tenant ON providers (tenant_id, name);

CREATE TABLE offers (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    provider_id UUID NOT NULL REFERENCES providers(id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
    category TEXT NOT NULL,
    target_groups TEXT NOT NULL,
    age_min INTEGER,
    age_max INTEGER,
    languages TEXT NOT NULL,
    place_name TEXT NOT NULL,
    address TEXT NOT NULL,
    district TEXT,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    accessibility TEXT,
    schedule TEXT NOT NULL,
    cost_cents INTEGER NOT NULL,
    cost_note TEXT,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    registration TEXT NOT NULL CHECK (registration IN ('none', 'first_come', 'lottery')),
    lottery_at TIMESTAMPTZ,
    lottery_seed BIGINT,
    drawn_at TIMESTAMPTZ,
    quotas TEXT NOT NULL,
    de_revision INTEGER NOT NULL,
    next_seq BIGINT NOT NULL DEFAULT 0,
    first_start TIMESTAMPTZ NOT NULL,
    last_end TIMESTAMPTZ NOT NULL,
    review_note TEXT,
    retained_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX offers_tenant_status ON offers (tenant_id, status, first_start);
CREATE INDEX offers_provider ON offers (tenant_id, provider_id);

CREATE TABLE offer_texts (
    offer_id UUID NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    de_revision INTEGER NOT NULL,
    PRIMARY KEY (offer_id, lang)
);

CREATE TABLE offer_sessions (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    offer_id UUID NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    start_at TIMESTAMPTZ NOT NULL,
    end_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX offer_sessions_offer ON offer_sessions (offer_id, start_at);

CREATE TABLE registrations (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    offer_id UUID NOT NULL REFERENCES offers(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'entered', 'cancelled')),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    persons INTEGER NOT NULL CHECK (persons > 0),
    children TEXT NOT NULL,
    lang TEXT NOT NULL,
    target_group TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    seq BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    confirmed_at TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    anonymised_at TIMESTAMPTZ
);
CREATE INDEX registrations_offer ON registrations (tenant_id, offer_id, status, seq);

CREATE TABLE registration_consents (
    registration_id UUID NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    purpose TEXT NOT NULL CHECK (purpose IN ('participation', 'photos', 'share_contact')),
    given_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ,
    PRIMARY KEY (registration_id, purpose)
);

CREATE TABLE attendance (
    registration_id UUID NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    session_id UUID NOT NULL REFERENCES offer_sessions(id) ON DELETE CASCADE,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    present BOOLEAN NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (registration_id, session_id)
);
