-- A centre's funds sum what each has committed and spent, and the inbox asks which of its
-- requests have a fund: only the funded requests, not every request of the centre.
CREATE INDEX requests_fund ON requests (tenant_id, fund_id, fund_state) INCLUDE (fund_cents)
    WHERE fund_id IS NOT NULL;
