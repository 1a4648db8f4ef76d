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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * X Account Activity API: {@code for_user_id} is the brand's account; {@code tweet_create_events}
 * are public mentions and replies, {@code direct_message_events} private messages (with the
 * senders in the top-level {@code users} map), {@code tweet_delete_events} tweets the customer deleted
 * (the stored message is marked deleted, its text kept). Signed with {@code X-Twitter-Webhooks-Signature:
 * sha256=BASE64}.
 */
public final class TwitterAdapter implements ChannelAdapter {
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    @Override
    public Channel channel() {
        return Channel.TWITTER;
    }

    @Override
    public boolean verify(String secret, byte[] raw, Function<String, String> headers) {
        return Signatures.matches(Signatures.base64Header(secret, raw), headers.apply(Signatures.TWITTER_HEADER));
    }

    @Override
    public List<InboundMessage> parse(byte[] raw, Map<String, List<String>> query) throws IOException {
        JsonNode root = root(Json.MAPPER.readTree(raw));
        String account = text(root, "for_user_id", "payload");
        List<InboundMessage> result = new ArrayList<>();
        JsonNode tweets = array(root, "tweet_create_events", "payload");
        if (tweets != null) {
            for (JsonNode t : tweets) {
                JsonNode user = object(t, "user", "tweet_create_events[]");
                String userId = text(user, "id_str", "tweet_create_events[].user");
                if (userId.equals(account)) {
                    continue; // our own reply coming back
                }
                JsonNode extended = t.get("extended_tweet");
                String body = extended != null && optText(extended, "full_text") != null
                        ? optText(extended, "full_text") : text(t, "text", "tweet_create_events[]");
                String lang = optText(t, "lang");
                String id = text(t, "id_str", "tweet_create_events[]");
                // An edit is a new tweet whose edit_history names the original: it updates the original's message.
                String initial = optText(t.get("edit_history"), "initial_tweet_id");
                boolean edit = initial != null && !initial.isBlank() && !initial.equals(id);
                InboundMessage in = new InboundMessage(Channel.TWITTER, account, edit ? initial : id,
                        userId, optText(user, "name"), handle(optText(user, "screen_name")),
                        user.path("followers_count").asInt(0), body, true,
                        List.of(nonNull(optText(t, "in_reply_to_status_id_str"))), tweetTime(t),
                        lang == null || lang.equals("und") ? null : lang);
                result.add(edit ? in.asUpdate() : in);
            }
        }
        JsonNode dms = array(root, "direct_message_events", "payload");
        if (dms != null) {
            JsonNode users = root.path("users");
            for (JsonNode e : dms) {
                if (!"message_create".equals(optText(e, "type"))) {
                    continue;
                }
                JsonNode create = object(e, "message_create", "direct_message_events[]");
                String sender = text(create, "sender_id", "direct_message_events[].message_create");
                if (sender.equals(account)) {
                    continue; // a DM the brand sent
                }
                JsonNode data = object(create, "message_data", "direct_message_events[].message_create");
                JsonNode profile = users.path(sender);
                result.add(new InboundMessage(Channel.TWITTER, account, text(e, "id", "direct_message_events[]"),
                        sender, optText(profile, "name"), handle(optText(profile, "screen_name")),
                        profile.path("followers_count").asInt(0),
                        text(data, "text", "direct_message_events[].message_create.message_data"), false, List.of(),
                        millis(text(e, "created_timestamp", "direct_message_events[]")), null));
            }
        }
        JsonNode deletes = array(root, "tweet_delete_events", "payload");
        if (deletes != null) {
            for (JsonNode d : deletes) {
                JsonNode status = object(d, "status", "tweet_delete_events[]");
                String id = text(status, "id", "tweet_delete_events[].status");
                if (account.equals(optText(status, "user_id"))) {
                    continue; // the brand deleted its own tweet: that is the outbound side's business
                }
                result.add(InboundMessage.deletion(Channel.TWITTER, account, id,
                        millis(text(d, "timestamp_ms", "tweet_delete_events[]"))));
            }
        }
        return result;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String handle(String screenName) {
        return screenName == null ? null : "@" + screenName;
    }

    private static Instant tweetTime(JsonNode t) {
        String ms = optText(t, "timestamp_ms");
        if (ms != null) {
            return millis(ms);
        }
        String created = text(t, "created_at", "tweet_create_events[]");
        try {
            return ZonedDateTime.parse(created, CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            throw new PayloadException("tweet_create_events[].created_at is not a date like "
                    + "\"Wed Oct 10 20:19:24 +0000 2018\": " + created);
        }
    }

    private static Instant millis(String value) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new PayloadException("timestamp is not a number of milliseconds: " + value);
        }
    }
}
