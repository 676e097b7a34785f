-- The month's close (billing.md): the seller and VAT of a centre, billing addresses,
-- engagements, time sheet distances, tariffs, allowances, funds, billing runs, invoices,
-- credit notes and statements. Amounts are integer cents (BIGINT); dates are ISO TEXT.

ALTER TABLE tenants ADD COLUMN seller TEXT;
ALTER TABLE tenants ADD COLUMN vat TEXT;
ALTER TABLE institutions ADD COLUMN billing TEXT;
ALTER TABLE mediators ADD COLUMN engagement TEXT NOT NULL DEFAULT 'volunteer'
    CHECK (engagement IN ('volunteer', 'freelance', 'employee'));
ALTER TABLE requests ADD COLUMN ts_travel_km_tenths BIGINT;
-- A distance far above the travel model's, flagged for the coordinator (not refused).
ALTER TABLE requests ADD COLUMN ts_km_flagged BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE requests ADD COLUMN fund_id UUID;
ALTER TABLE requests ADD COLUMN fund_cents BIGINT;
ALTER TABLE requests ADD COLUMN fund_state TEXT CHECK (fund_state IN ('committed', 'spent', 'released'));
ALTER TABLE requests ADD COLUMN fund_by_hand BOOLEAN NOT NULL DEFAULT FALSE;
-- Mails of an issued invoice carry its PDF and XML, read when the mail is sent.
ALTER TABLE outbox ADD COLUMN invoice_id UUID;

CREATE TABLE allowances (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    year BIGINT NOT NULL,
    cents BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

CREATE TABLE tariffs (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    categories TEXT NOT NULL,
    modes TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    client TEXT NOT NULL,
    mediator TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tariffs_tenant ON tariffs (tenant_id, valid_from);

CREATE TABLE funds (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    budget_cents BIGINT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    rules TEXT NOT NULL,
    priority BIGINT NOT NULL,
    announced_pct BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX funds_tenant ON funds (tenant_id, priority);

CREATE TABLE billing_runs (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    month TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'discarded', 'superseded')),
    without_tariff TEXT NOT NULL,
    created_by UUID,
    created_at TIMESTAMPTZ NOT NULL,
    issued_at TIMESTAMPTZ
);
CREATE INDEX billing_runs_tenant ON billing_runs (tenant_id, month);

-- The last number given per centre and year; its row lock keeps the numbers gapless.
CREATE TABLE document_numbers (
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    year BIGINT NOT NULL,
    last BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

CREATE TABLE invoices (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    run_id UUID REFERENCES billing_runs(id),
    institution_id UUID NOT NULL REFERENCES institutions(id),
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'cancelled')),
    number TEXT,
    refers_to UUID REFERENCES invoices(id),
    reason TEXT,
    month TEXT NOT NULL,
    issued_on TEXT,
    net_cents BIGINT NOT NULL,
    vat_cents BIGINT NOT NULL,
    total_cents BIGINT NOT NULL,
    vat TEXT NOT NULL,
    seller TEXT,
    buyer TEXT,
    xml TEXT,
    pdf BYTEA,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX invoices_number ON invoices (tenant_id, number);
CREATE INDEX invoices_month ON invoices (tenant_id, month);
CREATE INDEX invoices_run ON invoices (run_id);

CREATE TABLE invoice_lines (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    invoice_id UUID NOT NULL REFERENCES invoices(id),
    position BIGINT NOT NULL,
    request_id UUID NOT NULL REFERENCES requests(id),
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    language TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    time_cents BIGINT NOT NULL,
    surcharge_cents BIGINT NOT NULL,
    travel_cents BIGINT NOT NULL,
    total_cents BIGINT NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position);
CREATE INDEX invoice_lines_request ON invoice_lines (tenant_id, request_id);

CREATE TABLE statements (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    run_id UUID NOT NULL REFERENCES billing_runs(id),
    mediator_id UUID NOT NULL REFERENCES mediators(id),
    month TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
    engagement TEXT NOT NULL,
    total_cents BIGINT NOT NULL,
    year_to_date_cents BIGINT NOT NULL,
    allowance_left_cents BIGINT,
    pdf BYTEA,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX statements_month ON statements (tenant_id, month);
CREATE INDEX statements_run ON statements (run_id);
CREATE INDEX statements_mediator ON statements (tenant_id, mediator_id, month);

CREATE TABLE statement_lines (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    statement_id UUID NOT NULL REFERENCES statements(id),
    position BIGINT NOT NULL,
    request_id UUID NOT NULL REFERENCES requests(id),
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    language TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    time_cents BIGINT NOT NULL,
    surcharge_cents BIGINT NOT NULL,
    travel_cents BIGINT NOT NULL,
    total_cents BIGINT NOT NULL
);
CREATE INDEX statement_lines_statement ON statement_lines (statement_id, position);
CREATE INDEX statement_lines_request ON statement_lines (tenant_id, request_id);
