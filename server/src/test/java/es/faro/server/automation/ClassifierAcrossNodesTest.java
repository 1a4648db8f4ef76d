package es.faro.server.automation;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.NodeProcess;
import es.faro.server.support.PgTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL schema: an admin retrains the intent classifier on node A,
 * and node B uses the new model for the next message it ingests, without a restart (the stored model
 * and its event wake B, which loads it).
 */
class ClassifierAcrossNodesTest {
    static PgTestDatabase db;
    static final List<NodeProcess> nodes = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() {
        db = PgTestDatabase.create();
        for (String name : List.of("a", "b")) {
            nodes.add(NodeProcess.launch(name, db.url(), Map.of()));
        }
        nodes.forEach(n -> n.awaitHealthy(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(NodeProcess::close);
        if (db != null) {
            db.close();
        }
    }

    private static boolean labeled(ApiClient api, String token, String conversation, String label) {
        return api.get("/api/v1/conversations/" + conversation, token).at("/labels").toString()
                .contains("\"" + label + "\"");
    }

    @Test
    void aRetrainOnNodeAIsUsedByNodeBForTheNextMessage() throws Exception {
        ApiClient a = new ApiClient(nodes.get(0).base());
        ApiClient b = new ApiClient(nodes.get(1).base());
        String anaOnA = a.login("ana");
        String adminOnA = a.login("admin");
        String anaOnB = b.login("ana");
        // Agents on node A teach a word the corpus never had: "zarandaja" means TV trouble.
        for (int i = 0; i < 10; i++) {
            String odd = AutomationFixtures.tweet(a, ORANGE_X, "zarandaja zarandaja");
            long version = a.get("/api/v1/conversations/" + odd, anaOnA).at("/version").asLong();
            Reply r = a.post("/api/v1/conversations/" + odd + "/labels", anaOnA,
                    Map.of("add", List.of("tv"), "remove", List.of(), "version", version));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        }
        // Before the retrain node B's model does not know the word.
        String before = AutomationFixtures.tweet(b, ORANGE_X, "zarandaja zarandaja zarandaja");
        assertThat(labeled(b, anaOnB, before, "tv")).isFalse();

        Reply trained = a.post("/api/v1/admin/classifier/train", adminOnA, Map.of());
        assertThat(trained.status()).as(trained.text()).isEqualTo(200);
        assertThat(trained.at("/agentExamples").asInt()).isGreaterThanOrEqualTo(10);

        // Node B follows within seconds: a new conversation's first message gets the learned label.
        long start = System.nanoTime();
        String after = null;
        boolean learned = false;
        while (!learned && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            after = AutomationFixtures.tweet(b, ORANGE_X, "zarandaja zarandaja zarandaja");
            learned = labeled(b, anaOnB, after, "tv");
            if (!learned) {
                Thread.sleep(200);
            }
        }
        assertThat(learned).as("node B applied the model retrained on node A; log:\n" + nodes.get(1).logTail())
                .isTrue();
        assertThat(nodes.get(1).logTail()).contains("retrained on another node");
        assertThat(labeled(a, anaOnA, after, "tv")).isTrue(); // one database: A reads what B stored
    }
}
