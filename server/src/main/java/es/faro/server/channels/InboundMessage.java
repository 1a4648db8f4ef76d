package es.faro.server.channels;

import es.faro.protocol.model.Channel;
import java.time.Instant;
import java.util.List;

/**
 * One customer message as an adapter understood it, independent of the network's payload shape.
 * {@code accountId} is the brand account it was addressed to (X user id, Facebook page id, app
 * package); {@code references} are network message ids it replies to, nearest first (parent
 * comment, then the post).
 */
public record InboundMessage(Channel channel, String accountId, String channelMessageId, String customerUserId,
                             String customerName, String customerHandle, int customerFollowers, String body,
                             boolean isPublic, List<String> references, Instant createdAt, String language) {
    public InboundMessage {
        references = references == null ? List.of() : references.stream()
                .filter(r -> r != null && !r.isBlank()).toList();
    }
}
