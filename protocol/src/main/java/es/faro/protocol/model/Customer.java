package es.faro.protocol.model;

/** A customer's identity on one channel. */
public record Customer(String id, String name, String handle, Channel channel, String channelUserId,
                       int followers, String language) {
}
