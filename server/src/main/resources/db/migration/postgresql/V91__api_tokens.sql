-- Long-lived, read-only API tokens for analysts, issued and revoked by admins. The bearer token itself is a
-- row in tokens (only its SHA-256 is stored, as for sign-ins); this table names it and records who issued it.
CREATE TABLE api_tokens (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    token_hash TEXT    NOT NULL UNIQUE,
    agent_id   TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    revoked_at BIGINT
);
