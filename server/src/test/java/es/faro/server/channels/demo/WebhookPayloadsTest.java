package es.faro.server.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
    private static final Instant AT = DemoFixtures.FIXED.instant();
    private static final DemoCustomer LAURA =
            new DemoCustomer("Laura Gómez Ruiz", "lauragr87", "734512987", "6120000000000001", 48_211, "es");
    private final Brand orange = DemoFixtures.brand("orange");

    private static JsonNode parse(SignedWebhook w) {
        return Json.read(w.body(), JsonNode.class);
    }

    private static DemoMessage message(DemoMessage.Shape shape, Brand brand, String text, String id, String replyTo,
                                       String post, int stars) {
        return new DemoMessage(shape, brand, LAURA, text, "es", stars, id, replyTo, post, replyTo != null, AT);
    }

    @Test
    void tweetFollowsTheAccountActivityShapeAndIsSignedInBase64() {
        String secret = DemoFixtures.SECRETS.get(Channel.TWITTER);
        SignedWebhook w = TwitterWebhook.of(message(DemoMessage.Shape.TWEET, orange,
                "@orange_es Llevo 3 días sin fibra en Getafe 😡", "1861234567890123456", "1861234500000000001", null, 0),
                secret);
        assertThat(w.path()).isEqualTo("api/v1/channels/twitter/webhook");
        assertThat(w.signatureHeader()).isEqualTo("X-Twitter-Webhooks-Signature");
        assertThat(Signatures.matches(Signatures.base64Header(secret, w.body()), w.signature())).isTrue();
        assertThat(Signatures.matches(Signatures.base64Header("other", w.body()), w.signature())).isFalse();
        JsonNode root = parse(w);
        assertThat(root.path("for_user_id").asText()).isEqualTo("1000001");
        JsonNode tweet = root.path("tweet_create_events").get(0);
        assertThat(tweet.path("id_str").asText()).isEqualTo("1861234567890123456");
        assertThat(tweet.path("text").asText()).isEqualTo("@orange_es Llevo 3 días sin fibra en Getafe 😡");
        assertThat(tweet.path("in_reply_to_status_id_str").asText()).isEqualTo("1861234500000000001");
        assertThat(tweet.path("timestamp_ms").asText()).isEqualTo(Long.toString(AT.toEpochMilli()));
        assertThat(tweet.path("created_at").asText()).isEqualTo("Mon Nov 23 09:15:30 +0000 2026");
        assertThat(ZonedDateTime.parse(tweet.path("created_at").asText(), TwitterWebhook.CREATED_AT).toInstant())
                .isEqualTo(AT.truncatedTo(ChronoUnit.SECONDS));
        JsonNode user = tweet.path("user");
        assertThat(user.path("id_str").asText()).isEqualTo("734512987");
        assertThat(user.path("screen_name").asText()).isEqualTo("lauragr87");
        assertThat(user.path("name").asText()).isEqualTo("Laura Gómez Ruiz");
        assertThat(user.path("followers_count").asInt()).isEqualTo(48_211);
    }

    @Test
    void newTweetHasANullReplyTarget() {
        SignedWebhook w = TwitterWebhook.of(message(DemoMessage.Shape.TWEET, orange, "@orange_es hola", "1", null, null, 0),
                "s");
        JsonNode tweet = parse(w).path("tweet_create_events").get(0);
        assertThat(tweet.has("in_reply_to_status_id_str")).isTrue();
        assertThat(tweet.path("in_reply_to_status_id_str").isNull()).isTrue();
    }

    @Test
    void directMessageCarriesSenderTargetAndUsers() {
        Brand jazztel = DemoFixtures.brand("jazztel");
        SignedWebhook w = TwitterWebhook.of(message(DemoMessage.Shape.DIRECT_MESSAGE, jazztel,
                "Os paso mi DNI por aquí", "1861230000000000042", null, null, 0), "secret");
        JsonNode root = parse(w);
        assertThat(root.path("for_user_id").asText()).isEqualTo("1000002");
        JsonNode event = root.path("direct_message_events").get(0);
        assertThat(event.path("type").asText()).isEqualTo("message_create");
        assertThat(event.path("id").asText()).isEqualTo("1861230000000000042");
        assertThat(event.path("created_timestamp").asText()).isEqualTo(Long.toString(AT.toEpochMilli()));
        assertThat(event.path("message_create").path("sender_id").asText()).isEqualTo("734512987");
        assertThat(event.path("message_create").path("target").path("recipient_id").asText()).isEqualTo("1000002");
        assertThat(event.path("message_create").path("message_data").path("text").asText())
                .isEqualTo("Os paso mi DNI por aquí");
        JsonNode sender = root.path("users").path("734512987");
        assertThat(sender.path("screen_name").asText()).isEqualTo("lauragr87");
        assertThat(sender.path("name").asText()).isEqualTo("Laura Gómez Ruiz");
        assertThat(root.path("users").path("1000002").path("screen_name").asText()).isEqualTo("jazztel_es");
        assertThat(Signatures.matches(Signatures.base64Header("secret", w.body()), w.signature())).isTrue();
    }

    @Test
    void facebookCommentIsAFeedChangeWithNonAsciiEscapedAndAHexSignature() {
        String secret = DemoFixtures.SECRETS.get(Channel.FACEBOOK);
        SignedWebhook w = MetaWebhook.of(message(DemoMessage.Shape.PAGE_COMMENT, orange,
                "¡¡87,45 € de factura!! 😡", "5310_99", "5310_42", "2000001_5310", 0), secret);
        assertThat(w.path()).isEqualTo("api/v1/channels/facebook/webhook");
        assertThat(w.signatureHeader()).isEqualTo("X-Hub-Signature-256");
        assertThat(w.signature()).isEqualTo(Signatures.hexHeader(secret, w.body())).matches("sha256=[0-9a-f]{64}");
        String wire = new String(w.body(), StandardCharsets.UTF_8);
        assertThat(wire.chars()).allMatch(c -> c < 128);
        assertThat(wire).contains("\\u00A1\\u00A187,45 \\u20AC").contains("\\uD83D\\uDE21");
        JsonNode root = parse(w);
        assertThat(root.path("object").asText()).isEqualTo("page");
        JsonNode entry = root.path("entry").get(0);
        assertThat(entry.path("id").asText()).isEqualTo("2000001");
        JsonNode change = entry.path("changes").get(0);
        assertThat(change.path("field").asText()).isEqualTo("feed");
        JsonNode value = change.path("value");
        assertThat(value.path("item").asText()).isEqualTo("comment");
        assertThat(value.path("verb").asText()).isEqualTo("add");
        assertThat(value.path("comment_id").asText()).isEqualTo("5310_99");
        assertThat(value.path("post_id").asText()).isEqualTo("2000001_5310");
        assertThat(value.path("parent_id").asText()).isEqualTo("5310_42");
        assertThat(value.path("from").path("id").asText()).isEqualTo("6120000000000001");
        assertThat(value.path("from").path("name").asText()).isEqualTo("Laura Gómez Ruiz");
        assertThat(value.path("message").asText()).isEqualTo("¡¡87,45 € de factura!! 😡");
        assertThat(value.path("created_time").asLong()).isEqualTo(AT.getEpochSecond());
    }

    @Test
    void topLevelCommentHasThePostAsParent() {
        SignedWebhook w = MetaWebhook.of(message(DemoMessage.Shape.PAGE_COMMENT, orange, "hola", "5310_7", null,
                "2000001_5310", 0), "s");
        assertThat(parse(w).path("entry").get(0).path("changes").get(0).path("value").path("parent_id").asText())
                .isEqualTo("2000001_5310");
    }

    @Test
    void messengerMessageIsAMessagingEntry() {
        Brand simyo = DemoFixtures.brand("simyo");
        SignedWebhook w = MetaWebhook.of(message(DemoMessage.Shape.PAGE_MESSAGE, simyo, "¿Me ayudáis con la portabilidad?",
                "m_abc123", null, null, 0), "s");
        JsonNode entry = parse(w).path("entry").get(0);
        assertThat(entry.path("id").asText()).isEqualTo("2000004");
        JsonNode messaging = entry.path("messaging").get(0);
        assertThat(messaging.path("sender").path("id").asText()).isEqualTo("6120000000000001");
        assertThat(messaging.path("recipient").path("id").asText()).isEqualTo("2000004");
        assertThat(messaging.path("timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(messaging.path("message").path("mid").asText()).isEqualTo("m_abc123");
        assertThat(messaging.path("message").path("text").asText()).isEqualTo("¿Me ayudáis con la portabilidad?");
        assertThat(Signatures.matches(Signatures.hexHeader("s", w.body()), w.signature())).isTrue();
    }

    @Test
    void googlePlayReviewIsAReviewsListNamingThePackage() {
        String secret = DemoFixtures.SECRETS.get(Channel.GOOGLE_PLAY);
        SignedWebhook w = GooglePlayWebhook.of(message(DemoMessage.Shape.APP_REVIEW, orange,
                "La app no abre desde la última actualización.", "gp:AOqpTOtest", null, null, 1), secret);
        assertThat(w.path()).isEqualTo("api/v1/channels/google_play/webhook?account=com.orange.miorange");
        assertThat(w.signatureHeader()).isEqualTo("X-Faro-Signature");
        assertThat(Signatures.matches(Signatures.hexHeader(secret, w.body()), w.signature())).isTrue();
        JsonNode review = parse(w).path("reviews").get(0);
        assertThat(review.path("reviewId").asText()).isEqualTo("gp:AOqpTOtest");
        assertThat(review.path("authorName").asText()).isEqualTo("Laura Gómez Ruiz");
        JsonNode comment = review.path("comments").get(0).path("userComment");
        assertThat(comment.path("text").asText()).isEqualTo("La app no abre desde la última actualización.");
        assertThat(comment.path("starRating").asInt()).isEqualTo(1);
        assertThat(comment.path("reviewerLanguage").asText()).isEqualTo("es");
        assertThat(comment.path("lastModified").path("seconds").asLong()).isEqualTo(AT.getEpochSecond());
        assertThat(comment.path("lastModified").path("nanos").asInt()).isEqualTo(AT.getNano());
    }

    @Test
    void seededScriptGivesByteIdenticalSignedPayloads() {
        TrafficCorpus corpus = DemoFixtures.corpus();
        DemoTraffic a = new DemoTraffic(java.net.URI.create("http://127.0.0.1:9/"), DemoFixtures.SECRETS,
                DemoFixtures.brands(), 60, 2026, corpus, DemoFixtures.FIXED);
        DemoTraffic b = new DemoTraffic(java.net.URI.create("http://127.0.0.1:9/"), DemoFixtures.SECRETS,
                DemoFixtures.brands(), 60, 2026, corpus, DemoFixtures.FIXED);
        TrafficScript sa = new TrafficScript(corpus, DemoFixtures.brands(), DemoFixtures.SECRETS.keySet(), 2026,
                DemoFixtures.FIXED);
        TrafficScript sb = new TrafficScript(corpus, DemoFixtures.brands(), DemoFixtures.SECRETS.keySet(), 2026,
                DemoFixtures.FIXED);
        for (int i = 0; i < 200; i++) {
            SignedWebhook wa = a.signed(sa.next());
            SignedWebhook wb = b.signed(sb.next());
            assertThat(wa.body()).isEqualTo(wb.body());
            assertThat(wa.signature()).isEqualTo(wb.signature());
            assertThat(wa.path()).isEqualTo(wb.path());
        }
        a.close();
        b.close();
    }
}
