package es.faro.server.channels.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * X Account Activity API deliveries: {@code tweet_create_events} for public mentions and replies,
 * {@code direct_message_events} (with the {@code users} map) for DMs, signed as X signs them:
 * {@code X-Twitter-Webhooks-Signature: sha256=BASE64}.
 */
final class TwitterWebhook {
    static final String PATH = "api/v1/channels/" + Channel.TWITTER.wireName() + "/webhook";
    /** X's legacy {@code created_at}, e.g. {@code Wed Oct 10 20:19:24 +0000 2018}. */
    static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TwitterWebhook() {
    }

    static SignedWebhook of(DemoMessage m, String secret) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("for_user_id", m.brandAccountId());
        switch (m.shape()) {
            case TWEET -> tweet(root, m);
            case DIRECT_MESSAGE -> directMessage(root, m);
            default -> throw new IllegalArgumentException("not an X message: " + m.shape());
        }
        byte[] body = Json.writeBytes(root);
        return new SignedWebhook(Channel.TWITTER, PATH, body, Signatures.TWITTER_HEADER,
                Signatures.base64Header(secret, body));
    }

    private static void tweet(ObjectNode root, DemoMessage m) {
        ObjectNode tweet = root.putArray("tweet_create_events").addObject();
        tweet.put("created_at", CREATED_AT.format(m.at()));
        tweet.put("id_str", m.messageId());
        tweet.put("text", m.text());
        tweet.put("lang", m.language());
        if (m.replyToId() != null) {
            tweet.put("in_reply_to_status_id_str", m.replyToId());
            tweet.put("in_reply_to_user_id_str", m.customer().twitterId());
            tweet.put("in_reply_to_screen_name", m.customer().screenName());
        } else {
            tweet.putNull("in_reply_to_status_id_str");
        }
        ObjectNode user = tweet.putObject("user");
        user.put("id_str", m.customer().twitterId());
        user.put("name", m.customer().name());
        user.put("screen_name", m.customer().screenName());
        user.put("followers_count", m.customer().followers());
        tweet.put("timestamp_ms", Long.toString(m.at().toEpochMilli()));
    }

    private static void directMessage(ObjectNode root, DemoMessage m) {
        ObjectNode event = root.putArray("direct_message_events").addObject();
        event.put("type", "message_create");
        event.put("id", m.messageId());
        event.put("created_timestamp", Long.toString(m.at().toEpochMilli()));
        ObjectNode create = event.putObject("message_create");
        create.putObject("target").put("recipient_id", m.brandAccountId());
        create.put("sender_id", m.customer().twitterId());
        create.putObject("message_data").put("text", m.text());
        ObjectNode users = root.putObject("users");
        ObjectNode sender = users.putObject(m.customer().twitterId());
        sender.put("id", m.customer().twitterId());
        sender.put("name", m.customer().name());
        sender.put("screen_name", m.customer().screenName());
        sender.put("followers_count", m.customer().followers());
        String brandHandle = m.brand().account(Channel.TWITTER).orElseThrow().handle();
        ObjectNode brand = users.putObject(m.brandAccountId());
        brand.put("id", m.brandAccountId());
        brand.put("name", m.brand().name());
        brand.put("screen_name", brandHandle.startsWith("@") ? brandHandle.substring(1) : brandHandle);
    }
}
