-- Audit log of agent and admin actions (reliability): who, what, when, target, from which address.
-- Written in the same transaction as the action it records.
CREATE TABLE audit_log (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    at       INTEGER NOT NULL,
    actor_id TEXT    NOT NULL,
    action   TEXT    NOT NULL,
    target   TEXT,
    address  TEXT,
    detail   TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
