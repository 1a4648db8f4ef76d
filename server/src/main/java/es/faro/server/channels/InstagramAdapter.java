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
import java.util.Optional;
import java.util.function.Function;

/**
 * Meta webhooks for an Instagram professional account: {@code object = "instagram"}; each
 * {@code entry} is one account ({@code id}, {@code time} in unix seconds); {@code changes[]} with
 * {@code field = "comments"} (or {@code live_comments}) carry comments on the account's media
 * ({@code value.id}, {@code value.text}, {@code value.from.id/username}, {@code value.media.id},
 * {@code value.parent_id} for a reply to a comment); {@code messaging[]} Instagram Direct messages
 * with the Messenger shape (unsent messages: {@code is_deleted}; edits: {@code message_edit}).
 * Signed with {@code X-Hub-Signature-256: sha256=HEX} of the raw body.
 */
public final class InstagramAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.INSTAGRAM;
    }

    @Override
    public boolean verify(String secret, byte[] raw, Function<String, String> headers) {
        return Signatures.matches(Signatures.hexHeader(secret, raw), headers.apply(Signatures.META_HEADER));
    }

    @Override
    public List<InboundMessage> parse(byte[] raw, Map<String, List<String>> query) throws IOException {
        JsonNode root = root(Json.MAPPER.readTree(raw));
        if (!"instagram".equals(optText(root, "object"))) {
            throw new PayloadException("payload.object must be \"instagram\"");
        }
        JsonNode entries = array(root, "entry", "payload");
        if (entries == null) {
            throw new PayloadException("payload.entry is required");
        }
        List<InboundMessage> result = new ArrayList<>();
        for (JsonNode entry : entries) {
            String account = text(entry, "id", "entry[]");
            JsonNode changes = array(entry, "changes", "entry[]");
            if (changes != null) {
                for (JsonNode change : changes) {
                    comment(account, entry, change).ifPresent(result::add);
                }
            }
            JsonNode messaging = array(entry, "messaging", "entry[]");
            if (messaging != null) {
                for (JsonNode m : messaging) {
                    MetaMessaging.parse(Channel.INSTAGRAM, account, m).ifPresent(result::add);
                }
            }
        }
        return result;
    }

    private static Optional<InboundMessage> comment(String account, JsonNode entry, JsonNode change) {
        String field = optText(change, "field");
        if (!"comments".equals(field) && !"live_comments".equals(field)) {
            return Optional.empty(); // mentions, story insights…: not comments on our media
        }
        JsonNode v = object(change, "value", "entry[].changes[]");
        JsonNode from = object(v, "from", "entry[].changes[].value");
        String fromId = text(from, "id", "entry[].changes[].value.from");
        if (fromId.equals(account)) {
            return Optional.empty(); // the account's own reply
        }
        String username = optText(from, "username");
        String mediaId = optText(v.path("media"), "id");
        List<String> refs = new ArrayList<>();
        String parent = optText(v, "parent_id");
        if (parent != null) {
            refs.add(parent);
        }
        if (mediaId != null) {
            refs.add(mediaId);
        }
        JsonNode time = entry.get("time");
        Instant at;
        if (time == null) {
            at = null;
        } else if (time.canConvertToLong()) {
            // Meta sends entry.time in seconds on comments (milliseconds on some messaging batches).
            long t = time.asLong();
            at = t > 100_000_000_000L ? Instant.ofEpochMilli(t) : Instant.ofEpochSecond(t);
        } else {
            throw new PayloadException("entry[].time must be a unix time");
        }
        return Optional.of(new InboundMessage(Channel.INSTAGRAM, account, text(v, "id", "entry[].changes[].value"),
                fromId, username, username == null ? null : "@" + username, 0,
                text(v, "text", "entry[].changes[].value"), true, refs, at, null));
    }
}
