-- A client's wish to be reminded the day before: where (an e-mail address) and in which
-- language. Kept only until the reminder is sent or the appointment is over.
CREATE TABLE client_reminders (
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    request_id BLOB NOT NULL REFERENCES requests(id),
    contact TEXT NOT NULL,
    lang TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, request_id)
);
