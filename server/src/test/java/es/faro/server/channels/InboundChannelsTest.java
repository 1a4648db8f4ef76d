package es.faro.server.channels;

import static es.faro.server.support.Payloads.appStoreReview;
import static es.faro.server.support.Payloads.appStoreReviews;
import static es.faro.server.support.Payloads.igComment;
import static es.faro.server.support.Payloads.igDm;
import static es.faro.server.support.Payloads.igMessaging;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.channel.Signatures;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.StoredMessages;
import es.faro.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Instagram, App Store, and the edits and deletions of X, Facebook and Google Play, over real HTTP
 * with raw payloads in each network's published shape, signed over the bytes as sent.
 */
class InboundChannelsTest {
    static final String IG_SECRET = Payloads.INSTAGRAM_SECRET;
    static final String AS_SECRET = Payloads.APP_STORE_SECRET;
    static final String ORANGE_IG = Payloads.ORANGE_IG;
    static final String JAZZTEL_IG = "17841400000000002";
    static final String ORANGE_IOS = Payloads.ORANGE_IOS;
    static final String SIMYO_IOS = "1100000004";

    static TestServer server;
    static ApiClient api;
    static String lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("channels.instagram.secret", IG_SECRET,
                "channels.app_store.secret", AS_SECRET));
        api = server.client();
        lead = api.login("lucia");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- helpers -----------------------------------------------------------------------------

    static Reply instagram(String raw) {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/instagram/webhook", null, body,
                Map.of(Signatures.META_HEADER, Signatures.hexHeader(IG_SECRET, body)));
    }

    static Reply facebook(String raw) {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/facebook/webhook", null, body,
                Map.of(Signatures.META_HEADER, Signatures.hexHeader(TestServer.FACEBOOK_SECRET, body)));
    }

    static Reply twitter(String raw) {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/twitter/webhook", null, body,
                Map.of(Signatures.TWITTER_HEADER, Signatures.base64Header(TestServer.TWITTER_SECRET, body)));
    }

    static Reply appStore(String app, String raw) {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/app_store/webhook?account=" + app, null, body,
                Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(AS_SECRET, body)));
    }

    static Reply googlePlay(String app, String raw) {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/google_play/webhook?account=" + app, null, body,
                Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(TestServer.GOOGLE_PLAY_SECRET, body)));
    }

    static JsonNode conversationOf(String channelMessageId) {
        JsonNode m = messageOf(channelMessageId);
        return m == null ? null : api.get("/api/v1/conversations/" + m.get("conversationId").asText(), lead).json();
    }

    static JsonNode messageOf(String channelMessageId) {
        return StoredMessages.byChannelId(api, lead, null, channelMessageId);
    }

    static JsonNode thread(String conversationId) {
        return StoredMessages.thread(api, lead, conversationId);
    }

    static List<String> revisions(String messageId) throws SQLException {
        return StoredMessages.revisions(server, messageId);
    }

    // ---- Instagram ---------------------------------------------------------------------------

    @Test
    void instagramCommentsLandOnTheAccountsBrandAndThreadByParentAndMedia() {
        Reply r = instagram(igComment(ORANGE_IG, "ig-c1", "ig-u1", "maria_88", "No me llega el SMS 😡", "media-1",
                null));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).isEqualTo(1);
        JsonNode conv = conversationOf("ig-c1");
        assertThat(conv.get("brandId").asText()).isEqualTo("orange");
        assertThat(conv.get("channel").asText()).isEqualTo("INSTAGRAM");
        assertThat(conv.get("customerHandle").asText()).isEqualTo("@maria_88");
        assertThat(conv.get("snippet").asText()).isEqualTo("No me llega el SMS 😡");
        JsonNode first = messageOf("ig-c1");
        assertThat(first.get("public").asBoolean()).isTrue();
        assertThat(first.get("inReplyTo").asText()).isEqualTo("media-1");

        // Another user answers under that comment: the parent comment's conversation.
        instagram(igComment(ORANGE_IG, "ig-c2", "ig-u2", "pepe", "A mí tampoco", "media-1", "ig-c1"));
        assertThat(conversationOf("ig-c2").get("id")).isEqualTo(conv.get("id"));
        // The account's own reply is ignored.
        assertThat(instagram(igComment(ORANGE_IG, "ig-c3", ORANGE_IG, "orange_es", "Te escribimos por DM",
                "media-1", "ig-c1")).at("/accepted").asInt()).isZero();
        assertThat(messageOf("ig-c3")).isNull();

        // Same comment on another brand's account lands on that brand.
        instagram(igComment(JAZZTEL_IG, "ig-c4", "ig-u4", "ana.g", "¿Fibra en Cuenca?", "media-9", null));
        assertThat(conversationOf("ig-c4").get("brandId").asText()).isEqualTo("jazztel");
    }

    @Test
    void instagramDirectMessagesWithEmojiAndNonLatinTextEscapedTheWayMetaSendsThem() {
        // Meta escapes non-ASCII as \\uXXXX (emoji as surrogate pairs); the signature is over these bytes.
        String text = "\\u0645\\u0631\\u062d\\u0628\\u0627 \\u4f60\\u597d \\ud83d\\udcf6\\ud83d\\ude4f";
        Reply r = instagram(igMessaging(ORANGE_IG, igDm(ORANGE_IG, "igsid-1",
                "\"message\":{\"mid\":\"ig-mid-1\",\"text\":\"" + text + "\"}")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode m = messageOf("ig-mid-1");
        assertThat(m.get("body").asText()).isEqualTo("مرحبا 你好 📶🙏");
        assertThat(m.get("public").asBoolean()).isFalse();
        assertThat(m.get("channel").asText()).isEqualTo("INSTAGRAM");
        // An echo of the account's own message is not a customer message.
        assertThat(instagram(igMessaging(ORANGE_IG, igDm(ORANGE_IG, "igsid-1",
                "\"message\":{\"mid\":\"ig-mid-echo\",\"text\":\"hola\",\"is_echo\":true}")))
                .at("/accepted").asInt()).isZero();
        // A photo with no text still arrives.
        instagram(igMessaging(ORANGE_IG, igDm(ORANGE_IG, "igsid-1",
                "\"message\":{\"mid\":\"ig-mid-2\",\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":"
                        + "\"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1\"}}]}")));
        assertThat(messageOf("ig-mid-2").get("body").asText()).isEqualTo("[image]");
        assertThat(messageOf("ig-mid-2").get("conversationId")).isEqualTo(m.get("conversationId"));
    }

    @Test
    void instagramEditAndUnsendUpdateTheMessageAndKeepTheAudit() throws SQLException {
        instagram(igMessaging(ORANGE_IG, igDm(ORANGE_IG, "igsid-5",
                "\"message\":{\"mid\":\"ig-mid-5\",\"text\":\"Mi número es 600111222\"}")));
        String convId = messageOf("ig-mid-5").get("conversationId").asText();
        Reply edit = instagram(igMessaging(ORANGE_IG, igDm(ORANGE_IG, "igsid-5",
                "\"message_edit\":{\"mid\":\"ig-mid-5\",\"text\":\"Mi número es 600111333\",\"num_edit\":1}")));
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.at("/updated").asInt()).isEqualTo(1);
        assertThat(edit.at("/accepted").asInt()).isZero();
        JsonNode edited = messageOf("ig-mid-5");
        assertThat(edited.get("body").asText()).isEqualTo("Mi número es 600111333");
        assertThat(edited.has("editedAt")).isTrue();
        assertThat(thread(convId).size()).isEqualTo(1);

        Reply unsend = instagram(igMessaging(ORANGE_IG, igDm(ORANGE_IG, "igsid-5",
                "\"message\":{\"mid\":\"ig-mid-5\",\"is_deleted\":true}")));
        assertThat(unsend.at("/deleted").asInt()).isEqualTo(1);
        JsonNode deleted = messageOf("ig-mid-5");
        assertThat(deleted.has("deletedAt")).isTrue();
        assertThat(deleted.get("body").asText()).isEqualTo("Mi número es 600111333"); // kept for the audit
        assertThat(thread(convId).size()).isEqualTo(1);
        assertThat(revisions(deleted.get("id").asText())).containsExactly(
                "EDIT:Mi número es 600111222→Mi número es 600111333", "DELETE:Mi número es 600111333→null");
        // A repeated deletion and an edit after the deletion change nothing.
        assertThat(instagram(igMessaging(ORANGE_IG, igDm(ORANGE_IG, "igsid-5",
                "\"message\":{\"mid\":\"ig-mid-5\",\"is_deleted\":true}"))).at("/duplicates").asInt()).isEqualTo(1);
        assertThat(revisions(deleted.get("id").asText())).hasSize(2);
        // Deleting something never received stores nothing.
        Reply unknown = instagram(igMessaging(ORANGE_IG, igDm(ORANGE_IG, "igsid-5",
                "\"message\":{\"mid\":\"ig-never\",\"is_deleted\":true}")));
        assertThat(unknown.at("/duplicates").asInt()).isEqualTo(1);
        assertThat(messageOf("ig-never")).isNull();
    }

    @Test
    void malformedInstagramPayloadsAre4xxAndStoreNothing() {
        // A good comment and a broken one in the same batch: nothing of it is stored.
        String mixed = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + ORANGE_IG + "\",\"time\":1732600000,"
                + "\"changes\":[{\"field\":\"comments\",\"value\":{\"from\":{\"id\":\"u-m1\",\"username\":\"x\"},"
                + "\"media\":{\"id\":\"media-m\"},\"id\":\"ig-bad-1\",\"text\":\"bien\"}},{\"field\":\"comments\","
                + "\"value\":{\"from\":{\"id\":\"u-m2\"},\"id\":\"ig-bad-2\"}}]}]}";
        Reply r = instagram(mixed);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("validation_failed");
        assertThat(r.at("/error/message").asText()).contains("text");
        assertThat(messageOf("ig-bad-1")).isNull();
        // A Facebook page payload sent to the Instagram endpoint.
        Reply page = instagram("{\"object\":\"page\",\"entry\":[]}");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.at("/error/message").asText()).contains("instagram");
        assertThat(instagram("{\"object\":\"instagram\"}").status()).isEqualTo(400);
        assertThat(instagram("{\"object\":\"instagram\",\"entry\":{}}").status()).isEqualTo(400);
        assertThat(instagram("[1,2]").status()).isEqualTo(400);
        assertThat(instagram("{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + ORANGE_IG + "\",\"messaging\":"
                + "[{\"sender\":{\"id\":\"s\"},\"timestamp\":\"ayer\",\"message\":{\"mid\":\"ig-bad-3\",\"text\":\"x\"}}]}]}")
                .status()).isEqualTo(400);
        assertThat(messageOf("ig-bad-3")).isNull();
        // Unknown account → 404; signed with the Facebook secret → 401.
        assertThat(instagram(igComment("999", "ig-bad-4", "u", "u", "hola", "m", null)).status()).isEqualTo(404);
        byte[] body = igComment(ORANGE_IG, "ig-bad-5", "u", "u", "hola", "m", null).getBytes(StandardCharsets.UTF_8);
        Reply wrong = api.post("/api/v1/channels/instagram/webhook", null, body,
                Map.of(Signatures.META_HEADER, Signatures.hexHeader(TestServer.FACEBOOK_SECRET, body)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(messageOf("ig-bad-4")).isNull();
        assertThat(messageOf("ig-bad-5")).isNull();
    }

    @Test
    void instagramVerificationHandshake() {
        Reply ok = api.get("/api/v1/channels/instagram/webhook?hub.mode=subscribe&hub.verify_token="
                + TestServer.VERIFY_TOKEN + "&hub.challenge=42", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).isEqualTo("42");
    }

    // ---- App Store -----------------------------------------------------------------------------

    @Test
    void appStoreReviewsAreDeduplicatedAndAnEditUpdatesTheMessage() {
        Reply r = appStore(ORANGE_IOS, appStoreReviews(
                appStoreReview("as-1", 1, "No funciona", "La app se cierra al abrir la factura 😤", "Lucía M."),
                appStoreReview("as-2", 5, "アプリ", "とても便利です", "Kenji")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).isEqualTo(2);
        JsonNode conv = conversationOf("as-1");
        assertThat(conv.get("brandId").asText()).isEqualTo("orange");
        assertThat(conv.get("channel").asText()).isEqualTo("APP_STORE");
        assertThat(conv.get("customerName").asText()).isEqualTo("Lucía M.");
        assertThat(messageOf("as-1").get("body").asText())
                .isEqualTo("★ No funciona\nLa app se cierra al abrir la factura 😤");
        assertThat(messageOf("as-2").get("body").asText()).isEqualTo("★★★★★ アプリ\nとても便利です");
        assertThat(messageOf("as-1").get("createdAt").asText()).isEqualTo("2026-11-20T17:15:00Z");

        // Polled again unchanged: duplicates, nothing new.
        Reply again = appStore(ORANGE_IOS, appStoreReviews(
                appStoreReview("as-1", 1, "No funciona", "La app se cierra al abrir la factura 😤", "Lucía M.")));
        assertThat(again.at("/duplicates").asInt()).isEqualTo(1);
        // The customer edits the review (new rating and text): the same message is updated.
        Reply edited = appStore(ORANGE_IOS, appStoreReviews(
                appStoreReview("as-1", 4, "Ya funciona", "Tras la actualización va bien", "Lucía M.")));
        assertThat(edited.at("/updated").asInt()).isEqualTo(1);
        assertThat(edited.at("/accepted").asInt()).isZero();
        assertThat(messageOf("as-1").get("body").asText()).isEqualTo("★★★★ Ya funciona\nTras la actualización va bien");
        assertThat(thread(conv.get("id").asText()).size()).isEqualTo(1);

        // Another brand's app id.
        appStore(SIMYO_IOS, appStoreReviews(appStoreReview("as-3", 3, "Regular", "Bien", "N")));
        assertThat(conversationOf("as-3").get("brandId").asText()).isEqualTo("simyo");
    }

    @Test
    void malformedAppStorePayloadsAre4xxAndStoreNothing() {
        Reply rating = appStore(ORANGE_IOS, appStoreReviews(appStoreReview("as-b1", 3, "ok", "ok", "a"),
                appStoreReview("as-b2", 7, "demasiadas estrellas", "x", "b")));
        assertThat(rating.status()).isEqualTo(400);
        assertThat(rating.at("/error/message").asText()).contains("rating");
        assertThat(messageOf("as-b1")).isNull();
        assertThat(appStore(ORANGE_IOS, "{\"data\":[{\"type\":\"customerReviews\",\"id\":\"as-b3\",\"attributes\":"
                + "{\"rating\":2,\"title\":\"t\",\"body\":\"b\",\"createdDate\":\"ayer\"}}]}").status()).isEqualTo(400);
        assertThat(appStore(ORANGE_IOS, "{\"data\":[{\"type\":\"apps\",\"id\":\"as-b4\"}]}").status()).isEqualTo(400);
        assertThat(appStore(ORANGE_IOS, "{\"reviews\":[]}").status()).isEqualTo(400);
        assertThat(appStore(ORANGE_IOS, "{\"data\":[{\"type\":\"customerReviews\",\"id\":\"as-b5\",\"attributes\":"
                + "{\"rating\":2,\"createdDate\":\"2026-11-20T09:15:00-08:00\"}}]}").status()).isEqualTo(400);
        byte[] body = appStoreReviews(appStoreReview("as-b6", 3, "t", "b", "n")).getBytes(StandardCharsets.UTF_8);
        Reply noAccount = api.post("/api/v1/channels/app_store/webhook", null, body,
                Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(AS_SECRET, body)));
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(appStore("999", appStoreReviews(appStoreReview("as-b7", 3, "t", "b", "n"))).status()).isEqualTo(404);
        Reply unsigned = api.post("/api/v1/channels/app_store/webhook?account=" + ORANGE_IOS, null, body);
        assertThat(unsigned.status()).isEqualTo(401);
        for (String id : List.of("as-b2", "as-b3", "as-b4", "as-b5", "as-b6", "as-b7")) {
            assertThat(messageOf(id)).as(id).isNull();
        }
    }

    // ---- X, Facebook, Google Play: replies, edits and deletions ---------------------------------

    static String tweet(String id, String userId, String text, String inReplyTo) {
        return "{\"created_at\":\"Wed Nov 25 10:00:00 +0000 2026\",\"id_str\":\"" + id + "\",\"text\":\"" + text
                + "\",\"in_reply_to_status_id_str\":" + (inReplyTo == null ? "null" : "\"" + inReplyTo + "\"")
                + ",\"user\":{\"id_str\":\"" + userId + "\",\"name\":\"Cliente " + userId + "\",\"screen_name\":\"c"
                + userId + "\",\"followers_count\":12},\"timestamp_ms\":\"" + System.currentTimeMillis() + "\"}";
    }

    @Test
    void xRepliesToOurTweetThreadAndDeletedTweetsAreMarkedDeleted() throws SQLException {
        twitter("{\"for_user_id\":\"1000001\",\"tweet_create_events\":[" + tweet("x-1", "xu-1",
                "@orange_es ¿por qué no tengo datos? 😩", null) + "]}");
        // A different customer replying to that tweet joins its conversation by in_reply_to.
        twitter("{\"for_user_id\":\"1000001\",\"tweet_create_events\":[" + tweet("x-2", "xu-2",
                "@orange_es Yo igual en Sevilla", "x-1") + "]}");
        assertThat(conversationOf("x-2").get("id")).isEqualTo(conversationOf("x-1").get("id"));
        assertThat(messageOf("x-2").get("inReplyTo").asText()).isEqualTo("x-1");

        Reply del = twitter("{\"for_user_id\":\"1000001\",\"tweet_delete_events\":[{\"status\":{\"id\":\"x-1\","
                + "\"user_id\":\"xu-1\"},\"timestamp_ms\":\"" + System.currentTimeMillis() + "\"}]}");
        assertThat(del.status()).isEqualTo(200);
        assertThat(del.at("/deleted").asInt()).isEqualTo(1);
        JsonNode m = messageOf("x-1");
        assertThat(m.has("deletedAt")).isTrue();
        assertThat(m.get("body").asText()).isEqualTo("@orange_es ¿por qué no tengo datos? 😩");
        assertThat(revisions(m.get("id").asText())).containsExactly("DELETE:@orange_es ¿por qué no tengo datos? 😩→null");
        // Malformed deletion: 400, and nothing is marked.
        Reply bad = twitter("{\"for_user_id\":\"1000001\",\"tweet_delete_events\":[{\"status\":{\"id\":\"x-2\"}}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(messageOf("x-2").has("deletedAt")).isFalse();
    }

    static String fbChange(String verb, String commentId, String fromId, String message) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"2000001\",\"time\":1732600000,\"changes\":[{\"field\":\"feed\","
                + "\"value\":{\"from\":{\"id\":\"" + fromId + "\",\"name\":\"Jose Pérez\"},\"post_id\":\"2000001_p9\","
                + "\"comment_id\":\"" + commentId + "\",\"parent_id\":\"2000001_p9\",\"created_time\":1732600000,"
                + "\"item\":\"comment\",\"verb\":\"" + verb + "\"" + (message == null ? "" : ",\"message\":\""
                + message + "\"") + "}}]}]}";
    }

    @Test
    void facebookCommentEditsUpdateAndRemovalsMarkDeleted() throws SQLException {
        assertThat(facebook(fbChange("add", "p9_c1", "fb-u1", "Quiero darme de baja")).at("/accepted").asInt())
                .isEqualTo(1);
        Reply edit = facebook(fbChange("edited", "p9_c1", "fb-u1", "Quiero darme de baja YA 😠"));
        assertThat(edit.at("/updated").asInt()).isEqualTo(1);
        JsonNode m = messageOf("p9_c1");
        assertThat(m.get("body").asText()).isEqualTo("Quiero darme de baja YA 😠");
        assertThat(thread(m.get("conversationId").asText()).size()).isEqualTo(1);
        Reply remove = facebook(fbChange("remove", "p9_c1", "fb-u1", null));
        assertThat(remove.at("/deleted").asInt()).isEqualTo(1);
        assertThat(messageOf("p9_c1").has("deletedAt")).isTrue();
        assertThat(revisions(m.get("id").asText())).hasSize(2);
        // Messenger edits use message_edit.
        facebook("{\"object\":\"page\",\"entry\":[{\"id\":\"2000001\",\"messaging\":[" + igDm("2000001", "fb-u7",
                "\"message\":{\"mid\":\"fb-mid-7\",\"text\":\"hola\"}") + "]}]}");
        facebook("{\"object\":\"page\",\"entry\":[{\"id\":\"2000001\",\"messaging\":[" + igDm("2000001", "fb-u7",
                "\"message_edit\":{\"mid\":\"fb-mid-7\",\"text\":\"hola, ¿me ayudáis?\",\"num_edit\":1}") + "]}]}");
        assertThat(messageOf("fb-mid-7").get("body").asText()).isEqualTo("hola, ¿me ayudáis?");
        // An edit without text is malformed.
        assertThat(facebook(fbChange("edited", "p9_c1", "fb-u1", null)).status()).isEqualTo(400);
    }

    static String gpReview(String id, String text, long seconds) {
        return "{\"reviewId\":\"" + id + "\",\"authorName\":\"Marta\",\"comments\":[{\"userComment\":{\"text\":\""
                + text + "\",\"lastModified\":{\"seconds\":\"" + seconds + "\",\"nanos\":0},\"starRating\":2,"
                + "\"reviewerLanguage\":\"es_ES\",\"device\":\"a52\",\"androidOsVersion\":34,\"appVersionCode\":812,"
                + "\"appVersionName\":\"8.1.2\"}}]}";
    }

    @Test
    void googlePlayReviewEditsUpdateTheMessageInsteadOfDuplicating() throws SQLException {
        String app = "com.orange.miorange";
        assertThat(googlePlay(app, "{\"reviews\":[" + gpReview("gp-e1", "No carga 🐌", 1732000000L) + "]}")
                .at("/accepted").asInt()).isEqualTo(1);
        Reply edited = googlePlay(app, "{\"reviews\":[" + gpReview("gp-e1", "Ya carga, gracias", 1732100000L) + "]}");
        assertThat(edited.at("/updated").asInt()).isEqualTo(1);
        JsonNode m = messageOf("gp-e1");
        assertThat(m.get("body").asText()).isEqualTo("Ya carga, gracias");
        assertThat(m.get("editedAt").asText()).isEqualTo("2024-11-20T10:53:20Z");
        assertThat(thread(m.get("conversationId").asText()).size()).isEqualTo(1);
        assertThat(revisions(m.get("id").asText())).containsExactly("EDIT:No carga 🐌→Ya carga, gracias");
        assertThat(googlePlay(app, "{\"reviews\":[" + gpReview("gp-e1", "Ya carga, gracias", 1732100000L) + "]}")
                .at("/duplicates").asInt()).isEqualTo(1);
    }
}
