package es.faro.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries wait: with the server's clock held still, a reply the network answered 503 is not tried
 * again until the backoff has passed on that clock (base, then twice the base), a 429's Retry-After is
 * honoured, and the backoff arithmetic itself (doubling, capped, the network's wish capped too).
 */
class DeliveryBackoffTest {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    FakeNetwork network;
    MutableClock clock;
    TestServer server;
    ApiClient api;
    String ana;

    @BeforeEach
    void start() {
        network = new FakeNetwork();
        clock = new MutableClock(T0);
        server = TestServer.start(Map.of("delivery.twitter.url", network.url(), "delivery.attempts", "5",
                "delivery.backoff.base", "PT30S", "delivery.backoff.max", "PT10M", "token.ttl", "P60D"), clock);
        api = server.client();
        ana = api.login("ana");
    }

    @AfterEach
    void stop() {
        server.close();
        network.close();
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** Holds for {@code millis} of real time: the worker had every chance to try again, and did not. */
    static void stillAfter(long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            assertThat(condition.getAsBoolean()).isTrue();
            Thread.sleep(50);
        }
    }

    String replyToADm(String text) {
        byte[] body = Payloads.directMessage(Payloads.ORANGE_X, "dm-" + UUID.randomUUID(), "u-bo", text);
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        String conv = null;
        for (JsonNode c : api.get("/api/v1/conversations?limit=50&channel=twitter", ana).at("/items")) {
            if (text.equals(c.path("snippet").asText())) {
                conv = c.get("id").asText();
            }
        }
        Reply r = api.post("/api/v1/conversations/" + conv + "/messages", ana,
                Map.of("kind", "reply", "body", "Te ayudamos", "public", false),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return conv + "/" + r.at("/message/id").asText();
    }

    String delivery(String convAndMessage) {
        String[] parts = convAndMessage.split("/");
        for (JsonNode m : api.get("/api/v1/conversations/" + parts[0] + "/messages", ana).json()) {
            if (m.get("id").asText().equals(parts[1])) {
                return m.get("delivery").asText();
            }
        }
        return null;
    }

    int attempts(String convAndMessage) {
        return network.receivedWithKey(convAndMessage.split("/")[1]).size();
    }

    @Test
    void aTransientFailureIsRetriedOnlyAfterADoublingBackoff() throws Exception {
        network.failNext(2, 503, "Service Unavailable");
        String m = replyToADm("Sin cobertura en Teruel");
        eventually(() -> attempts(m) == 1);
        assertThat(delivery(m)).isEqualTo("QUEUED"); // retrying, not failed
        stillAfter(1500, () -> attempts(m) == 1);
        clock.advance(Duration.ofSeconds(29));
        stillAfter(1500, () -> attempts(m) == 1);
        clock.advance(Duration.ofSeconds(1)); // base (30 s) passed: the second attempt
        eventually(() -> attempts(m) == 2);
        clock.advance(Duration.ofSeconds(30));
        stillAfter(1500, () -> attempts(m) == 2); // the second wait is twice the base
        clock.advance(Duration.ofSeconds(30));
        eventually(() -> "SENT".equals(delivery(m)));
        assertThat(attempts(m)).isEqualTo(3);
    }

    @Test
    void theNetworksRetryAfterIsHonoured() throws Exception {
        network.failNext(1, 429, "Too Many Requests", 120);
        String m = replyToADm("Portabilidad parada");
        eventually(() -> attempts(m) == 1);
        clock.advance(Duration.ofSeconds(119));
        stillAfter(1500, () -> attempts(m) == 1);
        clock.advance(Duration.ofSeconds(1));
        eventually(() -> "SENT".equals(delivery(m)));
        assertThat(attempts(m)).isEqualTo(2);
    }

    @Test
    void theBackoffDoublesUpToItsCapAndCapsTheNetworksWishToo() {
        DeliverySettings s = DeliverySettings.from(es.faro.server.config.ServerConfig.of(Map.of(
                "delivery.backoff.base", "PT2S", "delivery.backoff.max", "PT1M")));
        assertThat(s.backoff(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.backoff(2, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.backoff(5, null)).isEqualTo(Duration.ofSeconds(32));
        assertThat(s.backoff(6, null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.backoff(60, null)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.backoff(1, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.backoff(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(8)); // never sooner than ours
        assertThat(s.backoff(1, Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(1));
    }
}
