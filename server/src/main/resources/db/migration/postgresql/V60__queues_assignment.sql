-- Workqueues and assignment (issue 4): saved queues and personal views, agent heartbeats, snoozes,
-- node claims for singleton server jobs, teams, and users managed from the admin screens.

-- Workqueues created or changed through the API (shared: owner_id NULL; personal views: the owner's id).
-- A row with the id of a queue from the reference files overrides it.
CREATE TABLE workqueues (
    id       TEXT    NOT NULL PRIMARY KEY,
    owner_id TEXT,
    position INTEGER NOT NULL,
    json     TEXT    NOT NULL
);
CREATE INDEX workqueues_owner ON workqueues (owner_id);

-- The last presence an agent's client reported and until when it holds; past it the agent goes OFFLINE.
CREATE TABLE agent_heartbeats (
    agent_id   TEXT   NOT NULL PRIMARY KEY,
    seen_until BIGINT NOT NULL
);

-- Snoozed conversations and when they come back.
CREATE TABLE snoozes (
    conversation_id TEXT   NOT NULL PRIMARY KEY,
    until           BIGINT NOT NULL
);
CREATE INDEX snoozes_until ON snoozes (until);

-- Singleton jobs (e.g. push assignment): the node holding the claim until "until" runs it.
CREATE TABLE node_claims (
    name  TEXT   NOT NULL PRIMARY KEY,
    node  TEXT   NOT NULL,
    until BIGINT NOT NULL
);

CREATE TABLE teams (
    id       TEXT    NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL,
    json     TEXT    NOT NULL
);

-- Users created or changed by an admin: the reference files no longer overwrite them at startup.
ALTER TABLE agents ADD COLUMN admin_managed INTEGER NOT NULL DEFAULT 0;
