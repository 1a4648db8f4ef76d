package es.faro.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.TestServer;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthAndErrorsTest {
    static TestServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("limits.body.bytes", "2048"));
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthNeedsNoToken() {
        Reply r = api.get("/api/v1/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/status").asText()).isEqualTo("ok");
    }

    @Test
    void loginReturnsTokenAndAgentAndMeAnswersWithIt() {
        Reply login = api.post("/api/v1/auth/login", null, Map.of("username", "ana", "password", "faro-demo"));
        assertThat(login.status()).isEqualTo(200);
        String token = login.at("/token").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(login.at("/agent/username").asText()).isEqualTo("ana");
        assertThat(login.at("/expiresAt").asText()).isNotEmpty();
        assertThat(login.text()).doesNotContain("password");

        Reply me = api.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/id").asText()).isEqualTo("u-ana");
        assertThat(me.at("/brands").toString()).contains("orange", "jazztel");
    }

    @Test
    void wrongPasswordAndUnknownUserAre401() {
        Reply wrong = api.post("/api/v1/auth/login", null, Map.of("username", "ana", "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("unauthorized");
        Reply unknown = api.post("/api/v1/auth/login", null, Map.of("username", "nobody", "password", "faro-demo"));
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheToken() {
        String token = api.login("lucia");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        Reply out = api.post("/api/v1/auth/logout", token, Map.of());
        assertThat(out.status()).isEqualTo(200);
        Reply after = api.get("/api/v1/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("unauthorized");
    }

    @Test
    void signingInAndOutSetsPresenceForEveryClientToSee() {
        String ana = api.login("ana");
        assertThat(api.get("/api/v1/me", ana).at("/presence").asText()).isEqualTo("ONLINE");
        String lead = api.login("lucia");
        long before = api.get("/api/v1/changes?after=0&limit=5000", lead).at("/last").asLong();
        assertThat(api.post("/api/v1/auth/logout", ana, Map.of()).status()).isEqualTo(200);
        Reply changes = api.get("/api/v1/changes?after=" + before + "&limit=5000", lead);
        assertThat(changes.at("/events").findValuesAsText("type")).contains("agent.updated");
        assertThat(changes.at("/events").findValues("data")).anySatisfy(d -> {
            assertThat(d.path("username").asText()).isEqualTo("ana");
            assertThat(d.path("presence").asText()).isEqualTo("OFFLINE");
        });
    }

    @Test
    void missingMalformedOrUnknownTokensAre401() {
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "not-a-real-token").status()).isEqualTo(401);
        Reply basic = api.call(new Request.Builder().url(api.base().resolve("/api/v1/me").toString())
                .header("Authorization", "Basic YW5hOmZhcm8tZGVtbw==").build());
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.errorCode()).isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/conversations", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/bootstrap", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/changes", null).status()).isEqualTo(401);
    }

    @Test
    void expiredTokensAre401() throws Exception {
        try (TestServer shortLived = TestServer.start(Map.of("token.ttl", "PT1S"))) {
            String token = shortLived.client().login("ana");
            assertThat(shortLived.client().get("/api/v1/me", token).status()).isEqualTo(200);
            Thread.sleep(1_200);
            assertThat(shortLived.client().get("/api/v1/me", token).status()).isEqualTo(401);
        }
    }

    @Test
    void malformedJsonIs400InvalidJson() {
        Reply r = api.post("/api/v1/auth/login", null, "{\"username\": \"ana\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid_json");
        Reply empty = api.post("/api/v1/auth/login", null, "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void wrongTypesAndMissingFieldsAre400ValidationFailed() {
        Reply wrongType = api.post("/api/v1/auth/login", null, "{\"username\": [1], \"password\": \"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorCode()).isEqualTo("validation_failed");
        assertThat(wrongType.at("/error/message").asText()).contains("username");
        Reply missing = api.post("/api/v1/auth/login", null, Map.of("username", "ana"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("validation_failed");
        Reply array = api.post("/api/v1/auth/login", null, "[]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.errorCode()).isEqualTo("validation_failed");
    }

    @Test
    void nonJsonContentTypeIs415() {
        Reply r = api.postRaw("/api/v1/auth/login", null, "username=ana".getBytes(),
                MediaType.get("application/x-www-form-urlencoded"), Map.of());
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"username\":\"" + "a".repeat(5_000) + "\",\"password\":\"x\"}";
        Reply r = api.post("/api/v1/auth/login", null, big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        byte[] big = ("{\"username\":\"" + "a".repeat(5_000) + "\",\"password\":\"x\"}").getBytes();
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return ApiClient.JSON;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
                sink.write(big);
            }
        };
        Reply r = api.call(new Request.Builder().url(api.base().resolve("/api/v1/auth/login").toString())
                .post(chunked).build());
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void unknownRouteIsJson404() {
        String token = api.login("ana");
        Reply r = api.get("/api/v1/nothing-here", token);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("not_found");
        Reply outside = api.get("/nope", null);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.errorCode()).isEqualTo("not_found");
    }

    @Test
    void analystCannotWrite() {
        String token = api.login("datos");
        assertThat(api.get("/api/v1/conversations", token).status()).isEqualTo(200);
        Reply r = api.post("/api/v1/conversations/c-x/claim", token, Map.of("version", 1));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("forbidden");
    }
}
