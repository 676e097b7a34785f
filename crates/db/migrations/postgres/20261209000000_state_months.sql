-- The state's figures of whole months, kept per centre, month, language and sector, so
-- that a summary of a year reads tens of thousands of kept rows instead of a million
-- requests. A change to a request marks its centre's month in `state_dirty` (appended
-- by triggers, never updated: no row is contended); the worker counts the marked months
-- afresh (db::state::refresh) and a summary counts from the requests any month still
-- marked, so its figures are always those of the requests.
CREATE TABLE state_dirty (
    tenant_id UUID NOT NULL,
    month TEXT NOT NULL
);
CREATE INDEX state_dirty_month ON state_dirty (month, tenant_id);

CREATE TABLE state_months (
    tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    language TEXT NOT NULL,
    sector TEXT NOT NULL,
    requests BIGINT NOT NULL,
    served BIGINT NOT NULL,
    unfilled_short BIGINT NOT NULL,
    unfilled_long BIGINT NOT NULL,
    cancelled BIGINT NOT NULL,
    minutes BIGINT NOT NULL,
    -- Tenths of an hour from creation to confirmation and how many took that long:
    -- "bucket:count" separated by spaces (db::state::pack).
    buckets TEXT NOT NULL,
    PRIMARY KEY (month, tenant_id, language, sector)
);

-- Inserts and deletions mark each month they touch once per statement; an update marks
-- the old and the new month when a column the figures read changes.
CREATE FUNCTION state_mark_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_dirty (tenant_id, month)
        SELECT DISTINCT tenant_id, SUBSTR(local_date, 1, 7) FROM new_rows;
    RETURN NULL;
END $$;
CREATE FUNCTION state_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_dirty (tenant_id, month)
        SELECT DISTINCT tenant_id, SUBSTR(local_date, 1, 7) FROM old_rows;
    RETURN NULL;
END $$;
CREATE FUNCTION state_mark_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO state_dirty (tenant_id, month) VALUES (OLD.tenant_id, SUBSTR(OLD.local_date, 1, 7));
    IF NEW.tenant_id <> OLD.tenant_id OR SUBSTR(NEW.local_date, 1, 7) <> SUBSTR(OLD.local_date, 1, 7) THEN
        INSERT INTO state_dirty (tenant_id, month) VALUES (NEW.tenant_id, SUBSTR(NEW.local_date, 1, 7));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER requests_state_inserted AFTER INSERT ON requests
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION state_mark_inserted();
CREATE TRIGGER requests_state_deleted AFTER DELETE ON requests
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION state_mark_deleted();
CREATE TRIGGER requests_state_updated AFTER UPDATE ON requests FOR EACH ROW
    WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.local_date IS DISTINCT FROM NEW.local_date
       OR OLD.language IS DISTINCT FROM NEW.language OR OLD.sector IS DISTINCT FROM NEW.sector
       OR OLD.status IS DISTINCT FROM NEW.status OR OLD.created_at IS DISTINCT FROM NEW.created_at
       OR OLD.confirmed_at IS DISTINCT FROM NEW.confirmed_at OR OLD.start_at IS DISTINCT FROM NEW.start_at
       OR OLD.duration_min IS DISTINCT FROM NEW.duration_min)
    EXECUTE FUNCTION state_mark_updated();

-- Every month that holds requests is counted once by the worker.
INSERT INTO state_dirty (tenant_id, month) SELECT DISTINCT tenant_id, SUBSTR(local_date, 1, 7) FROM requests;
