package es.faro.server.queues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.PgTestDatabase;
import es.faro.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Pull mode is atomic: two agents pressing Next at the same moment never get the same conversation.
 * 1,000 trials over real HTTP; on PostgreSQL the two agents talk to two server nodes on one database.
 */
class NextRaceTest {
    static final int TRIALS = Integer.getInteger("faro.next.trials", 1000);

    @Test
    void exactlyOneOfTwoConcurrentNextWinsOnSqlite() {
        try (TestServer server = TestServer.start()) {
            race(server.client(), server.client());
        }
    }

    @Test
    void exactlyOneOfTwoConcurrentNextWinsAcrossTwoNodesOnPostgres() {
        try (PgTestDatabase pg = PgTestDatabase.create();
             TestServer a = TestServer.start(Map.of("store.url", pg.url()));
             TestServer b = TestServer.start(Map.of("store.url", pg.url()))) {
            race(a.client(), b.client());
        }
    }

    private static void race(ApiClient nodeA, ApiClient nodeB) {
        String admin = nodeA.login("admin");
        String suffix = Long.toString(System.nanoTime() % 100000);
        String one = QueueFixtures.agent(nodeA, admin, "uno" + suffix, List.of("orange"), 0);
        String two = QueueFixtures.agent(nodeA, admin, "dos" + suffix, List.of("orange"), 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int wonByOne = 0;
            for (int i = 0; i < TRIALS; i++) {
                JsonNode conv = QueueFixtures.ingest(nodeA, admin, Payloads.ORANGE_X);
                CompletableFuture<Reply> first = CompletableFuture.supplyAsync(
                        () -> nodeA.post("/api/v1/next", one, Map.of()), pool);
                CompletableFuture<Reply> second = CompletableFuture.supplyAsync(
                        () -> nodeB.post("/api/v1/next", two, Map.of()), pool);
                Reply r1 = first.join();
                Reply r2 = second.join();
                assertThat(List.of(r1.status(), r2.status())).as("trial %d: %s / %s", i, r1.text(), r2.text())
                        .containsExactlyInAnyOrder(200, 204);
                Reply winner = r1.status() == 200 ? r1 : r2;
                assertThat(winner.at("/id").asText()).isEqualTo(conv.get("id").asText());
                wonByOne += r1.status() == 200 ? 1 : 0;
                Reply stored = nodeB.get("/api/v1/conversations/" + conv.get("id").asText(), admin);
                assertThat(stored.at("/assigneeId").asText()).isEqualTo(winner.at("/assigneeId").asText());
                assertThat(stored.at("/version").asLong()).isEqualTo(conv.get("version").asLong() + 1);
            }
            // Both agents won some trials: the race was real, not one side always first.
            assertThat(wonByOne).isBetween(1, TRIALS - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
