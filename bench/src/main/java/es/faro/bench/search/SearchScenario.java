package es.faro.bench.search;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.Stats;
import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.DataGenerator;
import es.faro.bench.data.Fixtures;
import es.faro.bench.data.Texts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Scenario 5: full-text search in the client cache (FTS5 over every cached message body), the
 * top 50 hits for one brand, by relevance (bm25) and, separately, newest first. Runs on a
 * read-only connection like the cache's readers; terms range from frequent to rare. Three
 * orders: relevance, newest by timestamp, newest by insertion (rowid).
 */
public final class SearchScenario {
    static final String BY_RANK = """
            SELECT m.id, m.conversation_id FROM message_fts f
            JOIN messages m ON m.rowid = f.rowid
            JOIN conversations c ON c.id = m.conversation_id
            WHERE message_fts MATCH ? AND c.brand_id = ?
            ORDER BY f.rank LIMIT 50""";
    static final String BY_RECENCY = """
            SELECT m.id, m.conversation_id FROM message_fts f
            JOIN messages m ON m.rowid = f.rowid
            JOIN conversations c ON c.id = m.conversation_id
            WHERE message_fts MATCH ? AND c.brand_id = ?
            ORDER BY m.created_at DESC LIMIT 50""";

    /**
     * Newest first by insertion order (the rowid the FTS index is keyed by): FTS5 hands matches
     * out in rowid order, so the join filter runs only until 50 rows of the brand are found
     * instead of ranking every match of a frequent word.
     */
    static final String BY_ROWID = """
            SELECT m.id, m.conversation_id FROM message_fts f
            JOIN messages m ON m.rowid = f.rowid
            JOIN conversations c ON c.id = m.conversation_id
            WHERE message_fts MATCH ? AND c.brand_id = ?
            ORDER BY f.rowid DESC LIMIT 50""";

    private SearchScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int queries = args.integer("queries", 500, 20);
        Figures out = Figures.stdout();
        out.printLoad();
        CacheFixture.Prepared cache = Fixtures.cache(args, Fixtures.folder(args));
        if (cache.buildMillis() > 0) {
            out.print("fixture.build.time", cache.buildMillis(), "ms");
        }
        out.print("search.corpus.messages", cache.filled().messages(), "messages");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cache.file())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only=ON");
            }
            String only = args.text("only", "");
            if (only.isEmpty() || only.equals("rowid")) {
                run(c, "search.rowid", BY_ROWID, queries, out);
            }
            if (only.isEmpty() || only.equals("rank")) {
                run(c, "search.rank", BY_RANK, queries, out);
            }
            if (only.isEmpty() || only.equals("recent")) {
                run(c, "search.recent", BY_RECENCY, queries, out);
            }
        }
        if (args.text("only", "").isEmpty() || args.text("only", "").equals("workstation")) {
            runWorkstation(cache, queries, out);
        }
    }

    /**
     * The workstation's search box as the agent uses it (SqliteCache.search: message bodies and customer
     * names, newest match per conversation, marked snippets, 50 conversations), all brands: a whole word,
     * then the word half typed (a prefix, as while typing). Opening the cache brings it to the current
     * schema first (the customer index), timed apart.
     */
    private static void runWorkstation(CacheFixture.Prepared fixture, int queries, Figures out) {
        long open = System.nanoTime();
        try (es.faro.client.cache.SqliteCache cache = es.faro.client.cache.SqliteCache.open(fixture.file())) {
            out.print("search.workstation.open", (System.nanoTime() - open) / 1e6, "ms");
            Stats stats = new Stats();
            long hits = 0;
            int warmup = Math.max(5, queries / 10);
            for (int i = 0; i < warmup + queries; i++) {
                String term = Texts.SEARCH_TERMS[(i / 2) % Texts.SEARCH_TERMS.length];
                String typed = i % 2 == 0 ? term : term.substring(0, Math.max(2, term.length() / 2));
                long t0 = System.nanoTime();
                int n = cache.search(typed, 50).size();
                if (i >= warmup) {
                    stats.add((System.nanoTime() - t0) / 1e6);
                    hits += n;
                }
            }
            out.print("search.workstation.queries", stats.count(), "queries");
            out.print("search.workstation.hits.mean", (double) hits / stats.count(), "conversations");
            out.print("search.workstation.p50", stats.percentile(50), "ms");
            out.print("search.workstation.p95", stats.percentile(95), "ms");
            out.print("search.workstation.max", stats.max(), "ms");
        }
    }

    private static void run(Connection c, String name, String sql, int queries, Figures out) throws Exception {
        Stats stats = new Stats();
        long hits = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int warmup = Math.max(5, queries / 10);
            for (int i = 0; i < warmup + queries; i++) {
                String term = Texts.SEARCH_TERMS[i % Texts.SEARCH_TERMS.length];
                String brand = DataGenerator.BRANDS.get((i / Texts.SEARCH_TERMS.length) % DataGenerator.BRANDS.size());
                ps.setString(1, '"' + term + '"');
                ps.setString(2, brand);
                long t0 = System.nanoTime();
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                if (i >= warmup) {
                    stats.add((System.nanoTime() - t0) / 1e6);
                    hits += n;
                }
            }
        }
        out.print(name + ".queries", stats.count(), "queries");
        out.print(name + ".hits.mean", (double) hits / stats.count(), "rows");
        out.print(name + ".p50", stats.percentile(50), "ms");
        out.print(name + ".p95", stats.percentile(95), "ms");
        out.print(name + ".max", stats.max(), "ms");
    }
}
