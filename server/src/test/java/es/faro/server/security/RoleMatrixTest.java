package es.faro.server.security;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Roles are enforced by the server on every endpoint: one case per endpoint per caller (an agent of
 * the conversation's brand, an agent of other brands, a lead, an admin, an analyst, no token, an
 * expired token, a revoked token), over real HTTP against a real server. Every write case gets a
 * conversation of its own, so the cases do not depend on each other.
 */
class RoleMatrixTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    static MutableClock clock;
    static TestServer server;
    static ApiClient api;
    static final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        server = TestServer.start(Map.of("token.ttl", "PT12H"), clock);
        api = server.client();
        String expired = api.login("ana");
        clock.advance(Duration.ofHours(11));
        tokens.put("AGENT", api.login("ana"));
        tokens.put("AGENT_OTHER_BRANDS", api.login("pablo"));
        tokens.put("LEAD", api.login("lucia"));
        tokens.put("ADMIN", api.login("admin"));
        tokens.put("ANALYST", api.login("datos"));
        tokens.put("NO_TOKEN", null);
        clock.advance(Duration.ofHours(2));
        tokens.put("EXPIRED", expired);
        String revoked = api.login("ana");
        assertThat(api.post("/api/v1/auth/logout", revoked, Map.of()).status()).isEqualTo(200);
        tokens.put("REVOKED", revoked);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A fresh Orange conversation on X (visible to ana, not to pablo). */
    static JsonNode conversation() {
        String n = "rm" + IDS.incrementAndGet();
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("tw-" + n, "user-" + n, "Matriz " + n, null));
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        assertThat(r.status()).isEqualTo(200);
        Reply list = api.get("/api/v1/conversations?limit=1", tokens.get("LEAD"));
        JsonNode conv = list.at("/items/0");
        assertThat(conv.get("snippet").asText()).isEqualTo("Matriz " + n);
        return conv;
    }

    /** One endpoint: how to call it (given a caller's token) and what each caller gets. */
    record Endpoint(String name, Function<String, Reply> call, Map<String, Integer> expected) {
    }

    private static Map<String, Integer> expect(int agent, int otherBrands, int lead, int admin, int analyst) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("AGENT", agent);
        m.put("AGENT_OTHER_BRANDS", otherBrands);
        m.put("LEAD", lead);
        m.put("ADMIN", admin);
        m.put("ANALYST", analyst);
        m.put("NO_TOKEN", 401);
        m.put("EXPIRED", 401);
        m.put("REVOKED", 401);
        return m;
    }

    private static Function<String, Reply> onFresh(String method, String suffix, Function<JsonNode, Object> body) {
        return token -> {
            JsonNode c = conversation();
            String path = "/api/v1/conversations/" + c.get("id").asText() + suffix;
            Object b = body.apply(c);
            if (method.equals("GET")) {
                return api.get(path, token);
            }
            return api.post(path, token, b, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        };
    }

    private static Reply put(String path, String token, byte[] body) {
        return api.call(api.builder(path, token, Map.of()).put(RequestBody.create(body, ApiClient.JSON)).build());
    }

    private static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET /me", t -> api.get("/api/v1/me", t), expect(200, 200, 200, 200, 200)));
        e.add(new Endpoint("GET /bootstrap", t -> api.get("/api/v1/bootstrap", t), expect(200, 200, 200, 200, 200)));
        e.add(new Endpoint("GET /changes", t -> api.get("/api/v1/changes?after=0&limit=10", t),
                expect(200, 200, 200, 200, 200)));
        e.add(new Endpoint("GET /conversations", t -> api.get("/api/v1/conversations", t),
                expect(200, 200, 200, 200, 200)));
        e.add(new Endpoint("GET /conversations/{id}", onFresh("GET", "", c -> null), expect(200, 404, 200, 200, 200)));
        e.add(new Endpoint("GET /conversations/{id}/messages", onFresh("GET", "/messages", c -> null),
                expect(200, 404, 200, 200, 200)));
        e.add(new Endpoint("GET /conversations/{id}/presence", onFresh("GET", "/presence", c -> null),
                expect(200, 404, 200, 200, 200)));
        e.add(new Endpoint("POST /conversations/{id}/presence", onFresh("POST", "/presence",
                c -> Map.of("viewing", true)), expect(200, 404, 200, 200, 403)));
        e.add(new Endpoint("POST /conversations/{id}/messages (reply)", onFresh("POST", "/messages",
                c -> Map.of("kind", "reply", "body", "Hola")), expect(201, 404, 201, 201, 403)));
        e.add(new Endpoint("POST /conversations/{id}/messages (note)", onFresh("POST", "/messages",
                c -> Map.of("kind", "note", "body", "Nota")), expect(201, 404, 201, 201, 403)));
        e.add(new Endpoint("POST /conversations/{id}/claim", onFresh("POST", "/claim",
                c -> Map.of("version", c.get("version").asLong())), expect(200, 404, 200, 200, 403)));
        e.add(new Endpoint("POST /conversations/{id}/assign (to lucia)", onFresh("POST", "/assign",
                c -> Map.of("agentId", "u-lucia", "version", c.get("version").asLong())), expect(403, 403, 200, 200, 403)));
        e.add(new Endpoint("POST /conversations/{id}/status", onFresh("POST", "/status",
                c -> Map.of("status", "PENDING", "version", c.get("version").asLong())), expect(200, 404, 200, 200, 403)));
        e.add(new Endpoint("POST /conversations/{id}/priority", onFresh("POST", "/priority",
                c -> Map.of("priority", "P1", "version", c.get("version").asLong())), expect(200, 404, 200, 200, 403)));
        e.add(new Endpoint("POST /conversations/{id}/labels", onFresh("POST", "/labels",
                c -> Map.of("add", List.of("factura"), "remove", List.of(), "version", c.get("version").asLong())),
                expect(200, 404, 200, 200, 403)));
        for (String m : List.of("live", "sla", "volume", "first-response")) {
            e.add(new Endpoint("GET /metrics/" + m, t -> api.get("/api/v1/metrics/" + m, t),
                    expect(403, 403, 200, 200, 200)));
        }
        e.add(new Endpoint("GET /export/conversations.csv", t -> api.get("/api/v1/export/conversations.csv", t),
                expect(403, 403, 200, 200, 200)));
        for (String admin : List.of("sla-policies", "calendars")) {
            String path = "/api/v1/admin/" + admin;
            e.add(new Endpoint("GET /admin/" + admin, t -> api.get(path, t), expect(403, 403, 403, 200, 403)));
            e.add(new Endpoint("PUT /admin/" + admin + " (unchanged)", t -> {
                byte[] current = api.get(path, tokens.get("ADMIN")).text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                return put(path, t, current);
            }, expect(403, 403, 403, 200, 403)));
        }
        e.add(new Endpoint("GET /admin/audit", t -> api.get("/api/v1/admin/audit", t), expect(403, 403, 403, 200, 403)));
        e.add(new Endpoint("POST /auth/logout (a token of its own)", t -> {
            if (t == null || t.equals(tokens.get("EXPIRED")) || t.equals(tokens.get("REVOKED"))) {
                return api.post("/api/v1/auth/logout", t, Map.of());
            }
            String user = api.get("/api/v1/me", t).at("/username").asText();
            return api.post("/api/v1/auth/logout", api.login(user), Map.of());
        }, expect(200, 200, 200, 200, 200)));
        return e;
    }

    @TestFactory
    List<DynamicTest> everyEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            endpoint.expected().forEach((caller, status) -> tests.add(dynamicTest(endpoint.name() + " as " + caller + " → " + status, () -> {
                Reply r = endpoint.call().apply(tokens.get(caller));
                assertThat(r.status()).as(endpoint.name() + " as " + caller + ": " + r.text()).isEqualTo(status);
                if (status >= 400) {
                    assertThat(r.json().path("error").path("code").asText()).isNotBlank();
                    assertThat(r.json().path("error").path("message").asText()).isNotBlank();
                }
            })));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> agentsSeeOnlyTheirBrands() {
        JsonNode orange = conversation();
        String id = orange.get("id").asText();
        byte[] amena = Payloads.tweets(es.faro.server.support.Payloads.AMENA_X,
                Payloads.tweet("tw-amena-" + IDS.incrementAndGet(), "user-amena", "Amena", null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, amena, Payloads.twitterSignature(amena)).status())
                .isEqualTo(200);
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Function<String, String>> views = new LinkedHashMap<>();
        views.put("GET /conversations", t -> api.get("/api/v1/conversations?limit=500", t).text());
        views.put("GET /bootstrap", t -> api.get("/api/v1/bootstrap", t).text());
        views.put("GET /changes", t -> {
            com.fasterxml.jackson.databind.node.ArrayNode all = Json.MAPPER.createArrayNode();
            long after = 0;
            while (true) {
                Reply r = api.get("/api/v1/changes?after=" + after + "&limit=5000", t);
                JsonNode events = r.at("/events");
                events.forEach(all::add);
                if (events.isEmpty()) {
                    return all.toString();
                }
                after = r.at("/last").asLong();
            }
        });
        views.forEach((name, read) -> tests.add(dynamicTest(name + " is scoped to the agent's brands", () -> {
            assertThat(read.apply(tokens.get("AGENT"))).contains(id);
            assertThat(read.apply(tokens.get("LEAD"))).contains(id);
            String other = read.apply(tokens.get("AGENT_OTHER_BRANDS"));
            int at = other.indexOf(id);
            assertThat(at).as(name + " shows " + id + " to pablo: "
                    + (at < 0 ? "" : other.substring(Math.max(0, at - 300), Math.min(other.length(), at + 200)))).isEqualTo(-1);
            // Reference data names every brand; no conversation or message of a brand pablo lacks reaches him.
            List<String> brands = new ArrayList<>();
            json(other).findParents("brandId").forEach(n -> {
                if (n.has("status") || n.has("conversationId")) {
                    brands.add(n.get("brandId").asText());
                }
            });
            assertThat(brands).isNotEmpty().allMatch(b -> List.of("amena", "simyo", "republica").contains(b));
        })));
        return tests;
    }

    static JsonNode json(String s) {
        return Json.read(s, JsonNode.class);
    }
}
