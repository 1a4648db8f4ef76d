package es.faro.server.store;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Full-text search over message bodies and customer names and handles (migration V120): FTS5 on SQLite,
 * tsvector with GIN on PostgreSQL. Callers pass words already folded to letters and digits (see
 * {@code es.faro.server.search.SearchTerms}), so no user text ever reaches the MATCH or tsquery syntax raw;
 * each word is still quoted for that syntax. The last word matches as a prefix (search as you type).
 * Ranked best first (bm25 / ts_rank), then newest; scoped like every other read.
 */
public final class SearchIndex {
    private SearchIndex() {
    }

    /** Optional narrowing by the caller. */
    public record Filter(String brandId, Channel channel, ConversationStatus status) {
    }

    /** One match: in a message ({@code message} set) or in the customer's name or handle. */
    public record Hit(Conversation conversation, Message message, Customer customer) {
        public boolean inMessage() {
            return message != null;
        }
    }

    public static List<Hit> search(Connection c, List<String> words, Scope scope, Filter filter, int limit, int offset)
            throws SQLException {
        if (words.isEmpty()) {
            return List.of();
        }
        boolean pg = Dialect.of(c) == Dialect.POSTGRESQL;
        List<Object> params = new ArrayList<>();
        String messages;
        String customers;
        if (pg) {
            String query = tsquery(words);
            params.add(query);
            messages = "SELECT 'm' AS kind, m.id AS message_id, cv.id AS conversation_id,"
                    + " -ts_rank(m.search_tsv, q) AS rank, m.created_at AS at, cv.json AS conversation,"
                    + " m.json AS message, cu.json AS customer"
                    + " FROM messages m CROSS JOIN to_tsquery('simple', ?) q"
                    + " JOIN conversations cv ON cv.id = m.conversation_id JOIN customers cu ON cu.id = cv.customer_id"
                    + " WHERE m.search_tsv @@ q" + where(scope, filter, params);
            params.add(query);
            customers = "SELECT 'c', CAST(NULL AS TEXT), cv.id, -ts_rank(cu.search_tsv, q), cv.updated_at, cv.json,"
                    + " CAST(NULL AS TEXT), cu.json"
                    + " FROM customers cu CROSS JOIN to_tsquery('simple', ?) q"
                    + " JOIN conversations cv ON cv.customer_id = cu.id"
                    + " WHERE cu.search_tsv @@ q" + where(scope, filter, params);
        } else {
            String match = match(words);
            params.add(match);
            messages = "SELECT 'm' AS kind, m.id AS message_id, cv.id AS conversation_id,"
                    + " bm25(message_fts) AS rank, m.created_at AS at, cv.json AS conversation,"
                    + " m.json AS message, cu.json AS customer"
                    + " FROM message_fts JOIN messages m ON m.rowid = message_fts.rowid"
                    + " JOIN conversations cv ON cv.id = m.conversation_id JOIN customers cu ON cu.id = cv.customer_id"
                    + " WHERE message_fts MATCH ?" + where(scope, filter, params);
            params.add(match);
            customers = "SELECT 'c', CAST(NULL AS TEXT), cv.id, bm25(customer_fts), cv.updated_at, cv.json,"
                    + " CAST(NULL AS TEXT), cu.json"
                    + " FROM customer_fts JOIN customers cu ON cu.rowid = customer_fts.rowid"
                    + " JOIN conversations cv ON cv.customer_id = cu.id"
                    + " WHERE customer_fts MATCH ?" + where(scope, filter, params);
        }
        String sql = "SELECT kind, message_id, conversation_id, rank, at, conversation, message, customer FROM ("
                + messages + " UNION ALL " + customers + ") hits"
                + " ORDER BY rank, at DESC, conversation_id, message_id LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(offset);
        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String message = rs.getString("message");
                    hits.add(new Hit(Json.read(rs.getString("conversation"), Conversation.class),
                            message == null ? null : Json.read(message, Message.class),
                            Json.read(rs.getString("customer"), Customer.class)));
                }
            }
        }
        return hits;
    }

    private static String where(Scope scope, Filter filter, List<Object> params) {
        StringBuilder sb = new StringBuilder(scope.sql("cv.brand_id", "cv.channel", false, params));
        if (filter.brandId() != null) {
            sb.append(" AND cv.brand_id = ?");
            params.add(filter.brandId());
        }
        if (filter.channel() != null) {
            sb.append(" AND cv.channel = ?");
            params.add(filter.channel().name());
        }
        if (filter.status() != null) {
            sb.append(" AND cv.status = ?");
            params.add(filter.status().name());
        }
        return sb.toString();
    }

    /** FTS5: every word a quoted string (implicit AND), the last one a prefix. */
    static String match(List<String> words) {
        List<String> quoted = words.stream().map(w -> "\"" + w.replace("\"", "\"\"") + "\"").collect(Collectors.toList());
        int last = quoted.size() - 1;
        quoted.set(last, quoted.get(last) + "*");
        return String.join(" ", quoted);
    }

    /** tsquery: every word a quoted lexeme joined by AND, the last one a prefix. */
    static String tsquery(List<String> words) {
        List<String> quoted = words.stream().map(w -> "'" + w.replace("'", "''").replace("\\", "\\\\") + "'")
                .collect(Collectors.toList());
        int last = quoted.size() - 1;
        quoted.set(last, quoted.get(last) + ":*");
        return String.join(" & ", quoted);
    }
}
