package es.faro.server.queues;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.server.support.ApiClient;
import es.faro.server.support.PgTestDatabase;
import es.faro.server.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The assignment round runs on one node at a time (a claim row in the shared database), and users an
 * admin changed keep those changes when the server restarts and reloads the reference files.
 */
class AssignmentClaimTest {
    static final Map<String, String> SLOW = Map.of("assignment.interval", "PT1H");

    @Test
    void onlyOneOfTwoNodesRunsTheAssignmentRound() {
        try (PgTestDatabase pg = PgTestDatabase.create();
             TestServer a = TestServer.start(Map.of("store.url", pg.url(), "assignment.interval", "PT1H"));
             TestServer b = TestServer.start(Map.of("store.url", pg.url(), "assignment.interval", "PT1H"))) {
            assertThat(a.server().assignment().runOnce().held()).isTrue();
            assertThat(b.server().assignment().runOnce().held()).isFalse();
            assertThat(a.server().assignment().runOnce().held()).isTrue(); // the holder renews it
        }
    }

    @Test
    void adminChangesToUsersSurviveARestart() {
        try (TestServer server = TestServer.start(SLOW)) {
            ApiClient api = server.client();
            String admin = api.login("admin");
            ApiClient.Reply changed = QueueFixtures.put(api, "/api/v1/admin/users/u-pablo", admin,
                    Map.of("capacity", 2, "brands", List.of("simyo"), "password", "clave-nueva-de-pablo"));
            assertThat(changed.status()).isEqualTo(200);
            server.restart();
            ApiClient again = server.client();
            String admin2 = again.login("admin");
            var pablo = again.get("/api/v1/admin/users", admin2).json().findParents("username").stream()
                    .filter(u -> u.get("username").asText().equals("pablo")).findFirst().orElseThrow();
            assertThat(pablo.get("capacity").asInt()).isEqualTo(2);
            assertThat(pablo.get("brands")).hasSize(1);
            assertThat(again.post("/api/v1/auth/login", null, Map.of("username", "pablo",
                    "password", "clave-nueva-de-pablo")).status()).isEqualTo(200);
            // ana, untouched by the admin, still follows users.json.
            assertThat(again.post("/api/v1/auth/login", null, Map.of("username", "ana", "password", "faro-demo"))
                    .status()).isEqualTo(200);
        }
    }
}
