-- Day plans proposed by the planner, kept until applied.
CREATE TABLE plans (
    id BLOB PRIMARY KEY,
    tenant_id BLOB NOT NULL REFERENCES tenants(id),
    local_date TEXT NOT NULL,
    proposal TEXT NOT NULL,
    cost BIGINT NOT NULL,
    created_at INTEGER NOT NULL,
    applied_at INTEGER
);
CREATE INDEX plans_tenant ON plans (tenant_id, local_date);
