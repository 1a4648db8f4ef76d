-- Private events (personal canned responses, personal workqueue views): owner_id names the only agent
-- who receives them; owner_admins = 1 lets admins receive them too. NULL owner_id = scoped as before.
ALTER TABLE events ADD COLUMN owner_id TEXT;
ALTER TABLE events ADD COLUMN owner_admins INTEGER NOT NULL DEFAULT 0;
