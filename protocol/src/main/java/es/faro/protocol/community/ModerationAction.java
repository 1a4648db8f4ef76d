package es.faro.protocol.community;

import es.faro.protocol.model.Channel;
import java.time.Instant;

/** One moderation action, as stored and exported: who ({@code agentId}), what, when, why. */
public record ModerationAction(String id, Instant at, String brandId, Channel channel, String conversationId,
                               String messageId, String agentId, ModerationKind action, String reason,
                               String detail) {
}
