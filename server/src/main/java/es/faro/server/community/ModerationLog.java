package es.faro.server.community;

import es.faro.protocol.community.ModerationAction;
import es.faro.protocol.community.ModerationKind;
import es.faro.protocol.model.Channel;
import es.faro.server.store.Store;
import java.time.Instant;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Message;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the moderation log (list, paging, export); {@code visibleBrands} null = every brand. */
public final class ModerationLog {
    private final Store store;

    public ModerationLog(Store store) {
        this.store = store;
    }

    public record Query(String brandId, Channel channel, String conversationId, String agentId, ModerationKind action,
                        Instant from, Instant to, List<String> visibleBrands) {
    }

    /** A message with its conversation's brand, for the export. */
    public record BrandedMessage(String id, String conversationId, String brandId, Message message) {
    }

    /**
     * Messages created in [from, to), oldest first, each turned into a line by {@code format}; survey
     * links have their token masked.
     */
    public List<String> messages(Instant from, Instant to, String brandId, Channel channel,
                                 Function<BrandedMessage, String> format) {
        return store.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT m.id, m.conversation_id, cv.brand_id, m.json, s.token"
                    + " FROM messages m JOIN conversations cv ON cv.id = m.conversation_id"
                    + " LEFT JOIN csat_surveys s ON s.message_id = m.id"
                    + " WHERE m.created_at >= ? AND m.created_at < ?");
            if (brandId != null) {
                sql.append(" AND cv.brand_id = ?");
            }
            if (channel != null) {
                sql.append(" AND m.channel = ?");
            }
            sql.append(" ORDER BY m.created_at, m.id");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setLong(i++, from.toEpochMilli());
                ps.setLong(i++, to.toEpochMilli());
                if (brandId != null) {
                    ps.setString(i++, brandId);
                }
                if (channel != null) {
                    ps.setString(i, channel.name());
                }
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(format.apply(new BrandedMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                                withoutToken(Json.read(rs.getString(4), Message.class), rs.getString(5)))));
                    }
                }
                return out;
            }
        });
    }

    /** What a survey link's token is replaced with in an export. */
    public static final String TOKEN_MARK = "[token]";

    /**
     * A CSAT survey message carries its link, and the link's token is the credential that answers the
     * survey: an export shows the message with the token masked.
     */
    static Message withoutToken(Message m, String surveyToken) {
        if (surveyToken == null || m.body() == null || !m.body().contains(surveyToken)) {
            return m;
        }
        com.fasterxml.jackson.databind.node.ObjectNode json = Json.MAPPER.valueToTree(m);
        json.put("body", m.body().replace(surveyToken, TOKEN_MARK));
        return Json.convert(json, Message.class);
    }

    /** In (at, id) order after the position; {@code limit} 0 = all. */
    public List<ModerationAction> page(Query q, Long afterAt, String afterId, int limit) {
        return store.read(c -> CommunityTables.actions(c, new CommunityTables.ActionFilter(q.brandId(), q.channel(),
                q.conversationId(), q.agentId(), q.action(), q.from(), q.to(), q.visibleBrands()), afterAt, afterId,
                limit));
    }
}
