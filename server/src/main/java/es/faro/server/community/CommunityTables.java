package es.faro.server.community;

import es.faro.protocol.community.CommunityPost;
import es.faro.protocol.community.ModerationAction;
import es.faro.protocol.community.ModerationKind;
import es.faro.protocol.community.PostState;
import es.faro.protocol.model.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL over {@code community_posts} and {@code moderation_actions} (migration V90), both dialects. */
final class CommunityTables {
    private static final String POST_COLUMNS = "message_id, conversation_id, brand_id, channel, channel_message_id,"
            + " board, subject, author_id, author_name, parent_id, kudos, views, state, solution, created_at,"
            + " updated_at";
    private static final String ACTION_COLUMNS = "id, at, brand_id, channel, conversation_id, message_id, agent_id,"
            + " action, reason, detail";

    private CommunityTables() {
    }

    static void insertPost(Connection c, CommunityPost p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO community_posts (" + POST_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.messageId());
            ps.setString(2, p.conversationId());
            ps.setString(3, p.brandId());
            ps.setString(4, p.channel().name());
            ps.setString(5, p.channelMessageId());
            ps.setString(6, p.board());
            ps.setString(7, p.subject());
            ps.setString(8, p.authorId());
            ps.setString(9, p.authorName());
            ps.setString(10, p.parentId());
            ps.setLong(11, p.kudos());
            ps.setLong(12, p.views());
            ps.setString(13, p.state().name());
            ps.setInt(14, p.solution() ? 1 : 0);
            ps.setLong(15, p.createdAt().toEpochMilli());
            ps.setLong(16, p.updatedAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    static void updatePost(Connection c, CommunityPost p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE community_posts SET board = ?, kudos = ?, views = ?,"
                + " state = ?, solution = ?, updated_at = ? WHERE message_id = ?")) {
            ps.setString(1, p.board());
            ps.setLong(2, p.kudos());
            ps.setLong(3, p.views());
            ps.setString(4, p.state().name());
            ps.setInt(5, p.solution() ? 1 : 0);
            ps.setLong(6, p.updatedAt().toEpochMilli());
            ps.setString(7, p.messageId());
            ps.executeUpdate();
        }
    }

    static Optional<CommunityPost> post(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + POST_COLUMNS
                + " FROM community_posts WHERE message_id = ?")) {
            ps.setString(1, messageId);
            List<CommunityPost> list = posts(ps);
            return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
        }
    }

    /**
     * The posts of a thread: the topic (the post without a parent) first, then the replies oldest first.
     * Networks stamp whole seconds, so a quick reply often shares its topic's time: the parent decides.
     */
    static List<CommunityPost> ofConversation(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + POST_COLUMNS
                + " FROM community_posts WHERE conversation_id = ?"
                + " ORDER BY CASE WHEN parent_id IS NULL THEN 0 ELSE 1 END, created_at, message_id")) {
            ps.setString(1, conversationId);
            return posts(ps);
        }
    }

    private static List<CommunityPost> posts(PreparedStatement ps) throws SQLException {
        List<CommunityPost> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CommunityPost(rs.getString(1), rs.getString(2), rs.getString(3),
                        Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11), rs.getLong(12),
                        PostState.valueOf(rs.getString(13)), rs.getInt(14) != 0,
                        Instant.ofEpochMilli(rs.getLong(15)), Instant.ofEpochMilli(rs.getLong(16))));
            }
        }
        return out;
    }

    static void insertAction(Connection c, ModerationAction a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO moderation_actions (" + ACTION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.id());
            ps.setLong(2, a.at().toEpochMilli());
            ps.setString(3, a.brandId());
            ps.setString(4, a.channel().name());
            ps.setString(5, a.conversationId());
            ps.setString(6, a.messageId());
            ps.setString(7, a.agentId());
            ps.setString(8, a.action().wireName());
            ps.setString(9, a.reason());
            ps.setString(10, a.detail());
            ps.executeUpdate();
        }
    }

    /** Filter of the moderation action list and export; null fields do not filter. */
    record ActionFilter(String brandId, Channel channel, String conversationId, String agentId,
                        ModerationKind action, Instant from, Instant to, List<String> visibleBrands) {
    }

    /** Actions in (at, id) order after the cursor position ({@code afterAt}, {@code afterId}), at most {@code limit}. */
    static List<ModerationAction> actions(Connection c, ActionFilter f, Long afterAt, String afterId, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + ACTION_COLUMNS + " FROM moderation_actions WHERE 1=1");
        List<Object> params = new ArrayList<>();
        eq(sql, params, "brand_id", f.brandId());
        eq(sql, params, "channel", f.channel() == null ? null : f.channel().name());
        eq(sql, params, "conversation_id", f.conversationId());
        eq(sql, params, "agent_id", f.agentId());
        eq(sql, params, "action", f.action() == null ? null : f.action().wireName());
        if (f.from() != null) {
            sql.append(" AND at >= ?");
            params.add(f.from().toEpochMilli());
        }
        if (f.to() != null) {
            sql.append(" AND at < ?");
            params.add(f.to().toEpochMilli());
        }
        if (f.visibleBrands() != null) {
            if (f.visibleBrands().isEmpty()) {
                sql.append(" AND 1=0");
            } else {
                sql.append(" AND brand_id IN (").append("?, ".repeat(f.visibleBrands().size() - 1)).append("?)");
                params.addAll(f.visibleBrands());
            }
        }
        if (afterAt != null) {
            sql.append(" AND (at > ? OR (at = ? AND id > ?))");
            params.add(afterAt);
            params.add(afterAt);
            params.add(afterId);
        }
        sql.append(" ORDER BY at, id");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<ModerationAction> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ModerationAction(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3), Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getString(7), ModerationKind.fromWire(rs.getString(8)), rs.getString(9),
                            rs.getString(10)));
                }
            }
            return out;
        }
    }

    private static void eq(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
