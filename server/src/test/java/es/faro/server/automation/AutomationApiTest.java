package es.faro.server.automation;

import static es.faro.server.automation.AutomationFixtures.conversation;
import static es.faro.server.automation.AutomationFixtures.tweet;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rules seeded from rules.json run in the ingest and workflow paths; admins edit them over the API. */
class AutomationApiTest {

    static Reply put(ApiClient api, String path, String token, Object body) {
        return api.call(api.builder(path, token, Map.of()).put(RequestBody.create(Json.writeBytes(body), ApiClient.JSON))
                .build());
    }

    static Reply delete(ApiClient api, String path, String token) {
        return api.call(api.builder(path, token, Map.of()).delete().build());
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void seededRulesBoostAngryAndInfluentialCustomersLabelFraudAndPortability(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String admin = api.login("admin");

            JsonNode calm = conversation(api, admin, tweet(api, ORANGE_X, "Hola, ¿hay incidencia de fibra?")).json();
            assertThat(calm.path("priority").asText()).isEqualTo("P3");
            assertThat(labels(calm)).doesNotContain("queja", "fraude", "portabilidad");

            JsonNode angry = conversation(api, admin, tweet(api, ORANGE_X, "VERGONZOSO, tres días sin internet!!!"))
                    .json();
            assertThat(angry.path("priority").asText()).isEqualTo("P2");
            assertThat(labels(angry)).contains("queja");

            JsonNode famousAngry = conversation(api, admin,
                    tweet(api, ORANGE_X, "famous-1", "Qué desastre de servicio 😡", 250_000)).json();
            assertThat(famousAngry.path("priority").asText()).as("angry P2, then many followers P1").isEqualTo("P1");

            JsonNode famous = conversation(api, admin, tweet(api, ORANGE_X, "famous-2", "Hola, una duda", 50_000))
                    .json();
            assertThat(famous.path("priority").asText()).isEqualTo("P2");
            assertThat(famous.path("response").path("priority").isMissingNode()
                    || !famous.path("response").isNull()).isTrue();

            JsonNode fraud = conversation(api, admin, tweet(api, ORANGE_X, "Me ha llegado un SMS de phishing")).json();
            assertThat(fraud.path("priority").asText()).isEqualTo("P1");
            assertThat(labels(fraud)).contains("fraude");

            JsonNode porting = conversation(api, admin, tweet(api, ORANGE_X, "¿Cuánto tarda la portabilidad?")).json();
            assertThat(labels(porting)).contains("portabilidad");

            // The change trigger: an agent labels a conversation urgent and it is routed to the urgent queue.
            String ana = api.login("ana");
            Reply labelled = api.post("/api/v1/conversations/" + calm.path("id").asText() + "/labels", ana,
                    Map.of("add", List.of("urgente"), "remove", List.of(), "version", calm.path("version").asLong()));
            assertThat(labelled.status()).isEqualTo(200);
            assertThat(labelled.at("/queueId").asText()).isEqualTo("q-averias-urgentes");
        }
    }

    @Test
    void adminsCreateReorderDisableAndDeleteRulesWithEventsAndOthersAreRefused() {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String admin = api.login("admin");
            String ana = api.login("ana");
            String lucia = api.login("lucia");
            assertThat(api.get("/api/v1/admin/rules", null).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/admin/rules", ana).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/admin/rules", lucia).status()).isEqualTo(403);
            Reply seeded = api.get("/api/v1/admin/rules", admin);
            assertThat(seeded.status()).isEqualTo(200);
            assertThat(seeded.json().size()).isEqualTo(6);
            long cursor = api.get("/api/v1/changes?after=0&limit=5000", admin).at("/last").asLong();

            Map<String, Object> greeting = Map.of("name", "Saludo siempre", "enabled", true, "position", 0,
                    "trigger", "message",
                    "conditions", List.of(Map.of("field", "brand", "op", "in", "values", List.of("orange"))),
                    "actions", List.of(Map.of("type", "auto_reply", "value", "cr-es-saludo")));
            assertThat(api.post("/api/v1/admin/rules", ana, greeting).status()).isEqualTo(403);
            Reply created = api.post("/api/v1/admin/rules", admin, greeting);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String id = created.at("/id").asText();
            assertThat(created.at("/position").asInt()).isZero();
            assertThat(api.get("/api/v1/admin/rules", admin).at("/0/id").asText()).isEqualTo(id);
            assertThat(api.get("/api/v1/admin/rules", admin).at("/6/position").asInt()).as("renumbered").isEqualTo(6);

