-- An account whose password was generated for it (the first administrator's one-time password)
-- must choose its own at the next sign-in before it can use the portal.
ALTER TABLE account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
