-- Series (e.g. school language companions): every occurrence is a request of the series.
ALTER TABLE requests ADD COLUMN series_id BLOB;
ALTER TABLE requests ADD COLUMN series_index INTEGER;
CREATE INDEX requests_series ON requests (tenant_id, series_id, series_index);
