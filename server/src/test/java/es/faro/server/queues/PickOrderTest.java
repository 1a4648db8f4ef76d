package es.faro.server.queues;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Next reads the waiting conversations best first from the {@code pick_due_at} index, a page at a
 * time: over real HTTP on SQLite, a run of Next calls claims them in exactly the in-memory
 * {@link Assignment#BEST_FIRST} order (soonest SLA due, then priority, then oldest), across more
 * than one page.
 */
class PickOrderTest {
    @Test
    void nextClaimsInTheSameOrderAsTheBestFirstRuleAcrossPages() {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String admin = api.login("admin");
            int total = Assignment.PAGE + 12;
            List<JsonNode> ingested = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                ingested.add(QueueFixtures.ingest(api, admin, ORANGE_X));
            }
            // Mixed urgencies: every third becomes P1 (sooner due), every seventh P4 (later).
            for (int i = 0; i < total; i++) {
                JsonNode conv = ingested.get(i);
                String priority = i % 3 == 0 ? "P1" : i % 7 == 0 ? "P4" : null;
                if (priority != null) {
                    Reply r = api.post("/api/v1/conversations/" + conv.get("id").asText() + "/priority", admin,
                            Map.of("priority", priority, "version", conv.get("version").asLong()));
                    assertThat(r.status()).as(r.text()).isEqualTo(200);
                }
            }
            List<Conversation> waiting = new ArrayList<>();
            for (JsonNode item : api.get("/api/v1/conversations?limit=500", admin).at("/items")) {
                Conversation c = Json.read(item.toString(), Conversation.class);
                if (c.assigneeId() == null && c.snoozedUntil() == null) {
                    waiting.add(c);
                }
            }
            assertThat(waiting).hasSizeGreaterThan(Assignment.PAGE);
            List<String> expected = waiting.stream().sorted(Assignment.BEST_FIRST).map(Conversation::id).toList();

            // The admin (no capacity limit, no brand restriction) claims them one by one.
            List<String> claimed = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                Reply next = api.post("/api/v1/next", admin, Map.of());
                assertThat(next.status()).as(next.text()).isEqualTo(200);
                claimed.add(next.at("/id").asText());
            }
            assertThat(claimed).containsExactlyElementsOf(expected);
            assertThat(api.post("/api/v1/next", admin, Map.of()).status()).isEqualTo(204);
        }
    }
}
