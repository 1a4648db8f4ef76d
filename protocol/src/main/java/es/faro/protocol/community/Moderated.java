package es.faro.protocol.community;

import java.util.List;

/** The result of a moderation action and the data of its event: the action and the posts it changed. */
public record Moderated(ModerationAction action, List<CommunityPost> posts) {
}
