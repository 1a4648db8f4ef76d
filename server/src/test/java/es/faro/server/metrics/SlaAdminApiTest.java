package es.faro.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.time.Instant;
import java.util.Map;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admin edits of SLA policies and calendars: roles, validation, the event, and new clocks using them. */
class SlaAdminApiTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    static TestServer server;
    static ApiClient api;
    static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), CLOCK);
        api = server.client();
        admin = api.login("admin");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Reply put(String path, String token, String json) {
        return api.call(api.builder(path, token, Map.of()).put(RequestBody.create(json, ApiClient.JSON)).build());
    }

    @Test
    void onlyAdminsReadAndEdit() {
        assertThat(api.get("/api/v1/admin/sla-policies", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/calendars", admin).json().size()).isGreaterThanOrEqualTo(3);
        for (String user : new String[] {"lucia", "ana", "datos"}) {
            String token = api.login(user);
            assertThat(api.get("/api/v1/admin/sla-policies", token).status()).isEqualTo(403);
            assertThat(put("/api/v1/admin/calendars", token, "[]").status()).isEqualTo(403);
        }
    }

    @Test
    void invalidEditsAre400AndChangeNothing() {
        String before = api.get("/api/v1/admin/sla-policies", admin).text();
        Map<String, String> bad = Map.of(
                "[{\"id\":\"x\",\"name\":\"X\",\"firstResponse\":\"PT1H\",\"warnPercent\":75,\"calendarId\":\"nope\"}]",
                "unknown calendar",
                "[{\"id\":\"x\",\"name\":\"X\",\"firstResponse\":\"PT1H\",\"warnPercent\":150,\"calendarId\":\"24x7\"}]",
                "warnPercent",
                "[{\"id\":\"x\",\"name\":\"X\",\"warnPercent\":75,\"calendarId\":\"24x7\"}]", "no target",
                "[{\"id\":\"x\",\"name\":\"X\",\"firstResponse\":\"PT1H\",\"warnPercent\":75,\"calendarId\":\"24x7\"},"
                        + "{\"id\":\"x\",\"name\":\"Y\",\"firstResponse\":\"PT1H\",\"warnPercent\":75,\"calendarId\":\"24x7\"}]",
                "twice",
                "{\"id\":\"x\"}", "list");
        bad.forEach((body, words) -> {
            Reply r = put("/api/v1/admin/sla-policies", admin, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.at("/error/message").asText()).as(body).contains(words);
        });
        Reply usedCalendar = put("/api/v1/admin/calendars", admin, "[{\"id\":\"24x7\",\"name\":\"24/7\",\"alwaysOpen\":true}]");
        assertThat(usedCalendar.status()).isEqualTo(400);
        assertThat(usedCalendar.at("/error/message").asText()).contains("used by policy");
        Reply badHours = put("/api/v1/admin/calendars", admin,
                "[{\"id\":\"c\",\"name\":\"C\",\"hours\":{\"MONDAY\":[{\"from\":\"14:00\",\"to\":\"09:00\"}]}}]");
        assertThat(badHours.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/sla-policies", admin).text()).isEqualTo(before);
    }

    @Test
    void aNewTargetAppliesToNewClocksAndIsAnnounced() throws Exception {
        ArrayNode policies = (ArrayNode) api.get("/api/v1/admin/sla-policies", admin).json();
        for (JsonNode p : policies) {
            if (p.get("id").asText().equals("sla-social")) {
                ((ObjectNode) p).put("firstResponse", "PT1H").put("calendarId", "24x7");
            }
        }
        long cursor = api.get("/api/v1/changes?after=0&limit=5000", admin).at("/last").asLong();
        Reply r = put("/api/v1/admin/sla-policies", admin, Json.write(policies));
        assertThat(r.status()).isEqualTo(200);
        JsonNode events = api.get("/api/v1/changes?after=" + cursor, admin).at("/events");
        assertThat(events.findValuesAsText("type")).contains("reference.updated");

        byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("tw-admin-1", "user-admin-1", "Nuevo", null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        JsonNode conv = api.get("/api/v1/conversations?limit=1", admin).at("/items/0");
        assertThat(conv.at("/response/dueAt").asText()).isEqualTo("2026-11-24T10:00:00Z");
    }
}
