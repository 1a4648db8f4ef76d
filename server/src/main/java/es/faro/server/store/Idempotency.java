package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** First results of client writes by (agent, Idempotency-Key), stored with the write itself. */
public final class Idempotency {
    private Idempotency() {
    }

    /** A stored response: HTTP status and JSON body. */
    public record Stored(int status, String body) {
    }

    public static Optional<Stored> find(Connection c, String agentId, String key) throws SQLException {
        PreparedStatement ps = Statements.get(c,
                "SELECT status, response FROM idempotency WHERE agent_id = ? AND key = ?");
        ps.setString(1, agentId);
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Stored(rs.getInt(1), rs.getString(2))) : Optional.empty();
        }
    }

    public static void save(Connection c, String agentId, String key, Stored stored, Instant at)
            throws SQLException {
        PreparedStatement ps = Statements.get(c,
                "INSERT INTO idempotency (agent_id, key, status, response, created_at) VALUES (?, ?, ?, ?, ?)");
        ps.setString(1, agentId);
        ps.setString(2, key);
        ps.setInt(3, stored.status());
        ps.setString(4, stored.body());
        ps.setLong(5, at.toEpochMilli());
        ps.executeUpdate();
    }
}
