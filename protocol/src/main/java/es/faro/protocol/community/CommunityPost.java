package es.faro.protocol.community;

import es.faro.protocol.model.Channel;
import java.time.Instant;

/**
 * A community or forum message as the moderation sees it: {@code messageId} is Faro's message,
 * {@code authorId} the member's id on the community (or forum author), {@code parentId} the
 * network id of the post it answers, {@code kudos} and {@code views} the latest counts ingested.
 */
public record CommunityPost(String messageId, String conversationId, String brandId, Channel channel,
                            String channelMessageId, String board, String subject, String authorId,
                            String authorName, String parentId, long kudos, long views, PostState state,
                            boolean solution, Instant createdAt, Instant updatedAt) {
}
