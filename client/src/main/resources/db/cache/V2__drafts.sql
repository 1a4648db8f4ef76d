-- What the agent was typing in each conversation's reply box, so a draft survives switching
-- conversations, signing in again after the session expired, and restarting the workstation.
CREATE TABLE drafts (
    conversation_id TEXT PRIMARY KEY,
    body            TEXT    NOT NULL,
    updated_at      INTEGER NOT NULL
);
