-- Faro server schema for PostgreSQL: the same tables as db/migration/sqlite/V1__init.sql, adapted to the dialect.
-- Entities are stored as their protocol JSON (TEXT: written and read as whole documents, never queried inside)
-- plus the columns we filter and sort by. Times are epoch milliseconds (BIGINT).

CREATE TABLE reference_items (
    kind     TEXT    NOT NULL,
    id       TEXT    NOT NULL,
    position INTEGER NOT NULL,
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
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    version     BIGINT  NOT NULL,
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
    created_at         BIGINT  NOT NULL,
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
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (agent_id, key)
);

-- The sync log. seq is NOT a sequence (BIGSERIAL): a sequence hands out numbers at insert time, so with
-- concurrent writers seq 8 can commit after seq 9, and a reader that already moved its cursor to 9 would
-- skip 8 forever. Instead a trigger takes the next number from the single row of event_counter. The
-- UPDATE locks that row until the inserting transaction ends, so the next writer cannot even obtain its
-- seq before this one has committed (and become visible) or rolled back (which also undoes its
-- increment): seqs commit in order and without holes, and "seq > cursor" never misses a late commit.
CREATE TABLE events (
    seq      BIGINT  NOT NULL PRIMARY KEY,
    type     TEXT    NOT NULL,
    at       BIGINT  NOT NULL,
    brand_id TEXT,
    channel  TEXT,
    data     TEXT    NOT NULL
);

CREATE TABLE event_counter (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT  NOT NULL
);
INSERT INTO event_counter (id, last_seq) VALUES (1, 0);

CREATE FUNCTION faro_next_event_seq() RETURNS trigger AS $$
BEGIN
    UPDATE event_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq INTO NEW.seq;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER events_seq BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION faro_next_event_seq();

CREATE TABLE tokens (
    token_hash TEXT    NOT NULL PRIMARY KEY,
    agent_id   TEXT    NOT NULL REFERENCES agents (id),
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);
