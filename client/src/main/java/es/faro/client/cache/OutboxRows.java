package es.faro.client.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the outbox table. */
final class OutboxRows {
    private static final String COLUMNS =
            "seq, id, conversation_id, kind, payload, created_at, attempts, state, error";

    private OutboxRows() {
    }

    static long insert(Connection c, String id, String conversationId, OutboxKind kind, ObjectNode payload,
                       long baseVersion, Instant createdAt) throws SQLException {
        ObjectNode stored = payload.deepCopy();
        stored.put("_baseVersion", baseVersion);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (id, conversation_id, kind, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, id);
            ps.setString(2, conversationId);
            ps.setString(3, kind.name());
            ps.setString(4, Json.write(stored));
            ps.setLong(5, createdAt.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static List<OutboxEntry> pendingFor(Connection c, String conversationId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM outbox WHERE conversation_id = ? AND state = 'PENDING' ORDER BY seq",
                conversationId);
    }

    static Optional<OutboxEntry> firstPending(Connection c) throws SQLException {
        List<OutboxEntry> list = query(c, "SELECT " + COLUMNS + " FROM outbox WHERE state = 'PENDING' ORDER BY seq LIMIT 1");
        return list.stream().findFirst();
    }

    static Optional<OutboxEntry> byId(Connection c, String id) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM outbox WHERE id = ?", id).stream().findFirst();
    }

    static List<OutboxEntry> all(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM outbox ORDER BY seq");
    }

    static int countPending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE state = 'PENDING'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    static void reject(Connection c, String id, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET state = 'REJECTED', error = ?, attempts = attempts + 1 WHERE id = ?")) {
            ps.setString(1, reason);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    static void recordAttempt(Connection c, String id, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET attempts = attempts + 1, error = ? WHERE id = ?")) {
            ps.setString(1, error);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * After an entry was confirmed at {@code newVersion}, later entries of the same conversation that
     * were made on the same state are moved onto the confirmed one, so the agent's own chain of
     * actions (reply, then resolve) is not refused as stale.
     */
    static void rebaseFollowers(Connection c, OutboxEntry confirmed, long newVersion) throws SQLException {
        for (OutboxEntry e : pendingFor(c, confirmed.conversationId())) {
            if (e.seq() > confirmed.seq() && e.baseVersion() == confirmed.baseVersion()) {
                ObjectNode stored = e.payload().deepCopy();
                stored.put("_baseVersion", newVersion);
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET payload = ? WHERE id = ?")) {
                    ps.setString(1, Json.write(stored));
                    ps.setString(2, e.id());
                    ps.executeUpdate();
                }
            }
        }
    }

    private static List<OutboxEntry> query(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<OutboxEntry> result = new ArrayList<>();
                while (rs.next()) {
                    ObjectNode stored = (ObjectNode) Json.read(rs.getString(5), com.fasterxml.jackson.databind.JsonNode.class);
                    long baseVersion = stored.path("_baseVersion").asLong();
                    stored.remove("_baseVersion");
                    result.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            OutboxKind.valueOf(rs.getString(4)), stored, baseVersion,
                            Instant.ofEpochMilli(rs.getLong(6)), rs.getInt(7),
                            OutboxEntry.State.valueOf(rs.getString(8)), rs.getString(9)));
                }
                return result;
            }
        }
    }
}
