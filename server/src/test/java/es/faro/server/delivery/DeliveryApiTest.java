package es.faro.server.delivery;

import static es.faro.server.community.CommunityPayloads.ORANGE_COMMUNITY;
import static es.faro.server.community.CommunityPayloads.ORANGE_FEED;
import static es.faro.server.support.Payloads.ORANGE_APP;
import static es.faro.server.support.Payloads.ORANGE_IG;
import static es.faro.server.support.Payloads.ORANGE_IOS;
import static es.faro.server.support.Payloads.ORANGE_PAGE;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.model.Channel;
import es.faro.server.community.CommunityPayloads;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every channel round-trips: a customer message in, a reply posted through the API, the reply arriving
 * at the (fake) network in the network's own API shape, and the delivery state coming back as the
 * message's state: SENT with the network's id, FAILED with the network's reason, retried after a 503.
 */
class DeliveryApiTest {
    static final AtomicInteger IDS = new AtomicInteger();
    static FakeNetwork network;
    static TestServer server;
    static ApiClient api;
    static String ana;
    static String pablo;
    static String lucia;
    static String datos;

    @BeforeAll
    static void start() {
        network = new FakeNetwork();
        Map<String, String> config = new HashMap<>();
        for (Channel c : Channel.values()) {
            config.put("delivery." + c.wireName() + ".url", network.url());
        }
        config.put("delivery.twitter.token", "x-token");
        config.put("delivery.backoff.base", "PT0.05S");
        config.put("delivery.backoff.max", "PT0.2S");
        config.put("delivery.attempts", "3");
        config.putAll(Payloads.instagramAndAppStoreSecrets());
        config.putAll(CommunityPayloads.secrets());
        server = TestServer.start(config);
        api = server.client();
        ana = api.login("ana");
        pablo = api.login("pablo");
        lucia = api.login("lucia");
        datos = api.login("datos");
    }

    @AfterAll
    static void stop() {
        server.close();
        network.close();
    }

    // --- helpers --------------------------------------------------------------------------------

    static String unique(String prefix) {
        return prefix + "-" + IDS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The conversation whose last message is {@code text}, as the lead sees it. */
    static JsonNode conversationWith(Channel channel, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Reply list = api.get("/api/v1/conversations?limit=200&channel=" + channel.wireName(), lucia);
            for (JsonNode conv : list.at("/items")) {
                if (text.equals(conv.path("snippet").asText())) {
                    return conv;
                }
            }
        }
        throw new AssertionError("no conversation with " + text);
    }

