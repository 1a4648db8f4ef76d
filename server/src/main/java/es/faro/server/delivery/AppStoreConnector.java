package es.faro.server.delivery;

import es.faro.protocol.model.Channel;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * App Store Connect API: {@code POST /v1/customerReviewResponses} with a JSON:API document whose
 * {@code responseBody} answers the review named in {@code relationships.review}.
 */
final class AppStoreConnector extends HttpConnector {
    AppStoreConnector(OkHttpClient http) {
        super(http);
    }

    @Override
    public Channel channel() {
        return Channel.APP_STORE;
    }

    @Override
    public Outcome send(Outbound out, Endpoint endpoint) {
        if (out.replyToId() == null) {
            return new Outcome.Permanent("there is no review to respond to");
        }
        Map<String, Object> data = Map.of("type", "customerReviewResponses",
                "attributes", Map.of("responseBody", out.text()),
                "relationships", Map.of("review", Map.of("data", Map.of("type", "customerReviews",
                        "id", out.replyToId()))));
        return post(endpoint, "/v1/customerReviewResponses", Map.of("data", data), out.deliveryKey(),
                json -> sentWith(text(json, "/data/id"), null));
    }
}
