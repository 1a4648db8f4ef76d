package es.faro.server.store;

import com.zaxxer.hikari.pool.ProxyConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection for the hot ingest and workflow paths: SQLite compiles a
 * statement on every prepare, which otherwise costs more than running it. Callers must not close
 * the statement (only its result sets); connections are used by one thread at a time.
 */
final class Statements {
    private static final Map<Connection, Map<String, PreparedStatement>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Statements() {
    }

    static PreparedStatement get(Connection c, String sql) throws SQLException {
        if (c instanceof ProxyConnection) {
            // A pooled PostgreSQL connection is a new proxy on every borrow and closes its statements when
            // returned; pgjdbc caches the server-side prepared statements per physical connection itself.
            return c.prepareStatement(sql);
        }
        Map<String, PreparedStatement> byConnection = CACHE.computeIfAbsent(c, k -> new HashMap<>());
        PreparedStatement ps = byConnection.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            byConnection.put(sql, ps);
        }
        return ps;
    }
}
