-- Issue 13: a tamper-evident audit log, sealed personal fields, retention per centre.

-- The audit log becomes a hash chain per centre ("installation" for entries of no centre).
-- Its chained part (id, when, who by id, action, object, a hash of the details) is fixed
-- once linked; the details (actor's address, detail, network address) may be removed by
-- an erasure or by retention; the oldest links may be cut below the chain's anchor only.
ALTER TABLE audit_log ADD COLUMN chain TEXT;
ALTER TABLE audit_log ADD COLUMN seq INTEGER;
ALTER TABLE audit_log ADD COLUMN detail_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
ALTER TABLE audit_log ADD COLUMN details_removed BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX audit_log_chain_seq ON audit_log (chain, seq);
CREATE INDEX audit_log_object ON audit_log (tenant_id, object_id);

CREATE TABLE audit_heads (
    chain TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    -- The last link cut by retention (0 and '' while none is): verification starts after it.
    anchor_seq INTEGER NOT NULL DEFAULT 0,
    anchor_hash TEXT NOT NULL DEFAULT ''
);

DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_chain_fixed BEFORE UPDATE OF id, tenant_id, at, actor_id, action, object_type, object_id,
    chain, seq, detail_hash, hash ON audit_log
    WHEN OLD.hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the chained part of audit_log is fixed'); END;
CREATE TRIGGER audit_log_cut_below_anchor BEFORE DELETE ON audit_log
    WHEN OLD.seq IS NULL OR OLD.seq > COALESCE((SELECT anchor_seq FROM audit_heads WHERE chain = OLD.chain), 0)
BEGIN SELECT RAISE(ABORT, 'audit_log links are cut only below the anchor'); END;

-- A client reference is found by a keyed hash beside its sealed value.
ALTER TABLE requests ADD COLUMN client_hash TEXT;
UPDATE requests SET client_hash = client_ref;
CREATE INDEX requests_client_hash ON requests (tenant_id, client_hash);
DROP INDEX requests_client;

-- Retention per centre, in days (defaults of trust.md).
ALTER TABLE tenants ADD COLUMN keep_notes_days INTEGER NOT NULL DEFAULT 90;
ALTER TABLE tenants ADD COLUMN keep_unserved_days INTEGER NOT NULL DEFAULT 365;
ALTER TABLE tenants ADD COLUMN keep_client_refs_days INTEGER NOT NULL DEFAULT 3653;
ALTER TABLE tenants ADD COLUMN keep_failed_mail_days INTEGER NOT NULL DEFAULT 30;
ALTER TABLE tenants ADD COLUMN keep_audit_days INTEGER NOT NULL DEFAULT 730;
ALTER TABLE tenants ADD COLUMN keep_inactive_accounts_days INTEGER NOT NULL DEFAULT 365;
