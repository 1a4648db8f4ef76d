package es.faro.server.delivery;

import es.faro.protocol.model.Channel;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * X API v2: a public reply is {@code POST /2/tweets} with {@code reply.in_reply_to_tweet_id}; a private
 * one is {@code POST /2/dm_conversations/with/{participant_id}/messages}.
 */
final class XConnector extends HttpConnector {
    XConnector(OkHttpClient http) {
        super(http);
    }

    @Override
    public Channel channel() {
        return Channel.TWITTER;
    }

    @Override
    public Outcome send(Outbound out, Endpoint endpoint) {
        if (out.isPublic()) {
            if (out.replyToId() == null) {
                return new Outcome.Permanent("there is no customer post to reply to");
            }
            return post(endpoint, "/2/tweets", Map.of("text", out.text(),
                    "reply", Map.of("in_reply_to_tweet_id", out.replyToId())), out.deliveryKey(), json -> {
                String id = text(json, "/data/id");
                return sentWith(id, id == null ? null : "https://x.com/i/web/status/" + id);
            });
        }
        if (out.customerUserId() == null) {
            return new Outcome.Permanent("the customer's X user id is unknown");
        }
        return post(endpoint, "/2/dm_conversations/with/" + encode(out.customerUserId()) + "/messages",
                Map.of("text", out.text()), out.deliveryKey(), json -> sentWith(text(json, "/data/dm_event_id"), null));
    }
}
