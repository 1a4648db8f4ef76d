package es.faro.server.chaos;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Two agents claim (and reply to) the same conversation at the same instant, over HTTP, many times:
 * exactly one claim wins, the other gets 409 with the winner in the current state; both replies are
 * kept, once each. {@code -Dfaro.race.trials=1000} for the full run (200 in CI).
 */
class ClaimRaceTest {

    @Test
    void exactlyOneClaimWins() throws Exception {
        int trials = Integer.getInteger("faro.race.trials", 200);
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String ana = api.login("ana");
            String lucia = api.login("lucia");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < trials; i += 50) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int j = i; j < Math.min(trials, i + 50); j++) {
                    batch.add(Payloads.tweet("race-" + j, "race-user-" + j, "carrera " + j, null));
                }
                byte[] body = Payloads.tweets(ORANGE_X, batch);
                assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                        .isEqualTo(200);
                // The newest first: this batch's conversations.
                api.get("/api/v1/conversations?limit=" + batch.size(), lucia).at("/items")
                        .forEach(c -> ids.add(c.get("id").asText()));
            }
            assertThat(ids).hasSize(trials);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int anaWins = 0;
            try {
                for (String id : ids) {
                    long version = api.get("/api/v1/conversations/" + id, lucia).at("/version").asLong();
                    CyclicBarrier start = new CyclicBarrier(2);
                    CompletableFuture<Reply> a = CompletableFuture.supplyAsync(() -> race(api, ana, id, version, start), pool);
                    CompletableFuture<Reply> l = CompletableFuture.supplyAsync(() -> race(api, lucia, id, version, start), pool);
                    Reply ra = a.join();
                    Reply rl = l.join();
                    assertThat(List.of(ra.status(), rl.status())).as(id + ": " + ra.text() + " / " + rl.text())
                            .containsExactlyInAnyOrder(200, 409);
                    Reply winner = ra.status() == 200 ? ra : rl;
                    Reply loser = ra.status() == 200 ? rl : ra;
                    String winnerId = winner.at("/assigneeId").asText();
                    assertThat(loser.text()).as("the loser is told who won").contains("\"assigneeId\":\"" + winnerId + "\"");
                    JsonNode now = api.get("/api/v1/conversations/" + id, lucia).json();
                    assertThat(now.get("assigneeId").asText()).isEqualTo(winnerId);
                    anaWins += ra.status() == 200 ? 1 : 0;

                    // Both reply at once: both replies are kept, each exactly once.
                    CyclicBarrier again = new CyclicBarrier(2);
                    String ka = UUID.randomUUID().toString();
                    String kl = UUID.randomUUID().toString();
                    CompletableFuture<Reply> pa = CompletableFuture.supplyAsync(() -> reply(api, ana, id, ka, again), pool);
                    CompletableFuture<Reply> pl = CompletableFuture.supplyAsync(() -> reply(api, lucia, id, kl, again), pool);
                    assertThat(pa.join().status()).isEqualTo(201);
                    assertThat(pl.join().status()).isEqualTo(201);
                    JsonNode thread = api.get("/api/v1/conversations/" + id + "/messages", lucia).json();
                    int replies = 0;
                    for (JsonNode m : thread) {
                        replies += ka.equals(m.path("clientId").asText()) || kl.equals(m.path("clientId").asText()) ? 1 : 0;
                    }
                    assertThat(replies).isEqualTo(2);
                }
            } finally {
                pool.shutdownNow();
            }
            // Both sides won some: the race is real, not decided by who always goes first.
            assertThat(anaWins).as("ana's wins of " + trials).isBetween(1, trials - 1);
        }
    }

    private static Reply race(ApiClient api, String token, String id, long version, CyclicBarrier start) {
        await(start);
        return api.post("/api/v1/conversations/" + id + "/claim", token, Map.of("version", version),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static Reply reply(ApiClient api, String token, String id, String key, CyclicBarrier start) {
        await(start);
        return api.post("/api/v1/conversations/" + id + "/messages", token, Map.of("kind", "reply", "body", "yo me encargo"),
                Map.of("Idempotency-Key", key));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
