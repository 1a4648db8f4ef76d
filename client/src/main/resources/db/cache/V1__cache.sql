-- The client's local cache: what the server confirmed (json), the agent's optimistic view on top
-- of it while outbox entries are pending (effective columns and local_json), the outbox and the cursor.

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE reference (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
);

CREATE TABLE conversations (
    id          TEXT PRIMARY KEY,
    brand_id    TEXT NOT NULL,
    channel     TEXT NOT NULL,
    status      TEXT NOT NULL,     -- effective (optimistic) status: what queues filter on
    assignee_id TEXT,
    due_at      INTEGER,           -- epoch ms of the active SLA clock's due instant
    json        TEXT NOT NULL,     -- the server's confirmed state
    local_json  TEXT               -- the optimistic state while outbox entries are pending
);
CREATE INDEX conversations_status ON conversations (status, due_at);

CREATE TABLE messages (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    client_id       TEXT,
    body            TEXT    NOT NULL,
    json            TEXT    NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at);
CREATE UNIQUE INDEX messages_client_id ON messages (client_id) WHERE client_id IS NOT NULL;

CREATE VIRTUAL TABLE message_fts USING fts5(
    body, content = 'messages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_fts (rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_fts (message_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO message_fts (message_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
    INSERT INTO message_fts (rowid, body) VALUES (new.rowid, new.body);
END;

-- Agent writes waiting for the server, delivered in seq order. id is the idempotency key.
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT    NOT NULL UNIQUE,
    conversation_id TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    state           TEXT    NOT NULL DEFAULT 'PENDING',   -- PENDING or REJECTED
    error           TEXT
);
CREATE INDEX outbox_conversation ON outbox (conversation_id, state);
