-- CSAT surveys: one row per survey sent after a conversation was resolved, and its answer.
-- The same text is in both dialects (db/migration/sqlite and db/migration/postgresql). Times are epoch ms.
CREATE TABLE csat_surveys (
    id                TEXT    NOT NULL PRIMARY KEY,
    token             TEXT    NOT NULL UNIQUE,   -- unguessable, for the survey link
    conversation_id   TEXT    NOT NULL,
    brand_id          TEXT    NOT NULL,
    channel           TEXT    NOT NULL,
    queue_id          TEXT,
    agent_id          TEXT,                      -- the assignee when the conversation was resolved
    customer_id       TEXT    NOT NULL,
    mode              TEXT    NOT NULL,          -- DM (answer by direct message) or LINK
    language          TEXT    NOT NULL,
    message_id        TEXT    NOT NULL,          -- the outbound survey message
    sent_at           BIGINT  NOT NULL,
    rating            INTEGER,                   -- 1..5 once answered
    comment           TEXT,
    answered_at       BIGINT,
    answer_message_id TEXT
);
CREATE INDEX csat_surveys_customer ON csat_surveys (customer_id, sent_at);
CREATE INDEX csat_surveys_conversation ON csat_surveys (conversation_id);
CREATE INDEX csat_surveys_sent ON csat_surveys (sent_at);
CREATE INDEX csat_surveys_answered ON csat_surveys (answered_at);
