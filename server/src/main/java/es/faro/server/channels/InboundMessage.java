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
 * board, subject, kudos and views), read by {@link IngestHook}s. {@code action} says what the network
 * reported: a new message, a new or changed version of one (edits, and reviews that are polled again),
 * or a deletion.
 */
public record InboundMessage(Channel channel, String accountId, String channelMessageId, String customerUserId,
                             String customerName, String customerHandle, int customerFollowers, String body,
                             boolean isPublic, List<String> references, Instant createdAt, String language,
                             Map<String, String> attributes, Action action) {

    /** What the network reported about the message. */
    public enum Action {
        /** A new message; a repeated id is a duplicate and ignored. */
        CREATE,
        /** The message's current version: stored when new, the body updated (with an audit row) when it changed. */
        UPDATE,
        /** The customer deleted it: the stored message is marked deleted, its body kept for the audit. */
        DELETE
    }

    public InboundMessage {
        references = references == null ? List.of() : references.stream()
                .filter(r -> r != null && !r.isBlank()).toList();
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        action = action == null ? Action.CREATE : action;
    }

    /** A new message with channel-specific attributes (community board, subject, kudos, views...). */
    public InboundMessage(Channel channel, String accountId, String channelMessageId, String customerUserId,
                          String customerName, String customerHandle, int customerFollowers, String body,
                          boolean isPublic, List<String> references, Instant createdAt, String language,
                          Map<String, String> attributes) {
        this(channel, accountId, channelMessageId, customerUserId, customerName, customerHandle, customerFollowers,
                body, isPublic, references, createdAt, language, attributes, Action.CREATE);
    }

    /** A message without channel-specific attributes, as the network reported it ({@code action}). */
    public InboundMessage(Channel channel, String accountId, String channelMessageId, String customerUserId,
                          String customerName, String customerHandle, int customerFollowers, String body,
                          boolean isPublic, List<String> references, Instant createdAt, String language,
                          Action action) {
        this(channel, accountId, channelMessageId, customerUserId, customerName, customerHandle, customerFollowers,
                body, isPublic, references, createdAt, language, Map.of(), action);
    }

    /** A new message without channel-specific attributes. */
    public InboundMessage(Channel channel, String accountId, String channelMessageId, String customerUserId,
                          String customerName, String customerHandle, int customerFollowers, String body,
                          boolean isPublic, List<String> references, Instant createdAt, String language) {
        this(channel, accountId, channelMessageId, customerUserId, customerName, customerHandle, customerFollowers,
                body, isPublic, references, createdAt, language, Map.of(), Action.CREATE);
    }

    /** A deletion of the network message {@code channelMessageId} on {@code accountId}. */
    public static InboundMessage deletion(Channel channel, String accountId, String channelMessageId, Instant at) {
        return new InboundMessage(channel, accountId, channelMessageId, null, null, null, 0, null, false, List.of(),
                at, null, Map.of(), Action.DELETE);
    }

    /** This message as the current version of itself (an edit). */
    public InboundMessage asUpdate() {
        return new InboundMessage(channel, accountId, channelMessageId, customerUserId, customerName, customerHandle,
                customerFollowers, body, isPublic, references, createdAt, language, attributes, Action.UPDATE);
    }
}
