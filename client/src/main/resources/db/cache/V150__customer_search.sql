-- Customer names and handles of cached conversations, searchable offline like message bodies
-- (accent- and case-insensitive). Kept by triggers on the conversations table, keyed by its rowid;
-- only the server's state (json) carries the customer, so local optimistic changes do not touch it.
CREATE VIRTUAL TABLE customer_fts USING fts5(
    name, handle, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO customer_fts (rowid, name, handle)
    SELECT rowid, coalesce(json_extract(json, '$.customerName'), ''), coalesce(json_extract(json, '$.customerHandle'), '')
    FROM conversations;
CREATE TRIGGER conversations_customer_fts_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO customer_fts (rowid, name, handle) VALUES (new.rowid,
        coalesce(json_extract(new.json, '$.customerName'), ''), coalesce(json_extract(new.json, '$.customerHandle'), ''));
END;
CREATE TRIGGER conversations_customer_fts_delete AFTER DELETE ON conversations BEGIN
    DELETE FROM customer_fts WHERE rowid = old.rowid;
END;
-- Most updates are workflow changes: the index is rewritten only when the customer's name or handle changed.
CREATE TRIGGER conversations_customer_fts_update AFTER UPDATE OF json ON conversations
WHEN json_extract(old.json, '$.customerName') IS NOT json_extract(new.json, '$.customerName')
  OR json_extract(old.json, '$.customerHandle') IS NOT json_extract(new.json, '$.customerHandle') BEGIN
    DELETE FROM customer_fts WHERE rowid = old.rowid;
    INSERT INTO customer_fts (rowid, name, handle) VALUES (new.rowid,
        coalesce(json_extract(new.json, '$.customerName'), ''), coalesce(json_extract(new.json, '$.customerHandle'), ''));
END;
