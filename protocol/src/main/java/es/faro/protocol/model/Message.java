package es.faro.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One message in a conversation. {@code clientId} is the idempotency key the client generated for a
 * reply or note (null for inbound messages); {@code channelMessageId} is the network's id.
 * {@code deliveryError} says why a reply FAILED (null otherwise); {@code deliveryLink} is where the
 * agent posts a PREPARED reply by hand (a forum thread without an API), or the network's page of a
 * SENT one when it returns one. Both are optional on the wire.
 */
public record Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                      String body, @JsonProperty("public") boolean isPublic, Channel channel,
                      String channelMessageId, String inReplyTo, Instant createdAt, DeliveryState delivery,
                      String clientId, String deliveryError, String deliveryLink) {

    @JsonCreator
    public Message {
    }

    /** A message without delivery details (inbound messages, notes, replies not yet delivered). */
    public Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                   String body, boolean isPublic, Channel channel, String channelMessageId, String inReplyTo,
                   Instant createdAt, DeliveryState delivery, String clientId) {
        this(id, conversationId, kind, authorId, authorName, body, isPublic, channel, channelMessageId, inReplyTo,
                createdAt, delivery, clientId, null, null);
    }

    /** This message with a new delivery state, network id, failure reason and link. */
    public Message withDelivery(DeliveryState state, String networkId, String error, String link) {
        return new Message(id, conversationId, kind, authorId, authorName, body, isPublic, channel, networkId,
                inReplyTo, createdAt, state, clientId, error, link);
    }
}
