package es.faro.server.community;

import es.faro.protocol.community.Leaderboard;
import es.faro.protocol.community.LeaderboardEntry;
import es.faro.protocol.community.ModerationKind;
import es.faro.server.metrics.Window;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The superuser programme (leaderboard, levels) and the community metrics: accepted solutions,
 * views of solved threads (the topic's ingested view count), and moderation actions, grouped by
 * brand, channel, queue, agent, action or day (Madrid days).
 */
public final class CommunityMetrics {
    private final Store store;
    private final CommunityConfig config;

    public CommunityMetrics(Store store, CommunityConfig config) {
        this.store = store;
        this.config = config;
    }

    public CommunityConfig config() {
        return config;
    }

    private record Member(String brandId, String authorId) {
    }

    private static final class Tally {
        String name;
        long solutions;
        long kudos;
    }

    /** Members of {@code brandId} (null = every brand) ranked by the points earned in the window. */
    public Leaderboard leaderboard(String brandId, Window window, int limit) {
        return store.read(c -> {
            Map<Member, Tally> period = tallies(c, brandId, window);
            Map<Member, Tally> lifetime = tallies(c, brandId, null);
            List<Map.Entry<Member, Tally>> ranked = new ArrayList<>(period.entrySet());
            ranked.removeIf(e -> points(e.getValue()) == 0);
            ranked.sort(Comparator.<Map.Entry<Member, Tally>>comparingLong(e -> -points(e.getValue()))
                    .thenComparingLong(e -> -e.getValue().solutions)
                    .thenComparing(e -> e.getKey().brandId())
                    .thenComparing(e -> e.getKey().authorId()));
            List<LeaderboardEntry> items = new ArrayList<>();
            for (int i = 0; i < ranked.size() && i < limit; i++) {
                Member m = ranked.get(i).getKey();
                Tally t = ranked.get(i).getValue();
                long total = points(lifetime.getOrDefault(m, t));
                items.add(new LeaderboardEntry(i + 1, m.brandId(), m.authorId(), t.name, t.solutions, t.kudos,
                        points(t), total, config.level(total)));
            }
            return new Leaderboard(brandId, window.from(), window.to(), items);
        });
    }

    private long points(Tally t) {
        return t.solutions * config.points().solution() + t.kudos * config.points().kudo();
    }

    /** Accepted solutions (accepted in the window) and kudos (of posts written in the window) per member. */
    private static Map<Member, Tally> tallies(Connection c, String brandId, Window window) throws SQLException {
        Map<Member, Tally> out = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT p.brand_id, p.author_id, MAX(p.author_name), COUNT(*)"
                + " FROM moderation_actions a JOIN community_posts p ON p.message_id = a.message_id"
                + " WHERE a.action = ? AND p.solution = 1");
        List<Object> params = new ArrayList<>(List.of(ModerationKind.ACCEPT_SOLUTION.wireName()));
        filter(sql, params, "a.brand_id", "a.at", brandId, window);
        sql.append(" GROUP BY p.brand_id, p.author_id");
        query(c, sql.toString(), params, rs -> {
            Tally t = out.computeIfAbsent(new Member(rs.getString(1), rs.getString(2)), k -> new Tally());
            t.name = rs.getString(3);
            t.solutions = rs.getLong(4);
        });
        sql = new StringBuilder("SELECT brand_id, author_id, MAX(author_name), SUM(kudos) FROM community_posts"
                + " WHERE state <> 'REJECTED' AND state <> 'SPAM'");
        params = new ArrayList<>();
        filter(sql, params, "brand_id", "created_at", brandId, window);
        sql.append(" GROUP BY brand_id, author_id");
        query(c, sql.toString(), params, rs -> {
            Tally t = out.computeIfAbsent(new Member(rs.getString(1), rs.getString(2)), k -> new Tally());
            t.name = t.name == null ? rs.getString(3) : t.name;
            t.kudos = rs.getLong(4);
        });
        return out;
    }

    private static void filter(StringBuilder sql, List<Object> params, String brandColumn, String atColumn,
                               String brandId, Window window) {
        if (brandId != null) {
            sql.append(" AND ").append(brandColumn).append(" = ?");
            params.add(brandId);
        }
        if (window != null) {
            sql.append(" AND ").append(atColumn).append(" >= ? AND ").append(atColumn).append(" < ?");
            params.add(window.from().toEpochMilli());
            params.add(window.to().toEpochMilli());
        }
    }

    /** One row of a grouped metric: the group's key and its named figures. */
    public record Row(String key, Map<String, Long> values) {
    }

    /** The figures of a grouped metric in the window, rows in key order. */
    public record Grouped(Instant from, Instant to, String groupBy, List<Row> rows) {
    }

    /**
     * Superuser programme figures: {@code approvedSolutions} (solutions accepted in the window),
     * {@code solvedThreadViews} (views of those threads' topics), {@code posts} (posts received).
     */
    public Grouped community(Window window, String groupBy) {
        return store.read(c -> {
            Map<String, Map<String, Long>> rows = new TreeMap<>();
            String sql = "SELECT a.brand_id, a.channel, a.at, a.agent_id, cv.queue_id,"
                    + " (SELECT t.views FROM community_posts t WHERE t.conversation_id = a.conversation_id"
                    + " ORDER BY CASE WHEN t.parent_id IS NULL THEN 0 ELSE 1 END, t.created_at, t.message_id LIMIT 1)"
                    + " FROM moderation_actions a JOIN community_posts p ON p.message_id = a.message_id"
                    + " LEFT JOIN conversations cv ON cv.id = a.conversation_id"
                    + " WHERE a.action = ? AND p.solution = 1 AND a.at >= ? AND a.at < ?";
            query(c, sql, List.of(ModerationKind.ACCEPT_SOLUTION.wireName(), window.from().toEpochMilli(),
                    window.to().toEpochMilli()), rs -> {
                Map<String, Long> row = row(rows, key(groupBy, rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5)));
                row.merge("approvedSolutions", 1L, Long::sum);
                row.merge("solvedThreadViews", rs.getLong(6), Long::sum);
            });
            String posts = "SELECT p.brand_id, p.channel, p.created_at, cv.assignee_id, cv.queue_id"
                    + " FROM community_posts p LEFT JOIN conversations cv ON cv.id = p.conversation_id"
                    + " WHERE p.created_at >= ? AND p.created_at < ?";
            query(c, posts, List.of(window.from().toEpochMilli(), window.to().toEpochMilli()), rs ->
                    row(rows, key(groupBy, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5))).merge("posts", 1L, Long::sum));
            return grouped(window, groupBy, rows, List.of("approvedSolutions", "solvedThreadViews", "posts"));
        });
    }

    /** Moderation actions in the window: {@code total} and one count per action name. */
    public Grouped moderation(Window window, String groupBy) {
        return store.read(c -> {
            Map<String, Map<String, Long>> rows = new TreeMap<>();
            String sql = "SELECT a.brand_id, a.channel, a.at, a.agent_id, cv.queue_id, a.action"
                    + " FROM moderation_actions a LEFT JOIN conversations cv ON cv.id = a.conversation_id"
                    + " WHERE a.at >= ? AND a.at < ?";
            query(c, sql, List.of(window.from().toEpochMilli(), window.to().toEpochMilli()), rs -> {
                String k = groupBy.equals("action") ? rs.getString(6)
                        : key(groupBy, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5));
                Map<String, Long> row = row(rows, k);
                row.merge("total", 1L, Long::sum);
                row.merge(rs.getString(6), 1L, Long::sum);
            });
            List<String> names = new ArrayList<>(List.of("total"));
            for (ModerationKind k : ModerationKind.values()) {
                names.add(k.wireName());
            }
            return grouped(window, groupBy, rows, names);
        });
    }

    private static Map<String, Long> row(Map<String, Map<String, Long>> rows, String key) {
        return rows.computeIfAbsent(key, k -> new HashMap<>());
    }

    private static Grouped grouped(Window window, String groupBy, Map<String, Map<String, Long>> rows,
                                   List<String> names) {
        List<Row> out = new ArrayList<>();
        rows.forEach((k, v) -> {
            Map<String, Long> values = new LinkedHashMap<>();
            names.forEach(n -> values.put(n, v.getOrDefault(n, 0L)));
            out.add(new Row(k, values));
        });
        return new Grouped(window.from(), window.to(), groupBy, out);
    }

    private static String key(String groupBy, String brand, String channel, long at, String agent, String queue) {
        return switch (groupBy) {
            case "brand" -> brand;
            case "channel" -> channel;
            case "agent" -> agent == null ? es.faro.protocol.metrics.GroupKeys.NONE : agent;
            case "queue" -> queue == null ? es.faro.protocol.metrics.GroupKeys.NONE : queue;
            case "day" -> Window.bucketOf(Instant.ofEpochMilli(at), ChronoUnit.DAYS).atZone(Window.ZONE)
                    .toLocalDate().toString();
            default -> throw new IllegalArgumentException(groupBy);
        };
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, List<Object> params, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
