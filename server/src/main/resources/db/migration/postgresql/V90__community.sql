-- Community and forum posts as the moderation and the superuser programme see them (one row per
-- ingested community/forum message), and every moderation action (who, what, when, why).
CREATE TABLE community_posts (
    message_id         TEXT    NOT NULL PRIMARY KEY,
    conversation_id    TEXT    NOT NULL,
    brand_id           TEXT    NOT NULL,
    channel            TEXT    NOT NULL,
    channel_message_id TEXT    NOT NULL,
    board              TEXT,
    subject            TEXT,
    author_id          TEXT    NOT NULL,
    author_name        TEXT,
    parent_id          TEXT,
    kudos              BIGINT  NOT NULL DEFAULT 0,
    views              BIGINT  NOT NULL DEFAULT 0,
    state              TEXT    NOT NULL,   -- PENDING, APPROVED, REJECTED, SPAM
    solution           INTEGER NOT NULL DEFAULT 0,
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL
);
CREATE INDEX community_posts_conversation ON community_posts (conversation_id, created_at);
CREATE INDEX community_posts_author ON community_posts (brand_id, author_id);

CREATE TABLE moderation_actions (
    id              TEXT    NOT NULL PRIMARY KEY,
    at              BIGINT  NOT NULL,
    brand_id        TEXT    NOT NULL,
    channel         TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    message_id      TEXT    NOT NULL,
    agent_id        TEXT    NOT NULL,
    action          TEXT    NOT NULL,   -- approve, reject, edit, move, spam, accept_solution
    reason          TEXT,
    detail          TEXT
);
CREATE INDEX moderation_actions_at ON moderation_actions (at, id);
CREATE INDEX moderation_actions_conversation ON moderation_actions (conversation_id);
