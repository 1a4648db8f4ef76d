package es.faro.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for the audit log; callers pass the connection of the action's own write so both commit together. */
public final class AuditLog {
    private static final int MAX_TEXT = 500;

    private AuditLog() {
    }

    public static void append(Connection c, Instant at, String actorId, String action, String target, String address,
                              String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (at, actor_id, action, target, address, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, actorId == null ? "-" : actorId);
            ps.setString(3, action);
            setText(ps, 4, target);
            setText(ps, 5, address);
            setText(ps, 6, detail);
            ps.executeUpdate();
        }
    }

    /** A filter for {@link #page}: any bound may be null. */
    public record Query(Instant from, Instant to, String actorId, long after, int limit) {
    }

    /** Entries after the cursor in seq order, filtered by time range [from, to) and actor. */
    public static List<AuditEntry> page(Connection c, Query q) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT seq, at, actor_id, action, target, address, detail FROM audit_log WHERE seq > ?");
        List<Object> args = new ArrayList<>();
        args.add(q.after());
        if (q.from() != null) {
            sql.append(" AND at >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            sql.append(" AND at < ?");
            args.add(q.to().toEpochMilli());
        }
        if (q.actorId() != null) {
            sql.append(" AND actor_id = ?");
            args.add(q.actorId());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(q.limit());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (a instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, (String) a);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
                return result;
            }
        }
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value);
        }
    }
}
