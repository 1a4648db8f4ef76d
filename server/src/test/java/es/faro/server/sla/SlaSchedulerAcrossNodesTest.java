package es.faro.server.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.PgTestDatabase;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL database: a customer writes in through node A, which then goes away
 * before the clock's crossings; node B (started before the conversation existed) still announces
 * its WARNING and BREACHED, once each.
 */
class SlaSchedulerAcrossNodesTest {
    /** Tuesday 10:00 in Madrid: X falls under sla-social, 2 h on the 08–22 calendar, warning at 90 min. */
    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void anotherNodeFiresTheCrossingsOfAConversationWhoseNodeWentAway() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (PgTestDatabase db = PgTestDatabase.create();
             TestServer b = TestServer.start(Map.of("store.url", db.url()), clock)) {
            String conversationId;
            try (TestServer a = TestServer.start(Map.of("store.url", db.url()), clock)) {
                ApiClient onA = a.client();
                byte[] body = Payloads.tweets(Payloads.ORANGE_X,
                        Payloads.tweet("tw-nodes-1", "user-nodes-1", "Sin línea desde ayer", null));
                assertThat(onA.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body))
                        .status()).isEqualTo(200);
                conversationId = onA.get("/api/v1/conversations?limit=10", onA.login("lucia")).at("/items/0/id")
                        .asText();
                // B learns of it from the events table (A's NOTIFY wakes it), not from a write of its own.
                await(() -> b.server().slaScheduler().pending() >= 2);
            }
            ApiClient onB = b.client();
            String lucia = onB.login("lucia");
            clock.set(T0.plus(Duration.ofMinutes(95)));
            b.server().slaScheduler().wake();
            await(() -> slaEvents(onB, lucia, conversationId).contains("sla.warning"));
            clock.set(T0.plus(Duration.ofMinutes(125)));
            b.server().slaScheduler().wake();
            await(() -> slaEvents(onB, lucia, conversationId).contains("sla.breached"));
            Thread.sleep(500);
            assertThat(slaEvents(onB, lucia, conversationId)).containsExactly("sla.warning", "sla.breached");
        }
    }

    private static List<String> slaEvents(ApiClient api, String token, String conversationId) {
        List<String> types = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/changes?after=0&limit=5000", token).at("/events")) {
            if (e.get("type").asText().startsWith("sla.") && e.at("/data/conversationId").asText().equals(conversationId)) {
                types.add(e.get("type").asText());
            }
        }
        return types;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s").isLessThan(end);
            Thread.sleep(50);
        }
    }
}
