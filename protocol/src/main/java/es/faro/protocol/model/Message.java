package es.faro.protocol.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One message in a conversation. {@code clientId} is the idempotency key the client generated for a
 * reply or note (null for inbound messages); {@code channelMessageId} is the network's id.
 */
public record Message(String id, String conversationId, MessageKind kind, String authorId, String authorName,
                      String body, @JsonProperty("public") boolean isPublic, Channel channel,
                      String channelMessageId, String inReplyTo, Instant createdAt, DeliveryState delivery,
                      String clientId) {
}
