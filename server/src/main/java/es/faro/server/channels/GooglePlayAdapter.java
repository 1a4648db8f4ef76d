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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Google Play Developer API reviews list ({@code {"reviews":[...]}}) as forwarded by a poller,
 * with the app's package name in {@code ?account=}. Google Play has no webhooks of its own, so
 * the body is signed with Faro's {@code X-Faro-Signature: sha256=HEX}. A review is public; its id
 * is the channel message id, so polling the same review again is a duplicate, and a review the
 * customer edited (same id, new text) updates the stored message instead of adding one.
 */
public final class GooglePlayAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.GOOGLE_PLAY;
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
            throw new PayloadException("the query parameter account (the app's package name) is required");
        }
        String account = accounts.get(0);
        List<InboundMessage> result = new ArrayList<>();
        JsonNode reviews = array(root, "reviews", "payload");
        if (reviews == null) {
            return result;
        }
        for (JsonNode review : reviews) {
            String reviewId = text(review, "reviewId", "reviews[]");
            JsonNode comments = array(review, "comments", "reviews[]");
            JsonNode user = null;
            if (comments != null) {
                for (JsonNode comment : comments) {
                    if (comment.has("userComment")) {
                        user = object(comment, "userComment", "reviews[].comments[]");
                        break;
                    }
                }
            }
            if (user == null) {
                throw new PayloadException("reviews[].comments[] needs a userComment");
            }
            JsonNode modified = object(user, "lastModified", "reviews[].comments[].userComment");
            Instant at = Instant.ofEpochSecond(whole(modified.get("seconds"), "seconds"),
                    whole(modified.get("nanos"), "nanos"));
            String author = optText(review, "authorName");
            result.add(new InboundMessage(Channel.GOOGLE_PLAY, account, reviewId, reviewId, author, author, 0,
                    text(user, "text", "reviews[].comments[].userComment").strip(), true, List.of(), at,
                    language(optText(user, "reviewerLanguage"))).asUpdate());
        }
        return result;
    }

    /** A Timestamp field (int64 seconds come as a JSON string, nanos as a number); absent is 0, anything else a 400. */
    private static long whole(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return 0;
        }
        try {
            if (v.isIntegralNumber() || v.isTextual()) {
                long n = Long.parseLong(v.asText().strip());
                if (n >= 0) {
                    return n;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new PayloadException("reviews[].comments[].userComment.lastModified." + field
                + " must be a whole number ≥ 0: " + v);
    }

    /** "es_ES" / "en-GB" → "es" / "en": conversations carry the primary language only. */
    private static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }
}
