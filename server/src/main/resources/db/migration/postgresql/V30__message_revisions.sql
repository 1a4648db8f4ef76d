-- Customer edits and deletions reported by the networks: every earlier text of a message is kept.
-- The SQLite twin is db/migration/sqlite/V30__message_revisions.sql. Times are epoch milliseconds.
CREATE TABLE message_revisions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id  TEXT    NOT NULL,
    action      TEXT    NOT NULL,   -- EDIT or DELETE
    body_before TEXT,
    body_after  TEXT,
    at          BIGINT  NOT NULL
);
CREATE INDEX message_revisions_message ON message_revisions (message_id, at);
