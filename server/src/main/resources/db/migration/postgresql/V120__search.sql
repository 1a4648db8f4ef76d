-- Server-side search (GET /api/v1/search) over message bodies and customer names and handles.
-- Stored generated tsvector columns (so existing rows are backfilled by the ALTER itself) with GIN indexes.
-- The text is folded the way the server folds a query: lower case, common Spanish/Latin accents removed
-- (translate, immutable, so no unaccent extension is needed), anything but letters and digits a space;
-- then the 'simple' configuration (no stemming: names, handles and product words stay exact).
-- A deleted message has no body.

ALTER TABLE messages ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, regexp_replace(translate(lower(COALESCE(
        CASE WHEN (json::jsonb ->> 'deletedAt') IS NULL THEN json::jsonb ->> 'body' END, '')),
        'áàâäãåéèêëíìîïóòôöõúùûüñçý', 'aaaaaaeeeeiiiiooooouuuuncy'), '[^[:alnum:]]+', ' ', 'g'))) STORED;

CREATE INDEX messages_search ON messages USING GIN (search_tsv);

ALTER TABLE customers ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, regexp_replace(translate(lower(
        COALESCE(json::jsonb ->> 'name', '') || ' ' || COALESCE(json::jsonb ->> 'handle', '')),
        'áàâäãåéèêëíìîïóòôöõúùûüñçý', 'aaaaaaeeeeiiiiooooouuuuncy'), '[^[:alnum:]]+', ' ', 'g'))) STORED;

CREATE INDEX customers_search ON customers USING GIN (search_tsv);
