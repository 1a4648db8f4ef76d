package es.faro.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admins manage brand accounts per channel and rotate webhook secrets; everyone else gets 403. */
class AccountAdminTest {
    @TempDir
    Path referenceDir;
    MutableClock clock;
    TestServer server;
    ApiClient api;
    String admin;

    @BeforeEach
    void start() throws Exception {
        // The bundled brands, except that República Móvil has no Instagram account yet.
        ArrayNode brands = (ArrayNode) Json.MAPPER.readTree(Path.of("..", "config", "reference", "brands.json").toFile());
        for (JsonNode b : brands) {
            if (b.get("id").asText().equals("republica")) {
                ((ObjectNode) b.get("accounts")).remove("INSTAGRAM");
            }
        }
        Files.write(referenceDir.resolve("brands.json"), Json.writeBytes(brands));
        clock = new MutableClock(Instant.now());
        server = TestServer.start(Map.of("reference.dir", referenceDir.toString(), "token.ttl", "P2D",
                "channels.instagram.secret", "test-instagram-secret-0001"), clock);
        api = server.client();
        admin = api.login("admin");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Reply put(String path, String token, Object body) {
        return api.call(api.builder(path, token, Map.of())
                .put(okhttp3.RequestBody.create(Json.writeBytes(body), ApiClient.JSON)).build());
    }

    Reply tweet(String account, String id, String secret) {
        byte[] body = Payloads.tweets(account, Payloads.tweet(id, "u-" + id, "Hola 👋", null));
        return api.post("/api/v1/channels/twitter/webhook", null, body,
                Map.of(Signatures.TWITTER_HEADER, Signatures.base64Header(secret, body)));
    }

    Reply instagram(String account, String id) {
        byte[] body = ("{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + account + "\",\"time\":1732600000,"
                + "\"changes\":[{\"field\":\"comments\",\"value\":{\"from\":{\"id\":\"ig-" + id + "\",\"username\":"
                + "\"cliente\"},\"media\":{\"id\":\"m1\"},\"id\":\"" + id + "\",\"text\":\"¿Hay 5G?\"}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/instagram/webhook", null, body,
                Map.of(Signatures.META_HEADER, Signatures.hexHeader("test-instagram-secret-0001", body)));
    }

    @Test
    void onlyAdminsManageAccountsAndSecrets() {
        for (String user : new String[] {"ana", "lucia", "datos"}) {
            String token = api.login(user);
            assertThat(api.get("/api/v1/admin/accounts", token).status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/admin/channels/twitter/secrets", token).status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/admin/channels/twitter/secrets/rotate", token, Map.of()).status()).as(user)
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/admin/accounts", token, Map.of("brandId", "republica",
                    "channel", "INSTAGRAM", "accountId", "x")).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/admin/accounts", null).status()).isEqualTo(401);
        // Nothing was created by the refused calls.
        assertThat(api.get("/api/v1/admin/accounts?brand=republica&channel=instagram", admin).json().size()).isZero();
    }

    @Test
    void adminsListCreateAndUpdateAccountsAndInboundFollowsAtOnce() {
        Reply list = api.get("/api/v1/admin/accounts?brand=orange", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(7);
        assertThat(api.get("/api/v1/admin/accounts?channel=twitter", admin).json().size()).isEqualTo(5);

        // República has no Instagram account: its payloads are 404 until an admin adds it.
        assertThat(instagram("17841400000000099", "ig-r1").status()).isEqualTo(404);
        Reply created = api.post("/api/v1/admin/accounts", admin, Map.of("brandId", "republica",
                "channel", "INSTAGRAM", "accountId", "17841400000000099", "handle", "@republicamovil"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(instagram("17841400000000099", "ig-r1").status()).isEqualTo(200);
        Reply boot = api.get("/api/v1/bootstrap", api.login("lucia"));
        JsonNode republica = null;
        for (JsonNode b : boot.at("/reference/brands")) {
            if (b.get("id").asText().equals("republica")) {
                republica = b;
            }
        }
        assertThat(republica.at("/accounts/INSTAGRAM/handle").asText()).isEqualTo("@republicamovil");

        // Conflicts and bad input: 409 / 400 / 404, nothing changed.
        assertThat(api.post("/api/v1/admin/accounts", admin, Map.of("brandId", "republica", "channel", "INSTAGRAM",
                "accountId", "other")).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/admin/accounts", admin, Map.of("brandId", "amena", "channel", "TWITTER",
                "accountId", Payloads.ORANGE_X)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/admin/accounts", admin, Map.of("brandId", "nokia", "channel", "TWITTER",
                "accountId", "555")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/accounts", admin, Map.of("brandId", "orange", "channel", "MYSPACE",
                "accountId", "555")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/accounts", admin, Map.of("channel", "TWITTER")).status()).isEqualTo(400);
        assertThat(put("/api/v1/admin/accounts/twitter/nope", admin, Map.of("handle", "x")).status())
                .isEqualTo(404);
        assertThat(put("/api/v1/admin/accounts/google_play/com.orange.miorange", admin,
                Map.of("pollUrl", "ftp://x")).status()).isEqualTo(400);

        // Orange moves to a new X account: the new id finds Orange, the old one no longer does.
        Reply moved = put("/api/v1/admin/accounts/twitter/" + Payloads.ORANGE_X, admin,
                Map.of("accountId", "1000999", "handle", "@orange_nueva"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.at("/accountId").asText()).isEqualTo("1000999");
        assertThat(tweet("1000999", "t-new", TestServer.TWITTER_SECRET).status()).isEqualTo(200);
        assertThat(tweet(Payloads.ORANGE_X, "t-old", TestServer.TWITTER_SECRET).status()).isEqualTo(404);

        // Poll credentials are stored but only shown masked.
        Reply poll = put("/api/v1/admin/accounts/google_play/com.orange.miorange", admin, Map.of(
                "pollUrl", "https://androidpublisher.googleapis.com/", "pollCredentials", "ya29.super-secret-token-7781",
                "pollInterval", "PT5M"));
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.at("/pollCredentials").asText()).isEqualTo("••••7781");
        assertThat(poll.text()).doesNotContain("super-secret");
        assertThat(api.get("/api/v1/admin/accounts?brand=orange", admin).text()).doesNotContain("super-secret");

        // Every change is in the audit log, with who made it (poll credentials never are).
        Reply audit = api.get("/api/v1/admin/audit?limit=500", admin);
        assertThat(audit.text()).doesNotContain("super-secret");
        java.util.List<String> rows = new java.util.ArrayList<>();
        audit.at("/items").forEach(e -> {
            if (e.get("action").asText().startsWith("channel.account.")) {
                rows.add(e.get("actorId").asText() + " " + e.get("action").asText() + " " + e.get("target").asText());
            }
        });
        assertThat(rows).containsExactly("u-admin channel.account.create instagram/17841400000000099",
                "u-admin channel.account.update twitter/1000999",
                "u-admin channel.account.update google_play/com.orange.miorange");

        // Stored in the database: a restart (same configuration) keeps the admins' changes.
        server.restart();
        api = server.client();
        admin = api.login("admin");
        assertThat(tweet("1000999", "t-after", TestServer.TWITTER_SECRET).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/accounts?brand=republica&channel=instagram", admin).json().size())
                .isEqualTo(1);
    }

    @Test
    void aRotatedSecretAndTheOldOneBothWorkDuringTheGraceThenOnlyTheNew() {
        Reply before = api.get("/api/v1/admin/channels/twitter/secrets", admin);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().size()).isEqualTo(1);
        assertThat(before.text()).doesNotContain(TestServer.TWITTER_SECRET);
        assertThat(before.at("/0/secret").asText()).isEqualTo("••••cret");

        assertThat(api.post("/api/v1/admin/channels/twitter/secrets/rotate", admin, Map.of("secret", "short"))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/channels/twitter/secrets/rotate", admin, Map.of("grace", "mañana"))
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/channels/twitter/secrets", admin).json().size()).isEqualTo(1);

        Reply rotated = api.post("/api/v1/admin/channels/twitter/secrets/rotate", admin, Map.of("grace", "PT1H"));
        assertThat(rotated.status()).isEqualTo(201);
        String fresh = rotated.at("/secret").asText();
        assertThat(fresh).hasSize(64);
        assertThat(tweet(Payloads.ORANGE_X, "t-r1", TestServer.TWITTER_SECRET).status()).isEqualTo(200);
        assertThat(tweet(Payloads.ORANGE_X, "t-r2", fresh).status()).isEqualTo(200);
        assertThat(tweet(Payloads.ORANGE_X, "t-r3", "not-a-secret-at-all").status()).isEqualTo(401);
        // The CRC handshake answers with the new secret.
        String crc = api.get("/api/v1/channels/twitter/webhook?crc_token=abc", null).at("/response_token").asText();
        assertThat(crc).isEqualTo("sha256=" + java.util.Base64.getEncoder().encodeToString(
                Signatures.hmacSha256(fresh, "abc".getBytes(StandardCharsets.UTF_8))));
        Reply audited = api.get("/api/v1/admin/audit?limit=500", admin);
        assertThat(audited.text()).doesNotContain(fresh).contains("channel.secret.rotate").contains("grace PT1H");
        Reply listed = api.get("/api/v1/admin/channels/twitter/secrets", admin);
        assertThat(listed.json().size()).isEqualTo(2);
        assertThat(listed.text()).doesNotContain(fresh).doesNotContain(TestServer.TWITTER_SECRET);
        assertThat(listed.at("/1/retiresAt").asText()).isNotEmpty();

        clock.advance(Duration.ofMinutes(61));
        admin = api.login("admin");
        assertThat(tweet(Payloads.ORANGE_X, "t-r4", TestServer.TWITTER_SECRET).status()).isEqualTo(401);
        assertThat(tweet(Payloads.ORANGE_X, "t-r5", fresh).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/channels/twitter/secrets", admin).at("/1/valid").asBoolean()).isFalse();

        // A restart does not bring the configured (old) secret back.
        server.restart();
        api = server.client();
        assertThat(tweet(Payloads.ORANGE_X, "t-r6", TestServer.TWITTER_SECRET).status()).isEqualTo(401);
        assertThat(tweet(Payloads.ORANGE_X, "t-r7", fresh).status()).isEqualTo(200);
    }
}
