-- Faro server schema. Entities are stored as their protocol JSON plus the columns we filter and sort by.
-- Times are epoch milliseconds (INTEGER) so they index and compare cheaply.

CREATE TABLE reference_items (
    kind     TEXT    NOT NULL,   -- brand, label, queue, calendar, sla_policy, canned_response
    id       TEXT    NOT NULL,
    position INTEGER NOT NULL,   -- order in the configuration file (first matching policy / queue wins)
    json     TEXT    NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE TABLE agents (
    id            TEXT    NOT NULL PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    position      INTEGER NOT NULL,
    password_hash TEXT    NOT NULL,
    demo_only     INTEGER NOT NULL DEFAULT 0,
    json          TEXT    NOT NULL
);

CREATE TABLE customers (
    id              TEXT NOT NULL PRIMARY KEY,
    channel         TEXT NOT NULL,
    channel_user_id TEXT NOT NULL,
    json            TEXT NOT NULL,
    UNIQUE (channel, channel_user_id)
);

CREATE TABLE conversations (
    id          TEXT    NOT NULL PRIMARY KEY,
    brand_id    TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    customer_id TEXT    NOT NULL REFERENCES customers (id),
    status      TEXT    NOT NULL,
    priority    TEXT    NOT NULL,
    queue_id    TEXT,
    assignee_id TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    json        TEXT    NOT NULL
);
CREATE INDEX conversations_scope ON conversations (brand_id, channel);
CREATE INDEX conversations_customer ON conversations (customer_id, brand_id, channel, status);
CREATE INDEX conversations_status ON conversations (status, id);
CREATE INDEX conversations_queue ON conversations (queue_id);
CREATE INDEX conversations_assignee ON conversations (assignee_id);
CREATE INDEX conversations_created ON conversations (created_at, id);

CREATE TABLE messages (
    id                 TEXT    NOT NULL PRIMARY KEY,
    conversation_id    TEXT    NOT NULL REFERENCES conversations (id),
    kind               TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    channel            TEXT    NOT NULL,
    channel_message_id TEXT,
    client_id          TEXT UNIQUE,
    json               TEXT    NOT NULL,
    UNIQUE (channel, channel_message_id)
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at, id);

CREATE TABLE idempotency (
    agent_id   TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    status     INTEGER NOT NULL,
    response   TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (agent_id, key)
);

CREATE TABLE events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    type     TEXT    NOT NULL,
    at       INTEGER NOT NULL,
    brand_id TEXT,               -- null: visible to everyone (reference data, agents)
    channel  TEXT,
    data     TEXT    NOT NULL
);

CREATE TABLE tokens (
    token_hash TEXT    NOT NULL PRIMARY KEY,  -- hex SHA-256 of the bearer token; the token itself is never stored
    agent_id   TEXT    NOT NULL REFERENCES agents (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);
