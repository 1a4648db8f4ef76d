package es.faro.server.channels.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A Google Play Developer API {@code reviews.list} response holding one review, as an external
 * connector forwards it: the app is named by {@code ?account=PACKAGE}, the body signed with
 * {@code X-Faro-Signature: sha256=HEX}. Like the API, int64 {@code seconds} is a JSON string.
 */
final class GooglePlayWebhook {
    static final String PATH = "api/v1/channels/" + Channel.GOOGLE_PLAY.wireName() + "/webhook";

    private GooglePlayWebhook() {
    }

    static SignedWebhook of(DemoMessage m, String secret) {
        if (m.shape() != DemoMessage.Shape.APP_REVIEW) {
            throw new IllegalArgumentException("not an app review: " + m.shape());
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode review = root.putArray("reviews").addObject();
        review.put("reviewId", m.messageId());
        review.put("authorName", m.customer().name());
        ObjectNode comment = review.putArray("comments").addObject().putObject("userComment");
        comment.put("text", m.text());
        ObjectNode modified = comment.putObject("lastModified");
        modified.put("seconds", Long.toString(m.at().getEpochSecond()));
        modified.put("nanos", m.at().getNano());
        comment.put("starRating", m.stars());
        comment.put("reviewerLanguage", m.language());
        byte[] body = Json.writeBytes(root);
        String path = PATH + "?account=" + URLEncoder.encode(m.brandAccountId(), StandardCharsets.UTF_8);
        return new SignedWebhook(Channel.GOOGLE_PLAY, path, body, Signatures.FARO_HEADER,
                Signatures.hexHeader(secret, body));
    }
}
