-- Day plans proposed by the planner, kept until applied.
CREATE TABLE plans (
    id UUID PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id),
    local_date TEXT NOT NULL,
    proposal TEXT NOT NULL,
    cost BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    applied_at TIMESTAMPTZ
);
CREATE INDEX plans_tenant ON plans (tenant_id, local_date);
