package es.faro.server.queues;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Team;
import es.faro.protocol.model.Workqueue;
import es.faro.server.store.ReferenceItems;
import es.faro.server.store.Conversations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tables of workqueues and assignment (V60): workqueues, heartbeats, snoozes, node claims, teams. */
public final class QueueTables {
    static final String OPEN = "('NEW', 'OPEN')";

    private QueueTables() {
    }

    // ---- workqueues --------------------------------------------------------------------------

    /** Queues from the reference files overlaid by the API's rows (same id wins), in display order. */
    public static List<Workqueue> workqueues(Connection c) throws SQLException {
        Map<String, Workqueue> all = new LinkedHashMap<>();
        for (Workqueue q : ReferenceItems.list(c, ReferenceItems.QUEUE, Workqueue.class)) {
            all.put(q.id(), q);
        }
        for (Workqueue q : jsonRows(c, "SELECT json FROM workqueues ORDER BY position, id", Workqueue.class)) {
            all.put(q.id(), q);
        }
        return all.values().stream()
                .sorted(Comparator.comparingInt(Workqueue::position).thenComparing(Workqueue::name)).toList();
    }

    public static Optional<Workqueue> workqueue(Connection c, String id) throws SQLException {
        return workqueues(c).stream().filter(q -> q.id().equals(id)).findFirst();
    }

    static boolean fromReferenceFiles(Connection c, String id) throws SQLException {
        return ReferenceItems.list(c, ReferenceItems.QUEUE, Workqueue.class).stream().anyMatch(q -> q.id().equals(id));
    }

