package es.faro.server.delivery;

import es.faro.protocol.model.Channel;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Google Play Developer API: {@code POST /androidpublisher/v3/applications/{package}/reviews/{reviewId}:reply}
 * with {@code replyText}. A review has one reply (a new one replaces it), and the API returns no id:
 * the message's network id is the review id and the reply's edit time.
 */
final class GooglePlayConnector extends HttpConnector {
    GooglePlayConnector(OkHttpClient http) {
        super(http);
    }

    @Override
    public Channel channel() {
        return Channel.GOOGLE_PLAY;
    }

    @Override
    public Outcome send(Outbound out, Endpoint endpoint) {
        if (out.replyToId() == null) {
            return new Outcome.Permanent("there is no review to reply to");
        }
        String path = "/androidpublisher/v3/applications/" + encode(out.account().id()) + "/reviews/"
                + encode(out.replyToId()) + ":reply";
        return post(endpoint, path, Map.of("replyText", out.text()), out.deliveryKey(), json -> {
            String edited = text(json, "/result/lastEdited/seconds");
            return sentWith(out.replyToId() + ":reply:" + (edited != null ? edited : out.deliveryKey()), null);
        });
    }
}
