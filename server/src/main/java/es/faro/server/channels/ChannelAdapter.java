package es.faro.server.channels;

import es.faro.protocol.model.Channel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one network's webhook payload (its own shape, raw bytes as received) into inbound
 * messages, and checks the network's signature header. One small class per channel.
 */
public interface ChannelAdapter {
    Channel channel();

    /** Whether the payload is JSON (webhooks then require {@code application/json}); feeds are XML. */
    default boolean jsonPayload() {
        return true;
    }

    /** Whether {@code headers} carry a valid HMAC-SHA256 of {@code raw} made with {@code secret}. */
    boolean verify(String secret, byte[] raw, Function<String, String> headers);

    /**
     * Parses the payload. Messages the brand itself wrote (echoes of our replies) are left out.
     *
     * @throws IOException when the body is not JSON
     * @throws PayloadException when the JSON is not the network's shape
     */
    List<InboundMessage> parse(byte[] raw, Map<String, List<String>> query) throws IOException;
}
