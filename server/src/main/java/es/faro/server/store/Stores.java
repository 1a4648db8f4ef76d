package es.faro.server.store;

/**
 * Picks the store for a JDBC URL: {@code jdbc:sqlite:} (the embedded default, one node) or
 * {@code jdbc:postgresql:} (any number of nodes), each with its own dialect of the same migrations.
 */
public final class Stores {
    public static final String SQLITE_MIGRATIONS = "classpath:db/migration/sqlite";
    public static final String POSTGRESQL_MIGRATIONS = "classpath:db/migration/postgresql";

    private Stores() {
    }

    /** Whether {@code url} names a database several nodes may share. */
    public static boolean isShared(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without its query string, which may carry a password: safe to log. */
    public static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    /** Opens and migrates the store at {@code url}; {@code poolSize} is PostgreSQL's read pool. */
    public static Store open(String url, int poolSize) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SqliteStore.open(url, SQLITE_MIGRATIONS);
        }
        if (isShared(url)) {
            return PostgresStore.open(url, poolSize, POSTGRESQL_MIGRATIONS);
        }
        throw new IllegalArgumentException("store.url must be jdbc:sqlite:... or jdbc:postgresql:...: "
                + redact(url));
    }
}