            String conv = tweet(api, ORANGE_X, "Hola, tengo una duda");
            JsonNode thread = api.get("/api/v1/conversations/" + conv + "/messages", admin).json();
            assertThat(thread.size()).isEqualTo(2);
            assertThat(thread.at("/1/kind").asText()).isEqualTo("OUT");
            assertThat(thread.at("/1/authorId").asText()).isEqualTo("automation");
            assertThat(thread.at("/1/body").asText()).startsWith("¡Hola, Cliente!").contains("Orange");

            Map<String, Object> disabled = new java.util.HashMap<>(greeting);
            disabled.put("enabled", false);
            Reply updated = put(api, "/api/v1/admin/rules/" + id, admin, disabled);
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.at("/enabled").asBoolean()).isFalse();
            String quiet = tweet(api, ORANGE_X, "Otra duda");
            assertThat(api.get("/api/v1/conversations/" + quiet + "/messages", admin).json().size()).isEqualTo(1);

            assertThat(delete(api, "/api/v1/admin/rules/" + id, ana).status()).isEqualTo(403);
            assertThat(delete(api, "/api/v1/admin/rules/" + id, admin).status()).isEqualTo(204);
            assertThat(delete(api, "/api/v1/admin/rules/" + id, admin).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/admin/rules/" + id, admin).status()).isEqualTo(404);
            assertThat(put(api, "/api/v1/admin/rules/nope", admin, greeting).status()).isEqualTo(404);

            List<String> types = new java.util.ArrayList<>();
            api.get("/api/v1/changes?after=" + cursor + "&limit=5000", admin).at("/events")
                    .forEach(e -> types.add(e.path("type").asText()));
            assertThat(types).contains("automation_rule.upserted", "automation_rule.deleted");
        }
    }

    @Test
    void invalidRulesAreRefusedWithAClearErrorAndNothingWritten() {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String admin = api.login("admin");
            List<Map<String, Object>> bad = List.of(
                    rule(Map.of("field", "text", "op", "regex", "values", List.of("(unclosed")),
                            Map.of("type", "add_label", "value", "queja")),
                    rule(Map.of("field", "brand", "op", "in", "values", List.of("orange")),
                            Map.of("type", "add_label", "value", "no-such-label")),
                    rule(Map.of("field", "colour", "op", "in", "values", List.of("red")),
                            Map.of("type", "add_label", "value", "queja")),
                    rule(Map.of("field", "time", "op", "in", "values", List.of("25:00-26:00")),
                            Map.of("type", "add_label", "value", "queja")),
                    rule(Map.of("field", "brand", "op", "in", "values", List.of("orange")),
                            Map.of("type", "route_queue", "value", "q-nope")),
                    rule(Map.of("field", "brand", "op", "in", "values", List.of("orange")),
                            Map.of("type", "assign", "value", "u-nobody")),
                    rule(Map.of("field", "brand", "op", "in", "values", List.of("orange")),
                            Map.of("type", "set_priority", "value", "P9")),
                    rule(Map.of("field", "followers", "op", "gte", "values", List.of("many")),
                            Map.of("type", "add_label", "value", "queja")));
            for (Map<String, Object> body : bad) {
                Reply r = api.post("/api/v1/admin/rules", admin, body);
                assertThat(r.status()).as(r.text()).isEqualTo(400);
                assertThat(r.errorCode()).isEqualTo("validation_failed");
            }
            assertThat(api.post("/api/v1/admin/rules", admin, "{nope").status()).isEqualTo(400);
            assertThat(api.post("/api/v1/admin/rules", admin, Map.of("name", "sin acciones")).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/admin/rules", admin).json().size()).isEqualTo(6);
        }
    }

    private static Map<String, Object> rule(Map<String, Object> condition, Map<String, Object> action) {
        return Map.of("name", "x", "enabled", true, "trigger", "message", "conditions", List.of(condition),
                "actions", List.of(action));
    }

    private static List<String> labels(JsonNode conversation) {
        List<String> labels = new java.util.ArrayList<>();
        conversation.path("labels").forEach(l -> labels.add(l.asText()));
        return labels;
    }
}
