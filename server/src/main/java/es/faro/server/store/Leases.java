package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Short leases (who is viewing or typing in a conversation) in the database, so every node sees the
 * same ones. A lease lives until {@code expires_at} unless renewed; expired rows are never returned
 * and are purged by the next writer that touches the conversation.
 */
public final class Leases {
    public static final String VIEWING = "viewing";
    public static final String TYPING = "typing";

    private Leases() {
    }

    /** A live lease. */
    public record Lease(String conversationId, String agentId, String kind, Instant expiresAt) {
    }

    /** Takes or renews the lease of {@code agentId} on {@code conversationId}. */
    public static void hold(Connection c, String conversationId, String agentId, String kind, Instant expiresAt)
            throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO leases (conversation_id, agent_id, kind, expires_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id, agent_id, kind)"
                + " DO UPDATE SET expires_at = excluded.expires_at");
        ps.setString(1, conversationId);
        ps.setString(2, agentId);
        ps.setString(3, kind);
        ps.setLong(4, expiresAt.toEpochMilli());
        ps.executeUpdate();
    }

    public static void release(Connection c, String conversationId, String agentId, String kind) throws SQLException {
        PreparedStatement ps = Statements.get(c,
                "DELETE FROM leases WHERE conversation_id = ? AND agent_id = ? AND kind = ?");
        ps.setString(1, conversationId);
        ps.setString(2, agentId);
        ps.setString(3, kind);
        ps.executeUpdate();
    }

    /** Drops the leases of every conversation that expired before {@code now}. */
    public static int purgeExpired(Connection c, Instant now) throws SQLException {
        PreparedStatement ps = Statements.get(c, "DELETE FROM leases WHERE expires_at <= ?");
        ps.setLong(1, now.toEpochMilli());
        return ps.executeUpdate();
    }

    /** The leases on {@code conversationId} still live at {@code now}, by agent and kind. */
    public static List<Lease> live(Connection c, String conversationId, Instant now) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT agent_id, kind, expires_at FROM leases"
                + " WHERE conversation_id = ? AND expires_at > ? ORDER BY agent_id, kind");
        ps.setString(1, conversationId);
        ps.setLong(2, now.toEpochMilli());
        List<Lease> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Lease(conversationId, rs.getString(1), rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3))));
            }
        }
        return result;
    }
}
