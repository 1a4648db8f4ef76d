package es.faro.server.delivery;

import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.server.http.ApiException;
import es.faro.server.store.Conversations;
import es.faro.server.store.Deliveries;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The agent's side of delivery: retry a FAILED reply, mark a PREPARED forum reply as posted. */
public final class DeliveryService {
    static final String INVALID_STATE = "invalid_delivery_state";
    static final String LINK_IN_USE = "link_in_use";

    private final Store store;
    private final Clock clock;

    public DeliveryService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Queues a FAILED reply again (attempts from zero); 409 when it is not FAILED. */
    public CompletableFuture<Message> retry(Agent actor, String conversationId, String messageId) {
        return store.write(c -> {
            Conversation conv = visible(c, actor, conversationId);
            Message m = message(c, conv, messageId);
            Instant now = clock.instant();
            if (m.delivery() != DeliveryState.FAILED
                    || !Deliveries.transition(c, messageId, DeliveryState.FAILED, DeliveryState.QUEUED, now)) {
                throw new ApiException(409, INVALID_STATE, "only a failed delivery can be retried; this message is "
                        + m.delivery());
            }
            return save(c, conv, m.withDelivery(DeliveryState.QUEUED, null, null, null), now);
        });
    }

    /** Marks a PREPARED reply as posted by hand ({@code url}: where, optional); 409 when it is not PREPARED. */
    public CompletableFuture<Message> markPosted(Agent actor, String conversationId, String messageId, String url) {
        String link = url == null || url.isBlank() ? null : checkUrl(url.trim());
        return store.write(c -> {
            Conversation conv = visible(c, actor, conversationId);
            Message m = message(c, conv, messageId);
            Instant now = clock.instant();
            // The link becomes the message's network id, unique per channel: another message's link is a
            // client's mistake (a 409 that says so), not a constraint failure.
            if (link != null && es.faro.server.store.Messages.byChannelId(c, m.channel(), link)
                    .filter(other -> !other.id().equals(m.id())).isPresent()) {
                throw new ApiException(409, LINK_IN_USE, "another message was already marked posted at " + link);
            }
            if (m.delivery() != DeliveryState.PREPARED
                    || !Deliveries.transition(c, messageId, DeliveryState.PREPARED, DeliveryState.SENT, now)) {
                throw new ApiException(409, INVALID_STATE, "only a prepared reply can be marked posted; this message is "
                        + m.delivery());
            }
            return save(c, conv, m.withDelivery(DeliveryState.SENT, link, null, link != null ? link : m.deliveryLink()),
                    now);
        });
    }

    private static String checkUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (url.length() <= 2_000 && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400
        }
        throw ApiException.validation("url must be the http(s) address of the posted reply");
    }

    private static Message save(Connection c, Conversation conv, Message updated, Instant now) throws SQLException {
        String json = Deliveries.updateMessage(c, updated);
        EventLog.appendJson(c, EventType.MESSAGE, now, conv.brandId(), conv.channel(), json);
        return updated;
    }

    private static Conversation visible(Connection c, Agent actor, String id) throws SQLException {
        return Conversations.find(c, id).filter(conv -> actor.canSee(conv.brandId(), conv.channel()))
                .orElseThrow(() -> ApiException.notFound("no conversation " + id));
    }

    private static Message message(Connection c, Conversation conv, String messageId) throws SQLException {
        return Deliveries.message(c, messageId).filter(m -> m.conversationId().equals(conv.id()))
                .orElseThrow(() -> ApiException.notFound("no message " + messageId + " in conversation " + conv.id()));
    }
}
