-- Canned responses in their own table, so a counted use or an edit (frequent) rewrites one row
-- instead of the whole reference blob, and does not make every screen reload its reference data.
CREATE TABLE canned_responses (
    id   TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
INSERT OR REPLACE INTO canned_responses (id, json)
    SELECT json_extract(value, '$.id'), value FROM reference, json_each(reference.json, '$.cannedResponses');
