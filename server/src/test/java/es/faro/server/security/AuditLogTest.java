package es.faro.server.security;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Agent and admin actions land in the audit log (who, what, when, target, from which address) in
 * the action's own transaction: a refused action leaves no entry. Admins read it by time range and
 * actor, page by page. SQLite and PostgreSQL.
 */
class AuditLogTest {

    private static JsonNode conversation(ApiClient api, String lead, String n) {
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("tw-audit-" + n, "user-" + n, "Auditoría " + n, null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        return api.get("/api/v1/conversations?limit=1", lead).at("/items/0");
    }

    private static List<JsonNode> all(ApiClient api, String admin, String query) {
        List<JsonNode> items = new ArrayList<>();
        String after = "0";
        while (after != null) {
            Reply r = api.get("/api/v1/admin/audit?limit=2&after=" + after + query, admin);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            r.at("/items").forEach(items::add);
            after = r.at("/next").isNull() || r.at("/next").isMissingNode() ? null : r.at("/next").asText();
        }
        return items;
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void actionsAreRecordedRefusalsAreNotAndAdminsPageThroughThem(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            Instant start = Instant.now().minusSeconds(1);
            String ana = api.login("ana");
            String lucia = api.login("lucia");
            String admin = api.login("admin");
            JsonNode c = conversation(api, lucia, UUID.randomUUID().toString());
            String id = c.get("id").asText();
            long version = c.get("version").asLong();

            assertThat(api.post("/api/v1/conversations/" + id + "/claim", ana, Map.of("version", version)).status())
                    .isEqualTo(200);
            // Stale version: refused, and not in the log.
            assertThat(api.post("/api/v1/conversations/" + id + "/status", ana,
                    Map.of("status", "RESOLVED", "version", version)).status()).isEqualTo(409);
            assertThat(api.post("/api/v1/conversations/" + id + "/messages", ana, Map.of("kind", "reply", "body", "Hola"),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(201);
            String policies = api.get("/api/v1/admin/sla-policies", admin).text();
            assertThat(api.call(api.builder("/api/v1/admin/sla-policies", admin, Map.of())
                    .put(okhttp3.RequestBody.create(policies.getBytes(java.nio.charset.StandardCharsets.UTF_8), ApiClient.JSON))
                    .build()).status()).isEqualTo(200);

            List<JsonNode> anas = all(api, admin, "&actor=u-ana");
            assertThat(anas).extracting(e -> e.get("action").asText())
                    .containsExactly("auth.login", "conversation.claim", "conversation.reply");
            for (JsonNode e : anas) {
                assertThat(e.get("actorId").asText()).isEqualTo("u-ana");
                assertThat(e.get("address").asText()).isEqualTo("127.0.0.1");
                assertThat(Instant.parse(e.get("at").asText())).isAfter(start);
            }
            assertThat(anas.get(1).get("target").asText()).isEqualTo(id);
            assertThat(anas.get(2).get("target").asText()).isEqualTo(id);
            assertThat(all(api, admin, "&actor=u-admin")).extracting(e -> e.get("action").asText())
                    .containsExactly("auth.login", "admin.sla-policies.replace");

            List<JsonNode> everything = all(api, admin, "");
            assertThat(everything).hasSize(6); // three logins, the claim, the reply, the admin's change
            assertThat(everything).extracting(e -> e.get("seq").asLong()).isSorted();
            assertThat(all(api, admin, "&from=" + Instant.now().plusSeconds(60))).isEmpty();
            assertThat(all(api, admin, "&to=" + start)).isEmpty();

            assertThat(api.get("/api/v1/admin/audit?from=ayer", admin).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/admin/audit?after=-1", admin).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/admin/audit?limit=100000", admin).status()).isEqualTo(400);
        }
    }
}
