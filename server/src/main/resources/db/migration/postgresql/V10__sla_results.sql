-- Per-conversation SLA results (what the metrics, the CSV export and the dashboards count) and the
-- WARNING/BREACHED alerts already fired (so a restart, or another node, does not fire them again).
-- Portable DDL: the same text is in db/migration/postgresql/V10__sla_results.sql.
-- Times are epoch milliseconds.

CREATE TABLE sla_results (
    conversation_id            TEXT    NOT NULL PRIMARY KEY,
    brand_id                   TEXT    NOT NULL,
    channel                    TEXT    NOT NULL,
    created_at                 BIGINT  NOT NULL,
    first_response_started_at  BIGINT,           -- the first inbound message
    first_response_due         BIGINT,           -- current due instant (moves when a pause ends)
    first_response_paused_at   BIGINT,           -- set while the clock is paused (PENDING)
    first_response_at          BIGINT,           -- when the clock stopped: the first reply, or the resolution
    first_response_met         INTEGER,          -- 1 met, 0 missed, null while running or without a policy
    first_response_business_ms BIGINT,           -- business time used, pauses excluded
    first_response_wall_ms     BIGINT,           -- wall-clock time from the first message to the stop
    resolution_due             BIGINT,
    resolved_at                BIGINT,
    resolution_met             INTEGER
);
CREATE INDEX sla_results_created ON sla_results (created_at);
CREATE INDEX sla_results_first_response_at ON sla_results (first_response_at);
CREATE INDEX sla_results_first_response_due ON sla_results (first_response_due);

CREATE TABLE sla_alerts (
    conversation_id TEXT    NOT NULL,
    kind            TEXT    NOT NULL,   -- FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION
    started_at      BIGINT  NOT NULL,   -- with kind, identifies one clock of the conversation
    alert           TEXT    NOT NULL,   -- WARNING or BREACHED
    crossed_at      BIGINT  NOT NULL,   -- the warn or due instant that was passed
    fired_at        BIGINT  NOT NULL,
    PRIMARY KEY (conversation_id, kind, started_at, alert)
);
