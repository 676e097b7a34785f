-- The centre's mediator allowance rule (cents per hour, minimum, increment, travel flat rate).
ALTER TABLE tenants ADD COLUMN fee_cents_per_hour INTEGER NOT NULL DEFAULT 1800;
ALTER TABLE tenants ADD COLUMN fee_minimum_min INTEGER NOT NULL DEFAULT 60;
ALTER TABLE tenants ADD COLUMN fee_increment_min INTEGER NOT NULL DEFAULT 30;
ALTER TABLE tenants ADD COLUMN fee_travel_cents INTEGER NOT NULL DEFAULT 600;
