-- Outbound delivery of replies (issue 7): one row per outbound message while it travels to its network.
-- A node CLAIMS due rows (claimed_by, claimed_until), calls the network, then records the outcome; a node
-- that dies holding a claim lets it run out and another node resumes the delivery. The message id is the
-- delivery key sent to the network on every attempt, so a retry after an unknown outcome is not a second post.
CREATE TABLE deliveries (
    message_id      TEXT    NOT NULL PRIMARY KEY,
    conversation_id TEXT    NOT NULL,
    channel         TEXT    NOT NULL,
    state           TEXT    NOT NULL,   -- QUEUED, SENT, FAILED, PREPARED
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    claimed_by      TEXT,
    claimed_until   BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
