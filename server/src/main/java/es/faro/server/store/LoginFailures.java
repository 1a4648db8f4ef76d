package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins by key ({@code user:NAME}, {@code addr:IP}) in the database, so a rate limit holds
 * across all nodes behind the load balancer rather than per node.
 */
public final class LoginFailures {
    private LoginFailures() {
    }

    public static void record(Connection c, String key, Instant at) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO login_failures (key, failed_at) VALUES (?, ?)");
        ps.setString(1, key);
        ps.setLong(2, at.toEpochMilli());
        ps.executeUpdate();
    }

    /** Failures of {@code key} at or after {@code since}, and the oldest of them (when the window frees up). */
    public record Window(int count, Optional<Instant> oldest) {
    }

    public static Window since(Connection c, String key, Instant since) throws SQLException {
        PreparedStatement ps = Statements.get(c,
                "SELECT COUNT(*), MIN(failed_at) FROM login_failures WHERE key = ? AND failed_at >= ?");
        ps.setString(1, key);
        ps.setLong(2, since.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            int count = rs.getInt(1);
            long oldest = rs.getLong(2);
            return new Window(count, rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest)));
        }
    }

    public static void clear(Connection c, String key) throws SQLException {
        PreparedStatement ps = Statements.get(c, "DELETE FROM login_failures WHERE key = ?");
        ps.setString(1, key);
        ps.executeUpdate();
    }

    /** Forgets failures older than {@code before} (outside every window). */
    public static int purge(Connection c, Instant before) throws SQLException {
        PreparedStatement ps = Statements.get(c, "DELETE FROM login_failures WHERE failed_at < ?");
        ps.setLong(1, before.toEpochMilli());
        return ps.executeUpdate();
    }
}
