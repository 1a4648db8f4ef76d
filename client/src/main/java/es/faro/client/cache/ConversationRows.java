package es.faro.client.cache;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.sla.SlaClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** SQL for conversations and messages on the writer connection. */
final class ConversationRows {
    private ConversationRows() {
    }

    static Optional<Conversation> serverState(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM conversations WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Json.read(rs.getString(1), Conversation.class)) : Optional.empty();
            }
        }
    }

    /** Stores the server's state unless we already hold a newer version; then recomputes the local view. */
    static void upsertServer(Connection c, Conversation conversation, ChangeCollector changes) throws SQLException {
        // Only the version is needed here: SQLite reads it out of the JSON without building the record.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT json_extract(json, '$.version') FROM conversations WHERE id = ?")) {
            ps.setString(1, conversation.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) > conversation.version()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO conversations (id, brand_id, channel, status, assignee_id, due_at, json)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET json = excluded.json""")) {
            ps.setString(1, conversation.id());
            ps.setString(2, conversation.brandId());
            ps.setString(3, conversation.channel().name());
            ps.setString(4, conversation.status().name());
            ps.setString(5, conversation.assigneeId());
            setDue(ps, 6, conversation);
            ps.setString(7, Json.write(conversation));
            ps.executeUpdate();
        }
        // The server state is the record just written: no need to read it back and parse it.
        refreshLocal(c, conversation, changes);
    }

    /** Recomputes the optimistic view from the server state and the pending outbox entries. */
    static void refreshLocal(Connection c, String id, ChangeCollector changes) throws SQLException {
        Optional<Conversation> server = serverState(c, id);
        if (server.isPresent()) {
            refreshLocal(c, server.get(), changes);
        }
    }

    private static void refreshLocal(Connection c, Conversation server, ChangeCollector changes) throws SQLException {
        String id = server.id();
        List<OutboxEntry> pending = OutboxRows.pendingFor(c, id);
        Conversation effective = LocalProjection.apply(server, pending);
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE conversations SET brand_id = ?, channel = ?, status = ?, assignee_id = ?, due_at = ?,
                       local_json = ? WHERE id = ?""")) {
            ps.setString(1, effective.brandId());
            ps.setString(2, effective.channel().name());
            ps.setString(3, effective.status().name());
            ps.setString(4, effective.assigneeId());
            setDue(ps, 5, effective);
            ps.setString(6, pending.isEmpty() ? null : Json.write(effective));
            ps.setString(7, id);
            ps.executeUpdate();
        }
        changes.conversation(id);
    }

    /** Whether the cached copy of {@code m} already left QUEUED while {@code m} is still QUEUED (issue 7). */
    static boolean deliveryAhead(Connection c, Message m) throws SQLException {
        if (m.delivery() != es.faro.protocol.model.DeliveryState.QUEUED) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM messages WHERE id = ?")) {
            ps.setString(1, m.id());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                es.faro.protocol.model.DeliveryState cached = Json.read(rs.getString(1), Message.class).delivery();
                return cached != null && cached != es.faro.protocol.model.DeliveryState.QUEUED;
            }
        }
    }

    static void upsertMessage(Connection c, Message m, ChangeCollector changes) throws SQLException {
        if (m.clientId() != null) {
            // The server's copy replaces the optimistic local one written when the agent pressed send.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM messages WHERE client_id = ? AND id <> ?")) {
                ps.setString(1, m.clientId());
                ps.setString(2, m.id());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO messages (id, conversation_id, created_at, client_id, body, json) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET json = excluded.json, body = excluded.body""")) {
            ps.setString(1, m.id());
            ps.setString(2, m.conversationId());
            ps.setLong(3, m.createdAt().toEpochMilli());
            ps.setString(4, m.clientId());
            ps.setString(5, m.body() == null ? "" : m.body());
            ps.setString(6, Json.write(m));
            ps.executeUpdate();
        }
        changes.thread(m.conversationId());
    }

    private static void setDue(PreparedStatement ps, int index, Conversation conversation) throws SQLException {
        SlaClock clock = conversation.activeClock();
        if (clock == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, clock.dueAt().toEpochMilli());
        }
    }
}
