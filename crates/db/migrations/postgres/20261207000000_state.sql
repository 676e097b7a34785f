-- State-wide (issue 15): pages that cost what their rows cost, several workers on one
-- database, the state's figures and the installation's own users.

-- Each request list reads only its rows: the inbox and day lists by start, the desk's
-- needs by status or time-sheet state.
CREATE INDEX requests_start ON requests (tenant_id, start_at, id);
CREATE INDEX requests_status_start ON requests (tenant_id, status, start_at);
CREATE INDEX requests_language_start ON requests (tenant_id, language, start_at);
CREATE INDEX requests_ts_status ON requests (tenant_id, ts_status, start_at) WHERE ts_status IN ('submitted', 'disputed');
CREATE INDEX invitations_open_expiry ON invitations (tenant_id, expires_at) WHERE status = 'open';

-- The installation's own tenant holds the users that belong to no centre (roles `state`
-- and `superadmin`); it has no data and never shows as a centre.
ALTER TABLE tenants ADD COLUMN installation BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX tenants_installation ON tenants (installation) WHERE installation;
-- Whether the centre's figures (never personal data) count in the state's view.
ALTER TABLE tenants ADD COLUMN share_figures BOOLEAN NOT NULL DEFAULT TRUE;

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('admin', 'coordinator', 'institution', 'mediator', 'provider', 'state', 'superadmin'));

-- Periodic jobs (sweeps, reminders, lotteries, retention) run by one worker at a time:
-- a worker holds a job's lease until `until_at` and renews it while it works.
CREATE TABLE worker_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until_at TIMESTAMPTZ NOT NULL
);

-- The worker that claimed a mail: only it may send and mark it while its claim lasts.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;

-- When a request was first confirmed: the state's figures ask how long confirming took.
ALTER TABLE requests ADD COLUMN confirmed_at TIMESTAMPTZ;
UPDATE requests SET confirmed_at = (SELECT MIN(h.at) FROM request_history h
    WHERE h.tenant_id = requests.tenant_id AND h.request_id = requests.id AND h.to_status = 'confirmed');

-- Messages between instances too large for a notification (a video call's session
-- description); the notification names the row. Kept a few minutes.
CREATE TABLE bus_messages (
    id UUID PRIMARY KEY,
    payload TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- The state's figures read a period of every centre: by date across centres.
CREATE INDEX requests_local_date ON requests (local_date);
