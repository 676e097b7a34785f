-- Whom to call at an institution: a contact person and a phone number (shown to the
-- mediator on an invitation and on the client's appointment slip).
ALTER TABLE institutions ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE institutions ADD COLUMN phone TEXT NOT NULL DEFAULT '';
