-- The state's figures of whole months, kept per centre, month, language and sector, so
-- that a summary of a year reads tens of thousands of kept rows instead of a million
-- requests. A change to a request marks its centre's month in `state_dirty` (appended
-- by triggers); the worker counts the marked months afresh (db::state::refresh) and a
-- summary counts from the requests any month still marked, so its figures are always
-- those of the requests.
CREATE TABLE state_dirty (
    tenant_id BLOB NOT NULL,
    month TEXT NOT NULL
);
CREATE INDEX state_dirty_month ON state_dirty (month, tenant_id);

CREATE TABLE state_months (
    tenant_id BLOB NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    language TEXT NOT NULL,
    sector TEXT NOT NULL,
    requests INTEGER NOT NULL,
    served INTEGER NOT NULL,
    unfilled_short INTEGER NOT NULL,
    unfilled_long INTEGER NOT NULL,
    cancelled INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    -- Tenths of an hour from creation to confirmation and how many took that long:
    -- "bucket:count" separated by spaces (db::state::pack).
    buckets TEXT NOT NULL,
    PRIMARY KEY (month, tenant_id, language, sector)
);

CREATE TRIGGER requests_state_inserted AFTER INSERT ON requests BEGIN
    INSERT INTO state_dirty (tenant_id, month) VALUES (NEW.tenant_id, SUBSTR(NEW.local_date, 1, 7));
END;
CREATE TRIGGER requests_state_deleted AFTER DELETE ON requests BEGIN
    INSERT INTO state_dirty (tenant_id, month) VALUES (OLD.tenant_id, SUBSTR(OLD.local_date, 1, 7));
END;
CREATE TRIGGER requests_state_updated AFTER UPDATE ON requests
    WHEN OLD.tenant_id IS NOT NEW.tenant_id OR OLD.local_date IS NOT NEW.local_date
      OR OLD.language IS NOT NEW.language OR OLD.sector IS NOT NEW.sector
      OR OLD.status IS NOT NEW.status OR OLD.created_at IS NOT NEW.created_at
      OR OLD.confirmed_at IS NOT NEW.confirmed_at OR OLD.start_at IS NOT NEW.start_at
      OR OLD.duration_min IS NOT NEW.duration_min
BEGIN
    INSERT INTO state_dirty (tenant_id, month) VALUES (OLD.tenant_id, SUBSTR(OLD.local_date, 1, 7));
    INSERT INTO state_dirty (tenant_id, month) SELECT NEW.tenant_id, SUBSTR(NEW.local_date, 1, 7)
        WHERE NEW.tenant_id IS NOT OLD.tenant_id OR SUBSTR(NEW.local_date, 1, 7) IS NOT SUBSTR(OLD.local_date, 1, 7);
END;

INSERT INTO state_dirty (tenant_id, month) SELECT DISTINCT tenant_id, SUBSTR(local_date, 1, 7) FROM requests;
