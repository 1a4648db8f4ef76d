package es.faro.server.delivery;

import es.faro.protocol.model.Channel;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The own community (Khoros Community API v2): {@code POST /api/2.0/messages} with a message whose
 * {@code parent} is the customer's message; the answer carries the new message's id and page.
 */
final class CommunityConnector extends HttpConnector {
    CommunityConnector(OkHttpClient http) {
        super(http);
    }

    @Override
    public Channel channel() {
        return Channel.COMMUNITY;
    }

    @Override
    public Outcome send(Outbound out, Endpoint endpoint) {
        if (out.replyToId() == null) {
            return new Outcome.Permanent("there is no community message to reply to");
        }
        Map<String, Object> data = Map.of("type", "message", "body", out.text(),
                "parent", Map.of("id", out.replyToId()));
        return post(endpoint, "/api/2.0/messages", Map.of("data", data), out.deliveryKey(),
                json -> sentWith(text(json, "/data/id"), text(json, "/data/view_href")));
    }
}
