package es.faro.server.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.PgTestDatabase;
import es.faro.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLA policies and calendars edited by an admin survive a restart on the same database (a real
 * SQLite file, and PostgreSQL): the reference files seed them once and then only add items never
 * seeded before.
 */
class SlaAdminRestartTest {
    static final Instant MONDAY_0900_UTC = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path files;

    @Test
    void editsSurviveARestartOnSqlite() throws IOException {
        Map<String, String> extra = Map.of("reference.dir", files.toString());
        try (TestServer server = TestServer.start(extra, new MutableClock(MONDAY_0900_UTC))) {
            editRestartAndCheck(server);
        }
    }

    @Test
    void editsSurviveARestartOnPostgresql() throws IOException {
        try (PgTestDatabase db = PgTestDatabase.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url(), "reference.dir", files.toString()),
                     new MutableClock(MONDAY_0900_UTC))) {
            editRestartAndCheck(server);
        }
    }

    private void editRestartAndCheck(TestServer server) throws IOException {
        ApiClient api = server.client();
        String admin = api.login("admin");
        // First start: everything of the files is there.
        List<String> seededIds = api.get("/api/v1/admin/sla-policies", admin).json().findValuesAsText("id");
        assertThat(seededIds).containsExactly("sla-p1", "sla-social", "sla-apps", "sla-comunidad", "sla-general");

        // The admin: social first response 1 h on 24/7, app reviews policy deleted, a holiday and a
        // Saturday afternoon on the office calendar.
        ArrayNode policies = (ArrayNode) api.get("/api/v1/admin/sla-policies", admin).json();
        ArrayNode edited = Json.MAPPER.createArrayNode();
        for (JsonNode p : policies) {
            if (p.get("id").asText().equals("sla-social")) {
                ((ObjectNode) p).put("firstResponse", "PT1H").put("calendarId", "24x7");
            }
            if (!p.get("id").asText().equals("sla-apps")) {
                edited.add(p);
            }
        }
        assertThat(put(api, admin, "/api/v1/admin/sla-policies", edited).status()).isEqualTo(200);
        ArrayNode calendars = (ArrayNode) api.get("/api/v1/admin/calendars", admin).json();
        for (JsonNode cal : calendars) {
            if (cal.get("id").asText().equals("madrid-oficina")) {
                ((ArrayNode) cal.get("holidays")).add("2026-12-24");
                ((ArrayNode) cal.at("/hours/SATURDAY")).addObject().put("from", "16:00").put("to", "19:00");
            }
        }
        assertThat(put(api, admin, "/api/v1/admin/calendars", calendars).status()).isEqualTo(200);
        JsonNode policiesBefore = api.get("/api/v1/admin/sla-policies", admin).json();
        JsonNode calendarsBefore = api.get("/api/v1/admin/calendars", admin).json();
        long cursor = api.get("/api/v1/changes?after=0&limit=5000", admin).at("/last").asLong();

        // Meanwhile the files gain a new policy (an upgrade): it is added, in its place, on restart.
        List<Object> filePolicies = new ArrayList<>(bundledPolicies());
        Map<String, Object> added = new HashMap<>(Map.of("id", "sla-whatsapp", "name", "Nuevo canal",
                "priorities", List.of("P2"), "firstResponse", "PT3H", "warnPercent", 80, "calendarId", "24x7"));
        filePolicies.add(1, added);
        Files.write(files.resolve("sla-policies.json"), Json.writeBytes(filePolicies));

        server.restart();
        api = server.client();
        admin = api.login("admin");
        JsonNode policiesAfter = api.get("/api/v1/admin/sla-policies", admin).json();
        assertThat(policiesAfter.findValuesAsText("id"))
                .containsExactly("sla-p1", "sla-whatsapp", "sla-social", "sla-comunidad", "sla-general");
        for (JsonNode p : policiesBefore) {
            assertThat(policiesAfter.findParents("id").stream().filter(x -> x.get("id").equals(p.get("id")))
                    .findFirst().orElseThrow()).isEqualTo(p);
        }
        assertThat(api.get("/api/v1/admin/calendars", admin).json()).isEqualTo(calendarsBefore);
        JsonNode office = find(calendarsBefore, "madrid-oficina");
        assertThat(office.get("holidays").toString()).contains("2026-12-24");
        assertThat(office.at("/hours/SATURDAY").size()).isEqualTo(2);
        // Exactly one reference event: the new policy; the admin's edits were not overwritten.
        JsonNode events = api.get("/api/v1/changes?after=" + cursor, admin).at("/events");
        assertThat(events.findValuesAsText("type")).containsExactly("reference.updated");

        // The edited target drives new clocks after the restart: 1 h on 24/7.
        byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("tw-restart-1", "user-restart-1", "Hola", null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        JsonNode conv = api.get("/api/v1/conversations?limit=1", admin).at("/items/0");
        assertThat(conv.at("/response/dueAt").asText()).isEqualTo("2026-11-23T10:00:00Z");

        // A second restart with the same files changes nothing at all.
        long quiet = api.get("/api/v1/changes?after=0&limit=5000", admin).at("/last").asLong();
        server.restart();
        api = server.client();
        admin = api.login("admin");
        assertThat(api.get("/api/v1/changes?after=" + quiet, admin).at("/events").size()).isZero();
        assertThat(api.get("/api/v1/admin/sla-policies", admin).json()).isEqualTo(policiesAfter);
    }

    @Test
    void overlappingPeriodsAre400AndChangeNothing() {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String admin = api.login("admin");
            JsonNode before = api.get("/api/v1/admin/calendars", admin).json();
            ArrayNode calendars = before.deepCopy();
            ((ArrayNode) find(calendars, "madrid-oficina").at("/hours/MONDAY")).addObject()
                    .put("from", "13:00").put("to", "15:00");
            Reply r = put(api, admin, "/api/v1/admin/calendars", calendars);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.at("/error/message").asText()).contains("overlap").contains("MONDAY");
            assertThat(api.get("/api/v1/admin/calendars", admin).json()).isEqualTo(before);
        }
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + id);
    }

    private static List<Object> bundledPolicies() throws IOException {
        try (InputStream in = SlaAdminRestartTest.class.getClassLoader()
                .getResourceAsStream("faro-config/reference/sla-policies.json")) {
            return Json.MAPPER.readValue(in, new com.fasterxml.jackson.core.type.TypeReference<List<Object>>() { });
        }
    }

    private static Reply put(ApiClient api, String token, String path, JsonNode body) {
        return api.call(api.builder(path, token, Map.of()).put(RequestBody.create(Json.write(body), ApiClient.JSON))
                .build());
    }
}
