-- Interpreting now (remote.md): mediators on call, calls by video or phone, and the push
-- subscriptions of installed phone pages. Nothing of a conversation is stored.

-- A time a mediator takes calls: from `from_at` until `until_at` (moved earlier when they
-- go off call). `source` says whether they went on call themselves or by their weekly plan.
CREATE TABLE on_call (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    mediator_id UUID NOT NULL REFERENCES mediators(id),
    from_at TIMESTAMPTZ NOT NULL,
    until_at TIMESTAMPTZ NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('now', 'plan'))
);
CREATE INDEX on_call_until ON on_call (tenant_id, until_at);
CREATE INDEX on_call_mediator ON on_call (tenant_id, mediator_id, from_at);

-- The weekly on-call plan: local weekday (1 = Monday) and minutes after midnight.
CREATE TABLE on_call_plan (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    mediator_id UUID NOT NULL REFERENCES mediators(id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1440),
    end_min INTEGER NOT NULL CHECK (end_min BETWEEN 0 AND 1440),
    PRIMARY KEY (tenant_id, mediator_id, weekday, start_min)
);

CREATE TABLE calls (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    institution_id UUID NOT NULL REFERENCES institutions(id),
    mode TEXT NOT NULL CHECK (mode IN ('phone', 'video')),
    language TEXT NOT NULL,
    sector TEXT NOT NULL CHECK (sector IN ('authority', 'medical', 'psychotherapy', 'school', 'social', 'court')),
    gender_pref TEXT NOT NULL CHECK (gender_pref IN ('none', 'wish', 'must')),
    gender TEXT,
    -- Sealed, as on requests; the keyed hash finds a client's calls for export and erasure.
    client_ref TEXT NOT NULL DEFAULT '',
    client_hash TEXT NOT NULL DEFAULT '',
    callback_phone TEXT,
    -- `nobody`: nobody on call could serve it (answered 409 at once, kept for the figures).
    status TEXT NOT NULL CHECK (status IN ('ringing', 'connected', 'missed', 'ended', 'nobody')),
    created_by UUID,
    created_at TIMESTAMPTZ NOT NULL,
    ringing_since TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    ended_at TIMESTAMPTZ,
    mediator_id UUID REFERENCES mediators(id),
    duration_s INTEGER,
    -- How many mediators were told the last time it rang.
    told INTEGER NOT NULL DEFAULT 0,
    -- The request booked instead after a missed call.
    request_id UUID REFERENCES requests(id)
);
CREATE INDEX calls_status ON calls (tenant_id, status);
CREATE INDEX calls_created ON calls (tenant_id, created_at);
CREATE INDEX calls_mediator ON calls (tenant_id, mediator_id, status);

-- Who was told of a ringing call: only they may take it.
CREATE TABLE call_rings (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    call_id UUID NOT NULL REFERENCES calls(id),
    mediator_id UUID NOT NULL REFERENCES mediators(id),
    PRIMARY KEY (call_id, mediator_id)
);
CREATE INDEX call_rings_mediator ON call_rings (tenant_id, mediator_id);

-- A browser's push subscription (Web Push, RFC 8030/8291): where to send and its keys.
CREATE TABLE push_subscriptions (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    user_id UUID NOT NULL REFERENCES users(id),
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (tenant_id, user_id);

-- Seconds a call rings before it is missed; hours before an on-site appointment after
-- which, with nobody confirmed, it is offered as video instead.
ALTER TABLE tenants ADD COLUMN call_answer_s INTEGER NOT NULL DEFAULT 120;
ALTER TABLE tenants ADD COLUMN video_fallback_hours INTEGER NOT NULL DEFAULT 24;

-- An answered call, once ended, is the record of the work done (billing.md, rule 7): a
-- completed remote request that points to its call.
ALTER TABLE requests ADD COLUMN call_id UUID REFERENCES calls(id);
