-- A mediator's secret calendar feed: only the hash of the token is kept; a new token revokes the old.
ALTER TABLE mediators ADD COLUMN calendar_token_hash TEXT;
CREATE UNIQUE INDEX mediators_calendar ON mediators (calendar_token_hash);
