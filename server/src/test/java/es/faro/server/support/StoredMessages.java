package es.faro.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Finding what ingest stored: a message by the network's id, a thread, a message's revisions. */
public final class StoredMessages {
    private StoredMessages() {
    }

    /** The thread of a conversation, oldest first, as {@code token} reads it. */
    public static JsonNode thread(ApiClient api, String token, String conversationId) {
        return api.get("/api/v1/conversations/" + conversationId + "/messages", token).json();
    }

    /**
     * The message the network knows as {@code channelMessageId}, among the first 500 conversations
     * (of {@code channel} when not null); null when there is none.
     */
    public static JsonNode byChannelId(ApiClient api, String token, String channel, String channelMessageId) {
        String filter = channel == null ? "" : "&channel=" + channel;
        for (JsonNode c : api.get("/api/v1/conversations?limit=500" + filter, token).at("/items")) {
            for (JsonNode m : thread(api, token, c.get("id").asText())) {
                if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                    return m;
                }
            }
        }
        return null;
    }

    /** A message's audit rows ({@code action:before→after}), read straight from the server's SQLite file. */
    public static List<String> revisions(TestServer server, String messageId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("faro.db"));
             PreparedStatement ps = c.prepareStatement(
                     "SELECT action, body_before, body_after FROM message_revisions WHERE message_id = ? ORDER BY id")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + ":" + rs.getString(2) + "→" + rs.getString(3));
                }
            }
        }
        return rows;
    }
}
