package es.faro.server.community;

import es.faro.protocol.community.CommunityPost;
import es.faro.protocol.community.PostState;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.server.channels.CommunityAdapter;
import es.faro.server.channels.InboundMessage;
import es.faro.server.channels.IngestHook;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Every community and forum message becomes a post waiting for moderation; a repeated delivery
 * (a poller sees the message again) refreshes its kudos and view counts.
 */
public final class CommunityIngestHook implements IngestHook {

    static boolean moderated(Channel channel) {
        return channel == Channel.COMMUNITY || channel == Channel.FORUM;
    }

    @Override
    public void stored(Connection c, Brand brand, InboundMessage in, Message message, Conversation conversation,
                       Instant now) throws SQLException {
        if (!moderated(in.channel())) {
            return;
        }
        CommunityTables.insertPost(c, new CommunityPost(message.id(), conversation.id(), brand.id(), in.channel(),
                in.channelMessageId(), in.attributes().get(CommunityAdapter.BOARD),
                in.attributes().get(CommunityAdapter.SUBJECT), in.customerUserId(),
                in.customerName() != null ? in.customerName() : in.customerUserId(),
                in.references().isEmpty() ? null : in.references().get(0),
                count(in, CommunityAdapter.KUDOS), count(in, CommunityAdapter.VIEWS), PostState.PENDING, false,
                message.createdAt(), now));
    }

    @Override
    public void repeated(Connection c, Brand brand, InboundMessage in, Message existing, Instant now)
            throws SQLException {
        if (!moderated(in.channel())) {
            return;
        }
        Optional<CommunityPost> post = CommunityTables.post(c, existing.id());
        if (post.isEmpty()) {
            return;
        }
        CommunityPost p = post.get();
        long kudos = in.attributes().containsKey(CommunityAdapter.KUDOS) ? count(in, CommunityAdapter.KUDOS) : p.kudos();
        long views = in.attributes().containsKey(CommunityAdapter.VIEWS) ? count(in, CommunityAdapter.VIEWS) : p.views();
        if (kudos != p.kudos() || views != p.views()) {
            CommunityTables.updatePost(c, new CommunityPost(p.messageId(), p.conversationId(), p.brandId(),
                    p.channel(), p.channelMessageId(), p.board(), p.subject(), p.authorId(), p.authorName(),
                    p.parentId(), kudos, views, p.state(), p.solution(), p.createdAt(), now));
        }
    }

    private static long count(InboundMessage in, String key) {
        String v = in.attributes().get(key);
        return v == null ? 0 : Long.parseLong(v);
    }
}
