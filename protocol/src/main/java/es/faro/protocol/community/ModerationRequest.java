package es.faro.protocol.community;

/**
 * {@code POST /api/v1/conversations/{id}/moderation}: {@code action} (approve, reject, edit, move,
 * spam, accept_solution); {@code messageId} the post (default: the thread's first post);
 * {@code reason} required to reject; {@code body} the new text to edit; {@code board} to move.
 */
public record ModerationRequest(String action, String messageId, String reason, String body, String board) {
}