    /** The conversation holding the customer's message {@code channelMessageId}, as the lead sees it. */
    static String conversationOf(Channel channel, String channelMessageId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Reply list = api.get("/api/v1/conversations?limit=200&channel=" + channel.wireName(), lucia);
            for (JsonNode conv : list.at("/items")) {
                String id = conv.get("id").asText();
                for (JsonNode m : api.get("/api/v1/conversations/" + id + "/messages", lucia).json()) {
                    if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                        return id;
                    }
                }
            }
            sleep(20);
        }
        throw new AssertionError("no conversation with message " + channelMessageId);
    }

    /** Posts a raw webhook body as the network sends it and checks the server accepted it. */
    static void webhook(String channelAndQuery, byte[] body, Map<String, String> signature) {
        Reply r = api.post("/api/v1/channels/" + channelAndQuery, null, body, signature);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).as(r.text()).isEqualTo(1);
    }

    /** A customer's public Instagram comment on a post of the Orange account, through the Meta webhook. */
    static String instagramComment(String commentId, String userId, String text) {
        byte[] body = Payloads.bytes(Payloads.igComment(ORANGE_IG, commentId, userId, "user" + userId, text,
                "media-1", null));
        webhook("instagram/webhook", body, Payloads.instagramSignature(body));
        return conversationOf(Channel.INSTAGRAM, commentId);
    }

    /** A customer's Instagram direct message to the Orange account, through the Meta webhook. */
    static String instagramDirectMessage(String mid, String igsid, String text) {
        byte[] body = Payloads.bytes(Payloads.igMessaging(ORANGE_IG, Payloads.igDm(ORANGE_IG, igsid,
                "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}")));
        webhook("instagram/webhook", body, Payloads.instagramSignature(body));
        return conversationOf(Channel.INSTAGRAM, mid);
    }

    /** A Google Play review of the Orange app, forwarded by the poller (faro-signed). */
    static String googlePlayReview(String reviewId) {
        byte[] body = Payloads.googlePlayReviews(List.of(reviewId));
        webhook("google_play/webhook?account=" + ORANGE_APP, body, Payloads.faroSignature(body));
        return conversationOf(Channel.GOOGLE_PLAY, reviewId);
    }

    /** An App Store review of the Orange iOS app in App Store Connect's shape, forwarded (faro-signed). */
    static String appStoreReview(String reviewId, String text) {
        byte[] body = Payloads.bytes(Payloads.appStoreReviews(
                Payloads.appStoreReview(reviewId, 2, "Mal", text, unique("nick"))));
        webhook("app_store/webhook?account=" + ORANGE_IOS, body, Payloads.appStoreSignature(body));
        return conversationOf(Channel.APP_STORE, reviewId);
    }

    /** A topic on the Orange community in the Khoros messages shape. */
    static String communityTopic(String messageId, String text) {
        byte[] body = CommunityPayloads.messages(CommunityPayloads.message(messageId, unique("member"), unique("login"),
                "fibra", "Ayuda", "<p>" + text + "</p>", null, 0, 10, "2026-11-24T10:00:00Z"));
        assertThat(CommunityPayloads.postCommunity(api, ORANGE_COMMUNITY, body).status()).isEqualTo(200);
        return conversationOf(Channel.COMMUNITY, messageId);
    }

    static Reply reply(String token, String conversationId, String body, boolean isPublic) {
        return api.post("/api/v1/conversations/" + conversationId + "/messages", token,
                Map.of("kind", "reply", "body", body, "public", isPublic),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** Waits until message {@code id} of the conversation leaves QUEUED and returns it. */
    static JsonNode delivered(String conversationId, String messageId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode m : api.get("/api/v1/conversations/" + conversationId + "/messages", lucia).json()) {
                if (m.get("id").asText().equals(messageId)) {
                    last = m;
                    if (!"QUEUED".equals(m.get("delivery").asText())) {
                        return m;
                    }
                }
            }
            sleep(20);
        }
        throw new AssertionError("still queued: " + last);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static FakeNetwork.Received only(String messageId) {
        List<FakeNetwork.Received> got = network.receivedWithKey(messageId);
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    /** Posts a reply, checks it was acknowledged QUEUED, and returns the delivered message. */
    static JsonNode replyAndDeliver(String token, String conversationId, String body, boolean isPublic) {
        Reply r = reply(token, conversationId, body, isPublic);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.at("/message/delivery").asText()).isEqualTo("QUEUED");
        return delivered(conversationId, r.at("/message/id").asText());
    }

    // --- X and Facebook through their webhooks -----------------------------------------------------

    @Test
    void xPublicReplyIsATweetInReplyToTheCustomersTweet() {
        String tweetId = unique("tw");
        String text = unique("Sin fibra");
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet(tweetId, unique("u"), text, null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        String conv = conversationWith(Channel.TWITTER, text).get("id").asText();

        JsonNode m = replyAndDeliver(ana, conv, "Hola, te escribimos por privado 🙂", true);

        FakeNetwork.Received got = only(m.get("id").asText());
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/2/tweets");
        assertThat(got.authorization()).isEqualTo("Bearer x-token");
        assertThat(got.body().get("text").asText()).isEqualTo("Hola, te escribimos por privado 🙂");
        assertThat(got.body().at("/reply/in_reply_to_tweet_id").asText()).isEqualTo(tweetId);
        assertThat(m.get("delivery").asText()).isEqualTo("SENT");
        assertThat(m.get("channelMessageId").asText()).matches("\\d+");
        assertThat(m.get("deliveryLink").asText()).endsWith("/status/" + m.get("channelMessageId").asText());
    }

    @Test
    void xPrivateReplyIsADirectMessageToTheCustomer() {
        String sender = unique("dmuser");
        String text = unique("Mi factura");
        byte[] body = Payloads.directMessage(ORANGE_X, unique("dm"), sender, text);
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        String conv = conversationWith(Channel.TWITTER, text).get("id").asText();

        JsonNode m = replyAndDeliver(ana, conv, "Revisamos tu factura", false);

        FakeNetwork.Received got = only(m.get("id").asText());
        assertThat(got.path()).isEqualTo("/2/dm_conversations/with/" + sender + "/messages");
        assertThat(got.body().get("text").asText()).isEqualTo("Revisamos tu factura");
        assertThat(m.get("delivery").asText()).isEqualTo("SENT");
        assertThat(m.get("channelMessageId").asText()).isNotBlank();
    }

    @Test
    void facebookCommentReplyAndMessengerSend() {
        String commentId = unique("cm");
        String text = unique("Cobertura");
        byte[] body = Payloads.facebookComment(ORANGE_PAGE, commentId, "post-1", null, unique("fan"), text);
        assertThat(api.post("/api/v1/channels/facebook/webhook", null, body, Payloads.metaSignature(body)).status())
                .isEqualTo(200);
        String conv = conversationWith(Channel.FACEBOOK, text).get("id").asText();
        JsonNode m = replyAndDeliver(ana, conv, "¿En qué calle?", true);
        FakeNetwork.Received got = only(m.get("id").asText());
        assertThat(got.path()).isEqualTo("/" + commentId + "/comments");
        assertThat(got.body().get("message").asText()).isEqualTo("¿En qué calle?");
        assertThat(m.get("delivery").asText()).isEqualTo("SENT");

        String psid = unique("psid");
        String dmText = unique("Mensaje privado");
        byte[] dm = Payloads.facebookMessage(ORANGE_PAGE, unique("mid"), psid, dmText, false);
        assertThat(api.post("/api/v1/channels/facebook/webhook", null, dm, Payloads.metaSignature(dm)).status())
                .isEqualTo(200);
        String dmConv = conversationWith(Channel.FACEBOOK, dmText).get("id").asText();
        JsonNode sent = replyAndDeliver(ana, dmConv, "Te ayudamos", false);
        FakeNetwork.Received send = only(sent.get("id").asText());
        assertThat(send.path()).isEqualTo("/me/messages");
        assertThat(send.body().at("/recipient/id").asText()).isEqualTo(psid);
        assertThat(send.body().at("/message/text").asText()).isEqualTo("Te ayudamos");
        assertThat(send.body().get("messaging_type").asText()).isEqualTo("RESPONSE");
        assertThat(sent.get("channelMessageId").asText()).startsWith("mid.");
    }

    // --- the other channels ---------------------------------------------------------------------------

    @Test
    void instagramCommentReplyAndDirectMessage() {
        String commentId = unique("igc");
        String conv = instagramComment(commentId, unique("igu"), unique("Foto"));
        JsonNode m = replyAndDeliver(ana, conv, "¡Gracias!", true);
        FakeNetwork.Received got = only(m.get("id").asText());
        assertThat(got.path()).isEqualTo("/" + commentId + "/replies");
        assertThat(got.body().get("message").asText()).isEqualTo("¡Gracias!");
        assertThat(m.get("delivery").asText()).isEqualTo("SENT");

        String igsid = unique("igsid");
        String dmConv = instagramDirectMessage(unique("igdm"), igsid, unique("DM ig"));
        JsonNode dm = replyAndDeliver(ana, dmConv, "Hola por DM", false);
        FakeNetwork.Received send = only(dm.get("id").asText());
        assertThat(send.path()).isEqualTo("/me/messages");
        assertThat(send.body().at("/recipient/id").asText()).isEqualTo(igsid);
    }

    @Test
    void googlePlayReplyToReview() {
        String reviewId = unique("gp:review");
        String conv = googlePlayReview(reviewId);
        JsonNode m = replyAndDeliver(ana, conv, "Lo sentimos, prueba la versión 5.2", true);
        FakeNetwork.Received got = only(m.get("id").asText());
        assertThat(got.path()).isEqualTo("/androidpublisher/v3/applications/" + ORANGE_APP + "/reviews/"
                + reviewId.replace(":", "%3A") + ":reply");
        assertThat(got.body().get("replyText").asText()).isEqualTo("Lo sentimos, prueba la versión 5.2");
        assertThat(m.get("delivery").asText()).isEqualTo("SENT");
        assertThat(m.get("channelMessageId").asText()).startsWith(reviewId + ":reply:");
    }

    @Test
    void appStoreResponseToReview() {
        String reviewId = unique("asr");
        String conv = appStoreReview(reviewId, unique("No carga"));
        JsonNode m = replyAndDeliver(ana, conv, "Actualiza a la 5.2, por favor", true);
        FakeNetwork.Received got = only(m.get("id").asText());
        assertThat(got.path()).isEqualTo("/v1/customerReviewResponses");
        assertThat(got.body().at("/data/type").asText()).isEqualTo("customerReviewResponses");
        assertThat(got.body().at("/data/attributes/responseBody").asText()).isEqualTo("Actualiza a la 5.2, por favor");
        assertThat(got.body().at("/data/relationships/review/data/type").asText()).isEqualTo("customerReviews");
        assertThat(got.body().at("/data/relationships/review/data/id").asText()).isEqualTo(reviewId);
        assertThat(m.get("channelMessageId").asText()).startsWith("rr-");
    }

    @Test
    void communityReplyToTheCustomersMessage() {
        String parent = unique("kh");
        String conv = communityTopic(parent, unique("Router"));
        JsonNode m = replyAndDeliver(ana, conv, "Reinicia el router", true);
        FakeNetwork.Received got = only(m.get("id").asText());
        assertThat(got.path()).isEqualTo("/api/2.0/messages");
        assertThat(got.body().at("/data/type").asText()).isEqualTo("message");
        assertThat(got.body().at("/data/body").asText()).isEqualTo("Reinicia el router");
        assertThat(got.body().at("/data/parent/id").asText()).isEqualTo(parent);
        assertThat(m.get("deliveryLink").asText()).startsWith("https://comunidad.example/");
    }

    @Test
    void forumReplyIsPreparedWithALinkAndTheAgentMarksItPosted() {
        String entry = "https://foros.example.com/operadoras/orange/t/" + unique("hilo");
        byte[] feed = CommunityPayloads.atom("Foro de operadoras", CommunityPayloads.atomEntry(entry, unique("forero"),
                "Portabilidad", "<p>" + unique("Portabilidad") + "</p>", "2026-11-24T10:00:00Z", null));
        Reply fed = CommunityPayloads.postForum(api, ORANGE_FEED, feed);
        assertThat(fed.status()).as(fed.text()).isEqualTo(200);
        assertThat(fed.at("/accepted").asInt()).isEqualTo(1);
        String conv = conversationOf(Channel.FORUM, entry);
        int before = network.received().size();
        JsonNode m = replyAndDeliver(ana, conv, "Te lo explicamos aquí", true);
        assertThat(m.get("delivery").asText()).isEqualTo("PREPARED");
        assertThat(m.get("deliveryLink").asText()).isEqualTo(entry);
        assertThat(network.received()).hasSize(before); // no API is called for a forum

        String path = "/api/v1/conversations/" + conv + "/messages/" + m.get("id").asText() + "/posted";
        assertThat(api.post(path, ana, Map.of("url", "javascript:alert(1)")).status()).isEqualTo(400);
        assertThat(api.post(path, pablo, Map.of()).status()).isEqualTo(404); // not his brand
        Reply posted = api.post(path, ana, Map.of("url", entry + "#p2"));
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        assertThat(posted.at("/delivery").asText()).isEqualTo("SENT");
        assertThat(posted.at("/channelMessageId").asText()).isEqualTo(entry + "#p2");
        assertThat(api.post(path, ana, Map.of()).status()).isEqualTo(409);

        // A second reply marked posted at the first one's link: a 409 that says so (it was a 500).
        JsonNode second = replyAndDeliver(ana, conv, "Y otra cosa", true);
        Reply same = api.post("/api/v1/conversations/" + conv + "/messages/" + second.get("id").asText() + "/posted",
                ana, Map.of("url", entry + "#p2"));
        assertThat(same.status()).as(same.text()).isEqualTo(409);
        assertThat(same.errorCode()).isEqualTo("link_in_use");
        assertThat(api.get("/api/v1/conversations/" + conv + "/messages", ana).text()).contains(second.get("id").asText());
    }

    // --- failures and retries -----------------------------------------------------------------------

    @Test
    void permanentErrorFailsWithTheNetworksReasonAndTheAgentRetries() {
        String conv = instagramComment(unique("igc"), unique("igu"), unique("Queja"));
        network.failNext(1, 400, "The comment has been deleted");
        JsonNode m = replyAndDeliver(ana, conv, "Respuesta", true);
        String id = m.get("id").asText();
        assertThat(m.get("delivery").asText()).isEqualTo("FAILED");
        assertThat(m.get("deliveryError").asText()).isEqualTo("HTTP 400: The comment has been deleted");
        assertThat(network.receivedWithKey(id)).hasSize(1); // a 4xx is not retried by itself

        String retry = "/api/v1/conversations/" + conv + "/messages/" + id + "/retry";
        assertThat(api.post(retry, pablo, Map.of()).status()).isEqualTo(404);
        assertThat(api.post(retry, datos, Map.of()).status()).isEqualTo(403);
        assertThat(api.post(retry, null, Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/conversations/" + conv + "/messages/m-nope/retry", ana, Map.of()).status())
                .isEqualTo(404);
        Reply again = api.post(retry, ana, Map.of());
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.at("/delivery").asText()).isEqualTo("QUEUED");
        JsonNode sent = delivered(conv, id);
        assertThat(sent.get("delivery").asText()).isEqualTo("SENT");
        assertThat(sent.has("deliveryError")).isFalse();
        assertThat(network.receivedWithKey(id)).hasSize(2);
        assertThat(api.post(retry, ana, Map.of()).status()).isEqualTo(409); // only a FAILED one
    }

    @Test
    void transientErrorIsRetriedWithTheSameDeliveryKey() {
        String conv = communityTopic(unique("kh"), unique("Caída"));
        network.failNext(1, 503, "Service Unavailable");
        JsonNode m = replyAndDeliver(ana, conv, "Ya está resuelto", true);
        assertThat(m.get("delivery").asText()).isEqualTo("SENT");
        List<FakeNetwork.Received> attempts = network.receivedWithKey(m.get("id").asText());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).body()).isEqualTo(attempts.get(1).body());
    }

    @Test
    void aNetworkThatKeepsFailingEndsFailedAfterTheLastAttempt() {
        String conv = appStoreReview(unique("asr"), unique("Lenta"));
        network.failNext(3, 503, "Service Unavailable");
        JsonNode m = replyAndDeliver(ana, conv, "Gracias por avisar", true);
        assertThat(m.get("delivery").asText()).isEqualTo("FAILED");
        assertThat(m.get("deliveryError").asText()).isEqualTo("gave up after 3 attempts: HTTP 503: Service Unavailable");
        assertThat(network.receivedWithKey(m.get("id").asText())).hasSize(3);
    }

    @Test
    void deliveryStatesArePublishedAsEvents() {
        long cursor = api.get("/api/v1/changes?after=0&limit=1", lucia).at("/last").asLong();
        String cursorNow = Long.toString(api.get("/api/v1/bootstrap", lucia).at("/cursor").asLong());
        String conv = instagramComment(unique("igc"), unique("igu"), unique("Evento"));
        JsonNode m = replyAndDeliver(ana, conv, "Hola", true);
        Reply changes = api.get("/api/v1/changes?limit=5000&after=" + cursorNow, ana);
        boolean queued = false;
        boolean sent = false;
        for (JsonNode e : changes.at("/events")) {
            if (e.get("type").asText().equals("message.upserted") && e.at("/data/id").asText().equals(m.get("id").asText())) {
                queued |= e.at("/data/delivery").asText().equals("QUEUED");
                sent |= e.at("/data/delivery").asText().equals("SENT");
            }
        }
        assertThat(cursor).isGreaterThanOrEqualTo(0);
        assertThat(queued).isTrue();
        assertThat(sent).isTrue();
    }

    // --- the channel's rules -------------------------------------------------------------------------

    @Test
    void channelRulesAreCheckedBeforeAnythingIsStored() {
        String conv = instagramComment(unique("igc"), unique("igu"), unique("Público"));
        Reply dm = reply(ana, conv, "Por privado", false);
        assertThat(dm.status()).isEqualTo(400);
        assertThat(dm.errorCode()).isEqualTo("validation_failed");
        assertThat(dm.at("/error/message").asText()).contains("only after the customer wrote one");

        String review = googlePlayReview(unique("gp"));
        Reply privateReview = reply(ana, review, "Privado", false);
        assertThat(privateReview.status()).isEqualTo(400);
        assertThat(privateReview.at("/error/message").asText()).contains("no private messages");
        Reply tooLong = reply(ana, review, "a".repeat(351), true);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.at("/error/message").asText()).contains("at most 350");
        assertThat(reply(ana, review, "ñ".repeat(350), true).status()).isEqualTo(201);

        String tweetId = unique("tw");
        byte[] tweetBody = Payloads.tweets(ORANGE_X, Payloads.tweet(tweetId, unique("u"), unique("Largo"), null));
        webhook("twitter/webhook", tweetBody, Payloads.twitterSignature(tweetBody));
        Reply tweet = reply(ana, conversationOf(Channel.TWITTER, tweetId), "x".repeat(281), true);
        assertThat(tweet.status()).isEqualTo(400);

        assertThat(api.get("/api/v1/conversations/" + conv + "/messages", ana).json()).hasSize(1);
        assertThat(api.get("/api/v1/conversations/" + review + "/messages", ana).json()).hasSize(2);
    }
}
