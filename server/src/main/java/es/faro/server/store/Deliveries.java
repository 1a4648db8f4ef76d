package es.faro.server.store;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deliveries table (issue 7): the outbound messages on their way to their network. Every
 * outbound message stored QUEUED gets a row in the same transaction ({@link Messages#insert}), so a
 * reply the server acknowledged is never lost. A node claims due rows with a lease, calls the
 * network, and records the outcome only while it still holds the claim; on PostgreSQL the claim
 * uses {@code FOR UPDATE SKIP LOCKED} so nodes claiming together take different rows.
 */
public final class Deliveries {
    private Deliveries() {
    }

    /** A claimed delivery: the message and how many attempts were made before this one. */
    public record Claim(String messageId, int attempts) {
    }

    /** A row as stored. */
    public record Row(String messageId, String conversationId, DeliveryState state, int attempts,
                      Instant nextAttemptAt, String claimedBy, String lastError) {
    }

    /** Whether {@code m} is an outbound message waiting for delivery (a reply, a survey…, never a note). */
    public static boolean outbound(Message m) {
        return m.delivery() == DeliveryState.QUEUED && m.kind() != MessageKind.IN && m.kind() != MessageKind.NOTE;
    }

    /** Queues {@code m} for delivery now (nothing when it already has a row). */
    public static void enqueue(Connection c, Message m, Instant now) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO deliveries (message_id, conversation_id, channel, state,"
                + " attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'QUEUED', 0, ?, ?, ?)"
                + " ON CONFLICT (message_id) DO NOTHING");
        ps.setString(1, m.id());
        ps.setString(2, m.conversationId());
        ps.setString(3, m.channel().name());
        ps.setLong(4, now.toEpochMilli());
        ps.setLong(5, now.toEpochMilli());
        ps.setLong(6, now.toEpochMilli());
        ps.executeUpdate();
    }

    /** Claims up to {@code limit} QUEUED deliveries due at {@code now} and not under a live claim. */
    public static List<Claim> claim(Connection c, String node, Instant now, Instant leaseUntil, int limit)
            throws SQLException {
        return claim(c, node, now, leaseUntil, limit, null);
    }

    /** As {@link #claim(Connection, String, Instant, Instant, int)}, only on {@code channels} (null: all). */
    public static List<Claim> claim(Connection c, String node, Instant now, Instant leaseUntil, int limit,
                                    java.util.Set<es.faro.protocol.model.Channel> channels) throws SQLException {
        String lock = Dialect.of(c) == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        PreparedStatement ps = Statements.get(c, "UPDATE deliveries SET claimed_by = ?, claimed_until = ?"
                + " WHERE message_id IN (SELECT message_id FROM deliveries WHERE state = 'QUEUED'"
                + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)" + only(channels)
                + " ORDER BY next_attempt_at, message_id LIMIT ?" + lock + ") RETURNING message_id, attempts");
        ps.setString(1, node);
        ps.setLong(2, leaseUntil.toEpochMilli());
        ps.setLong(3, now.toEpochMilli());
        ps.setLong(4, now.toEpochMilli());
        ps.setInt(5, limit);
        List<Claim> claims = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                claims.add(new Claim(rs.getString(1), rs.getInt(2)));
            }
        }
        return claims;
    }

    /**
     * Records the end of an attempt by {@code node}: the new state, the attempt count, when to try
     * again (QUEUED only) and the last error. False, and nothing changed, when the claim was lost.
     */
    public static boolean finish(Connection c, String messageId, String node, DeliveryState state, int attempts,
                                 Instant nextAttemptAt, String error, Instant now) throws SQLException {
        PreparedStatement ps = Statements.get(c, "UPDATE deliveries SET state = ?, attempts = ?, next_attempt_at = ?,"
                + " claimed_by = NULL, claimed_until = NULL, last_error = ?, updated_at = ?"
                + " WHERE message_id = ? AND claimed_by = ? AND state = 'QUEUED'");
        ps.setString(1, state.name());
        ps.setInt(2, attempts);
        ps.setLong(3, nextAttemptAt.toEpochMilli());
        ps.setString(4, error);
        ps.setLong(5, now.toEpochMilli());
        ps.setString(6, messageId);
        ps.setString(7, node);
        return ps.executeUpdate() == 1;
    }

    /** Releases a claim without counting an attempt (e.g. no endpoint configured yet), due again at {@code at}. */
    public static void release(Connection c, String messageId, String node, Instant at) throws SQLException {
        PreparedStatement ps = Statements.get(c, "UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL,"
                + " next_attempt_at = ? WHERE message_id = ? AND claimed_by = ?");
        ps.setLong(1, at.toEpochMilli());
        ps.setString(2, messageId);
        ps.setString(3, node);
        ps.executeUpdate();
    }

    /** Moves a delivery in {@code from} to {@code to} (an agent's retry, or a forum reply marked posted). */
    public static boolean transition(Connection c, String messageId, DeliveryState from, DeliveryState to,
                                     Instant now) throws SQLException {
        PreparedStatement ps = Statements.get(c, "UPDATE deliveries SET state = ?, attempts = 0, next_attempt_at = ?,"
                + " claimed_by = NULL, claimed_until = NULL, last_error = NULL, updated_at = ?"
                + " WHERE message_id = ? AND state = ?");
        ps.setString(1, to.name());
        ps.setLong(2, now.toEpochMilli());
        ps.setLong(3, now.toEpochMilli());
        ps.setString(4, messageId);
        ps.setString(5, from.name());
        return ps.executeUpdate() == 1;
    }

    public static Optional<Row> find(Connection c, String messageId) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT message_id, conversation_id, state, attempts, next_attempt_at,"
                + " claimed_by, last_error FROM deliveries WHERE message_id = ?");
        ps.setString(1, messageId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Row(rs.getString(1), rs.getString(2), DeliveryState.valueOf(rs.getString(3)),
                    rs.getInt(4), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7)));
        }
    }

    /** The earliest next attempt of a QUEUED delivery, if any (the worker sleeps until then). */
    public static Optional<Instant> nextDue(Connection c) throws SQLException {
        return nextDue(c, null);
    }

    /** As {@link #nextDue(Connection)}, only on {@code channels} (null: all). */
    public static Optional<Instant> nextDue(Connection c, java.util.Set<es.faro.protocol.model.Channel> channels)
            throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT MIN(CASE WHEN claimed_until IS NULL OR claimed_until < next_attempt_at"
                + " THEN next_attempt_at ELSE claimed_until END) FROM deliveries WHERE state = 'QUEUED'" + only(channels));
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                long v = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
            }
            return Optional.empty();
        }
    }

    /** A filter on the channel column: names are enum constants, never user input. */
    private static String only(java.util.Set<es.faro.protocol.model.Channel> channels) {
        if (channels == null) {
            return "";
        }
        if (channels.isEmpty()) {
            return " AND 1 = 0";
        }
        return " AND channel IN (" + channels.stream().map(ch -> "'" + ch.name() + "'").sorted()
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    /** Number of deliveries in {@code state}. */
    public static int count(Connection c, DeliveryState state) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT COUNT(*) FROM deliveries WHERE state = ?");
        ps.setString(1, state.name());
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public static Optional<Message> message(Connection c, String messageId) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT json FROM messages WHERE id = ?");
        ps.setString(1, messageId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.json(rs.getString(1), Message.class)) : Optional.empty();
        }
    }

    /** Rewrites a stored message (its delivery state and network id changed); returns its JSON. */
    public static String updateMessage(Connection c, Message m) throws SQLException {
        String json = Json.write(m);
        PreparedStatement ps = Statements.get(c, "UPDATE messages SET json = ?, channel_message_id = ? WHERE id = ?");
        ps.setString(1, json);
        ps.setString(2, m.channelMessageId());
        ps.setString(3, m.id());
        ps.executeUpdate();
        return json;
    }

    public static Optional<Customer> customer(Connection c, String customerId) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT json FROM customers WHERE id = ?");
        ps.setString(1, customerId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.json(rs.getString(1), Customer.class)) : Optional.empty();
        }
    }
}
