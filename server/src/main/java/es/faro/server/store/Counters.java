package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Named counters in the database, such as the round-robin position of auto-assignment per queue:
 * kept in a row rather than in a node's memory, so the rotation is fair across all nodes and
 * survives restarts.
 */
public final class Counters {
    private Counters() {
    }

    /** Increments {@code name} (starting at 1) and returns its new value, in the caller's transaction. */
    public static long next(Connection c, String name) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO counters (name, value) VALUES (?, 1)"
                + " ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value");
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The next of {@code candidates} in turn for {@code rotation} (e.g. "round-robin:QUEUE"). */
    public static <T> T roundRobin(Connection c, String rotation, List<T> candidates) throws SQLException {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("round robin over no candidates");
        }
        long n = next(c, rotation);
        return candidates.get((int) ((n - 1) % candidates.size()));
    }
}
