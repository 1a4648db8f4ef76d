package es.faro.protocol.community;

/** Moderation state of a community or forum post: new posts wait in the moderation queue. */
public enum PostState {
    PENDING, APPROVED, REJECTED, SPAM
}
