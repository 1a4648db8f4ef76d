package es.faro.server.queues;

import static es.faro.server.support.Payloads.AMENA_X;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Next, push assignment, presence, bulk actions and snooze over real HTTP on SQLite (a fresh server per test). */
class QueueApiTest {
    MutableClock clock;
    TestServer server;
    ApiClient api;
    String admin;
    String ana;
    String pablo;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.now());
        server = TestServer.start(Map.of("assignment.interval", "PT1H", "presence.agent_ttl", "PT2M"), clock);
        api = server.client();
        admin = api.login("admin");
        ana = api.login("ana");
        pablo = api.login("pablo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonNode ingest(String account) {
        return QueueFixtures.ingest(api, admin, account);
    }

    static Instant due(JsonNode conv) {
        return Instant.parse(conv.at("/response/dueAt").asText());
    }

    // ---- Next --------------------------------------------------------------------------------

    @Test
    void nextClaimsTheSoonestDueConversationTheAgentIsSkilledFor() {
        JsonNode a = ingest(ORANGE_X);
        JsonNode b = ingest(ORANGE_X);
        ingest(AMENA_X);
        // Make b the most urgent: P1 has the shortest first-response target.
        Reply p = api.post("/api/v1/conversations/" + b.get("id").asText() + "/priority", admin,
                Map.of("priority", "P1", "version", b.get("version").asLong()));
        assertThat(p.status()).isEqualTo(200);
        assertThat(due(p.json())).isBefore(due(a));

        Reply first = api.post("/api/v1/next", ana, Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.at("/id").asText()).isEqualTo(b.get("id").asText());
        assertThat(first.at("/assigneeId").asText()).isEqualTo("u-ana");
        Reply second = api.post("/api/v1/next", ana, "");
        assertThat(second.at("/id").asText()).isEqualTo(a.get("id").asText());
        // Only an Amena conversation is left: ana (Orange, Jazztel) gets nothing, pablo (Amena) gets it.
        assertThat(api.post("/api/v1/next", ana, Map.of()).status()).isEqualTo(204);
        Reply pablos = api.post("/api/v1/next", pablo, Map.of());
        assertThat(pablos.status()).isEqualTo(200);
        assertThat(pablos.at("/brandId").asText()).isEqualTo("amena");
    }

    @Test
    void nextWithinAQueueFollowsItsFilterAndRefusesUnknownQueues() {
        ingest(ORANGE_X);
        assertThat(api.post("/api/v1/queues/q-jazztel/next", ana, Map.of()).status()).isEqualTo(204);
        Reply orange = api.post("/api/v1/queues/q-orange/next", ana, Map.of());
        assertThat(orange.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/queues/q-nope/next", ana, Map.of()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/next", ana, Map.of("queueId", "q-nope")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/next", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/next", api.login("datos"), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void nextRespectsCapacity() {
        String tight = QueueFixtures.agent(api, admin, "tight", List.of("orange"), 1);
        ingest(ORANGE_X);
        ingest(ORANGE_X);
        assertThat(api.post("/api/v1/next", tight, Map.of()).status()).isEqualTo(200);
        Reply full = api.post("/api/v1/next", tight, Map.of());
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.errorCode()).isEqualTo("at_capacity");
    }

    // ---- push mode and presence --------------------------------------------------------------

    @Test
    void pushModeAssignsRoundRobinWithinSkillsCapacityAndPresence() {
        String uno = QueueFixtures.agent(api, admin, "uno", List.of("orange"), 2);
        String dos = QueueFixtures.agent(api, admin, "dos", List.of("orange"), 2);
        // ana is ONLINE too (logged in) and skilled for Orange: make her AWAY so push skips her.
        assertThat(api.post("/api/v1/me/presence", ana, Map.of("presence", "AWAY")).at("/presence").asText())
                .isEqualTo("AWAY");
        Reply q = QueueFixtures.put(api, "/api/v1/workqueues/q-orange", admin, Map.of("name", "Orange", "brands", List.of("orange"),
                "position", 100, "autoAssign", true));
        assertThat(q.status()).as(q.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(ingest(ORANGE_X).get("id").asText());
        }
        ingest(AMENA_X);
        var round = server.server().assignment().runOnce();
        assertThat(round.held()).isTrue();
        assertThat(round.assigned()).isEqualTo(4); // two agents of capacity 2; the fifth waits
        Map<String, Integer> perAgent = new java.util.HashMap<>();
        for (String id : ids) {
            JsonNode c = api.get("/api/v1/conversations/" + id, admin).json();
            if (c.hasNonNull("assigneeId")) {
                perAgent.merge(c.get("assigneeId").asText(), 1, Integer::sum);
            }
        }
        assertThat(perAgent.values()).containsExactlyInAnyOrder(2, 2);
        assertThat(perAgent.keySet()).doesNotContain("u-ana");
        assertThat(api.get("/api/v1/conversations?brand=amena&assignee=unassigned", admin).at("/items").size())
                .isEqualTo(1);

        // uno's presence expires (the client stopped reporting): OFFLINE, and its work goes to dos? dos is full,
        // so it is unassigned and waits; when ana comes back ONLINE she gets it.
        api.post("/api/v1/me/presence", uno, Map.of("presence", "ONLINE"));
        api.post("/api/v1/me/presence", dos, Map.of("presence", "ONLINE"));
        clock.advance(Duration.ofMinutes(1));
        api.post("/api/v1/me/presence", dos, Map.of("presence", "ONLINE"));
        api.post("/api/v1/me/presence", ana, Map.of("presence", "ONLINE"));
        clock.advance(Duration.ofSeconds(90));
        var second = server.server().assignment().runOnce();
        assertThat(second.wentOffline()).isEqualTo(1);
        assertThat(second.unassigned()).isEqualTo(2);
        JsonNode unoAgent = api.get("/api/v1/admin/users", admin).json();
        for (JsonNode a : unoAgent) {
            if (a.get("username").asText().equals("uno")) {
                assertThat(a.get("presence").asText()).isEqualTo("OFFLINE");
            }
        }
        // uno's two go back to the pool; dos is full, so ana (ONLINE again, skilled) gets them and the fifth.
        assertThat(second.assigned()).isEqualTo(3);
        Map<String, Integer> after = new java.util.HashMap<>();
        for (String id : ids) {
            after.merge(api.get("/api/v1/conversations/" + id, admin).at("/assigneeId").asText(), 1, Integer::sum);
        }
        assertThat(after).containsEntry("u-ana", 3).hasSize(2).containsValue(2);
    }

    @Test
    void ownPresenceNeedsAValue() {
        assertThat(api.post("/api/v1/me/presence", ana, Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/presence", ana, Map.of("presence", "SLEEPING")).status()).isEqualTo(400);
    }

    // ---- bulk --------------------------------------------------------------------------------

    @Test
    void bulkLabelsReportsEachItemAndAStaleVersionChangesOnlyThatItemNot() {
        JsonNode a = ingest(ORANGE_X);
        JsonNode b = ingest(ORANGE_X);
        JsonNode amena = ingest(AMENA_X);
        Reply r = api.post("/api/v1/conversations/bulk", ana, Map.of("action", "labels", "add", List.of("averia"),
                "items", List.of(item(a), Map.of("id", b.get("id").asText(), "version", 99),
                        item(amena), Map.of("id", "c-missing", "version", 1))));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode results = r.at("/results");
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).at("/conversation/labels/0").asText()).isEqualTo("averia");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).at("/error/code").asText()).isEqualTo("version_conflict");
        assertThat(results.get(1).at("/conversation/version").asLong()).isEqualTo(b.get("version").asLong());
        assertThat(results.get(2).get("status").asInt()).isEqualTo(404); // not ana's brand
        assertThat(results.get(3).get("status").asInt()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + b.get("id").asText(), admin).at("/labels").size()).isZero();
        assertThat(api.get("/api/v1/conversations/" + amena.get("id").asText(), admin).at("/labels").size()).isZero();
    }

    @Test
    void bulkAssignPriorityAndStatusWithRoles() {
        JsonNode a = ingest(ORANGE_X);
        JsonNode b = ingest(ORANGE_X);
        Reply toPablo = api.post("/api/v1/conversations/bulk", ana, Map.of("action", "assign", "agentId", "u-lucia",
                "items", List.of(item(a))));
        assertThat(toPablo.at("/results/0/status").asInt()).isEqualTo(403);
        Reply assign = api.post("/api/v1/conversations/bulk", admin, Map.of("action", "assign", "agentId", "u-ana",
                "items", List.of(item(a), item(b))));
        assertThat(assign.at("/results/0/status").asInt()).isEqualTo(200);
        assertThat(assign.at("/results/1/conversation/assigneeId").asText()).isEqualTo("u-ana");
        Reply prio = api.post("/api/v1/conversations/bulk", ana, Map.of("action", "priority", "priority", "P2",
                "items", List.of(item(assign.at("/results/0/conversation")))));
        assertThat(prio.at("/results/0/conversation/priority").asText()).isEqualTo("P2");
        Reply status = api.post("/api/v1/conversations/bulk", ana, Map.of("action", "status", "status", "RESOLVED",
                "items", List.of(item(assign.at("/results/1/conversation")))));
        assertThat(status.at("/results/0/conversation/status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void badBulkRequestsAre400AndChangeNothing() {
        JsonNode a = ingest(ORANGE_X);
        assertThat(api.post("/api/v1/conversations/bulk", ana, Map.of("action", "explode", "items", List.of(item(a))))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/conversations/bulk", ana, Map.of("action", "labels", "items", List.of()))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/conversations/bulk", ana, Map.of("action", "labels", "add", List.of("nope"),
                "items", List.of(item(a)))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/conversations/bulk", ana, Map.of("action", "priority",
                "items", List.of(item(a)))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/conversations/bulk", ana, "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/conversations/bulk", api.login("datos"), Map.of("action", "labels",
                "add", List.of("averia"), "items", List.of(item(a)))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/conversations/" + a.get("id").asText(), admin).at("/version").asLong())
                .isEqualTo(a.get("version").asLong());
    }

    // ---- snooze ------------------------------------------------------------------------------

    @Test
    void snoozeLeavesTheQueuePausesTheClocksAndComesBackAtTheTime() {
        JsonNode a = ingest(ORANGE_X);
        String id = a.get("id").asText();
        Instant until = clock.instant().plus(Duration.ofHours(1));
        Reply s = api.post("/api/v1/conversations/" + id + "/snooze", ana,
                Map.of("until", until.toString(), "version", a.get("version").asLong()));
        assertThat(s.status()).as(s.text()).isEqualTo(200);
        assertThat(s.at("/status").asText()).isEqualTo("PENDING");
        assertThat(Instant.parse(s.at("/snoozedUntil").asText())).isEqualTo(until);
        assertThat(s.at("/response/pausedAt").isMissingNode()).isFalse();
        assertThat(ids(api.get("/api/v1/conversations?queue=q-orange", ana))).doesNotContain(id);
        assertThat(api.post("/api/v1/next", ana, Map.of()).status()).isEqualTo(204);

        clock.advance(Duration.ofMinutes(59));
        assertThat(server.server().assignment().runOnce().woken()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(server.server().assignment().runOnce().woken()).isEqualTo(1);
        JsonNode back = api.get("/api/v1/conversations/" + id, ana).json();
        assertThat(back.get("status").asText()).isEqualTo("OPEN");
        assertThat(back.has("snoozedUntil")).isFalse();
        assertThat(back.at("/response/pausedAt").isMissingNode()).isTrue();
        // The clock was paused for the hour: it is due later than before.
        assertThat(due(back)).isAfter(due(a));
        assertThat(ids(api.get("/api/v1/conversations?queue=q-orange", ana))).contains(id);
        // The event stream told everyone.
        Reply changes = api.get("/api/v1/changes?after=0&limit=5000", ana);
        long updates = 0;
        for (JsonNode e : changes.at("/events")) {
            if (e.get("type").asText().equals("conversation.updated") && e.at("/data/id").asText().equals(id)) {
                updates++;
            }
        }
        assertThat(updates).isGreaterThanOrEqualTo(3);
    }

    @Test
    void badSnoozesAreRefused() {
        JsonNode a = ingest(ORANGE_X);
        String id = a.get("id").asText();
        long v = a.get("version").asLong();
        assertThat(api.post("/api/v1/conversations/" + id + "/snooze", ana, Map.of("version", v)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/conversations/" + id + "/snooze", ana,
                Map.of("until", clock.instant().minusSeconds(5).toString(), "version", v)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/conversations/" + id + "/snooze", ana,
                Map.of("until", clock.instant().plusSeconds(60).toString(), "version", v + 3)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/conversations/" + id + "/snooze", pablo,
                Map.of("until", clock.instant().plusSeconds(60).toString(), "version", v)).status()).isEqualTo(404);
    }

    static Map<String, Object> item(JsonNode conv) {
        return Map.of("id", conv.get("id").asText(), "version", conv.get("version").asLong());
    }

    static List<String> ids(Reply list) {
        List<String> ids = new ArrayList<>();
        list.at("/items").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }
}
