-- Brand accounts per channel and webhook secrets, managed by admins through the API; seeded from the
-- configuration (brands.json accounts, channels.<channel>.secret) when absent. Same text in both dialects.
CREATE TABLE channel_accounts (
    channel           TEXT    NOT NULL,
    account_id        TEXT    NOT NULL,   -- X user id, page id, package name, app id…
    brand_id          TEXT    NOT NULL,
    handle            TEXT,
    poll_url          TEXT,               -- pollers (Google Play, App Store): the API base URL
    poll_credentials  TEXT,               -- pollers: the bearer credential for that API (never returned)
    poll_interval_ms  BIGINT,             -- pollers: how often; null = not polled
    updated_at        BIGINT  NOT NULL,
    PRIMARY KEY (channel, account_id)
);
CREATE UNIQUE INDEX channel_accounts_brand ON channel_accounts (brand_id, channel);

CREATE TABLE channel_secrets (
    id          TEXT    NOT NULL PRIMARY KEY,
    channel     TEXT    NOT NULL,
    secret      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    retires_at  BIGINT              -- null: current; else refused from this instant (rotation grace)
);
CREATE INDEX channel_secrets_channel ON channel_secrets (channel, created_at);
