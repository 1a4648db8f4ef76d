package es.faro.server.support;

import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook payloads in each network's own shape, and their signatures. */
public final class Payloads {
    public static final String ORANGE_X = "1000001";
    public static final String AMENA_X = "1000003";
    public static final String ORANGE_PAGE = "2000001";
    public static final String ORANGE_APP = "com.orange.miorange";

    private Payloads() {
    }

    public static Map<String, Object> tweet(String id, String userId, String text, String inReplyTo) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id_str", id);
        t.put("text", text);
        t.put("created_at", "Wed Oct 10 20:19:24 +0000 2018");
        t.put("timestamp_ms", Long.toString(System.currentTimeMillis()));
        t.put("lang", "es");
        t.put("in_reply_to_status_id_str", inReplyTo);
        t.put("user", Map.of("id_str", userId, "name", "Cliente " + userId, "screen_name", "cliente" + userId,
                "followers_count", 12));
        return t;
    }

    public static byte[] tweets(String account, List<Map<String, Object>> tweets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("for_user_id", account);
        body.put("tweet_create_events", tweets);
        return Json.writeBytes(body);
    }

    public static byte[] tweets(String account, Map<String, Object> tweet) {
        return tweets(account, List.of(tweet));
    }

    public static byte[] directMessage(String account, String id, String senderId, String text) {
        Map<String, Object> event = Map.of("type", "message_create", "id", id,
                "created_timestamp", Long.toString(System.currentTimeMillis()),
                "message_create", Map.of("sender_id", senderId, "target", Map.of("recipient_id", account),
                        "message_data", Map.of("text", text)));
        return Json.writeBytes(Map.of("for_user_id", account, "direct_message_events", List.of(event),
                "users", Map.of(senderId, Map.of("id", senderId, "name", "DM " + senderId,
                        "screen_name", "dm" + senderId))));
    }

    public static byte[] facebookComment(String page, String commentId, String postId, String parentId,
                                         String fromId, String message) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("item", "comment");
        value.put("verb", "add");
        value.put("comment_id", commentId);
        value.put("post_id", postId);
        if (parentId != null) {
            value.put("parent_id", parentId);
        }
        value.put("from", Map.of("id", fromId, "name", "Fan " + fromId));
        value.put("message", message);
        value.put("created_time", System.currentTimeMillis() / 1000);
        return Json.writeBytes(Map.of("object", "page", "entry", List.of(Map.of("id", page, "time", 1,
                "changes", List.of(Map.of("field", "feed", "value", value))))));
    }

    public static byte[] facebookMessage(String page, String mid, String senderId, String text, boolean echo) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("mid", mid);
        message.put("text", text);
        if (echo) {
            message.put("is_echo", true);
        }
        return Json.writeBytes(Map.of("object", "page", "entry", List.of(Map.of("id", page, "time", 1,
                "messaging", List.of(Map.of("sender", Map.of("id", senderId), "recipient", Map.of("id", page),
                        "timestamp", System.currentTimeMillis(), "message", message))))));
    }

    public static byte[] googlePlayReviews(List<String> reviewIds) {
        List<Object> reviews = new ArrayList<>();
        for (String id : reviewIds) {
            reviews.add(Map.of("reviewId", id, "authorName", "Autor " + id, "comments", List.of(Map.of(
                    "userComment", Map.of("text", "La app se cierra sola " + id,
                            "lastModified", Map.of("seconds", System.currentTimeMillis() / 1000, "nanos", 0),
                            "starRating", 2, "reviewerLanguage", "es_ES")))));
        }
        return Json.writeBytes(Map.of("reviews", reviews));
    }

    public static Map<String, String> twitterSignature(byte[] body) {
        return Map.of(Signatures.TWITTER_HEADER, Signatures.base64Header(TestServer.TWITTER_SECRET, body));
    }

    public static Map<String, String> metaSignature(byte[] body) {
        return Map.of(Signatures.META_HEADER, Signatures.hexHeader(TestServer.FACEBOOK_SECRET, body));
    }

    public static Map<String, String> faroSignature(byte[] body) {
        return Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(TestServer.GOOGLE_PLAY_SECRET, body));
    }

    // ---- Instagram (Meta webhook, signed with the app secret) and App Store (forwarded, faro-signed) ----

    public static final String INSTAGRAM_SECRET = "test-instagram-secret";
    public static final String APP_STORE_SECRET = "test-app-store-secret";
    public static final String ORANGE_IG = "17841400000000001";
    public static final String ORANGE_IOS = "1100000001";

    /** The secrets a server needs for the Instagram and App Store webhooks. */
    public static Map<String, String> instagramAndAppStoreSecrets() {
        return Map.of("channels.instagram.secret", INSTAGRAM_SECRET, "channels.app_store.secret", APP_STORE_SECRET);
    }

    public static String igComment(String account, String commentId, String fromId, String username, String text,
                                   String mediaId, String parentId) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + account + "\",\"time\":1732600000,\"changes\":[{"
                + "\"field\":\"comments\",\"value\":{\"from\":{\"id\":\"" + fromId + "\",\"username\":\"" + username
                + "\"},\"media\":{\"id\":\"" + mediaId + "\",\"media_product_type\":\"FEED\"},\"id\":\"" + commentId
                + "\"," + (parentId == null ? "" : "\"parent_id\":\"" + parentId + "\",") + "\"text\":\"" + text
                + "\"}}]}]}";
    }

    public static String igMessaging(String account, String item) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + account + "\",\"time\":1732600000000,"
                + "\"messaging\":[" + item + "]}]}";
    }

    /** One Instagram messaging item from {@code sender} to the account; {@code messageJson} e.g. {@code "message":{...}}. */
    public static String igDm(String account, String sender, String messageJson) {
        return "{\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"" + account + "\"},\"timestamp\":"
                + System.currentTimeMillis() + "," + messageJson + "}";
    }

    public static String appStoreReview(String id, int rating, String title, String body, String nickname) {
        return "{\"type\":\"customerReviews\",\"id\":\"" + id + "\",\"attributes\":{\"rating\":" + rating
                + ",\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"reviewerNickname\":\"" + nickname
                + "\",\"createdDate\":\"2026-11-20T09:15:00-08:00\",\"territory\":\"ESP\"},\"relationships\":"
                + "{\"response\":{\"links\":{\"related\":\"https://api.appstoreconnect.apple.com/v1/customerReviews/"
                + id + "/response\"}}}}";
    }

    public static String appStoreReviews(String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"links\":{\"self\":"
                + "\"https://api.appstoreconnect.apple.com/v1/apps/x/customerReviews\"}}";
    }

    public static Map<String, String> instagramSignature(byte[] body) {
        return Map.of(Signatures.META_HEADER, Signatures.hexHeader(INSTAGRAM_SECRET, body));
    }

    public static Map<String, String> appStoreSignature(byte[] body) {
        return Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(APP_STORE_SECRET, body));
    }

    public static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
