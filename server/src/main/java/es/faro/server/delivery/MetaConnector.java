package es.faro.server.delivery;

import es.faro.protocol.model.Channel;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Meta Graph API, Facebook and Instagram: a public reply answers the customer's comment
 * ({@code POST /{comment-id}/comments} on Facebook, {@code POST /{ig-comment-id}/replies} on
 * Instagram); a private one goes through the Send API, {@code POST /me/messages} with the recipient's
 * page- or Instagram-scoped id.
 */
final class MetaConnector extends HttpConnector {
    private final Channel channel;

    MetaConnector(OkHttpClient http, Channel channel) {
        super(http);
        if (channel != Channel.FACEBOOK && channel != Channel.INSTAGRAM) {
            throw new IllegalArgumentException("Meta serves Facebook and Instagram, not " + channel);
        }
        this.channel = channel;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public Outcome send(Outbound out, Endpoint endpoint) {
        if (out.isPublic()) {
            if (out.replyToId() == null) {
                return new Outcome.Permanent("there is no customer comment to reply to");
            }
            String edge = channel == Channel.FACEBOOK ? "/comments" : "/replies";
            return post(endpoint, "/" + encode(out.replyToId()) + edge, Map.of("message", out.text()),
                    out.deliveryKey(), json -> sentWith(text(json, "/id"), null));
        }
        if (out.customerUserId() == null) {
            return new Outcome.Permanent("the customer's " + channel.wireName() + " id is unknown");
        }
        return post(endpoint, "/me/messages", Map.of("recipient", Map.of("id", out.customerUserId()),
                        "messaging_type", "RESPONSE", "message", Map.of("text", out.text())),
                out.deliveryKey(), json -> sentWith(text(json, "/message_id"), null));
    }
}
