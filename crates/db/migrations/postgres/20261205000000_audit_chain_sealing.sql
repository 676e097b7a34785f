-- Issue 13: a tamper-evident audit log, sealed personal fields, retention per centre.

-- The audit log becomes a hash chain per centre ("installation" for entries of no centre).
-- Its chained part (id, when, who by id, action, object, a hash of the details) is fixed
-- once linked; the details (actor's address, detail, network address) may be removed by
-- an erasure or by retention; the oldest links may be cut below the chain's anchor only.
ALTER TABLE audit_log ADD COLUMN chain TEXT;
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN detail_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
ALTER TABLE audit_log ADD COLUMN details_removed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX audit_log_chain_seq ON audit_log (chain, seq);
CREATE INDEX audit_log_object ON audit_log (tenant_id, object_id);

CREATE TABLE audit_heads (
    chain TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    anchor_seq BIGINT NOT NULL DEFAULT 0,
    anchor_hash TEXT NOT NULL DEFAULT ''
);

DROP TRIGGER audit_log_no_change ON audit_log;
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.seq IS NULL OR OLD.seq > COALESCE((SELECT anchor_seq FROM audit_heads WHERE chain = OLD.chain), 0) THEN
            RAISE EXCEPTION 'audit_log links are cut only below the anchor';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.hash IS NOT NULL AND (NEW.id, NEW.tenant_id, NEW.at, NEW.actor_id, NEW.action, NEW.object_type,
        NEW.object_id, NEW.chain, NEW.seq, NEW.detail_hash, NEW.hash) IS DISTINCT FROM
        (OLD.id, OLD.tenant_id, OLD.at, OLD.actor_id, OLD.action, OLD.object_type,
        OLD.object_id, OLD.chain, OLD.seq, OLD.detail_hash, OLD.hash) THEN
        RAISE EXCEPTION 'the chained part of audit_log is fixed';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

ALTER TABLE requests ADD COLUMN client_hash TEXT;
UPDATE requests SET client_hash = client_ref;
CREATE INDEX requests_client_hash ON requests (tenant_id, client_hash);
DROP INDEX requests_client;

ALTER TABLE tenants ADD COLUMN keep_notes_days INTEGER NOT NULL DEFAULT 90;
ALTER TABLE tenants ADD COLUMN keep_unserved_days INTEGER NOT NULL DEFAULT 365;
ALTER TABLE tenants ADD COLUMN keep_client_refs_days INTEGER NOT NULL DEFAULT 3653;
ALTER TABLE tenants ADD COLUMN keep_failed_mail_days INTEGER NOT NULL DEFAULT 30;
ALTER TABLE tenants ADD COLUMN keep_audit_days INTEGER NOT NULL DEFAULT 730;
ALTER TABLE tenants ADD COLUMN keep_inactive_accounts_days INTEGER NOT NULL DEFAULT 365;
