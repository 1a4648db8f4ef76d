package es.faro.server.channels;

import static es.faro.server.support.Payloads.AMENA_X;
import static es.faro.server.support.Payloads.ORANGE_APP;
import static es.faro.server.support.Payloads.ORANGE_PAGE;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.channel.Signatures;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookTest {
    static TestServer server;
    static ApiClient api;
    static String lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("limits.body.bytes", "65536"));
        api = server.client();
        lead = api.login("lucia");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply postTwitter(byte[] body) {
        return api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
    }

    static JsonNode conversationOf(String channelMessageId) {
        Reply list = api.get("/api/v1/conversations?limit=500", lead);
        for (JsonNode c : list.at("/items")) {
            Reply messages = api.get("/api/v1/conversations/" + c.get("id").asText() + "/messages", lead);
            for (JsonNode m : messages.json()) {
                if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                    return c;
                }
            }
        }
        return null;
    }

    @Test
    void tweetCreatesAConversationWithSlaClocksAndQueue() {
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("t-100", "u-100", "Sin cobertura en Madrid", null));
        Reply r = postTwitter(body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).isEqualTo(1);
        assertThat(r.at("/duplicates").asInt()).isZero();

        JsonNode conv = conversationOf("t-100");
        assertThat(conv).isNotNull();
        assertThat(conv.get("brandId").asText()).isEqualTo("orange");
        assertThat(conv.get("channel").asText()).isEqualTo("TWITTER");
        assertThat(conv.get("status").asText()).isEqualTo("NEW");
        assertThat(conv.get("priority").asText()).isEqualTo("P3");
        assertThat(conv.get("language").asText()).isEqualTo("es");
        assertThat(conv.get("queueId").asText()).isEqualTo("q-orange");
        assertThat(conv.get("customerHandle").asText()).isEqualTo("@clienteu-100");
        assertThat(conv.at("/response/kind").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(conv.at("/response/dueAt").asText()).isNotEmpty();
        assertThat(conv.at("/response/stoppedAt").isMissingNode()).isTrue();
        assertThat(conv.at("/resolution/kind").asText()).isEqualTo("RESOLUTION");
    }

    @Test
    void repeatedChannelMessageIdIsIgnored() {
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("t-200", "u-200", "Hola", null));
        assertThat(postTwitter(body).at("/accepted").asInt()).isEqualTo(1);
        Reply again = postTwitter(body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("/accepted").asInt()).isZero();
        assertThat(again.at("/duplicates").asInt()).isEqualTo(1);
        JsonNode conv = conversationOf("t-200");
        Reply messages = api.get("/api/v1/conversations/" + conv.get("id").asText() + "/messages", lead);
        assertThat(messages.json().size()).isEqualTo(1);
        assertThat(conv.get("messageCount").asInt()).isEqualTo(1);
    }

    @Test
    void repliesAndFollowUpsThreadIntoTheSameConversation() {
        postTwitter(Payloads.tweets(ORANGE_X, Payloads.tweet("t-300", "u-300", "Mi factura está mal", null)));
        postTwitter(Payloads.tweets(ORANGE_X, Payloads.tweet("t-301", "u-300", "¿Alguien me lee?", "t-300")));
        // No reply reference, same customer, brand and channel: still the active conversation.
        postTwitter(Payloads.tweets(ORANGE_X, Payloads.tweet("t-302", "u-300", "Sigo esperando", null)));
        JsonNode first = conversationOf("t-300");
        assertThat(conversationOf("t-301").get("id")).isEqualTo(first.get("id"));
        JsonNode third = conversationOf("t-302");
        assertThat(third.get("id")).isEqualTo(first.get("id"));
        assertThat(third.get("messageCount").asInt()).isEqualTo(3);
    }

    @Test
    void theBrandsOwnTweetsAreIgnored() {
        Reply r = postTwitter(Payloads.tweets(ORANGE_X, Payloads.tweet("t-400", ORANGE_X, "Te ayudamos por DM", null)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).isZero();
        assertThat(conversationOf("t-400")).isNull();
    }

    @Test
    void directMessagesArePrivateAndUseTheUsersMap() {
        byte[] body = Payloads.directMessage(AMENA_X, "dm-1", "u-500", "Quiero la portabilidad");
        Reply r = postTwitter(body);
        assertThat(r.at("/accepted").asInt()).isEqualTo(1);
        JsonNode conv = conversationOf("dm-1");
        assertThat(conv.get("brandId").asText()).isEqualTo("amena");
        assertThat(conv.get("customerName").asText()).isEqualTo("DM u-500");
        Reply messages = api.get("/api/v1/conversations/" + conv.get("id").asText() + "/messages", lead);
        assertThat(messages.json().get(0).get("public").asBoolean()).isFalse();
        // The brand's own DM (echo of our reply) is ignored.
        assertThat(postTwitter(Payloads.directMessage(AMENA_X, "dm-2", AMENA_X, "Hola")).at("/accepted").asInt())
                .isZero();
    }

    @Test
    void extendedTweetTextAndCreatedAtWithoutTimestampAreUnderstood() {
        Map<String, Object> tweet = new java.util.HashMap<>(Payloads.tweet("t-600", "u-600", "corto…", null));
        tweet.remove("timestamp_ms");
        tweet.put("extended_tweet", Map.of("full_text", "El texto completo del tuit largo"));
        assertThat(postTwitter(Payloads.tweets(ORANGE_X, tweet)).at("/accepted").asInt()).isEqualTo(1);
        JsonNode conv = conversationOf("t-600");
        assertThat(conv.get("snippet").asText()).isEqualTo("El texto completo del tuit largo");
        assertThat(conv.get("createdAt").asText()).isEqualTo("2018-10-10T20:19:24Z");
    }

    @Test
    void missingOrWrongSignaturesAre401() {
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("t-700", "u-700", "Hola", null));
        Reply unsigned = api.post("/api/v1/channels/twitter/webhook", null, body);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.errorCode()).isEqualTo("bad_signature");
        Reply wrong = api.post("/api/v1/channels/twitter/webhook", null, body,
                Map.of(Signatures.TWITTER_HEADER, Signatures.base64Header("other-secret", body)));
        assertThat(wrong.status()).isEqualTo(401);
        // Meta's header format on X is also wrong.
        Reply hex = api.post("/api/v1/channels/twitter/webhook", null, body,
                Map.of(Signatures.TWITTER_HEADER, Signatures.hexHeader(TestServer.TWITTER_SECRET, body)));
        assertThat(hex.status()).isEqualTo(401);
        byte[] fb = Payloads.facebookMessage(ORANGE_PAGE, "mid-x", "f-1", "Hola", false);
        assertThat(api.post("/api/v1/channels/facebook/webhook", null, fb).status()).isEqualTo(401);
        byte[] gp = Payloads.googlePlayReviews(List.of("r-x"));
        assertThat(api.post("/api/v1/channels/google_play/webhook?account=" + ORANGE_APP, null, gp).status())
                .isEqualTo(401);
        assertThat(conversationOf("t-700")).isNull();
    }

    @Test
    void signatureIsOverTheRawBytesAsReceived() {
        // Non-ASCII escaped as \\uXXXX, the way Meta sends it: re-serialized JSON would not match.
        String raw = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + ORANGE_PAGE + "\",\"messaging\":[{\"sender\":"
                + "{\"id\":\"f-800\"},\"recipient\":{\"id\":\"" + ORANGE_PAGE + "\"},\"timestamp\":"
                + System.currentTimeMillis() + ",\"message\":{\"mid\":\"mid-800\",\"text\":\"Adi\\u00f3s se\\u00f1al\"}}]}]}";
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        Reply r = api.post("/api/v1/channels/facebook/webhook", null, body, Payloads.metaSignature(body));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).isEqualTo(1);
        JsonNode conv = conversationOf("mid-800");
        assertThat(conv.get("snippet").asText()).isEqualTo("Adiós señal");
    }

    @Test
    void facebookCommentsThreadByParentAndEchoesAreIgnored() {
        byte[] first = Payloads.facebookComment(ORANGE_PAGE, "post1_c1", "post1", null, "f-900", "No tengo fibra");
        assertThat(api.post("/api/v1/channels/facebook/webhook", null, first, Payloads.metaSignature(first))
                .at("/accepted").asInt()).isEqualTo(1);
        // Another customer answers under that comment: it joins that comment's conversation.
        byte[] reply = Payloads.facebookComment(ORANGE_PAGE, "post1_c2", "post1", "post1_c1", "f-901", "Yo tampoco");
        api.post("/api/v1/channels/facebook/webhook", null, reply, Payloads.metaSignature(reply));
        assertThat(conversationOf("post1_c2").get("id")).isEqualTo(conversationOf("post1_c1").get("id"));
        byte[] own = Payloads.facebookComment(ORANGE_PAGE, "post1_c3", "post1", "post1_c1", ORANGE_PAGE, "Os ayudamos");
        assertThat(api.post("/api/v1/channels/facebook/webhook", null, own, Payloads.metaSignature(own))
                .at("/accepted").asInt()).isZero();
        byte[] echo = Payloads.facebookMessage(ORANGE_PAGE, "mid-echo", "f-902", "eco", true);
        assertThat(api.post("/api/v1/channels/facebook/webhook", null, echo, Payloads.metaSignature(echo))
                .at("/accepted").asInt()).isZero();
    }

    @Test
    void googlePlayReviewsNeedTheAccountAndAreDeduplicated() {
        byte[] body = Payloads.googlePlayReviews(List.of("gp-1", "gp-2"));
        Reply r = api.post("/api/v1/channels/google_play/webhook?account=" + ORANGE_APP, null, body,
                Payloads.faroSignature(body));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).isEqualTo(2);
        Reply again = api.post("/api/v1/channels/google_play/webhook?account=" + ORANGE_APP, null, body,
                Payloads.faroSignature(body));
        assertThat(again.at("/duplicates").asInt()).isEqualTo(2);
        JsonNode conv = conversationOf("gp-1");
        assertThat(conv.get("language").asText()).isEqualTo("es");
        assertThat(conv.get("channel").asText()).isEqualTo("GOOGLE_PLAY");
        Reply noAccount = api.post("/api/v1/channels/google_play/webhook", null, body, Payloads.faroSignature(body));
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(noAccount.errorCode()).isEqualTo("validation_failed");
    }

    @Test
    void unknownAccountIs404AndWritesNothing() {
        byte[] body = Payloads.tweets("999999", Payloads.tweet("t-1000", "u-1000", "Hola", null));
        Reply r = postTwitter(body);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("not_found");
        assertThat(conversationOf("t-1000")).isNull();
    }

    @Test
    void unknownChannelIs404AndBadPayloadsAre400() {
        byte[] body = "{}".getBytes();
        assertThat(api.post("/api/v1/channels/myspace/webhook", null, body).status()).isEqualTo(404);
        byte[] notJson = "{not json".getBytes();
        Reply bad = postTwitter(notJson);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("invalid_json");
        byte[] wrongShape = "{\"tweet_create_events\":[]}".getBytes();
        Reply shape = postTwitter(wrongShape);
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.errorCode()).isEqualTo("validation_failed");
        assertThat(shape.at("/error/message").asText()).contains("for_user_id");
        byte[] tooBig = Payloads.tweets(ORANGE_X, Payloads.tweet("t-big", "u-big", "x".repeat(70_000), null));
        assertThat(postTwitter(tooBig).status()).isEqualTo(413);
    }

    @Test
    void twitterCrcHandshake() {
        Reply r = api.get("/api/v1/channels/twitter/webhook?crc_token=abc123", null);
        assertThat(r.status()).isEqualTo(200);
        String expected = "sha256=" + Base64.getEncoder().encodeToString(
                Signatures.hmacSha256(TestServer.TWITTER_SECRET, "abc123".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.at("/response_token").asText()).isEqualTo(expected);
        assertThat(api.get("/api/v1/channels/twitter/webhook", null).status()).isEqualTo(400);
    }

    @Test
    void metaVerificationHandshake() {
        Reply ok = api.get("/api/v1/channels/facebook/webhook?hub.mode=subscribe&hub.verify_token="
                + TestServer.VERIFY_TOKEN + "&hub.challenge=1158201444", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).isEqualTo("1158201444");
        assertThat(ok.headers().get("Content-Type")).startsWith("text/plain");
        Reply wrong = api.get("/api/v1/channels/facebook/webhook?hub.mode=subscribe&hub.verify_token=nope"
                + "&hub.challenge=1158201444", null);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("forbidden");
    }
}
