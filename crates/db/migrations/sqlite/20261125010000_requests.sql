-- Language mediation: requests, their history, invitations; the tenant's cancellation notice.

ALTER TABLE tenants ADD COLUMN cancel_notice_hours INTEGER NOT NULL DEFAULT 24;

CREATE TABLE requests (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    institution_id BLOB NOT NULL REFERENCES institutions(id),
    place_id BLOB REFERENCES places(id),
    mode TEXT NOT NULL CHECK (mode IN ('onsite', 'phone', 'video')),
    language TEXT NOT NULL,
    sector TEXT NOT NULL CHECK (sector IN ('authority', 'medical', 'psychotherapy', 'school', 'social', 'court')),
    start_at INTEGER NOT NULL,
    duration_min INTEGER NOT NULL,
    -- The local (Europe/Berlin) date of the start, for day queries that agree on both backends.
    local_date TEXT NOT NULL,
    gender_pref TEXT NOT NULL CHECK (gender_pref IN ('none', 'wish', 'must')),
    gender TEXT CHECK (gender IN ('f', 'm', 'd')),
    priority INTEGER NOT NULL,
    client_ref TEXT NOT NULL,
    preferred_mediator_id BLOB REFERENCES mediators(id),
    excluded TEXT NOT NULL,
    notes TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'invited', 'confirmed', 'completed', 'cancelled', 'unfilled')),
    mediator_id BLOB REFERENCES mediators(id),
    version INTEGER NOT NULL,
    created_by BLOB,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    cancelled_by TEXT CHECK (cancelled_by IN ('institution', 'mediator', 'centre')),
    cancel_reason TEXT,
    billable BOOLEAN NOT NULL DEFAULT FALSE,
    ts_status TEXT NOT NULL DEFAULT 'none' CHECK (ts_status IN ('none', 'submitted', 'confirmed', 'disputed')),
    ts_start INTEGER,
    ts_end INTEGER,
    ts_waiting_min INTEGER,
    ts_travel_min INTEGER,
    ts_dispute TEXT
);
CREATE INDEX requests_day ON requests (tenant_id, local_date);
CREATE INDEX requests_mediator ON requests (tenant_id, mediator_id, local_date);
CREATE INDEX requests_institution ON requests (tenant_id, institution_id, start_at);
CREATE INDEX requests_client ON requests (tenant_id, client_ref);

CREATE TABLE request_history (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    request_id BLOB NOT NULL REFERENCES requests(id),
    -- The order of the entries of one request (several may share a timestamp).
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor_id BLOB,
    actor TEXT NOT NULL,
    event TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    mediator_id BLOB,
    reason TEXT
);
CREATE INDEX request_history_request ON request_history (tenant_id, request_id, seq);

CREATE TABLE invitations (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    request_id BLOB NOT NULL REFERENCES requests(id),
    mediator_id BLOB NOT NULL REFERENCES mediators(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    answered_at INTEGER
);
CREATE INDEX invitations_mediator ON invitations (tenant_id, mediator_id, status);
CREATE INDEX invitations_request ON invitations (tenant_id, request_id, status);
