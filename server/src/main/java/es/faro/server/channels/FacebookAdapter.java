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
 * ({@code id}); {@code changes[]} with {@code field = "feed"} carry comments ({@code verb} add,
 * edited, remove/hide), {@code messaging[]} Messenger messages and their edits ({@code message_edit}). Signed with {@code X-Hub-Signature-256: sha256=HEX}.
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
        String verb = optText(v, "verb");
        if (!"comment".equals(optText(v, "item")) || verb == null) {
            return java.util.Optional.empty(); // posts, likes, reactions: not customer messages
        }
        if ("remove".equals(verb) || "hide".equals(verb)) {
            JsonNode from = v.get("from");
            if (from != null && page.equals(optText(from, "id"))) {
                return java.util.Optional.empty(); // the page removed its own reply
            }
            return java.util.Optional.of(InboundMessage.deletion(Channel.FACEBOOK, page,
                    text(v, "comment_id", "entry[].changes[].value"), seconds(v)));
        }
        if (!"add".equals(verb) && !"edited".equals(verb)) {
            return java.util.Optional.empty(); // unhide and friends change nothing the agent sees
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
        InboundMessage in = new InboundMessage(Channel.FACEBOOK, page,
                text(v, "comment_id", "entry[].changes[].value"), fromId, optText(from, "name"), optText(from, "name"),
                0, text(v, "message", "entry[].changes[].value"), true, refs, seconds(v), null);
        return java.util.Optional.of("edited".equals(verb) ? in.asUpdate() : in);
    }

    private static Instant seconds(JsonNode v) {
        String created = text(v, "created_time", "entry[].changes[].value");
        try {
            return Instant.ofEpochSecond(Long.parseLong(created));
        } catch (NumberFormatException e) {
            throw new PayloadException("entry[].changes[].value.created_time must be unix seconds: " + created);
        }
    }

    private static java.util.Optional<InboundMessage> message(String page, JsonNode m) {
        return MetaMessaging.parse(Channel.FACEBOOK, page, m);
    }
}
