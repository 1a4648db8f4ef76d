-- Canned responses are edited in the app (not only in the reference files): one row each, with the
-- usage count kept beside the JSON so counting a use is one UPDATE. Rows seeded from the reference
-- files are inserted once and never overwritten; a deleted one keeps a tombstone (deleted = 1) so a
-- restart does not bring it back.
CREATE TABLE canned_responses (
    id          TEXT    NOT NULL PRIMARY KEY,
    brand_id    TEXT,
    language    TEXT    NOT NULL,
    owner_id    TEXT,
    json        TEXT    NOT NULL,
    usage_count INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX canned_responses_scope ON canned_responses (brand_id, language);
-- They used to live among the reference items; the loader re-seeds them into the new table.
DELETE FROM reference_items WHERE kind = 'canned_response';
