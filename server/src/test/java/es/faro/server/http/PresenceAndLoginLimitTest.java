package es.faro.server.http;

import static es.faro.server.support.Payloads.AMENA_X;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Presence leases and the login rate limit over HTTP, on both stores (both live in the database). */
class PresenceAndLoginLimitTest {

    private static String newConversation(ApiClient api, String account) {
        String n = UUID.randomUUID().toString();
        byte[] body = Payloads.tweets(account, Payloads.tweet("tw-" + n, "user-" + n, "Ayuda " + n, null));
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        assertThat(r.status()).isEqualTo(200);
        String lucia = api.login("lucia");
        Reply list = api.get("/api/v1/conversations?limit=1", lucia);
        return list.at("/items/0/id").asText();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void viewingAndTypingLeasesAreSharedAndExpire(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url(), "presence.ttl", "PT1S"))) {
            ApiClient api = server.client();
            String conv = newConversation(api, ORANGE_X);
            String ana = api.login("ana");
            String lucia = api.login("lucia");

            Reply set = api.post("/api/v1/conversations/" + conv + "/presence", ana,
                    Map.of("viewing", true, "typing", true));
            assertThat(set.status()).isEqualTo(200);
            assertThat(kinds(set.at("/leases"))).containsExactly("u-ana:typing", "u-ana:viewing");
            api.post("/api/v1/conversations/" + conv + "/presence", lucia, Map.of("viewing", true));

            Reply seen = api.get("/api/v1/conversations/" + conv + "/presence", lucia);
            assertThat(seen.at("/conversationId").asText()).isEqualTo(conv);
            assertThat(kinds(seen.at("/leases"))).containsExactly("u-ana:typing", "u-ana:viewing", "u-lucia:viewing");

            Reply stopTyping = api.post("/api/v1/conversations/" + conv + "/presence", ana,
                    Map.of("viewing", true, "typing", false));
            assertThat(kinds(stopTyping.at("/leases"))).containsExactly("u-ana:viewing", "u-lucia:viewing");

            Thread.sleep(1_200);
            assertThat(api.get("/api/v1/conversations/" + conv + "/presence", ana).at("/leases").size())
                    .as("leases expire unless renewed").isZero();

            String amena = newConversation(api, AMENA_X);
            assertThat(api.get("/api/v1/conversations/" + amena + "/presence", ana).status())
                    .as("ana does not serve Amena").isEqualTo(404);
            assertThat(api.post("/api/v1/conversations/" + conv + "/presence", ana, "[1]").status()).isEqualTo(400);
            String datos = api.login("datos");
            assertThat(api.post("/api/v1/conversations/" + conv + "/presence", datos, Map.of("viewing", true))
                    .status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void repeatedFailedLoginsAreRateLimitedPerUserWithRetryAfter(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url(), "auth.lockout.failures", "3"))) {
            ApiClient api = server.client();
            for (int i = 0; i < 3; i++) {
                Reply wrong = api.post("/api/v1/auth/login", null, Map.of("username", "ana", "password", "nope" + i));
                assertThat(wrong.status()).isEqualTo(401);
            }
            Reply limited = api.post("/api/v1/auth/login", null, Map.of("username", "ana", "password", "faro-demo"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.errorCode()).isEqualTo("rate_limited");
            long retryAfter = Long.parseLong(limited.headers().get("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 15L * 60 + 1);
            assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "ANA", "password", "faro-demo"))
                    .status()).as("the username is matched case-insensitively").isEqualTo(429);

            // The address has 3 failures too: everyone from it is now limited, until a trusted balancer
            // tells addresses apart (see http.forwarded.trust).
            assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "pablo", "password", "faro-demo"))
                    .status()).isEqualTo(429);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void behindATrustedBalancerTheForwardedAddressIsLimitedAndASuccessClearsTheUser(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url(), "auth.lockout.failures", "3",
                     "http.forwarded.trust", "true"))) {
            ApiClient api = server.client();
            for (int i = 0; i < 2; i++) {
                assertThat(login(api, "ana", "nope", "10.0.0." + i).status()).isEqualTo(401);
            }
            assertThat(login(api, "ana", "faro-demo", "10.0.0.9").status()).isEqualTo(200);
            assertThat(login(api, "ana", "nope", "10.0.0.9").status()).as("the success reset ana's count")
                    .isEqualTo(401);
            for (int i = 0; i < 3; i++) {
                assertThat(login(api, "user" + i, "nope", "10.0.0.66").status()).isEqualTo(401);
            }
            assertThat(login(api, "pablo", "faro-demo", "10.0.0.66").status())
                    .as("10.0.0.66 has three failures").isEqualTo(429);
            assertThat(login(api, "pablo", "faro-demo", "10.0.0.67").status()).isEqualTo(200);
        }
    }

    private static Reply login(ApiClient api, String user, String password, String forwardedFor) {
        return api.post("/api/v1/auth/login", null, Map.of("username", user, "password", password),
                Map.of("X-Forwarded-For", "203.0.113.7, " + forwardedFor));
    }

    private static List<String> kinds(JsonNode leases) {
        return java.util.stream.StreamSupport.stream(leases.spliterator(), false)
                .map(l -> l.get("agentId").asText() + ":" + l.get("kind").asText()).toList();
    }
}
