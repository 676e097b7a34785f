-- The month's close (billing.md): the seller and VAT of a centre, billing addresses,
-- engagements, time sheet distances, tariffs, allowances, funds, billing runs, invoices,
-- credit notes and statements. Amounts are integer cents; dates are ISO TEXT.

ALTER TABLE tenants ADD COLUMN seller TEXT;
ALTER TABLE tenants ADD COLUMN vat TEXT;
ALTER TABLE institutions ADD COLUMN billing TEXT;
ALTER TABLE mediators ADD COLUMN engagement TEXT NOT NULL DEFAULT 'volunteer'
    CHECK (engagement IN ('volunteer', 'freelance', 'employee'));
ALTER TABLE requests ADD COLUMN ts_travel_km_tenths INTEGER;
-- A distance far above the travel model's, flagged for the coordinator (not refused).
ALTER TABLE requests ADD COLUMN ts_km_flagged BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE requests ADD COLUMN fund_id BLOB;
ALTER TABLE requests ADD COLUMN fund_cents INTEGER;
ALTER TABLE requests ADD COLUMN fund_state TEXT CHECK (fund_state IN ('committed', 'spent', 'released'));
ALTER TABLE requests ADD COLUMN fund_by_hand BOOLEAN NOT NULL DEFAULT FALSE;
-- Mails of an issued invoice carry its PDF and XML, read when the mail is sent.
ALTER TABLE outbox ADD COLUMN invoice_id BLOB;

CREATE TABLE allowances (
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    year INTEGER NOT NULL,
    cents INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

CREATE TABLE tariffs (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    categories TEXT NOT NULL,
    modes TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    client TEXT NOT NULL,
    mediator TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX tariffs_tenant ON tariffs (tenant_id, valid_from);

CREATE TABLE funds (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    budget_cents INTEGER NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    rules TEXT NOT NULL,
    priority INTEGER NOT NULL,
    announced_pct INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX funds_tenant ON funds (tenant_id, priority);

CREATE TABLE billing_runs (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    month TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'discarded', 'superseded')),
    without_tariff TEXT NOT NULL,
    created_by BLOB,
    created_at INTEGER NOT NULL,
    issued_at INTEGER
);
CREATE INDEX billing_runs_tenant ON billing_runs (tenant_id, month);

-- The last number given per centre and year; its row lock keeps the numbers gapless.
CREATE TABLE document_numbers (
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

CREATE TABLE invoices (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    run_id BLOB REFERENCES billing_runs(id),
    institution_id BLOB NOT NULL REFERENCES institutions(id),
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'cancelled')),
    number TEXT,
    refers_to BLOB REFERENCES invoices(id),
    reason TEXT,
    month TEXT NOT NULL,
    issued_on TEXT,
    net_cents INTEGER NOT NULL,
    vat_cents INTEGER NOT NULL,
    total_cents INTEGER NOT NULL,
    vat TEXT NOT NULL,
    seller TEXT,
    buyer TEXT,
    xml TEXT,
    pdf BLOB,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX invoices_number ON invoices (tenant_id, number);
CREATE INDEX invoices_month ON invoices (tenant_id, month);
CREATE INDEX invoices_run ON invoices (run_id);

CREATE TABLE invoice_lines (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    invoice_id BLOB NOT NULL REFERENCES invoices(id),
    position INTEGER NOT NULL,
    request_id BLOB NOT NULL REFERENCES requests(id),
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    language TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    time_cents INTEGER NOT NULL,
    surcharge_cents INTEGER NOT NULL,
    travel_cents INTEGER NOT NULL,
    total_cents INTEGER NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position);
CREATE INDEX invoice_lines_request ON invoice_lines (tenant_id, request_id);

CREATE TABLE statements (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    run_id BLOB NOT NULL REFERENCES billing_runs(id),
    mediator_id BLOB NOT NULL REFERENCES mediators(id),
    month TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
    engagement TEXT NOT NULL,
    total_cents INTEGER NOT NULL,
    year_to_date_cents INTEGER NOT NULL,
    allowance_left_cents INTEGER,
    pdf BLOB,
    created_at INTEGER NOT NULL
);
CREATE INDEX statements_month ON statements (tenant_id, month);
CREATE INDEX statements_run ON statements (run_id);
CREATE INDEX statements_mediator ON statements (tenant_id, mediator_id, month);

CREATE TABLE statement_lines (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    statement_id BLOB NOT NULL REFERENCES statements(id),
    position INTEGER NOT NULL,
    request_id BLOB NOT NULL REFERENCES requests(id),
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    language TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    time_cents INTEGER NOT NULL,
    surcharge_cents INTEGER NOT NULL,
    travel_cents INTEGER NOT NULL,
    total_cents INTEGER NOT NULL
);
CREATE INDEX statement_lines_statement ON statement_lines (statement_id, position);
CREATE INDEX statement_lines_request ON statement_lines (tenant_id, request_id);
