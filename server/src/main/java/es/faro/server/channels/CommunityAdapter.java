package es.faro.server.channels;

import static es.faro.server.channels.JsonFields.array;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The own community (Khoros Community API v2 message collection, as a poller or connector forwards
 * it: {@code {"data":{"type":"messages","items":[...]}}}) with the community id in {@code ?account=}.
 * Each message has {@code id}, {@code subject}, {@code body} (HTML), {@code author{id,login}},
 * {@code board{id}}, {@code parent{id}} for a reply, {@code conversation{id}} (the topic),
 * {@code post_time}, {@code kudos{sum{weight}}} and {@code metrics{views}}. A reply threads into the
 * conversation of its parent (or topic). Every item is the message's current version: one seen before
 * with another body is the member's edit (the community API reports no deletions: a deleted message
 * simply stops appearing). Signed with {@code X-Faro-Signature: sha256=HEX}.
 */
public final class CommunityAdapter implements ChannelAdapter {
    /** Attribute names shared with the community feature ({@link InboundMessage#attributes()}). */
    public static final String BOARD = "board";
    public static final String SUBJECT = "subject";
    public static final String KUDOS = "kudos";
    public static final String VIEWS = "views";
    public static final String AUTHOR_LOGIN = "authorLogin";

    @Override
    public Channel channel() {
        return Channel.COMMUNITY;
    }

    @Override
    public boolean verify(String secret, byte[] raw, Function<String, String> headers) {
        return Signatures.matches(Signatures.hexHeader(secret, raw), headers.apply(Signatures.FARO_HEADER));
    }

    @Override
    public List<InboundMessage> parse(byte[] raw, Map<String, List<String>> query) throws IOException {
        JsonNode root = root(Json.MAPPER.readTree(raw));
        String account = account(query, "the community id");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new PayloadException("payload.data must be an object");
        }
        JsonNode items = data.has("items") ? array(data, "items", "data") : null;
        List<JsonNode> list = new ArrayList<>();
        if (items != null) {
            items.forEach(list::add);
        } else {
            list.add(data); // a single message ({"data":{"type":"message",...}})
        }
        List<InboundMessage> result = new ArrayList<>();
        for (JsonNode m : list) {
            String id = text(m, "id", "data.items[]");
            JsonNode author = m.get("author");
            if (author == null || !author.isObject()) {
                throw new PayloadException("data.items[].author must be an object");
            }
            String authorId = text(author, "id", "data.items[].author");
            String login = optText(author, "login");
            String body = Html.text(text(m, "body", "data.items[]"));
            if (body.isEmpty()) {
                throw new PayloadException("data.items[].body has no text");
            }
            List<String> refs = new ArrayList<>();
            String parent = optText(m.get("parent"), "id");
            String topic = optText(m.get("conversation"), "id");
            if (parent != null) {
                refs.add(parent);
            }
            if (topic != null && !topic.equals(id)) {
                refs.add(topic);
            }
            Map<String, String> attrs = new HashMap<>();
            put(attrs, BOARD, optText(m.get("board"), "id"));
            put(attrs, SUBJECT, optText(m, "subject"));
            put(attrs, AUTHOR_LOGIN, login);
            put(attrs, KUDOS, count(m.path("kudos").path("sum").path("weight"), "kudos.sum.weight"));
            put(attrs, VIEWS, count(m.path("metrics").path("views"), "metrics.views"));
            // A poll returns each message as it is now: a changed body is the member's edit.
            result.add(new InboundMessage(Channel.COMMUNITY, account, id, authorId, login, login, 0, body, true,
                    refs, time(optText(m, "post_time")), null, attrs).asUpdate());
        }
        return result;
    }

    static String account(Map<String, List<String>> query, String what) {
        List<String> accounts = query.getOrDefault("account", List.of());
        if (accounts.isEmpty() || accounts.get(0).isBlank()) {
            throw new PayloadException("the query parameter account (" + what + ") is required");
        }
        return accounts.get(0);
    }

    private static String count(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.canConvertToLong() || node.asLong() < 0) {
            throw new PayloadException("data.items[]." + where + " must be a whole number ≥ 0");
        }
        return Long.toString(node.asLong());
    }

    private static void put(Map<String, String> attrs, String key, String value) {
        if (value != null && !value.isBlank()) {
            attrs.put(key, value);
        }
    }

    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new PayloadException("not an ISO-8601 time: " + text);
        }
    }
}
