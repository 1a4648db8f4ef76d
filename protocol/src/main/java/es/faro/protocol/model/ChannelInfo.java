package es.faro.protocol.model;

/** A channel as the client shows it: its limits for the composer. */
public record ChannelInfo(Channel id, String name, int publicReplyLimit, int privateReplyLimit) {
    public static ChannelInfo of(Channel c, String name) {
        return new ChannelInfo(c, name, c.replyLimit(true), c.replyLimit(false));
    }
}
