package es.faro.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import es.faro.protocol.event.Event;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events table: the sync log and the truth for SSE. Rows are appended inside the transaction of
 * the change they describe, so an event exists if and only if its change committed.
 */
public final class EventLog {
    private EventLog() {
    }

    /** Appends an event; {@code brandId}/{@code channel} scope who may see it (null = everyone). */
    public static long append(Connection c, String type, Instant at, String brandId, Channel channel, Object data)
            throws SQLException {
        return appendJson(c, type, at, brandId, channel, Json.write(data));
    }

    /** As {@link #append}, with the data already serialized (the row and its event share one JSON text). */
    public static long appendJson(Connection c, String type, Instant at, String brandId, Channel channel,
                                  String dataJson) throws SQLException {
        PreparedStatement ps = Statements.get(c,
                "INSERT INTO events (type, at, brand_id, channel, data) VALUES (?, ?, ?, ?, ?) RETURNING seq");
        ps.setString(1, type);
        ps.setLong(2, at.toEpochMilli());
        ps.setString(3, brandId);
        ps.setString(4, channel == null ? null : channel.name());
        ps.setString(5, dataJson);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static long maxSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Events after {@code after}, in seq order, at most {@code limit}, all of them (no scoping). */
    public static List<ScopedEvent> after(Connection c, long after, int limit) throws SQLException {
        List<ScopedEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, type, at, brand_id, channel, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString(5);
                    events.add(new ScopedEvent(
                            new Event(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                    Json.MAPPER.readTree(rs.getString(6))),
                            rs.getString(4), channel == null ? null : Channel.valueOf(channel)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt event data", e);
        }
        return events;
    }

    /** An event with the brand and channel it concerns, to decide who may see it. */
    public record ScopedEvent(Event event, String brandId, Channel channel) {
        public boolean visibleTo(Agent agent) {
            return brandId == null || agent.canSee(brandId, channel);
        }
    }
}
