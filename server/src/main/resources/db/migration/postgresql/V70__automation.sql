-- Automation (issue 4): rules, customer profiles and merges, the intent classifier's model.
-- Portable DDL: the same text is in db/migration/sqlite/V70__automation.sql. Times are epoch milliseconds.

-- Automation rules, in evaluation order (position); json is the protocol AutomationRule.
CREATE TABLE automation_rules (
    id       TEXT    NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL,
    enabled  INTEGER NOT NULL,
    json     TEXT    NOT NULL
);

-- A customer identity belongs to a profile (one person across channels); null = a profile of its own.
ALTER TABLE customers ADD COLUMN profile_id TEXT;
CREATE INDEX customers_profile ON customers (profile_id);

-- Merges of two profiles, kept so they can be undone: which identities moved into which profile.
CREATE TABLE customer_merges (
    id            TEXT    NOT NULL PRIMARY KEY,
    into_profile  TEXT    NOT NULL,
    from_profile  TEXT    NOT NULL,
    moved_ids     TEXT    NOT NULL,   -- JSON array of the identities whose profile changed
    merged_by     TEXT    NOT NULL,
    merged_at     BIGINT  NOT NULL,
    undone_by     TEXT,
    undone_at     BIGINT
);
CREATE INDEX customer_merges_into ON customer_merges (into_profile);

-- The trained intent classifier (latest row wins); json is its vocabulary, priors and counts.
CREATE TABLE classifier_models (
    id         TEXT    NOT NULL PRIMARY KEY,
    trained_at BIGINT  NOT NULL,
    json       TEXT    NOT NULL
);
