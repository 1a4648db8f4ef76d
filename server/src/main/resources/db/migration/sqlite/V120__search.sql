-- Server-side search (GET /api/v1/search) over message bodies and customer names and handles.
-- FTS5 external-content tables: the text stays in messages/customers (inside their JSON), exposed to FTS5
-- through virtual generated columns; triggers keep the indexes in step with every insert, update and delete.
-- unicode61 with remove_diacritics 2 makes "informacion" find "información". A deleted message has no body.
-- The indexes point at implicit rowids, which a VACUUM may renumber: after one, run
-- INSERT INTO message_fts (message_fts) VALUES ('rebuild') (and the same for customer_fts).

ALTER TABLE messages ADD COLUMN search_body TEXT GENERATED ALWAYS AS (
    CASE WHEN json_extract(json, '$.deletedAt') IS NULL THEN json_extract(json, '$.body') END) VIRTUAL;

ALTER TABLE customers ADD COLUMN search_name TEXT GENERATED ALWAYS AS (
    COALESCE(json_extract(json, '$.name'), '') || ' ' || COALESCE(json_extract(json, '$.handle'), '')) VIRTUAL;

CREATE VIRTUAL TABLE message_fts USING fts5(search_body, content = 'messages', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE VIRTUAL TABLE customer_fts USING fts5(search_name, content = 'customers', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER message_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_fts (rowid, search_body) VALUES (new.rowid, new.search_body);
END;

CREATE TRIGGER message_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_fts (message_fts, rowid, search_body) VALUES ('delete', old.rowid, old.search_body);
END;

-- Only when the indexed text changes: delivery states and edits of other fields rewrite the JSON often.
CREATE TRIGGER message_fts_update AFTER UPDATE OF json ON messages
    WHEN old.search_body IS NOT new.search_body BEGIN
    INSERT INTO message_fts (message_fts, rowid, search_body) VALUES ('delete', old.rowid, old.search_body);
    INSERT INTO message_fts (rowid, search_body) VALUES (new.rowid, new.search_body);
END;

CREATE TRIGGER customer_fts_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customer_fts (rowid, search_name) VALUES (new.rowid, new.search_name);
END;

CREATE TRIGGER customer_fts_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
END;

CREATE TRIGGER customer_fts_update AFTER UPDATE OF json ON customers
    WHEN old.search_name IS NOT new.search_name BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
    INSERT INTO customer_fts (rowid, search_name) VALUES (new.rowid, new.search_name);
END;

-- Backfill: index what is already stored.
INSERT INTO message_fts (message_fts) VALUES ('rebuild');
INSERT INTO customer_fts (customer_fts) VALUES ('rebuild');
