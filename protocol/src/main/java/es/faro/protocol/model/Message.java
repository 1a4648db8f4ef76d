package es.faro.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One message in a conversation. {@code clientId} is the idempotency key the client generated for a
 * reply or note (null for inbound messages); {@code channelMessageId} is the network's id.
 * {@code deliveryError} says why a reply FAILED (null otherwise); {@code deliveryLink} is where the
 * agent posts a PREPARED reply by hand (a forum thread without an API), or the network's page of a
 * SENT one when it returns one. {@code editedAt} is set when the customer edited the message on the
 * network (the body is the latest text; earlier versions stay in the server's audit); {@code deletedAt}
 * when the customer deleted it there (the body is kept for the audit, the client shows it as deleted);
 * {@code survey} is true on an outbound CSAT survey. All five are optional on the wire.
 */
public record Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                      String body, @JsonProperty("public") boolean isPublic, Channel channel,
                      String channelMessageId, String inReplyTo, Instant createdAt, DeliveryState delivery,
                      String clientId, String deliveryError, String deliveryLink, Instant editedAt,
                      Instant deletedAt, Boolean survey) {

    @JsonCreator
    public Message {
    }

    /** A message with delivery details but no edit, deletion or survey mark. */
    public Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                   String body, boolean isPublic, Channel channel, String channelMessageId, String inReplyTo,
                   Instant createdAt, DeliveryState delivery, String clientId, String deliveryError,
                   String deliveryLink) {
        this(id, conversationId, kind, authorId, authorName, body, isPublic, channel, channelMessageId, inReplyTo,
                createdAt, delivery, clientId, deliveryError, deliveryLink, null, null, null);
    }

    /** A message with edit, deletion or survey marks but no delivery details. */
    public Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                   String body, boolean isPublic, Channel channel, String channelMessageId, String inReplyTo,
                   Instant createdAt, DeliveryState delivery, String clientId, Instant editedAt, Instant deletedAt,
                   Boolean survey) {
        this(id, conversationId, kind, authorId, authorName, body, isPublic, channel, channelMessageId, inReplyTo,
                createdAt, delivery, clientId, null, null, editedAt, deletedAt, survey);
    }

    /** A message without delivery details (inbound messages, notes, replies not yet delivered). */
    public Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                   String body, boolean isPublic, Channel channel, String channelMessageId, String inReplyTo,
                   Instant createdAt, DeliveryState delivery, String clientId) {
        this(id, conversationId, kind, authorId, authorName, body, isPublic, channel, channelMessageId, inReplyTo,
                createdAt, delivery, clientId, null, null, null, null, null);
    }

    /** This message with a new delivery state, network id, failure reason and link. */
    public Message withDelivery(DeliveryState state, String networkId, String error, String link) {
        return new Message(id, conversationId, kind, authorId, authorName, body, isPublic, channel, networkId,
                inReplyTo, createdAt, state, clientId, error, link, editedAt, deletedAt, survey);
    }

    /** This message signed with {@code name} (a customer whose name the network gave later). */
    public Message withAuthorName(String name) {
        return new Message(id, conversationId, kind, authorId, name, body, isPublic, channel, channelMessageId,
                inReplyTo, createdAt, delivery, clientId, deliveryError, deliveryLink, editedAt, deletedAt, survey);
    }

    /** This message with the customer's edited text. */
    public Message edited(String newBody, Instant at) {
        return new Message(id, conversationId, kind, authorId, authorName, newBody, isPublic, channel,
                channelMessageId, inReplyTo, createdAt, delivery, clientId, deliveryError, deliveryLink, at,
                deletedAt, survey);
    }

    /** This message marked deleted by the customer (the body stays for the audit). */
    public Message deleted(Instant at) {
        return new Message(id, conversationId, kind, authorId, authorName, body, isPublic, channel,
                channelMessageId, inReplyTo, createdAt, delivery, clientId, deliveryError, deliveryLink, editedAt,
                at, survey);
    }
}
