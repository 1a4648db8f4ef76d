package es.faro.server.store;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The conversations table: the full JSON plus the columns queries filter and sort by. */
public final class Conversations {
    private static final String ACTIVE = "('NEW', 'OPEN', 'PENDING')";

    private Conversations() {
    }

    public static Optional<Conversation> find(Connection c, String id) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT json FROM conversations WHERE id = ?");
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.json(rs.getString(1), Conversation.class)) : Optional.empty();
        }
    }

    /** The customer's newest still-active conversation with the brand on the channel. */
    public static Optional<Conversation> activeFor(Connection c, String customerId, String brandId, Channel channel)
            throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT json FROM conversations WHERE customer_id = ?"
                + " AND brand_id = ? AND channel = ? AND status IN " + ACTIVE + " ORDER BY created_at DESC LIMIT 1");
        ps.setString(1, customerId);
        ps.setString(2, brandId);
        ps.setString(3, channel.name());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.json(rs.getString(1), Conversation.class)) : Optional.empty();
        }
    }

    /** Every conversation of a customer, whatever its brand, channel or status. */
    public static List<Conversation> ofCustomer(Connection c, String customerId) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT json FROM conversations WHERE customer_id = ? ORDER BY id");
        ps.setString(1, customerId);
        List<Conversation> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Rows.json(rs.getString(1), Conversation.class));
            }
        }
        return out;
    }

    public static void upsert(Connection c, Conversation conv) throws SQLException {
        upsert(c, conv, Json.write(conv));
    }

    /** Stores {@code conv} with its JSON already serialized (shared with its event). */
    public static void upsert(Connection c, Conversation conv, String json) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO conversations (id, brand_id, channel, customer_id,"
                + " status, priority, queue_id, assignee_id, created_at, updated_at, version, json, pick_due_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " status = excluded.status, priority = excluded.priority, queue_id = excluded.queue_id,"
                + " assignee_id = excluded.assignee_id, updated_at = excluded.updated_at,"
                + " version = excluded.version, json = excluded.json, pick_due_at = excluded.pick_due_at");
        ps.setString(1, conv.id());
        ps.setString(2, conv.brandId());
        ps.setString(3, conv.channel().name());
        ps.setString(4, conv.customerId());
        ps.setString(5, conv.status().name());
        ps.setString(6, conv.priority().name());
        ps.setString(7, conv.queueId());
        ps.setString(8, conv.assigneeId());
        ps.setLong(9, conv.createdAt().toEpochMilli());
        ps.setLong(10, conv.updatedAt().toEpochMilli());
        ps.setLong(11, conv.version());
        ps.setString(12, json);
        ps.setLong(13, pickDue(conv));
        ps.executeUpdate();
    }

    /** No running clock (or a paused one): after every conversation that has one. */
    public static final long NO_DUE = Long.MAX_VALUE;

    /**
     * The order key Next and push assignment pick by: the running SLA clock's due time (epoch ms),
     * {@link #NO_DUE} when no clock runs or it is paused. Kept in the {@code pick_due_at} column.
     */
    public static long pickDue(Conversation conv) {
        es.faro.protocol.sla.SlaClock clock = conv.activeClock();
        return clock == null || clock.isPaused() || clock.dueAt() == null ? NO_DUE : clock.dueAt().toEpochMilli();
    }

    /** When the conversation entered PENDING, or null. */
    public static Instant pendingSince(Connection c, String id) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT pending_since FROM conversations WHERE id = ?");
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? null : Instant.ofEpochMilli(v);
        }
    }

    public static void setPendingSince(Connection c, String id, Instant since) throws SQLException {
        PreparedStatement ps = Statements.get(c, "UPDATE conversations SET pending_since = ? WHERE id = ?");
        if (since == null) {
            ps.setNull(1, java.sql.Types.INTEGER);
        } else {
            ps.setLong(1, since.toEpochMilli());
        }
        ps.setString(2, id);
        ps.executeUpdate();
    }

    /** Filters of the list endpoint; null means any. {@code assignee} is an agent id or "unassigned". */
    public record Filter(String queueId, String brandId, Channel channel, ConversationStatus status, String assignee) {
    }

    /** Key of the last row of a page: the list is ordered newest first by (created_at, id). */
    public record Position(long createdAt, String id) {
    }

    public static List<Conversation> list(Connection c, Filter f, Scope scope, Position after, int limit)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT json FROM conversations WHERE 1=1");
        if (f.queueId() != null) {
            sql.append(" AND queue_id = ?");
            params.add(f.queueId());
        }
        if (f.brandId() != null) {
            sql.append(" AND brand_id = ?");
            params.add(f.brandId());
        }
        if (f.channel() != null) {
            sql.append(" AND channel = ?");
            params.add(f.channel().name());
        }
        if (f.status() != null) {
            sql.append(" AND status = ?");
            params.add(f.status().name());
        }
        if ("unassigned".equals(f.assignee())) {
            sql.append(" AND assignee_id IS NULL");
        } else if (f.assignee() != null) {
            sql.append(" AND assignee_id = ?");
            params.add(f.assignee());
        }
        sql.append(scope.sql("brand_id", "channel", false, params));
        if (after != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            params.add(after.createdAt());
            params.add(after.createdAt());
            params.add(after.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return query(c, sql.toString(), params);
    }

    /** Active conversations in id order after {@code afterId}: the bootstrap snapshot, page by page. */
    public static List<Conversation> activePage(Connection c, Scope scope, String afterId, int limit)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT json FROM conversations WHERE status IN " + ACTIVE);
        sql.append(scope.sql("brand_id", "channel", false, params));
        if (afterId != null) {
            sql.append(" AND id > ?");
            params.add(afterId);
        }
        sql.append(" ORDER BY id LIMIT ?");
        params.add(limit);
        return query(c, sql.toString(), params);
    }

    private static List<Conversation> query(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<Conversation> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(Rows.json(rs.getString(1), Conversation.class));
                }
            }
            return result;
        }
    }
}
