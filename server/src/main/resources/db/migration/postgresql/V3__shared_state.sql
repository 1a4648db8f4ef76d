-- State that must not live in one node's memory when several server nodes share the database.

-- Short leases: who is viewing or typing in a conversation. A lease is live while expires_at is in the
-- future; renewing rewrites the row, and expired rows are ignored by readers and purged by writers.
CREATE TABLE leases (
    conversation_id TEXT    NOT NULL,
    agent_id        TEXT    NOT NULL,
    kind            TEXT    NOT NULL,   -- viewing, typing
    expires_at      BIGINT  NOT NULL,
    PRIMARY KEY (conversation_id, agent_id, kind)
);
CREATE INDEX leases_expiry ON leases (expires_at);

-- Failed logins by key (user:NAME or addr:IP), for rate limiting across nodes.
CREATE TABLE login_failures (
    key       TEXT    NOT NULL,
    failed_at BIGINT  NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, failed_at);

-- Named counters, e.g. the round-robin position of auto-assignment per queue.
CREATE TABLE counters (
    name  TEXT    NOT NULL PRIMARY KEY,
    value BIGINT  NOT NULL
);

-- Work due at an instant (e.g. SLA warnings), claimed by one node at a time with a lease: a node that
-- dies holding a claim lets it expire and another node picks the job up.
CREATE TABLE scheduled_jobs (
    id          TEXT    NOT NULL PRIMARY KEY,
    kind        TEXT    NOT NULL,
    due_at      BIGINT  NOT NULL,
    payload     TEXT    NOT NULL,
    claimed_by  TEXT,
    claimed_until BIGINT,
    done_at     BIGINT
);
CREATE INDEX scheduled_jobs_due ON scheduled_jobs (done_at, due_at);
