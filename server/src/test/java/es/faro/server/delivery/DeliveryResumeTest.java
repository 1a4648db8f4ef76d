package es.faro.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.model.Channel;
import es.faro.server.channels.InboundMessage;
import es.faro.server.support.ApiClient;
import es.faro.server.support.PgTestDatabase;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged reply is never lost nor sent twice: a server that stops in the middle of a network
 * call resumes the delivery after its restart (same delivery key), and two nodes on one PostgreSQL
 * database deliver each reply once.
 */
class DeliveryResumeTest {

    private static Map<String, String> config(FakeNetwork network, Map<String, String> more) {
        Map<String, String> config = new HashMap<>();
        for (Channel c : Channel.values()) {
            config.put("delivery." + c.wireName() + ".url", network.url());
        }
        config.put("delivery.timeout", "PT1S");
        config.put("delivery.lease", "PT2S");
        config.put("delivery.backoff.base", "PT0.05S");
        config.put("delivery.backoff.max", "PT0.2S");
        config.putAll(more);
        return config;
    }

    private static String conversation(TestServer server, String text) {
        String id = "tw-" + UUID.randomUUID();
        server.server().ingest().ingest(List.of(new InboundMessage(Channel.TWITTER, "1000001", id, "u-" + id, "Cliente",
                null, 0, text, true, List.of(), Instant.now(), "es"))).join();
        String lucia = server.client().login("lucia");
        for (JsonNode c : server.client().get("/api/v1/conversations?limit=200&channel=twitter", lucia).at("/items")) {
            if (c.path("snippet").asText().equals(text)) {
                return c.get("id").asText();
            }
        }
        throw new AssertionError("no conversation " + text);
    }

    private static String reply(ApiClient api, String token, String conv, String body) {
        ApiClient.Reply r = api.post("/api/v1/conversations/" + conv + "/messages", token,
                Map.of("kind", "reply", "body", body), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.at("/message/id").asText();
    }

    private static String stateOf(ApiClient api, String token, String conv, String messageId) {
        for (JsonNode m : api.get("/api/v1/conversations/" + conv + "/messages", token).json()) {
            if (m.get("id").asText().equals(messageId)) {
                return m.get("delivery").asText();
            }
        }
        return null;
    }

    private static void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(25);
        }
    }

    @Test
    void aDeliveryInFlightWhenTheServerStopsResumesAfterTheRestart() throws Exception {
        try (FakeNetwork network = new FakeNetwork(); TestServer server = TestServer.start(config(network, Map.of()))) {
            String conv = conversation(server, "Reinicio " + UUID.randomUUID());
            network.delayNext(5_000);
            String ana = server.client().login("ana");
            String id = reply(server.client(), ana, conv, "Respuesta que sobrevive al reinicio");
            waitUntil(Duration.ofSeconds(10), () -> !network.receivedWithKey(id).isEmpty());
            server.restart(); // mid-call: the network has the request, Faro has no answer yet

            String again = server.client().login("ana");
            waitUntil(Duration.ofSeconds(20), () -> "SENT".equals(stateOf(server.client(), again, conv, id)));
            List<FakeNetwork.Received> attempts = network.receivedWithKey(id);
            assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
            assertThat(attempts).extracting(FakeNetwork.Received::idempotencyKey).containsOnly(id);
            assertThat(attempts).extracting(r -> r.body().get("text").asText()).containsOnly("Respuesta que sobrevive al reinicio");
        }
    }

    @Test
    void twoNodesOnOnePostgresDatabaseDeliverEachReplyOnce() throws Exception {
        try (PgTestDatabase db = PgTestDatabase.create(); FakeNetwork network = new FakeNetwork();
             TestServer a = TestServer.start(config(network, Map.of("store.url", db.url(), "node.id", "node-a")));
             TestServer b = TestServer.start(config(network, Map.of("store.url", db.url(), "node.id", "node-b")))) {
            String conv = conversation(a, "Dos nodos " + UUID.randomUUID());
            String onA = a.client().login("ana");
            String onB = b.client().login("ana");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(reply(i % 2 == 0 ? a.client() : b.client(), i % 2 == 0 ? onA : onB, conv, "Respuesta " + i));
            }
            waitUntil(Duration.ofSeconds(30), () -> ids.stream().allMatch(id -> "SENT".equals(stateOf(a.client(), onA, conv, id))));
            Set<String> keys = new HashSet<>();
            for (FakeNetwork.Received r : network.received()) {
                assertThat(keys.add(r.idempotencyKey())).as("sent twice: " + r.idempotencyKey()).isTrue();
            }
            assertThat(keys).containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
