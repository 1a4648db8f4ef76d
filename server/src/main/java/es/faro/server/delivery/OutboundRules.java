package es.faro.server.delivery;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.BrandAccount;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.server.config.Reference;
import es.faro.server.http.ApiException;
import es.faro.server.store.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The channel's rules, checked before a reply is accepted (400 {@code validation_failed}, nothing
 * written): it goes out from the conversation's own brand account, which must exist on the channel;
 * review stores, the community and forums take public replies only; a private message (DM) only
 * after the customer wrote one in this conversation. Length limits are checked with the request.
 */
public final class OutboundRules {
    /** Channels without private messages to the customer. */
    static final Set<Channel> PUBLIC_ONLY = EnumSet.of(Channel.GOOGLE_PLAY, Channel.APP_STORE, Channel.COMMUNITY,
            Channel.FORUM);

    private OutboundRules() {
    }

    /** The brand account a reply of {@code conv} goes out from, or a 400 when its brand has none there. */
    public static BrandAccount account(Reference ref, Conversation conv) {
        Optional<Brand> brand = ref.data().brands().stream().filter(b -> b.id().equals(conv.brandId())).findFirst();
        return brand.flatMap(b -> b.account(conv.channel())).orElseThrow(() -> ApiException.validation(
                "the brand " + conv.brandId() + " has no " + conv.channel().wireName()
                        + " account: a reply goes out only from the conversation's own brand account"));
    }

    /** Checks a reply of {@code conv} ({@code isPublic}) against the channel's rules. */
    public static void check(Connection c, Reference ref, Conversation conv, boolean isPublic) throws SQLException {
        account(ref, conv);
        if (isPublic) {
            return;
        }
        if (PUBLIC_ONLY.contains(conv.channel())) {
            throw ApiException.validation(conv.channel().wireName() + " has no private messages: reply publicly");
        }
        if (!customerWrotePrivately(Messages.ofConversation(c, conv.id()))) {
            throw ApiException.validation("a private message on " + conv.channel().wireName()
                    + " is possible only after the customer wrote one in this conversation");
        }
    }

    static boolean customerWrotePrivately(List<Message> thread) {
        return thread.stream().anyMatch(m -> m.kind() == MessageKind.IN && !m.isPublic());
    }
}
