package es.faro.server.store;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import es.faro.protocol.sla.SlaClocks;
import es.faro.protocol.sla.SlaEngine;
import es.faro.protocol.sla.SlaState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

/**
 * The sla_results table: one row per conversation with its first-response and resolution outcome,
 * kept current on every change of the conversation (in the change's transaction).
 */
public final class SlaResults {
    private SlaResults() {
    }

    public static void record(Connection c, Conversation conv, SlaEngine engine) throws SQLException {
        PreparedStatement base = Statements.get(c, "INSERT INTO sla_results (conversation_id, brand_id, channel,"
                + " created_at, resolution_due, resolved_at, resolution_met) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (conversation_id) DO UPDATE SET brand_id = excluded.brand_id,"
                + " channel = excluded.channel, resolution_due = excluded.resolution_due,"
                + " resolved_at = excluded.resolved_at, resolution_met = excluded.resolution_met");
        SlaClock resolution = conv.resolution();
        base.setString(1, conv.id());
        base.setString(2, conv.brandId());
        base.setString(3, conv.channel().name());
        base.setLong(4, conv.createdAt().toEpochMilli());
        setInstant(base, 5, resolution == null ? null : resolution.dueAt());
        setInstant(base, 6, resolution == null ? null : resolution.stoppedAt());
        setMet(base, 7, resolution);
        base.executeUpdate();

        SlaClock first = conv.response();
        if (first == null || first.kind() != SlaClockKind.FIRST_RESPONSE) {
            return; // a next-response clock: the first response is already recorded
        }
        PreparedStatement ps = Statements.get(c, "UPDATE sla_results SET first_response_started_at = ?,"
                + " first_response_due = ?, first_response_paused_at = ?, first_response_at = ?,"
                + " first_response_met = ?, first_response_business_ms = ?, first_response_wall_ms = ?"
                + " WHERE conversation_id = ?");
        ps.setLong(1, first.startedAt().toEpochMilli());
        ps.setLong(2, first.dueAt().toEpochMilli());
        setInstant(ps, 3, first.isPaused() ? first.pausedAt() : null);
        setInstant(ps, 4, first.stoppedAt());
        setMet(ps, 5, first);
        Duration target = engine.targetOf(conv, SlaClockKind.FIRST_RESPONSE).orElse(null);
        if (first.stoppedAt() != null && target != null) {
            ps.setLong(6, SlaClocks.used(first, target, engine.calendarOf(conv), first.stoppedAt()).toMillis());
        } else {
            ps.setNull(6, Types.BIGINT);
        }
        if (first.stoppedAt() != null) {
            ps.setLong(7, Duration.between(first.startedAt(), first.stoppedAt()).toMillis());
        } else {
            ps.setNull(7, Types.BIGINT);
        }
        ps.setString(8, conv.id());
        ps.executeUpdate();
    }

    /**
     * Writes the rows of conversations that have none (those stored before sla_results existed), a
     * page at a time; returns how many. Cheap when there are none: one indexed anti-join.
     */
    public static int backfill(Store store, SlaEngine engine) {
        int total = 0;
        while (true) {
            int written = store.write(c -> {
                java.util.List<Conversation> page = new java.util.ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT v.json FROM conversations v"
                        + " LEFT JOIN sla_results r ON r.conversation_id = v.id WHERE r.conversation_id IS NULL LIMIT 1000");
                     java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(Rows.json(rs.getString(1), Conversation.class));
                    }
                }
                for (Conversation conv : page) {
                    record(c, conv, engine);
                }
                return page.size();
            }).join();
            total += written;
            if (written < 1000) {
                return total;
            }
        }
    }

    private static void setMet(PreparedStatement ps, int index, SlaClock clock) throws SQLException {
        if (clock == null || clock.isRunning()) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, clock.stateAt(clock.stoppedAt()) == SlaState.MET ? 1 : 0);
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, at.toEpochMilli());
        }
    }
}
