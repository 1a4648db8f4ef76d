package es.faro.client.cache;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline search over the cache: message bodies ({@code message_fts}) and customer names and
 * handles ({@code customer_fts}), one result per conversation, newest match first.
 *
 * <p>Messages are walked newest first by rowid, the order FTS5 hands matches out in, so a frequent
 * word stops after enough conversations instead of ranking every match (see the bench's
 * SearchScenario); snippets are cut only for the messages kept.
 */
final class CacheSearch {
    /** Marks around matched words in FTS5 snippets: private-use characters no message carries. */
    private static final String OPEN = "\uE000";
    private static final String CLOSE = "\uE001";
    /** How many matching messages are looked at, at most, per conversation wanted. */
    private static final int SCAN_PER_RESULT = 40;
    private static final int SNIPPET_TOKENS = 12;

    private static final String MESSAGES = """
            SELECT f.rowid, m.id, m.conversation_id, m.created_at FROM message_fts f
            JOIN messages m ON m.rowid = f.rowid
            WHERE message_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?""";
    private static final String CUSTOMERS = """
            SELECT coalesce(c.local_json, c.json) FROM customer_fts f
            JOIN conversations c ON c.rowid = f.rowid
            WHERE customer_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?""";

    private record MessageMatch(long rowid, String messageId, String conversationId, Instant at) {
    }

    private CacheSearch() {
    }

    static List<SearchHit> run(Connection c, SearchQuery query, int limit) throws SQLException {
        Map<String, MessageMatch> newestPerConversation = newestMessages(c, query, limit);
        Map<Long, String> snippets = snippets(c, query, newestPerConversation.values());
        Map<String, Conversation> conversations = new HashMap<>();
        for (Conversation conversation : conversationsById(c, newestPerConversation.keySet())) {
            conversations.put(conversation.id(), conversation);
        }
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        for (MessageMatch m : newestPerConversation.values()) {
            Conversation conversation = conversations.get(m.conversationId());
            if (conversation == null) {
                continue; // a message of a conversation the cache no longer holds
            }
            String marked = snippets.getOrDefault(m.rowid(), "");
            hits.put(m.conversationId(), marked(conversation, m, marked, query));
        }
        for (Conversation conversation : customers(c, query, limit)) {
            SearchHit known = hits.get(conversation.id());
            if (known != null) {
                hits.put(conversation.id(), new SearchHit(known.conversation(), known.messageId(), known.snippet(),
                        known.highlights(), true, known.at(), known.terms()));
            } else {
                String snippet = conversation.snippet() == null ? "" : oneLine(conversation.snippet());
                Instant at = conversation.lastMessageAt() != null ? conversation.lastMessageAt() : conversation.updatedAt();
                hits.put(conversation.id(), new SearchHit(conversation, null, snippet,
                        SearchMarks.ranges(snippet, query.terms()), true, at, query.terms()));
            }
        }
        List<SearchHit> result = new ArrayList<>(hits.values());
        result.sort(Comparator.comparing(SearchHit::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return result.size() > limit ? List.copyOf(result.subList(0, limit)) : result;
    }

    private static Map<String, MessageMatch> newestMessages(Connection c, SearchQuery query, int limit)
            throws SQLException {
        Map<String, MessageMatch> newest = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(MESSAGES)) {
            ps.setString(1, query.match());
            ps.setInt(2, limit * SCAN_PER_RESULT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && newest.size() < limit) {
                    newest.putIfAbsent(rs.getString(3), new MessageMatch(rs.getLong(1), rs.getString(2),
                            rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        }
        return newest;
    }

    private static Map<Long, String> snippets(Connection c, SearchQuery query, java.util.Collection<MessageMatch> kept)
            throws SQLException {
        Map<Long, String> snippets = new HashMap<>();
        if (kept.isEmpty()) {
            return snippets;
        }
        // A rowid range, not "rowid IN (…)": FTS5 applies a range to its scan but filters an IN list only
        // after evaluating every match, which for a short prefix ("te*") costs a second or more.
        java.util.Set<Long> wanted = new java.util.HashSet<>();
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (MessageMatch m : kept) {
            wanted.add(m.rowid());
            low = Math.min(low, m.rowid());
            high = Math.max(high, m.rowid());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid, snippet(message_fts, 0, ?, ?, '…', "
                + SNIPPET_TOKENS + ") FROM message_fts WHERE message_fts MATCH ? AND rowid BETWEEN ? AND ?")) {
            ps.setString(1, OPEN);
            ps.setString(2, CLOSE);
            ps.setString(3, query.match());
            ps.setLong(4, low);
            ps.setLong(5, high);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getLong(1))) {
                        snippets.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }
        return snippets;
    }

    private static List<Conversation> conversationsById(Connection c, java.util.Collection<String> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        return readConversations(c, "SELECT coalesce(local_json, json) FROM conversations WHERE id IN (" + marks + ")",
                ids.toArray());
    }

    private static List<Conversation> customers(Connection c, SearchQuery query, int limit) throws SQLException {
        return readConversations(c, CUSTOMERS, query.match(), limit);
    }

    private static List<Conversation> readConversations(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Conversation> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(Json.read(rs.getString(1), Conversation.class));
                }
                return result;
            }
        }
    }

    /** The FTS5 snippet without its marks, the marked words as ranges; on one line. */
    private static SearchHit marked(Conversation conversation, MessageMatch m, String withMarks, SearchQuery query) {
        String text = oneLine(withMarks);
        StringBuilder plain = new StringBuilder(text.length());
        List<SearchHit.Range> ranges = new ArrayList<>();
        int openedAt = -1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == OPEN.charAt(0)) {
                openedAt = plain.length();
            } else if (ch == CLOSE.charAt(0)) {
                if (openedAt >= 0 && plain.length() > openedAt) {
                    ranges.add(new SearchHit.Range(openedAt, plain.length()));
                }
                openedAt = -1;
            } else {
                plain.append(ch);
            }
        }
        return new SearchHit(conversation, m.messageId(), plain.toString(), ranges, false, m.at(), query.terms());
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
