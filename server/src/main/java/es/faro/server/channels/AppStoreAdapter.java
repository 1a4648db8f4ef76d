package es.faro.server.channels;

import static es.faro.server.channels.JsonFields.array;
import static es.faro.server.channels.JsonFields.object;
import static es.faro.server.channels.JsonFields.optText;
import static es.faro.server.channels.JsonFields.root;
import static es.faro.server.channels.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * App Store Connect API customer reviews ({@code GET /v1/apps/{id}/customerReviews}):
 * {@code {"data":[{"type":"customerReviews","id","attributes":{"rating","title","body",
 * "reviewerNickname","createdDate","territory"}}]}}, forwarded by the poller or an external
 * connector with the app id in {@code ?account=}. The App Store has no webhooks, so the body is
 * signed with {@code X-Faro-Signature: sha256=HEX}. The review id is the channel message id: the
 * same review polled again is a duplicate, an edited one updates the stored message.
 */
public final class AppStoreAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.APP_STORE;
    }

    @Override
    public boolean verify(String secret, byte[] raw, Function<String, String> headers) {
        return Signatures.matches(Signatures.hexHeader(secret, raw), headers.apply(Signatures.FARO_HEADER));
    }

    @Override
    public List<InboundMessage> parse(byte[] raw, Map<String, List<String>> query) throws IOException {
        JsonNode root = root(Json.MAPPER.readTree(raw));
        List<String> accounts = query.getOrDefault("account", List.of());
        if (accounts.isEmpty() || accounts.get(0).isBlank()) {
            throw new PayloadException("the query parameter account (the App Store app id) is required");
        }
        String account = accounts.get(0);
        JsonNode data = array(root, "data", "payload");
        if (data == null) {
            throw new PayloadException("payload.data is required");
        }
        List<InboundMessage> result = new ArrayList<>();
        for (JsonNode review : data) {
            if (!review.isObject()) {
                throw new PayloadException("data[] must be objects");
            }
            String type = optText(review, "type");
            if (type != null && !type.equals("customerReviews")) {
                throw new PayloadException("data[].type must be \"customerReviews\", not \"" + type + "\"");
            }
            String id = text(review, "id", "data[]");
            JsonNode a = object(review, "attributes", "data[]");
            JsonNode rating = a.get("rating");
            if (rating == null || !rating.isInt() || rating.asInt() < 1 || rating.asInt() > 5) {
                throw new PayloadException("data[].attributes.rating must be a whole number from 1 to 5");
            }
            String title = optText(a, "title");
            String body = optText(a, "body");
            if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
                throw new PayloadException("data[].attributes needs a title or a body");
            }
            String text = title == null || title.isBlank() ? body.strip()
                    : body == null || body.isBlank() ? title.strip() : title.strip() + "\n" + body.strip();
            String nickname = optText(a, "reviewerNickname");
            String created = text(a, "createdDate", "data[].attributes");
            Instant at;
            try {
                at = OffsetDateTime.parse(created).toInstant();
            } catch (DateTimeParseException e) {
                throw new PayloadException("data[].attributes.createdDate is not an ISO-8601 date-time: " + created);
            }
            // No reviewer id in the API: each review is its own customer identity, like Google Play.
            result.add(new InboundMessage(Channel.APP_STORE, account, id, id, nickname, nickname, 0,
                    "★".repeat(rating.asInt()) + " " + text, true, List.of(), at, null).asUpdate());
        }
        return result;
    }
}
