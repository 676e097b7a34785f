-- E-mail outbox: written in the same transaction as the change it reports, sent by the worker.

CREATE TABLE outbox (
    id UUID PRIMARY KEY,
    tenant_id UUID REFERENCES tenants(id),
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    attachment_name TEXT,
    attachment_type TEXT,
    attachment TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at TIMESTAMPTZ
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

ALTER TABLE requests ADD COLUMN reminder_sent BOOLEAN NOT NULL DEFAULT FALSE;
