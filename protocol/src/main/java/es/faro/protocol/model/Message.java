package es.faro.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One message in a conversation. {@code clientId} is the idempotency key the client generated for a
 * reply or note (null for inbound messages); {@code channelMessageId} is the network's id.
 * {@code editedAt} is set when the customer edited the message on the network (the body is the
 * latest text; earlier versions stay in the server's audit); {@code deletedAt} when the customer
 * deleted it there (the body is kept for the audit, the client shows it as deleted); {@code survey}
 * is true on an outbound CSAT survey. All three are optional on the wire.
 */
public record Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                      String body, @JsonProperty("public") boolean isPublic, Channel channel,
                      String channelMessageId, String inReplyTo, Instant createdAt, DeliveryState delivery,
                      String clientId, Instant editedAt, Instant deletedAt, Boolean survey) {

    public Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                   String body, boolean isPublic, Channel channel, String channelMessageId, String inReplyTo,
                   Instant createdAt, DeliveryState delivery, String clientId) {
        this(id, conversationId, kind, authorId, authorName, body, isPublic, channel, channelMessageId, inReplyTo,
                createdAt, delivery, clientId, null, null, null);
    }

    /** This message with the customer's edited text. */
    public Message edited(String newBody, Instant at) {
        return new Message(id, conversationId, kind, authorId, authorName, newBody, isPublic, channel,
                channelMessageId, inReplyTo, createdAt, delivery, clientId, at, deletedAt, survey);
    }

    /** This message marked deleted by the customer (the body stays for the audit). */
    public Message deleted(Instant at) {
        return new Message(id, conversationId, kind, authorId, authorName, body, isPublic, channel,
                channelMessageId, inReplyTo, createdAt, delivery, clientId, editedAt, at, survey);
    }
}
