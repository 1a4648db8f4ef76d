package es.faro.server.queues;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Workqueue CRUD, the ?queue= filter, users and teams: roles and negative cases over real HTTP on SQLite. */
class WorkqueueAdminApiTest {
    static TestServer server;
    static ApiClient api;
    static String admin;
    static String ana;
    static String pablo;
    static String lucia;
    static String datos;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.client();
        admin = api.login("admin");
        ana = api.login("ana");
        pablo = api.login("pablo");
        lucia = api.login("lucia");
        datos = api.login("datos");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> queueIds(String token) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/workqueues", token).json().forEach(q -> ids.add(q.get("id").asText()));
        return ids;
    }

    static List<JsonNode> events(String token, String type) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/changes?after=0&limit=5000", token).at("/events").forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                found.add(e.get("data"));
            }
        });
        return found;
    }

    @Test
    void adminsDefineSharedQueuesEveryoneSeesThemLive() {
        Reply created = api.post("/api/v1/workqueues", admin, Map.of("name", "Facebook urgente",
                "channels", List.of("FACEBOOK"), "priorities", List.of("P1"), "position", 60));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.at("/id").asText();
        assertThat(created.json().has("owner")).isFalse();
        assertThat(queueIds(ana)).contains(id, "q-orange");
        assertThat(events(ana, "workqueue.updated")).anyMatch(q -> q.get("id").asText().equals(id));
        Reply changed = QueueFixtures.put(api, "/api/v1/workqueues/" + id, admin, Map.of("name", "FB urgente",
                "channels", List.of("FACEBOOK"), "position", 61, "autoAssign", true));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.at("/autoAssign").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/workqueues/" + id, pablo).at("/name").asText()).isEqualTo("FB urgente");
        assertThat(QueueFixtures.delete(api, "/api/v1/workqueues/" + id, ana).status()).isEqualTo(403);
        assertThat(QueueFixtures.delete(api, "/api/v1/workqueues/" + id, admin).status()).isEqualTo(204);
        assertThat(queueIds(ana)).doesNotContain(id);
        assertThat(events(ana, "workqueue.deleted")).anyMatch(q -> q.get("id").asText().equals(id));
        assertThat(api.get("/api/v1/workqueues/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void agentsSavePersonalViewsOnlyTheySee() {
        assertThat(api.post("/api/v1/workqueues", ana, Map.of("name", "Compartida", "position", 1)).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/workqueues", ana, Map.of("name", "De otro", "owner", "u-pablo", "position", 1))
                .status()).isEqualTo(403);
        Reply mine = api.post("/api/v1/workqueues", ana, Map.of("name", "Mis averías", "owner", "me",
                "labels", List.of("averia"), "position", 5));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.at("/owner").asText()).isEqualTo("u-ana");
        String id = mine.at("/id").asText();
        assertThat(queueIds(ana)).contains(id);
        assertThat(queueIds(pablo)).doesNotContain(id);
        assertThat(api.get("/api/v1/workqueues/" + id, pablo).status()).isEqualTo(404);
        assertThat(QueueFixtures.put(api, "/api/v1/workqueues/" + id, pablo, Map.of("name", "x", "position", 1))
                .status()).isEqualTo(404);
        assertThat(QueueFixtures.put(api, "/api/v1/workqueues/" + id, ana, Map.of("name", "Averías", "position", 5,
                "labels", List.of("averia"))).at("/owner").asText()).isEqualTo("u-ana");
        // The bootstrap carries one's own views, not others'.
        assertThat(api.get("/api/v1/bootstrap", ana).at("/reference/queues").findValuesAsText("id")).contains(id);
        assertThat(api.get("/api/v1/bootstrap", pablo).at("/reference/queues").findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(QueueFixtures.put(api, "/api/v1/workqueues/q-orange", ana, Map.of("name", "x", "position", 1))
                .status()).isEqualTo(403);
        assertThat(QueueFixtures.delete(api, "/api/v1/workqueues/" + id, ana).status()).isEqualTo(204);
    }

    @Test
    void badWorkqueuesAre4xx() {
        assertThat(api.post("/api/v1/workqueues", admin, Map.of("position", 1)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/workqueues", admin, Map.of("name", "x", "channels", List.of("FAX"),
                "position", 1)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/workqueues", datos, Map.of("name", "x", "owner", "me", "position", 1)).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/workqueues", null).status()).isEqualTo(401);
        assertThat(QueueFixtures.put(api, "/api/v1/workqueues/q-nope", admin, Map.of("name", "x", "position", 1))
                .status()).isEqualTo(404);
        // Queues from the reference files can be changed (an override) but not removed through the API.
        assertThat(QueueFixtures.delete(api, "/api/v1/workqueues/q-simyo", admin).status()).isEqualTo(409);
    }

    @Test
    void everyPartOfASharedQueuesFilterCanBeEditedAndEveryoneIsTold() {
        String id = api.post("/api/v1/workqueues", admin, Map.of("name", "Editable", "brands", List.of("orange"),
                "position", 70)).at("/id").asText();
        Reply changed = QueueFixtures.put(api, "/api/v1/workqueues/" + id, admin, Map.of("name", "Editada",
                "brands", List.of("simyo"), "channels", List.of("TWITTER", "FACEBOOK"), "labels", List.of("averia"),
                "priorities", List.of("P1", "P2"), "statuses", List.of("OPEN"), "assignee", "u-pablo",
                "ordering", "PRIORITY", "position", 71));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        JsonNode stored = api.get("/api/v1/workqueues/" + id, ana).json();
        assertThat(stored.at("/name").asText()).isEqualTo("Editada");
        assertThat(stored.at("/brands/0").asText()).isEqualTo("simyo");
        assertThat(stored.at("/channels").toString()).isEqualTo("[\"TWITTER\",\"FACEBOOK\"]");
        assertThat(stored.at("/labels").toString()).isEqualTo("[\"averia\"]");
        assertThat(stored.at("/priorities").toString()).isEqualTo("[\"P1\",\"P2\"]");
        assertThat(stored.at("/statuses").toString()).isEqualTo("[\"OPEN\"]");
        assertThat(stored.at("/assignee").asText()).isEqualTo("u-pablo");
        assertThat(stored.at("/ordering").asText()).isEqualTo("PRIORITY");
        assertThat(events(ana, "workqueue.updated")).anyMatch(q -> q.get("id").asText().equals(id)
                && q.get("name").asText().equals("Editada") && q.at("/ordering").asText().equals("PRIORITY"));
        QueueFixtures.delete(api, "/api/v1/workqueues/" + id, admin);
    }

    @Test
    void filtersThatNameWhatDoesNotExistOrMisusePushModeAre400InWords() {
        String id = api.post("/api/v1/workqueues", admin, Map.of("name", "Base", "position", 72)).at("/id").asText();
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("name", "x", "brands", List.of("nokia"), "position", 1), "unknown brand nokia",
                Map.of("name", "x", "labels", List.of("nada"), "position", 1), "unknown label nada",
                Map.of("name", "x", "assignee", "u-nadie", "position", 1), "unknown agent u-nadie",
                Map.of("name", "x", "assignee", "me", "autoAssign", true, "position", 1), "unassigned",
                Map.of("name", "x".repeat(81), "position", 1), "at most 80");
        refused.forEach((body, words) -> {
            Reply r = QueueFixtures.put(api, "/api/v1/workqueues/" + id, admin, body);
            assertThat(r.status()).as(r.text()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("validation_failed");
            assertThat(r.at("/error/message").asText()).contains(words);
        });
        Reply personalPush = api.post("/api/v1/workqueues", ana, Map.of("name", "Mía", "owner", "me",
                "autoAssign", true, "position", 1));
        assertThat(personalPush.status()).isEqualTo(400);
        assertThat(personalPush.at("/error/message").asText()).contains("only for shared queues");
        assertThat(api.get("/api/v1/workqueues/" + id, admin).at("/name").asText()).isEqualTo("Base");
        QueueFixtures.delete(api, "/api/v1/workqueues/" + id, admin);
    }

    @Test
    void theQueueParameterAppliesTheWorkqueueFilter() {
        JsonNode a = QueueFixtures.ingest(api, admin, ORANGE_X);
        JsonNode b = QueueFixtures.ingest(api, admin, ORANGE_X);
        String id = a.get("id").asText();
        Reply labeled = api.post("/api/v1/conversations/" + id + "/labels", ana,
                Map.of("add", List.of("averia"), "version", a.get("version").asLong()));
        api.post("/api/v1/conversations/" + id + "/priority", ana,
                Map.of("priority", "P1", "version", labeled.at("/version").asLong()));
        List<String> urgent = new ArrayList<>();
        api.get("/api/v1/conversations?queue=q-averias-urgentes", ana).at("/items")
                .forEach(c -> urgent.add(c.get("id").asText()));
        assertThat(urgent).contains(id).doesNotContain(b.get("id").asText());
        assertThat(api.get("/api/v1/conversations?queue=q-nope", ana).status()).isEqualTo(404);
        // "me": nothing of ana's until she claims one.
        assertThat(api.get("/api/v1/conversations?queue=q-mias", ana).at("/items").size()).isZero();
    }

    @Test
    void adminsManageUsersAndPasswordResetsAreHashed() {
        assertThat(api.get("/api/v1/admin/users", lucia).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/users", ana).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/users", admin).json().findValuesAsText("username")).contains("ana");
        assertThat(api.get("/api/v1/admin/users", admin).text()).doesNotContain("password");
        Reply created = api.post("/api/v1/admin/users", admin, Map.of("username", "nuria", "name", "Nuria",
                "roles", List.of("AGENT"), "brands", List.of("simyo"), "capacity", 5, "password", "una-clave-larga"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/id").asText();
        assertThat(api.post("/api/v1/admin/users", admin, Map.of("username", "nuria", "name", "Otra",
                "roles", List.of("AGENT"), "password", "una-clave-larga")).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/admin/users", admin, Map.of("username", "x", "name", "Otra",
                "roles", List.of("AGENT"), "password", "corta")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/users", lucia, Map.of("username", "yo", "name", "Yo",
                "roles", List.of("ADMIN"), "password", "una-clave-larga")).status()).isEqualTo(403);

        Reply skills = QueueFixtures.put(api, "/api/v1/admin/users/" + id, admin,
                Map.of("brands", List.of("simyo", "amena"), "capacity", 3, "password", "otra-clave-larga"));
        assertThat(skills.status()).as(skills.text()).isEqualTo(200);
        assertThat(skills.at("/capacity").asInt()).isEqualTo(3);
        assertThat(skills.at("/name").asText()).isEqualTo("Nuria");
        assertThat(events(ana, "agent.updated")).anyMatch(a -> a.get("id").asText().equals(id)
                && a.get("capacity").asInt() == 3);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "nuria", "password", "una-clave-larga"))
                .status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "nuria", "password", "otra-clave-larga"))
                .status()).isEqualTo(200);
        assertThat(QueueFixtures.put(api, "/api/v1/admin/users/u-nope", admin, Map.of("capacity", 1)).status())
                .isEqualTo(404);
        assertThat(QueueFixtures.put(api, "/api/v1/admin/users/" + id, admin, Map.of("capacity", -1)).status())
                .isEqualTo(400);
        assertThat(QueueFixtures.put(api, "/api/v1/admin/users/" + id, ana, Map.of("capacity", 9)).status())
                .isEqualTo(403);
        assertThat(QueueFixtures.put(api, "/api/v1/admin/users/u-admin", admin, Map.of("roles", List.of("AGENT")))
                .status()).isEqualTo(400);
    }

    @Test
    void adminsManageTeamsAndLeadsSeeTheirs() {
        Reply team = api.post("/api/v1/admin/teams", admin, Map.of("name", "Turno de mañana", "leadId", "u-lucia",
                "members", List.of("u-ana", "u-pablo")));
        assertThat(team.status()).as(team.text()).isEqualTo(201);
        String id = team.at("/id").asText();
        assertThat(api.get("/api/v1/teams", lucia).json().findValuesAsText("id")).contains(id);
        assertThat(api.get("/api/v1/teams", admin).json().findValuesAsText("id")).contains(id);
        assertThat(api.get("/api/v1/teams", ana).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/teams", lucia, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/teams", admin, Map.of("name", "x", "leadId", "u-ana")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/admin/teams", admin, Map.of("name", "x", "members", List.of("u-nope")))
                .status()).isEqualTo(400);
        assertThat(QueueFixtures.put(api, "/api/v1/admin/teams/t-nope", admin, Map.of("name", "x")).status())
                .isEqualTo(404);
        Reply renamed = QueueFixtures.put(api, "/api/v1/admin/teams/" + id, admin, Map.of("name", "Mañana",
                "leadId", "u-lucia", "members", List.of("u-ana")));
        assertThat(renamed.at("/members").size()).isEqualTo(1);
        assertThat(events(ana, "team.updated")).anyMatch(t -> t.get("name").asText().equals("Mañana"));
        assertThat(QueueFixtures.delete(api, "/api/v1/admin/teams/" + id, admin).status()).isEqualTo(204);
        assertThat(QueueFixtures.delete(api, "/api/v1/admin/teams/" + id, admin).status()).isEqualTo(404);
        assertThat(events(ana, "team.deleted")).anyMatch(t -> t.get("id").asText().equals(id));
    }
}
