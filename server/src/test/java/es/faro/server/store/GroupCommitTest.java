package es.faro.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many concurrent writers: every acknowledged message is stored, and the event log has no gaps. */
class GroupCommitTest {
    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void twoHundredConcurrentWebhooksAreAllAcknowledgedAndStored(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            run(server.client());
        }
    }

    private void run(ApiClient api) throws Exception {
        String lucia = api.login("lucia");
        long before = api.get("/api/v1/changes?after=0&limit=5000", lucia).at("/last").asLong();
        int n = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            replies.add(CompletableFuture.supplyAsync(() -> {
                byte[] body = Payloads.tweets(Payloads.ORANGE_X,
                        Payloads.tweet("gc-" + k, "gc-user-" + k, "Mensaje concurrente " + k, null));
                return api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
            }, pool));
        }
        for (CompletableFuture<Reply> f : replies) {
            Reply r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.at("/accepted").asInt()).isEqualTo(1);
        }
        pool.shutdown();

        Reply changes = api.get("/api/v1/changes?after=" + before + "&limit=5000", lucia);
        List<Long> seqs = changes.at("/events").findValues("seq").stream().map(JsonNode::asLong).toList();
        assertThat(seqs).hasSize(2 * n);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq %d", i).isEqualTo(before + 1 + i);
        }
        Set<String> bodies = new HashSet<>();
        for (JsonNode e : changes.at("/events")) {
            if (e.get("type").asText().equals("message.upserted")) {
                bodies.add(e.at("/data/body").asText());
            }
        }
        assertThat(bodies).hasSize(n);
        Reply list = api.get("/api/v1/conversations?limit=500", lucia);
        assertThat(list.at("/items").size()).isEqualTo(n);
    }
}
