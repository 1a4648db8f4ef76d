package es.faro.server.store;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The messages table. (channel, channel_message_id) is unique: a network's message is stored once. */
public final class Messages {
    private Messages() {
    }

    public static void insert(Connection c, Message m) throws SQLException {
        insert(c, m, Json.write(m));
    }

    /** Stores {@code m} with its JSON already serialized (shared with its event). */
    public static void insert(Connection c, Message m, String json) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO messages (id, conversation_id, kind, created_at,"
                + " channel, channel_message_id, client_id, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, m.id());
        ps.setString(2, m.conversationId());
        ps.setString(3, m.kind().name());
        ps.setLong(4, m.createdAt().toEpochMilli());
        ps.setString(5, m.channel().name());
        ps.setString(6, m.channelMessageId());
        ps.setString(7, m.clientId());
        ps.setString(8, json);
        ps.executeUpdate();
        if (Deliveries.outbound(m)) {
            Deliveries.enqueue(c, m, m.createdAt()); // every outbound message travels through the delivery worker
        }
    }

    /** Replaces a stored message's JSON (an edit or deletion on the network, a delivery state). */
    public static void update(Connection c, Message m, String json) throws SQLException {
        PreparedStatement ps = Statements.get(c, "UPDATE messages SET json = ? WHERE id = ?");
        ps.setString(1, json);
        ps.setString(2, m.id());
        ps.executeUpdate();
    }

    public static Optional<Message> byChannelId(Connection c, Channel channel, String channelMessageId)
            throws SQLException {
        PreparedStatement ps = Statements.get(c,
                "SELECT json FROM messages WHERE channel = ? AND channel_message_id = ?");
        ps.setString(1, channel.name());
        ps.setString(2, channelMessageId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.json(rs.getString(1), Message.class)) : Optional.empty();
        }
    }

    /** The whole thread, oldest first. */
    public static List<Message> ofConversation(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT json FROM messages WHERE conversation_id = ? ORDER BY created_at, id")) {
            ps.setString(1, conversationId);
            return read(ps);
        }
    }

    /** The last {@code perConversation} messages of each conversation, oldest first within each. */
    public static List<Message> recent(Connection c, Collection<String> conversationIds, int perConversation)
            throws SQLException {
        List<Message> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM (SELECT json, created_at, id FROM messages"
                + " WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?) recent ORDER BY created_at, id")) {
            for (String id : conversationIds) {
                ps.setString(1, id);
                ps.setInt(2, perConversation);
                result.addAll(read(ps));
            }
        }
        return result;
    }

    private static List<Message> read(PreparedStatement ps) throws SQLException {
        List<Message> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(Rows.json(rs.getString(1), Message.class));
            }
        }
        return result;
    }
}