    static void upsertWorkqueue(Connection c, Workqueue q) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO workqueues (id, owner_id, position, json)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id,"
                + " position = excluded.position, json = excluded.json")) {
            ps.setString(1, q.id());
            ps.setString(2, q.owner());
            ps.setInt(3, q.position());
            ps.setString(4, Json.write(q));
            ps.executeUpdate();
        }
    }

    static boolean deleteWorkqueue(Connection c, String id) throws SQLException {
        return update(c, "DELETE FROM workqueues WHERE id = ?", id) == 1;
    }

    // ---- heartbeats --------------------------------------------------------------------------

    static void renewHeartbeat(Connection c, String agentId, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_heartbeats (agent_id, seen_until)"
                + " VALUES (?, ?) ON CONFLICT (agent_id) DO UPDATE SET seen_until = excluded.seen_until")) {
            ps.setString(1, agentId);
            ps.setLong(2, until.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Whether the agent's client reported presence that has since expired (no report at all is not expiry). */
    static boolean heartbeatExpired(Connection c, String agentId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seen_until FROM agent_heartbeats WHERE agent_id = ?")) {
            ps.setString(1, agentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) <= now.toEpochMilli();
            }
        }
    }

    static boolean hasLiveToken(Connection c, String agentId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM tokens WHERE agent_id = ? AND revoked = 0 AND expires_at > ? LIMIT 1")) {
            ps.setString(1, agentId);
            ps.setLong(2, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- snoozes -----------------------------------------------------------------------------

    static void snooze(Connection c, String conversationId, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO snoozes (conversation_id, until) VALUES (?, ?)"
                + " ON CONFLICT (conversation_id) DO UPDATE SET until = excluded.until")) {
            ps.setString(1, conversationId);
            ps.setLong(2, until.toEpochMilli());
            ps.executeUpdate();
        }
    }

    static void unsnooze(Connection c, String conversationId) throws SQLException {
        update(c, "DELETE FROM snoozes WHERE conversation_id = ?", conversationId);
    }

    static List<String> dueSnoozes(Connection c, Instant now, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT conversation_id FROM snoozes WHERE until <= ? ORDER BY until, conversation_id LIMIT ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    // ---- node claims -------------------------------------------------------------------------

    /**
     * Takes or renews the claim {@code name} for {@code node} until {@code until} unless another node
     * holds it past {@code now}. Returns whether {@code node} holds it. On PostgreSQL a concurrent
     * claimer waits on the row and then sees the winner's claim.
     */
    static boolean holdClaim(Connection c, String name, String node, Instant until, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO node_claims (name, node, until) VALUES (?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET node = excluded.node, until = excluded.until"
                + " WHERE node_claims.node = excluded.node OR node_claims.until <= ?")) {
            ps.setString(1, name);
            ps.setString(2, node);
            ps.setLong(3, until.toEpochMilli());
            ps.setLong(4, now.toEpochMilli());
            return ps.executeUpdate() == 1;
        }
    }

    // ---- teams -------------------------------------------------------------------------------

    public static List<Team> teams(Connection c) throws SQLException {
        return jsonRows(c, "SELECT json FROM teams ORDER BY position, id", Team.class);
    }

    static void upsertTeam(Connection c, Team team) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO teams (id, position, json) VALUES (?,"
                + " (SELECT COALESCE(MAX(position), 0) + 1 FROM teams), ?)"
                + " ON CONFLICT (id) DO UPDATE SET json = excluded.json")) {
            ps.setString(1, team.id());
            ps.setString(2, Json.write(team));
            ps.executeUpdate();
        }
    }

    static boolean deleteTeam(Connection c, String id) throws SQLException {
        return update(c, "DELETE FROM teams WHERE id = ?", id) == 1;
    }

    // ---- conversations -----------------------------------------------------------------------

    /** Where a best-first page ended: the order key of its last row. */
    record PickKey(long due, String priority, long createdAt, String id) {
        static PickKey of(Conversation conv) {
            return new PickKey(Conversations.pickDue(conv), conv.priority().name(), conv.createdAt().toEpochMilli(),
                    conv.id());
        }
    }

    /**
     * One page of unassigned NEW/OPEN conversations best first (soonest SLA due, then priority, then
     * oldest), after {@code after} (null: from the start), read through the {@code conversations_pick}
     * index. Keyset paging, so conversations taken meanwhile do not shift the next page.
     */
    static List<Conversation> unassignedBestFirst(Connection c, PickKey after, int limit) throws SQLException {
        String sql = "SELECT json FROM conversations WHERE assignee_id IS NULL AND status IN " + OPEN
                + (after == null ? "" : " AND (pick_due_at, priority, created_at, id) > (?, ?, ?, ?)")
                + " ORDER BY pick_due_at, priority, created_at, id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (after != null) {
                ps.setLong(i++, after.due());
                ps.setString(i++, after.priority());
                ps.setLong(i++, after.createdAt());
                ps.setString(i++, after.id());
            }
            ps.setInt(i, limit);
            return read(ps, Conversation.class);
        }
    }

    /** Fills {@code pick_due_at} for conversations stored before the column existed; returns how many. */
    static int backfillPickDue(Connection c) throws SQLException {
        List<Conversation> missing = jsonRows(c, "SELECT json FROM conversations WHERE pick_due_at IS NULL",
                Conversation.class);
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversations SET pick_due_at = ? WHERE id = ?")) {
            for (Conversation conv : missing) {
                ps.setLong(1, Conversations.pickDue(conv));
                ps.setString(2, conv.id());
                ps.addBatch();
            }
            if (!missing.isEmpty()) {
                ps.executeBatch();
            }
        }
        return missing.size();
    }

    /** Active (NEW/OPEN) conversations assigned to {@code agentId}. */
    static List<Conversation> openAssignedTo(Connection c, String agentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT json FROM conversations WHERE status IN " + OPEN + " AND assignee_id = ?")) {
            ps.setString(1, agentId);
            return read(ps, Conversation.class);
        }
    }

    /** How many NEW/OPEN conversations each agent has assigned. */
    static Map<String, Integer> openLoad(Connection c) throws SQLException {
        Map<String, Integer> load = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT assignee_id, COUNT(*) FROM conversations"
                + " WHERE status IN " + OPEN + " AND assignee_id IS NOT NULL GROUP BY assignee_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                load.put(rs.getString(1), rs.getInt(2));
            }
        }
        return load;
    }

    /**
     * Takes an unassigned conversation for {@code agentId} if it is still unassigned at
     * {@code version}: the row lock (PostgreSQL) or the single writer (SQLite) lets exactly one
     * claimer win; the loser's UPDATE matches no row.
     */
    static boolean takeIfUnassigned(Connection c, String conversationId, long version, String agentId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversations SET assignee_id = ?"
                + " WHERE id = ? AND assignee_id IS NULL AND version = ?")) {
            ps.setString(1, agentId);
            ps.setString(2, conversationId);
            ps.setLong(3, version);
            return ps.executeUpdate() == 1;
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static int update(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            return ps.executeUpdate();
        }
    }

    private static <T> List<T> jsonRows(Connection c, String sql, Class<T> type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return read(ps, type);
        }
    }

    private static <T> List<T> read(PreparedStatement ps, Class<T> type) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    result.add(Json.read(rs.getString(1), type));
                } catch (RuntimeException e) {
                    throw new SQLException("corrupt row", e);
                }
            }
        }
        return result;
    }
}
