package es.faro.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import es.faro.protocol.event.Event;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Role;
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
        return insert(c, type, at, brandId, channel, null, false, dataJson);
    }

    /**
     * Appends the event of a private item (a personal canned response or workqueue view): only
     * {@code ownerId} receives it, and admins too when {@code adminsToo}. Every other client skips
     * it but still moves its cursor past it (the log stays gap-free for everyone).
     */
    public static long appendPrivate(Connection c, String type, Instant at, String ownerId, boolean adminsToo,
                                     Object data) throws SQLException {
        if (ownerId == null) {
            throw new IllegalArgumentException("a private event needs its owner");
        }
        return insert(c, type, at, null, null, ownerId, adminsToo, Json.write(data));
    }

    /** {@link #append} for an item that may be private: {@code ownerId} null means it is shared. */
    public static long appendOwned(Connection c, String type, Instant at, String ownerId, boolean adminsToo,
                                   Object data) throws SQLException {
        return ownerId == null ? append(c, type, at, null, null, data)
                : appendPrivate(c, type, at, ownerId, adminsToo, data);
    }

    private static long insert(Connection c, String type, Instant at, String brandId, Channel channel,
                               String ownerId, boolean adminsToo, String dataJson) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO events (type, at, brand_id, channel, owner_id,"
                + " owner_admins, data) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq");
        ps.setString(1, type);
        ps.setLong(2, at.toEpochMilli());
        ps.setString(3, brandId);
        ps.setString(4, channel == null ? null : channel.name());
        ps.setString(5, ownerId);
        ps.setInt(6, adminsToo ? 1 : 0);
        ps.setString(7, dataJson);
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
                "SELECT seq, type, at, brand_id, channel, data, owner_id, owner_admins FROM events WHERE seq > ?"
                        + " ORDER BY seq LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString(5);
                    events.add(new ScopedEvent(
                            new Event(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                    Json.MAPPER.readTree(rs.getString(6))),
                            rs.getString(4), channel == null ? null : Channel.valueOf(channel),
                            rs.getString(7), rs.getInt(8) != 0));
                }
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt event data", e);
        }
        return events;
    }

    /**
     * An event with the brand and channel it concerns, and the owner of a private item (with whether
     * admins see it too), to decide who may see it.
     */
    public record ScopedEvent(Event event, String brandId, Channel channel, String ownerId, boolean ownerAdmins) {
        public ScopedEvent(Event event, String brandId, Channel channel) {
            this(event, brandId, channel, null, false);
        }

        public boolean visibleTo(Agent agent) {
            if (ownerId != null && !ownerId.equals(agent.id()) && !(ownerAdmins && agent.hasRole(Role.ADMIN))) {
                return false;
            }
            return brandId == null || agent.canSee(brandId, channel);
        }

        /** Whether the data differs per recipient (a reference snapshot that lists private items). */
        public boolean tailored() {
            return PrivateItems.tailored(event);
        }

        /** The event as {@code agent} receives it: private items of others left out of the data. */
        public Event eventFor(Agent agent) {
            return PrivateItems.eventFor(event, agent);
        }
    }
}
