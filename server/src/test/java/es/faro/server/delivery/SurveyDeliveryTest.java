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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CSAT survey travels the same delivery path as a reply: it reaches the network as a DM in X's API
 * shape, and one the network refuses is FAILED in the thread and not counted as sent in the response
 * rate until it is sent again and delivered.
 */
class SurveyDeliveryTest {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    FakeNetwork network;
    MutableClock clock;
    TestServer server;
    ApiClient api;
    String ana;
    String lead;

    @BeforeEach
    void start() {
        network = new FakeNetwork();
        clock = new MutableClock(T0);
        Map<String, String> config = new HashMap<>(Map.of("delivery.twitter.url", network.url(),
                "delivery.twitter.token", "x-token", "delivery.attempts", "3", "delivery.backoff.base", "PT0.05S",
                "csat.delay", "PT10M", "csat.worker.nap", "PT1H", "token.ttl", "P60D"));
        server = TestServer.start(config, clock);
        api = server.client();
        ana = api.login("ana");
        lead = api.login("lucia");
    }

    @AfterEach
    void stop() {
        server.close();
        network.close();
    }

    String dmConversation(String id, String sender, String text) {
        byte[] body = Payloads.directMessage(Payloads.ORANGE_X, id, sender, text);
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        for (JsonNode c : api.get("/api/v1/conversations?limit=200&channel=twitter", lead).at("/items")) {
            if (text.equals(c.path("snippet").asText())) {
                return c.get("id").asText();
            }
        }
        throw new AssertionError("no conversation with " + text);
    }

    void resolve(String id) {
        long v = api.get("/api/v1/conversations/" + id, lead).at("/version").asLong();
        assertThat(api.post("/api/v1/conversations/" + id + "/claim", ana, Map.of("version", v)).status())
                .isEqualTo(200);
        v = api.get("/api/v1/conversations/" + id, lead).at("/version").asLong();
        assertThat(api.post("/api/v1/conversations/" + id + "/status", ana, Map.of("status", "RESOLVED",
                "version", v)).status()).isEqualTo(200);
    }

    /** The conversation's survey message once its delivery has an outcome. */
    JsonNode deliveredSurvey(String conversationId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode m : api.get("/api/v1/conversations/" + conversationId + "/messages", lead).json()) {
                if (m.path("survey").asBoolean(false) && m.get("kind").asText().equals("OUT")) {
                    last = m;
                    if (!m.get("delivery").asText().equals("QUEUED")) {
                        return m;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no delivered survey: " + last);
    }

    int sent() {
        return api.get("/api/v1/metrics/csat?from=2026-11-24&to=2026-11-25", lead).at("/total/sent").asInt();
    }

    @Test
    void aSurveyReachesTheNetworkAsADmAndARefusedOneIsNotCountedAsSent() throws Exception {
        String delivered = dmConversation("dm-sd1", "u-sd1", "Sin línea desde ayer");
        resolve(delivered);
        clock.advance(Duration.ofMinutes(10));
        assertThat(server.server().csatWorker().runDue()).isEqualTo(1);
        JsonNode survey = deliveredSurvey(delivered);
        assertThat(survey.get("delivery").asText()).isEqualTo("SENT");
        List<FakeNetwork.Received> got = network.receivedWithKey(survey.get("id").asText());
        assertThat(got).hasSize(1);
        assertThat(got.get(0).path()).isEqualTo("/2/dm_conversations/with/u-sd1/messages");
        assertThat(got.get(0).body().get("text").asText()).contains("Orange").contains("del 1 al 5");
        assertThat(sent()).isEqualTo(1);

        // The network refuses the next survey for good: FAILED in the thread, not sent in the response rate.
        String refused = dmConversation("dm-sd2", "u-sd2", "La factura viene mal");
        resolve(refused);
        clock.advance(Duration.ofMinutes(10));
        network.failNext(1, 403, "You cannot send messages to this user.");
        assertThat(server.server().csatWorker().runDue()).isEqualTo(1);
        JsonNode failed = deliveredSurvey(refused);
        assertThat(failed.get("delivery").asText()).isEqualTo("FAILED");
        assertThat(failed.get("deliveryError").asText()).contains("You cannot send messages to this user.");
        Reply report = api.get("/api/v1/metrics/csat?from=2026-11-24&to=2026-11-25&groupBy=agent", lead);
        assertThat(report.at("/total/sent").asInt()).isEqualTo(1);
        assertThat(report.at("/total/responseRate").asDouble()).isZero();

        // Sent again from the thread and delivered: now it counts.
        Reply retry = api.post("/api/v1/conversations/" + refused + "/messages/" + failed.get("id").asText()
                + "/retry", ana, Map.of());
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);
        assertThat(deliveredSurvey(refused).get("delivery").asText()).isEqualTo("SENT");
        assertThat(sent()).isEqualTo(2);
    }
}
