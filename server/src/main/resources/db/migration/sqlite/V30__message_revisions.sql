-- Customer edits and deletions reported by the networks: every earlier text of a message is kept.
-- The PostgreSQL twin is db/migration/postgresql/V30__message_revisions.sql. Times are epoch milliseconds.
CREATE TABLE message_revisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  TEXT    NOT NULL,
    action      TEXT    NOT NULL,   -- EDIT or DELETE
    body_before TEXT,
    body_after  TEXT,
    at          BIGINT  NOT NULL
);
CREATE INDEX message_revisions_message ON message_revisions (message_id, at);
