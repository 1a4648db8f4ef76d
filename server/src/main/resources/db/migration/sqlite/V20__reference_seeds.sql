-- SLA admin (issue 3): which reference items were ever seeded from the configuration files.
-- SLA policies and calendars are edited by admins through the API; after their first seeding the
-- database is the source of truth, and a restart adds from the files only items never seeded before
-- (so an edited item keeps its edit and a deleted one stays deleted).
-- Portable DDL: the same text is in the other dialect's V20__reference_seeds.sql.

CREATE TABLE reference_seeds (
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

-- A database from before this migration: what it holds was seeded from the files.
INSERT INTO reference_seeds (kind, id)
    SELECT kind, id FROM reference_items WHERE kind IN ('calendar', 'sla_policy');
