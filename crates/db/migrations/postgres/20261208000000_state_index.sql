-- The state's figures read a year of every centre (a million rows of a state) and only
-- these columns: an index that holds them all is read alone, without the table's pages.
DROP INDEX requests_local_date;
CREATE INDEX requests_state ON requests (local_date)
    INCLUDE (tenant_id, language, sector, status, created_at, confirmed_at, start_at, duration_min);
-- How many groups a year makes (a few tens of thousands, not a row each): with it the
-- planner lets parallel workers count parts of the year. The expression is the query's
-- own (db::state::PG_BUCKET; a test compares them).
CREATE STATISTICS requests_state_groups (ndistinct) ON tenant_id, language,
    (CASE WHEN confirmed_at IS NULL THEN -1 ELSE LEAST(GREATEST(FLOOR(date_part('epoch',
     confirmed_at - created_at) / 360), 0), 2400)::BIGINT END) FROM requests;
