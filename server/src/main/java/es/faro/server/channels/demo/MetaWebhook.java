package es.faro.server.channels.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;

/**
 * Meta page webhooks for Facebook: a {@code feed} change for a comment under one of the brand's posts,
 * or a {@code messaging} entry for a Messenger message; signed {@code X-Hub-Signature-256: sha256=HEX}.
 * Meta escapes every non-ASCII character as {@code \\uXXXX} on the wire, and so do we, so the server's
 * check over the raw bytes is exercised the way the real network does it.
 */
final class MetaWebhook {
    static final String PATH = "api/v1/channels/" + Channel.FACEBOOK.wireName() + "/webhook";
    private static final ObjectWriter WIRE = Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private MetaWebhook() {
    }

    static SignedWebhook of(DemoMessage m, String secret) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", m.brandAccountId());
        switch (m.shape()) {
            case PAGE_COMMENT -> comment(entry, m);
            case PAGE_MESSAGE -> message(entry, m);
            default -> throw new IllegalArgumentException("not a Facebook message: " + m.shape());
        }
        byte[] body;
        try {
            body = WIRE.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a Meta payload", e);
        }
        return new SignedWebhook(Channel.FACEBOOK, PATH, body, Signatures.META_HEADER,
                Signatures.hexHeader(secret, body));
    }

    private static void comment(ObjectNode entry, DemoMessage m) {
        long seconds = m.at().getEpochSecond();
        entry.put("time", seconds);
        ObjectNode change = entry.putArray("changes").addObject();
        change.put("field", "feed");
        ObjectNode value = change.putObject("value");
        ObjectNode from = value.putObject("from");
        from.put("id", m.customer().facebookId());
        from.put("name", m.customer().name());
        value.put("item", "comment");
        value.put("verb", "add");
        value.put("comment_id", m.messageId());
        value.put("post_id", m.postId());
        // Meta gives the post as parent of a top-level comment and the comment answered for a reply.
        value.put("parent_id", m.replyToId() != null ? m.replyToId() : m.postId());
        value.put("message", m.text());
        value.put("created_time", seconds);
    }

    private static void message(ObjectNode entry, DemoMessage m) {
        long millis = m.at().toEpochMilli();
        entry.put("time", millis);
        ObjectNode messaging = entry.putArray("messaging").addObject();
        messaging.putObject("sender").put("id", m.customer().facebookId());
        messaging.putObject("recipient").put("id", m.brandAccountId());
        messaging.put("timestamp", millis);
        ObjectNode message = messaging.putObject("message");
        message.put("mid", m.messageId());
        message.put("text", m.text());
    }
}
