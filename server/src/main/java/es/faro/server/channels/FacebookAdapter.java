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
import java.util.Map;
import java.util.function.Function;

/**
 * Meta webhooks for a Facebook page: {@code object = "page"}; each {@code entry} is one page
 * ({@code id}); {@code changes[]} with {@code field = "feed"} carry comments, {@code messaging[]}
 * Messenger messages. Signed with {@code X-Hub-Signature-256: sha256=HEX}.
 */
public final class FacebookAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.FACEBOOK;
    }

    @Override
    public boolean verify(String secret, byte[] raw, Function<String, String> headers) {
        return Signatures.matches(Signatures.hexHeader(secret, raw), headers.apply(Signatures.META_HEADER));
    }

    @Override
    public List<InboundMessage> parse(byte[] raw, Map<String, List<String>> query) throws IOException {
        JsonNode root = root(Json.MAPPER.readTree(raw));
        if (!"page".equals(optText(root, "object"))) {
            throw new PayloadException("payload.object must be \"page\"");
        }
        JsonNode entries = array(root, "entry", "payload");
        List<InboundMessage> result = new ArrayList<>();
        if (entries == null) {
            return result;
        }
        for (JsonNode entry : entries) {
            String page = text(entry, "id", "entry[]");
            JsonNode changes = array(entry, "changes", "entry[]");
            if (changes != null) {
                for (JsonNode change : changes) {
                    comment(page, change).ifPresent(result::add);
                }
            }
            JsonNode messaging = array(entry, "messaging", "entry[]");
            if (messaging != null) {
                for (JsonNode m : messaging) {
                    message(page, m).ifPresent(result::add);
                }
            }
        }
        return result;
    }

    private static java.util.Optional<InboundMessage> comment(String page, JsonNode change) {
        if (!"feed".equals(optText(change, "field"))) {
            return java.util.Optional.empty();
        }
        JsonNode v = object(change, "value", "entry[].changes[]");
        if (!"comment".equals(optText(v, "item")) || !"add".equals(optText(v, "verb"))) {
            return java.util.Optional.empty(); // edits, deletions, likes: not new messages
        }
        JsonNode from = object(v, "from", "entry[].changes[].value");
        String fromId = text(from, "id", "entry[].changes[].value.from");
        if (fromId.equals(page)) {
            return java.util.Optional.empty(); // the page's own reply
        }
        String postId = optText(v, "post_id");
        String parentId = optText(v, "parent_id");
        List<String> refs = new ArrayList<>();
        if (parentId != null && !parentId.equals(postId)) {
            refs.add(parentId);
        }
        if (postId != null) {
            refs.add(postId);
        }
        String created = text(v, "created_time", "entry[].changes[].value");
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(created));
        } catch (NumberFormatException e) {
            throw new PayloadException("entry[].changes[].value.created_time must be unix seconds: " + created);
        }
        return java.util.Optional.of(new InboundMessage(Channel.FACEBOOK, page,
                text(v, "comment_id", "entry[].changes[].value"), fromId, optText(from, "name"), optText(from, "name"),
                0, text(v, "message", "entry[].changes[].value"), true, refs, at, null));
    }

    private static java.util.Optional<InboundMessage> message(String page, JsonNode m) {
        JsonNode msg = m.get("message");
        if (msg == null || !msg.isObject() || msg.path("is_echo").asBoolean(false)) {
            return java.util.Optional.empty(); // deliveries, reads and echoes of our own messages
        }
        String sender = text(object(m, "sender", "entry[].messaging[]"), "id", "entry[].messaging[].sender");
        if (sender.equals(page)) {
            return java.util.Optional.empty();
        }
        JsonNode ts = m.get("timestamp");
        if (ts == null || !ts.canConvertToLong()) {
            throw new PayloadException("entry[].messaging[].timestamp must be milliseconds");
        }
        return java.util.Optional.of(new InboundMessage(Channel.FACEBOOK, page,
                text(msg, "mid", "entry[].messaging[].message"), sender, null, null, 0,
                text(msg, "text", "entry[].messaging[].message"), false, List.of(),
                Instant.ofEpochMilli(ts.asLong()), null));
    }
}
