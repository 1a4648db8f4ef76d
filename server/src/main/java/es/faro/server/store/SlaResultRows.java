package es.faro.server.store;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ConversationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads sla_results with the conversation's current queue, assignee and status. */
public final class SlaResultRows {
    private SlaResultRows() {
    }

    /** One conversation's SLA outcome; instants null when not (yet) known. */
    public record Row(String conversationId, String brandId, Channel channel, String queueId, String assigneeId,
                      ConversationStatus status, Instant createdAt, Instant firstResponseStartedAt,
                      Instant firstResponseDue, Instant firstResponsePausedAt, Instant firstResponseAt,
                      Boolean firstResponseMet, Long firstResponseBusinessMs, Long firstResponseWallMs,
                      Instant resolvedAt) {

        /** The first-response clock still runs and had passed due by {@code now} (or by its pause). */
        public boolean breachedOpen(Instant now) {
            if (firstResponseAt != null || firstResponseDue == null) {
                return false;
            }
            Instant at = firstResponsePausedAt != null && firstResponsePausedAt.isBefore(now)
                    ? firstResponsePausedAt : now;
            return !at.isBefore(firstResponseDue);
        }
    }

    private static final String SELECT = "SELECT r.conversation_id, r.brand_id, r.channel, v.queue_id,"
            + " v.assignee_id, v.status, r.created_at, r.first_response_started_at, r.first_response_due,"
            + " r.first_response_paused_at, r.first_response_at, r.first_response_met, r.first_response_business_ms,"
            + " r.first_response_wall_ms, r.resolved_at FROM sla_results r JOIN conversations v"
            + " ON v.id = r.conversation_id";

    /**
     * Every conversation that matters to [from, to): created in it, or its first response ended in
     * it, or its first response is due in it. Streams rows in creation order.
     */
    public static void relevant(Connection c, Instant from, Instant to, Consumer<Row> sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE (r.created_at >= ? AND r.created_at < ?) OR (r.first_response_at >= ? AND r.first_response_at < ?)"
                + " OR (r.first_response_due >= ? AND r.first_response_due < ?) ORDER BY r.created_at, r.conversation_id")) {
            for (int i = 0; i < 3; i++) {
                ps.setLong(2 * i + 1, from.toEpochMilli());
                ps.setLong(2 * i + 2, to.toEpochMilli());
            }
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(row(rs));
                }
            }
        }
    }

    public static List<Row> relevant(Connection c, Instant from, Instant to) throws SQLException {
        List<Row> rows = new ArrayList<>();
        relevant(c, from, to, rows::add);
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), ConversationStatus.valueOf(rs.getString(6)), instant(rs, 7), instant(rs, 8),
                instant(rs, 9), instant(rs, 10), instant(rs, 11), bool(rs, 12), number(rs, 13), number(rs, 14),
                instant(rs, 15));
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long number(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Boolean bool(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v == 1;
    }
}
