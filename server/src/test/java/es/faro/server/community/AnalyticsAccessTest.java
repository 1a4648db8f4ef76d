package es.faro.server.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Analyst API tokens (issue, use read-only, revoke; admins only) and the messages CSV export. */
class AnalyticsAccessTest {
    static MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    static TestServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start(CommunityPayloads.secrets(), clock);
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void adminsIssueReadOnlyTokensThatLiveLongAndCanBeRevoked() {
        String admin = api.login("admin");
        String lead = api.login("lucia");
        assertThat(api.post("/api/v1/admin/api-tokens", lead, Map.of("name", "x", "agentId", "u-datos")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/api-tokens", lead).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/api-tokens", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/api-tokens", admin, Map.of("name", "x", "agentId", "u-ana")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/admin/api-tokens", admin, Map.of("name", "x", "agentId", "u-nadie")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/admin/api-tokens", admin, Map.of("agentId", "u-datos")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/api-tokens", admin, Map.of("name", "x", "agentId", "u-datos",
                "expiresAt", "2026-01-01T00:00:00Z")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/api-tokens", admin).at("/items").size()).isZero();

        Reply issued = api.post("/api/v1/admin/api-tokens", admin, Map.of("name", "Power BI", "agentId", "u-datos"));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String token = issued.at("/token").asText();
        assertThat(token).startsWith("faro_");
        assertThat(issued.at("/expiresAt").asText()).isEqualTo("2027-11-24T09:00:00Z");
        assertThat(issued.at("/createdBy").asText()).isEqualTo("u-admin");

        // Long-lived: still valid after the sign-in tokens' lifetime, and read-only.
        clock.advance(Duration.ofDays(30));
        assertThat(api.get("/api/v1/metrics/live", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", token).at("/username").asText()).isEqualTo("datos");
        assertThat(api.post("/api/v1/conversations/c-x/moderation", token, Map.of("action", "approve")).status())
                .isEqualTo(403);
        String admin2 = api.login("admin");
        JsonNode list = api.get("/api/v1/admin/api-tokens", admin2).at("/items");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).has("token")).isFalse();
        assertThat(list.get(0).get("revoked").asBoolean()).isFalse();

        String id = issued.at("/id").asText();
        Reply revoked = api.call(api.builder("/api/v1/admin/api-tokens/" + id, admin2, Map.of()).delete().build());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.at("/revoked").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/metrics/live", token).status()).isEqualTo(401);
        assertThat(api.call(api.builder("/api/v1/admin/api-tokens/" + id, admin2, Map.of()).delete().build())
                .status()).isEqualTo(200); // revoking again changes nothing
        // Issuing and revoking are in the audit log (once each), never with the token itself.
        List<String> audited = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/admin/audit?limit=500", admin2).at("/items")) {
            assertThat(e.toString()).doesNotContain(token);
            if (e.get("action").asText().startsWith("api_token.") && e.get("target").asText().equals(id)) {
                audited.add(e.get("actorId").asText() + " " + e.get("action").asText() + " " + e.get("target").asText()
                        + " " + e.path("detail").asText());
            }
        }
        assertThat(audited).containsExactly(
                "u-admin api_token.issue " + id + " \"Power BI\" for u-datos until 2027-11-24T09:00:00Z",
                "u-admin api_token.revoke " + id + " ");
        Request missing = api.builder("/api/v1/admin/api-tokens/tok-nope", admin2, Map.of()).delete().build();
        assertThat(api.call(missing).status()).isEqualTo(404);
        Request notAdmin = api.builder("/api/v1/admin/api-tokens/" + id, api.login("lucia"), Map.of()).delete().build();
        assertThat(api.call(notAdmin).status()).isEqualTo(403);
    }

    /** The token is read-only by what it is, not by its user's roles at the moment: promoting the user later gives it nothing. */
    @Test
    void anApiTokenStaysReadOnlyWhenItsUserIsGivenMoreRoles() {
        String admin = api.login("admin");
        Reply user = api.post("/api/v1/admin/users", admin, Map.of("username", "bi-tool", "name", "Power BI",
                "roles", java.util.List.of("ANALYST"), "password", "una-clave-larga"));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        String userId = user.at("/id").asText();
        Reply issued = api.post("/api/v1/admin/api-tokens", admin, Map.of("name", "BI", "agentId", userId));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String token = issued.at("/token").asText();

        Reply promoted = api.call(api.builder("/api/v1/admin/users/" + userId, admin, Map.of())
                .put(okhttp3.RequestBody.create(es.faro.protocol.json.Json.writeBytes(
                        Map.of("roles", java.util.List.of("ANALYST", "ADMIN"))), ApiClient.JSON)).build());
        assertThat(promoted.status()).as(promoted.text()).isEqualTo(200);
        assertThat(promoted.at("/roles").toString()).contains("ADMIN");
        // Signed in with the password, the user is an admin now ...
        String signedIn = api.post("/api/v1/auth/login", null, Map.of("username", "bi-tool",
                "password", "una-clave-larga")).at("/token").asText();
        assertThat(api.get("/api/v1/admin/audit", signedIn).status()).isEqualTo(200);
        // ... the API token still only reads, as an analyst.
        assertThat(api.get("/api/v1/me", token).at("/roles").toString()).isEqualTo("[\"ANALYST\"]");
        assertThat(api.get("/api/v1/metrics/live", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/audit", token).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/api-tokens", token).status()).isEqualTo(403);
        Reply write = api.post("/api/v1/admin/api-tokens", token, Map.of("name", "more", "agentId", userId));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("forbidden");
        assertThat(api.get("/api/v1/admin/api-tokens", admin).at("/items").findValuesAsText("name"))
                .doesNotContain("more");
    }

    @Test
    void theMessagesExportHasEveryMessageOfTheWindowAndNoIdempotencyKeys() {
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        byte[] tweet = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("mx-1", "mx-u1", "Hola, \"sin\" línea, ayuda", null));
        api.post("/api/v1/channels/twitter/webhook", null, tweet, Payloads.twitterSignature(tweet));
        String ana = api.login("ana");
        String conv = api.get("/api/v1/conversations?channel=twitter", ana).at("/items/0/id").asText();
        String key = java.util.UUID.randomUUID().toString();
        clock.set(Instant.parse("2026-11-24T09:05:00Z"));
        assertThat(api.post("/api/v1/conversations/" + conv + "/messages", ana, Map.of("kind", "note", "body", "Nota interna"),
                Map.of("Idempotency-Key", key)).status()).isEqualTo(201);
        String analyst = api.login("datos");
        Reply csv = api.get("/api/v1/export/messages.csv?from=2026-11-24&to=2026-11-25&brand=orange", analyst);
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,conversation_id,brand,channel,kind,author_id,author_name,public,"
                + "created_at,delivery,channel_message_id,in_reply_to,body");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("," + conv + ",orange,twitter,IN,").endsWith(",mx-1,,\"Hola, \"\"sin\"\" línea, ayuda\"");
        assertThat(lines[2]).contains(",NOTE,u-ana,").endsWith(",Nota interna");
        assertThat(csv.text()).doesNotContain(key);
        assertThat(api.get("/api/v1/export/messages.csv?from=2026-11-24&to=2026-11-25&brand=jazztel", analyst).text()
                .split("\r\n")).hasSize(1);
        assertThat(api.get("/api/v1/export/messages.csv?from=2026-11-25&to=2026-11-26", analyst).text()
                .split("\r\n")).hasSize(1);
        assertThat(api.get("/api/v1/export/messages.csv", ana).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/export/messages.csv?channel=telegram", analyst).status()).isEqualTo(400);
    }
}
