package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The sla_alerts table: which WARNING/BREACHED crossings were already announced. The primary key
 * makes "fire once" hold across restarts and across nodes sharing one database.
 */
public final class SlaAlerts {
    private SlaAlerts() {
    }

    /** Records the crossing; false when it was recorded before (by this or another node). */
    public static boolean claim(Connection c, String conversationId, String kind, Instant startedAt, String alert,
                                Instant crossedAt, Instant firedAt) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO sla_alerts (conversation_id, kind, started_at, alert,"
                + " crossed_at, fired_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        ps.setString(1, conversationId);
        ps.setString(2, kind);
        ps.setLong(3, startedAt.toEpochMilli());
        ps.setString(4, alert);
        ps.setLong(5, crossedAt.toEpochMilli());
        ps.setLong(6, firedAt.toEpochMilli());
        return ps.executeUpdate() == 1;
    }
}
