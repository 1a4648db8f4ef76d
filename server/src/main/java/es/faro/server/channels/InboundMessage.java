package es.faro.server.channels;

import es.faro.protocol.model.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One customer message as an adapter understood it, independent of the network's payload shape.
 * {@code accountId} is the brand account it was addressed to (X user id, Facebook page id, app
 * package); {@code references} are network message ids it replies to, nearest first (parent
 * comment, then the post). {@code attributes} carry what only some channels have (the community's
 * board, subject, kudos and views), read by {@link IngestHook}s.
 */
public record InboundMessage(Channel channel, String accountId, String channelMessageId, String customerUserId,
                             String customerName, String customerHandle, int customerFollowers, String body,
                             boolean isPublic, List<String> references, Instant createdAt, String language,
                             Map<String, String> attributes) {
    public InboundMessage {
        references = references == null ? List.of() : references.stream()
                .filter(r -> r != null && !r.isBlank()).toList();
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A message without channel-specific attributes (community board, subject, kudos, views...). */
    public InboundMessage(Channel channel, String accountId, String channelMessageId, String customerUserId,
                          String customerName, String customerHandle, int customerFollowers, String body,
                          boolean isPublic, List<String> references, Instant createdAt, String language) {
        this(channel, accountId, channelMessageId, customerUserId, customerName, customerHandle, customerFollowers,
                body, isPublic, references, createdAt, language, Map.of());
    }
}
