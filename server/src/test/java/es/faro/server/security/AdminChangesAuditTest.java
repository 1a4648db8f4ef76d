package es.faro.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every change an admin (or an agent to their own views and responses) makes to how the floor works
 * is in the audit log — users, teams, workqueues, canned responses, automation rules, the classifier —
 * with who, from where, the target and what it became; never a password; a refused change writes nothing.
 */
class AdminChangesAuditTest {
    TestServer server;
    ApiClient api;
    String admin;
    String ana;

    @BeforeEach
    void start() {
        server = TestServer.start();
        api = server.client();
        admin = api.login("admin");
        ana = api.login("ana");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyAdminChangeIsAuditedWithItsActorAndTarget() {
        // Users: created, then changed with a password reset (the password itself never appears).
        JsonNode user = ok(api.post("/api/v1/admin/users", admin, Map.of("username", "rosa", "name", "Rosa Vidal",
                "roles", List.of("AGENT"), "brands", List.of("orange"), "password", "Secreta-larga-123")), 201);
        String userId = user.get("id").asText();
        ok(put("/api/v1/admin/users/" + userId, admin, Map.of("brands", List.of("orange", "jazztel"),
                "password", "Otra-secreta-456")), 200);
        // Refused (a username already taken): nothing written.
        assertThat(api.post("/api/v1/admin/users", admin, Map.of("username", "rosa", "name", "Otra",
                "roles", List.of("AGENT"), "password", "Secreta-larga-123")).status()).isEqualTo(409);

        // Teams.
        JsonNode team = ok(api.post("/api/v1/admin/teams", admin, Map.of("name", "Fibra", "leadId", "u-lucia",
                "members", List.of(userId))), 201);
        String teamId = team.get("id").asText();
        ok(put("/api/v1/admin/teams/" + teamId, admin, Map.of("name", "Fibra y móvil", "leadId", "u-lucia",
                "members", List.of(userId, "u-ana"))), 200);
        assertThat(delete("/api/v1/admin/teams/" + teamId, admin).status()).isEqualTo(204);

        // A shared workqueue (admin) and a personal view (ana).
        JsonNode queue = ok(api.post("/api/v1/workqueues", admin, Map.of("name", "Bajas Orange",
                "brands", List.of("orange"), "position", 60)), 201);
        ok(put("/api/v1/workqueues/" + queue.get("id").asText(), admin, Map.of("name", "Bajas Orange y Jazztel",
                "brands", List.of("orange", "jazztel"), "position", 60)), 200);
        JsonNode view = ok(api.post("/api/v1/workqueues", ana, Map.of("name", "Mis urgentes", "owner", "me",
                "priorities", List.of("P1"), "position", 1)), 201);
        assertThat(delete("/api/v1/workqueues/" + view.get("id").asText(), ana).status()).isEqualTo(204);

        // Canned responses.
        JsonNode canned = ok(api.post("/api/v1/canned-responses", admin, Map.of("language", "es", "folder", "Bajas",
                "title", "Baja de línea", "body", "Hola {{customer.name}}, te ayudamos con la baja.")), 201);
        String cannedId = canned.get("id").asText();
        ok(put("/api/v1/canned-responses/" + cannedId, admin, Map.of("language", "es", "folder", "Bajas",
                "title", "Baja de línea fija", "body", "Hola, te ayudamos con la baja.")), 200);
        assertThat(delete("/api/v1/canned-responses/" + cannedId, admin).status()).isEqualTo(204);

        // Automation rules and the classifier.
        JsonNode rule = api.get("/api/v1/admin/rules", admin).json().get(0);
        ObjectNode copy = rule.deepCopy();
        copy.remove("id");
        copy.remove("position");
        copy.put("name", "Copia auditada");
        String ruleId = ok(api.post("/api/v1/admin/rules", admin, copy), 201).get("id").asText();
        copy.put("name", "Copia auditada 2");
        ok(put("/api/v1/admin/rules/" + ruleId, admin, copy), 200);
        assertThat(delete("/api/v1/admin/rules/" + ruleId, admin).status()).isEqualTo(204);
        ok(api.post("/api/v1/admin/classifier/train", admin, null), 200);

        List<JsonNode> log = audit();
        assertThat(log).extracting(e -> e.get("action").asText()).containsSubsequence(
                "admin.user.create", "admin.user.update",
                "admin.team.create", "admin.team.update", "admin.team.delete",
                "workqueue.create", "workqueue.update", "workqueue.create", "workqueue.delete",
                "canned.create", "canned.update", "canned.delete",
                "rule.create", "rule.update", "rule.delete", "classifier.train");
        assertThat(log).filteredOn(e -> e.get("action").asText().equals("admin.user.create")).hasSize(1);

        JsonNode created = only(log, "admin.user.create");
        assertThat(created.get("actorId").asText()).isEqualTo("u-admin");
        assertThat(created.get("target").asText()).isEqualTo(userId);
        assertThat(created.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(created.get("detail").asText()).contains("rosa", "[AGENT]", "[orange]");
        assertThat(only(log, "admin.user.update").get("detail").asText()).contains("[orange, jazztel]", "password reset");
        assertThat(only(log, "admin.team.update").get("detail").asText()).contains("Fibra y móvil");
        assertThat(only(log, "workqueue.delete").get("actorId").asText()).isEqualTo("u-ana");
        assertThat(only(log, "canned.update").get("detail").asText()).contains("Baja de línea fija");
        assertThat(only(log, "rule.update").get("detail").asText()).contains("Copia auditada 2");
        assertThat(only(log, "rule.delete").get("target").asText()).isEqualTo(ruleId);
        for (JsonNode e : log) {
            assertThat(e.toString()).doesNotContain("Secreta-larga-123").doesNotContain("Otra-secreta-456");
        }
    }

    private JsonNode ok(Reply reply, int status) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        return reply.json();
    }

    private Reply put(String path, String token, Object body) {
        byte[] json = es.faro.protocol.json.Json.writeBytes(body);
        return api.call(api.builder(path, token, Map.of()).put(RequestBody.create(json, ApiClient.JSON)).build());
    }

    private Reply delete(String path, String token) {
        return api.call(api.builder(path, token, Map.of()).delete().build());
    }

    private static JsonNode only(List<JsonNode> log, String action) {
        List<JsonNode> found = log.stream().filter(e -> e.get("action").asText().equals(action)).toList();
        assertThat(found).as(action).hasSize(1);
        return found.get(0);
    }

    private List<JsonNode> audit() {
        List<JsonNode> items = new ArrayList<>();
        String after = "0";
        while (after != null) {
            Reply r = api.get("/api/v1/admin/audit?limit=100&after=" + after, admin);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            r.at("/items").forEach(items::add);
            after = r.at("/next").isNull() || r.at("/next").isMissingNode() ? null : r.at("/next").asText();
        }
        return items;
    }
}
