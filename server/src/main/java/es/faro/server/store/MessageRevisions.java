package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of customer edits and deletions on the network: every earlier text of a message is
 * kept here, so an edit or a deletion never loses what the customer first wrote.
 */
public final class MessageRevisions {
    private MessageRevisions() {
    }

    /** One change: EDIT (before → after) or DELETE (before, after null). */
    public record Revision(String messageId, String action, String before, String after, Instant at) {
    }

    public static void record(Connection c, String messageId, String action, String before, String after,
                              Instant at) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO message_revisions (message_id, action, body_before,"
                + " body_after, at) VALUES (?, ?, ?, ?, ?)");
        ps.setString(1, messageId);
        ps.setString(2, action);
        ps.setString(3, before);
        ps.setString(4, after);
        ps.setLong(5, at.toEpochMilli());
        ps.executeUpdate();
    }

    /** A message's changes, oldest first. */
    public static List<Revision> of(Connection c, String messageId) throws SQLException {
        List<Revision> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, action, body_before, body_after, at"
                + " FROM message_revisions WHERE message_id = ? ORDER BY at, id")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Revision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        }
        return result;
    }
}
