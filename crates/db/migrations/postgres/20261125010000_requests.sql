-- Language mediation: requests, their history, invitations; the tenant's cancellation notice.

ALTER TABLE tenants ADD COLUMN cancel_notice_hours INTEGER NOT NULL DEFAULT 24;

CREATE TABLE requests (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    institution_id UUID NOT NULL REFERENCES institutions(id),
    place_id UUID REFERENCES places(id),
    mode TEXT NOT NULL CHECK (mode IN ('onsite', 'phone', 'video')),
    language TEXT NOT NULL,
    sector TEXT NOT NULL CHECK (sector IN ('authority', 'medical', 'psychotherapy', 'school', 'social', 'court')),
    start_at TIMESTAMPTZ NOT NULL,
    duration_min INTEGER NOT NULL,
    -- The local (Europe/Berlin) date of the start, for day queries that agree on both backends.
    local_date TEXT NOT NULL,
    gender_pref TEXT NOT NULL CHECK (gender_pref IN ('none', 'wish', 'must')),
    gender TEXT CHECK (gender IN ('f', 'm', 'd')),
    priority INTEGER NOT NULL,
    client_ref TEXT NOT NULL,
    preferred_mediator_id UUID REFERENCES mediators(id),
    excluded TEXT NOT NULL,
    notes TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'invited', 'confirmed', 'completed', 'cancelled', 'unfilled')),
    mediator_id UUID REFERENCES mediators(id),
    version INTEGER NOT NULL,
    created_by UUID,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    cancelled_by TEXT CHECK (cancelled_by IN ('institution', 'mediator', 'centre')),
    cancel_reason TEXT,
    billable BOOLEAN NOT NULL DEFAULT FALSE,
    ts_status TEXT NOT NULL DEFAULT 'none' CHECK (ts_status IN ('none', 'submitted', 'confirmed', 'disputed')),
    ts_start TIMESTAMPTZ,
    ts_end TIMESTAMPTZ,
    ts_waiting_min INTEGER,
    ts_travel_min INTEGER,
    ts_dispute TEXT
);
CREATE INDEX requests_day ON requests (tenant_id, local_date);
CREATE INDEX requests_mediator ON requests (tenant_id, mediator_id, local_date);
CREATE INDEX requests_institution ON requests (tenant_id, institution_id, start_at);
CREATE INDEX requests_client ON requests (tenant_id, client_ref);

CREATE TABLE request_history (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    request_id UUID NOT NULL REFERENCES requests(id),
    -- The order of the entries of one request (several may share a timestamp).
    seq INTEGER NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    actor_id UUID,
    actor TEXT NOT NULL,
    event TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    mediator_id UUID,
    reason TEXT
);
CREATE INDEX request_history_request ON request_history (tenant_id, request_id, seq);

CREATE TABLE invitations (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    request_id UUID NOT NULL REFERENCES requests(id),
    mediator_id UUID NOT NULL REFERENCES mediators(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ
);
CREATE INDEX invitations_mediator ON invitations (tenant_id, mediator_id, status);
CREATE INDEX invitations_request ON invitations (tenant_id, request_id, status);
