package es.faro.server.http;

import static es.faro.server.support.Payloads.AMENA_X;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationApiTest {
    static final AtomicInteger IDS = new AtomicInteger();
    static TestServer server;
    static ApiClient api;
    static String ana;
    static String pablo;
    static String lucia;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.client();
        ana = api.login("ana");
        pablo = api.login("pablo");
        lucia = api.login("lucia");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Ingests a tweet to the account and returns its conversation (as the lead sees it). */
    static JsonNode newConversation(String account) {
        String n = "c" + IDS.incrementAndGet();
        byte[] body = Payloads.tweets(account, Payloads.tweet("tw-" + n, "user-" + n, "Ayuda " + n, null));
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        assertThat(r.status()).isEqualTo(200);
        Reply list = api.get("/api/v1/conversations?limit=1", lucia);
        JsonNode conv = list.at("/items/0");
        assertThat(conv.get("snippet").asText()).isEqualTo("Ayuda " + n);
        return conv;
    }

    static Reply reply(String token, String id, String body, String key) {
        return api.post("/api/v1/conversations/" + id + "/messages", token, Map.of("kind", "reply", "body", body),
                Map.of("Idempotency-Key", key));
    }

    /**
     * The workstation's outbox sends an action again when the answer was lost (a cut, a restart) with
     * the same Idempotency-Key and base version: it gets the first answer, not a conflict with itself.
     */
    @Test
    void aRepeatedActionKeyGetsTheFirstAnswerInsteadOfAConflict() {
        String id = newConversation(ORANGE_X).get("id").asText();
        long version = api.get("/api/v1/conversations/" + id, ana).at("/version").asLong();
        String statusKey = UUID.randomUUID().toString();
        Map<String, Object> pending = Map.of("status", "PENDING", "version", version);
        Reply first = api.post("/api/v1/conversations/" + id + "/status", ana, pending, Map.of("Idempotency-Key", statusKey));
        assertThat(first.status()).isEqualTo(200);
        Reply again = api.post("/api/v1/conversations/" + id + "/status", ana, pending, Map.of("Idempotency-Key", statusKey));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());

        String labelsKey = UUID.randomUUID().toString();
        Map<String, Object> labels = Map.of("add", List.of("fibra"), "remove", List.of(), "version", version + 1);
        Reply labelled = api.post("/api/v1/conversations/" + id + "/labels", ana, labels, Map.of("Idempotency-Key", labelsKey));
        assertThat(labelled.status()).as(labelled.text()).isEqualTo(200);
        // Another change in between: the repeat still answers as the first time, and changes nothing.
        Reply reopened = api.post("/api/v1/conversations/" + id + "/status", ana,
                Map.of("status", "OPEN", "version", version + 2), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reopened.status()).isEqualTo(200);
        Reply labelledAgain = api.post("/api/v1/conversations/" + id + "/labels", ana, labels,
                Map.of("Idempotency-Key", labelsKey));
        assertThat(labelledAgain.status()).as(labelledAgain.text()).isEqualTo(200);
        assertThat(labelledAgain.json()).isEqualTo(labelled.json());
        assertThat(api.get("/api/v1/conversations/" + id, ana).at("/version").asLong()).isEqualTo(version + 3);

        // A new key with the old version is still a conflict, and a key that is no UUID a 400.
        Reply stale = api.post("/api/v1/conversations/" + id + "/status", ana, pending,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(stale.status()).isEqualTo(409);
        Reply badKey = api.post("/api/v1/conversations/" + id + "/status", ana, pending, Map.of("Idempotency-Key", "k1"));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.errorCode()).isEqualTo("validation_failed");
    }

    @Test
    void detailAndThreadOfAVisibleConversation() {
        JsonNode conv = newConversation(ORANGE_X);
        String id = conv.get("id").asText();
        Reply detail = api.get("/api/v1/conversations/" + id, ana);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.at("/id").asText()).isEqualTo(id);
        Reply messages = api.get("/api/v1/conversations/" + id + "/messages", ana);
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.json().get(0).get("kind").asText()).isEqualTo("IN");
        assertThat(messages.json().get(0).get("delivery").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void unknownIdsAre404() {
        assertThat(api.get("/api/v1/conversations/c-missing", ana).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/c-missing/messages", ana).errorCode()).isEqualTo("not_found");
        assertThat(reply(ana, "c-missing", "Hola", UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/conversations/c-missing/claim", ana, Map.of("version", 1)).status())
                .isEqualTo(404);
    }

    @Test
    void agentsOnlySeeTheirBrands() {
        JsonNode amena = newConversation(AMENA_X);
        String id = amena.get("id").asText();
        assertThat(api.get("/api/v1/conversations/" + id, ana).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + id + "/messages", ana).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/conversations/" + id + "/claim", ana, Map.of("version", 1)).status())
                .isEqualTo(404);
        assertThat(reply(ana, id, "Hola", UUID.randomUUID().toString()).status()).isEqualTo(404);
        Reply anaList = api.get("/api/v1/conversations?limit=500", ana);
        assertThat(anaList.at("/items").findValuesAsText("brandId")).doesNotContain("amena").isNotEmpty();
        assertThat(anaList.at("/items").findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("/api/v1/conversations/" + id, pablo).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/conversations/" + id, lucia).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/conversations/" + id, api.login("datos")).status()).isEqualTo(200);
    }

    @Test
    void replyOpensTheConversationStopsTheClockAndIsSent() {
        JsonNode conv = newConversation(ORANGE_X);
        String id = conv.get("id").asText();
        assertThat(conv.at("/response/stoppedAt").isMissingNode()).isTrue();
        Reply r = reply(ana, id, "¡Hola! Te ayudamos por DM", UUID.randomUUID().toString());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.at("/message/kind").asText()).isEqualTo("OUT");
        assertThat(r.at("/message/delivery").asText()).isEqualTo("QUEUED"); // the delivery worker sends it (DeliveryApiTest)
        assertThat(r.at("/message/public").asBoolean()).isTrue();
        assertThat(r.at("/conversation/status").asText()).isEqualTo("OPEN");
        assertThat(r.at("/conversation/version").asLong()).isEqualTo(conv.get("version").asLong() + 1);
        assertThat(r.at("/conversation/response/stoppedAt").asText()).isNotEmpty();
        assertThat(r.at("/conversation/resolution/stoppedAt").isMissingNode()).isTrue();

        // The customer writes again after our reply: a NEXT_RESPONSE clock starts.
        String handle = conv.get("customerHandle").asText().substring(1);
        String userId = handle.substring("cliente".length());
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("tw-next-" + id, userId, "Gracias, pero…", null));
        api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        Reply after = api.get("/api/v1/conversations/" + id, ana);
        assertThat(after.at("/response/kind").asText()).isEqualTo("NEXT_RESPONSE");
        assertThat(after.at("/response/stoppedAt").isMissingNode()).isTrue();
        assertThat(after.at("/messageCount").asInt()).isEqualTo(3);
    }

    @Test
    void noteDoesNotTouchTheClock() {
        JsonNode conv = newConversation(ORANGE_X);
        String id = conv.get("id").asText();
        Reply r = api.post("/api/v1/conversations/" + id + "/messages", ana, Map.of("kind", "note",
                "body", "Cliente VIP, revisar"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.at("/message/kind").asText()).isEqualTo("NOTE");
        assertThat(r.at("/conversation/status").asText()).isEqualTo("NEW");
        assertThat(r.at("/conversation/response/stoppedAt").isMissingNode()).isTrue();
    }

    @Test
    void repliesAreValidated() {
        String id = newConversation(ORANGE_X).get("id").asText();
        Reply tooLong = reply(ana, id, "x".repeat(281), UUID.randomUUID().toString());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo("validation_failed");
        assertThat(tooLong.at("/error/message").asText()).contains("280");
        // 280 emoji are 280 code points (560 UTF-16 units): allowed.
        assertThat(reply(ana, id, "😀".repeat(280), UUID.randomUUID().toString()).status()).isEqualTo(201);
        assertThat(reply(ana, id, "   ", UUID.randomUUID().toString()).status()).isEqualTo(400);
        Reply kind = api.post("/api/v1/conversations/" + id + "/messages", ana, Map.of("kind", "shout",
                "body", "x"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(kind.errorCode()).isEqualTo("validation_failed");
        Reply noKey = api.post("/api/v1/conversations/" + id + "/messages", ana, Map.of("kind", "reply", "body", "x"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.at("/error/message").asText()).contains("Idempotency-Key");
        Reply badKey = reply(ana, id, "x", "not-a-uuid");
        assertThat(badKey.status()).isEqualTo(400);
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheFirstResult() {
        String id = newConversation(ORANGE_X).get("id").asText();
        String key = UUID.randomUUID().toString();
        Reply first = reply(ana, id, "Primera", key);
        Reply second = reply(ana, id, "Segunda (reintento)", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        Reply messages = api.get("/api/v1/conversations/" + id + "/messages", ana);
        assertThat(messages.json().findValuesAsText("body")).containsOnlyOnce("Primera").doesNotContain(
                "Segunda (reintento)");
    }

    @Test
    void staleVersionIs409WithTheCurrentState() {
        JsonNode conv = newConversation(ORANGE_X);
        String id = conv.get("id").asText();
        long v = conv.get("version").asLong();
        Reply ok = api.post("/api/v1/conversations/" + id + "/priority", ana, Map.of("priority", "P1", "version", v));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.at("/version").asLong()).isEqualTo(v + 1);
        Reply stale = api.post("/api/v1/conversations/" + id + "/status", ana, Map.of("status", "PENDING",
                "version", v));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("version_conflict");
        assertThat(stale.at("/current/priority").asText()).isEqualTo("P1");
        assertThat(stale.at("/current/version").asLong()).isEqualTo(v + 1);
        Reply missing = api.post("/api/v1/conversations/" + id + "/status", ana, Map.of("status", "PENDING"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("validation_failed");
        Reply badEnum = api.post("/api/v1/conversations/" + id + "/status", ana, Map.of("status", "DONE",
                "version", v + 1));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.at("/error/message").asText()).contains("status");
        Reply badType = api.post("/api/v1/conversations/" + id + "/claim", ana, Map.of("version", "abc"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.errorCode()).isEqualTo("validation_failed");
    }

    @Test
    void claimRaceHasOneWinner() {
        JsonNode conv = newConversation(ORANGE_X);
        String id = conv.get("id").asText();
        long v = conv.get("version").asLong();
        Reply anaClaims = api.post("/api/v1/conversations/" + id + "/claim", ana, Map.of("version", v));
        assertThat(anaClaims.status()).isEqualTo(200);
        assertThat(anaClaims.at("/assigneeId").asText()).isEqualTo("u-ana");
        Reply luciaClaims = api.post("/api/v1/conversations/" + id + "/claim", lucia, Map.of("version", v + 1));
        assertThat(luciaClaims.status()).isEqualTo(409);
        assertThat(luciaClaims.at("/current/assigneeId").asText()).isEqualTo("u-ana");
    }

    @Test
    void assignStatusPriorityAndLabels() {
        JsonNode conv = newConversation(ORANGE_X);
        String id = conv.get("id").asText();
        long v = conv.get("version").asLong();
        // An agent may not assign to someone else; a lead may, to a skilled agent only.
        assertThat(api.post("/api/v1/conversations/" + id + "/assign", ana, Map.of("agentId", "u-pablo",
                "version", v)).status()).isEqualTo(403);
        Reply unskilled = api.post("/api/v1/conversations/" + id + "/assign", lucia, Map.of("agentId", "u-pablo",
                "version", v));
        assertThat(unskilled.status()).isEqualTo(400);
        Reply assigned = api.post("/api/v1/conversations/" + id + "/assign", lucia, Map.of("agentId", "u-ana",
                "version", v));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.at("/assigneeId").asText()).isEqualTo("u-ana");
        v++;
        Reply labels = api.post("/api/v1/conversations/" + id + "/labels", ana, Map.of("add",
                List.of("factura", "urgente"), "remove", List.of(), "version", v));
        assertThat(labels.status()).isEqualTo(200);
        assertThat(labels.at("/labels").toString()).isEqualTo("[\"factura\",\"urgente\"]");
        v++;
        Reply unknownLabel = api.post("/api/v1/conversations/" + id + "/labels", ana, Map.of("add",
                List.of("nope"), "version", v));
        assertThat(unknownLabel.status()).isEqualTo(400);
        Reply removed = api.post("/api/v1/conversations/" + id + "/labels", ana, Map.of("remove",
                List.of("urgente"), "version", v));
        assertThat(removed.at("/labels").toString()).isEqualTo("[\"factura\"]");
        v++;
        String dueBefore = removed.at("/response/dueAt").asText();
        Reply p1 = api.post("/api/v1/conversations/" + id + "/priority", ana, Map.of("priority", "P1", "version", v));
        assertThat(p1.at("/priority").asText()).isEqualTo("P1");
        assertThat(p1.at("/response/dueAt").asText()).isNotEqualTo(dueBefore); // P1 policy: 30 min, not 2 h
        v++;
        Reply resolved = api.post("/api/v1/conversations/" + id + "/status", ana, Map.of("status", "RESOLVED",
                "version", v));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.at("/status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.at("/resolution/stoppedAt").asText()).isNotEmpty();
        assertThat(resolved.at("/version").asLong()).isEqualTo(v + 1);
        Reply unassign = api.post("/api/v1/conversations/" + id + "/assign", ana, Map.of("version", v + 1));
        assertThat(unassign.status()).isEqualTo(200);
        assertThat(unassign.at("/assigneeId").isMissingNode()).isTrue();
    }

    @Test
    void pendingPausesTheClocks() throws Exception {
        JsonNode conv = newConversation(ORANGE_X);
        String id = conv.get("id").asText();
        long v = conv.get("version").asLong();
        java.time.Instant due = java.time.Instant.parse(conv.at("/response/dueAt").asText());
        java.time.Instant resolutionDue = java.time.Instant.parse(conv.at("/resolution/dueAt").asText());
        Reply pending = api.post("/api/v1/conversations/" + id + "/status", ana, Map.of("status", "PENDING",
                "version", v));
        assertThat(pending.at("/response/dueAt").asText()).isEqualTo(conv.at("/response/dueAt").asText());
        Thread.sleep(1_200);
        // The customer answers: the conversation reopens and its clocks move by the time spent pending
        // (the X policy runs on a 24/7 calendar, so by the wall-clock pause).
        String userId = conv.get("customerHandle").asText().substring("@cliente".length());
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("tw-pending-" + id, userId, "Ya os lo envío", null));
        api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        Reply after = api.get("/api/v1/conversations/" + id, ana);
        assertThat(after.at("/status").asText()).isEqualTo("OPEN");
        java.time.Duration moved = java.time.Duration.between(due,
                java.time.Instant.parse(after.at("/response/dueAt").asText()));
        assertThat(moved).isBetween(java.time.Duration.ofMillis(1_100), java.time.Duration.ofSeconds(10));
        assertThat(java.time.Duration.between(resolutionDue,
                java.time.Instant.parse(after.at("/resolution/dueAt").asText()))).isEqualTo(moved);
        assertThat(after.at("/response/kind").asText()).isEqualTo("FIRST_RESPONSE");
    }

    @Test
    void listFiltersAndPagesWithAnOpaqueCursor() {
        for (int i = 0; i < 5; i++) {
            newConversation(ORANGE_X);
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Reply page = api.get("/api/v1/conversations?brand=orange&channel=twitter&status=NEW&limit=2"
                    + (after == null ? "" : "&after=" + after), lucia);
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode c : page.at("/items")) {
                assertThat(c.get("brandId").asText()).isEqualTo("orange");
                assertThat(c.get("status").asText()).isEqualTo("NEW");
                assertThat(seen.add(c.get("id").asText())).isTrue();
                order.add(c.get("createdAt").asText());
            }
            after = page.at("/next").isMissingNode() || page.at("/next").isNull() ? null : page.at("/next").asText();
            pages++;
        } while (after != null && pages < 100);
        assertThat(seen.size()).isGreaterThanOrEqualTo(5);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(order).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(api.get("/api/v1/conversations?status=WHATEVER", lucia).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?limit=0", lucia).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?after=!!!", lucia).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/conversations?after=bm9jb2xvbg", lucia).status()).isEqualTo(400);
        Reply queue = api.get("/api/v1/conversations?queue=q-orange&limit=500", lucia);
        assertThat(queue.at("/items").findValuesAsText("queueId")).containsOnly("q-orange");
        Reply unassigned = api.get("/api/v1/conversations?assignee=unassigned&limit=500", lucia);
        assertThat(unassigned.at("/items").findValues("assigneeId")).isEmpty();
    }
}
