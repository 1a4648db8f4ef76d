package es.faro.server.security;

import static es.faro.server.support.Payloads.AMENA_X;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import es.faro.protocol.json.Json;
import es.faro.server.community.CommunityPayloads;
import es.faro.server.security.RoleMatrix.Caller;
import es.faro.server.security.RoleMatrix.Row;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Roles are enforced by the server on every endpoint: every operation the server registers has a row
 * in {@link RoleMatrix} (checked here, so a new route cannot slip in untested), and every row is called
 * once per caller (an agent of the resource's brand, an agent of other brands, a lead, an admin, an
 * analyst, no token, an expired token, a revoked token) over real HTTP against a real server. Refusals
 * must be the JSON error shape, never a 500.
 */
class RoleMatrixTest {
    static MutableClock clock;
    static TestServer server;
    static ApiClient api;
    static MatrixFixtures fixtures;
    static final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        Map<String, String> config = new HashMap<>(CommunityPayloads.secrets());
        config.put("token.ttl", "PT12H");
        server = TestServer.start(config, clock);
        api = server.client();
        String expired = api.login("ana");
        clock.advance(Duration.ofHours(11));
        tokens.put(Caller.AGENT, api.login("ana"));
        tokens.put(Caller.AGENT_OTHER_BRAND, api.login("pablo"));
        tokens.put(Caller.LEAD, api.login("lucia"));
        tokens.put(Caller.ADMIN, api.login("admin"));
        tokens.put(Caller.ANALYST, api.login("datos"));
        clock.advance(Duration.ofHours(2));
        tokens.put(Caller.EXPIRED, expired);
        String revoked = api.login("ana");
        assertThat(api.post("/api/v1/auth/logout", revoked, Map.of()).status()).isEqualTo(200);
        tokens.put(Caller.REVOKED, revoked);
        fixtures = new MatrixFixtures(api, tokens.get(Caller.ADMIN), tokens.get(Caller.LEAD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Row> rows() {
        return new RoleMatrix(api, fixtures).rows();
    }

    @Test
    void everyRegisteredOperationHasARowAndEveryRowIsAnOperation() {
        TreeSet<String> routes = new TreeSet<>(server.server().routes());
        TreeSet<String> covered = new TreeSet<>();
        rows().forEach(r -> covered.add(RoleMatrix.key(r.operation())));
        TreeSet<String> missing = new TreeSet<>(routes);
        missing.removeAll(covered);
        TreeSet<String> phantom = new TreeSet<>(covered);
        phantom.removeAll(routes);
        assertThat(missing).as("registered operations without a row in RoleMatrix").isEmpty();
        assertThat(phantom).as("RoleMatrix rows for operations no route serves").isEmpty();
        assertThat(rows()).allSatisfy(r -> assertThat(r.expected().keySet()).containsExactlyInAnyOrder(Caller.values()));
    }

    @TestFactory
    List<DynamicTest> everyOperationForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            row.expected().forEach((caller, outcome) -> tests.add(dynamicTest(row.label() + " as " + caller + " → "
                    + outcome, () -> {
                        Reply r = row.call().apply(tokens.get(caller));
                        assertThat(outcome.accepts(r.status())).as(row.label() + " as " + caller + " got " + r.status()
                                + ", expected " + outcome + ": " + r.text()).isTrue();
                        if (r.status() >= 400) {
                            assertThat(r.json().path("error").path("code").asText()).as(r.text()).isNotBlank();
                            assertThat(r.json().path("error").path("message").asText()).as(r.text()).isNotBlank();
                        }
                    })));
        }
        return tests;
    }

    /**
     * Analysts are read-only, and so are the API tokens admins issue: every write that needs a token
     * expects 403 for the analyst in the matrix, and answers 403 to an API token too.
     */
    @TestFactory
    List<DynamicTest> everyWriteIsRefusedToAnalystsAndTheirApiTokens() {
        Reply issued = api.post("/api/v1/admin/api-tokens", tokens.get(Caller.ADMIN),
                Map.of("name", "matrix", "agentId", "u-datos"));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String apiToken = issued.at("/token").asText();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            String method = RoleMatrix.key(row.operation()).substring(0, row.operation().indexOf(' '));
            boolean needsToken = row.expected().get(Caller.NO_TOKEN).accepts(401)
                    && !row.expected().get(Caller.NO_TOKEN).accepts(200);
            if (method.equals("GET") || !needsToken || row.operation().endsWith("/auth/logout")) {
                continue;
            }
            tests.add(dynamicTest(row.label() + " refuses analysts and API tokens", () -> {
                assertThat(row.expected().get(Caller.ANALYST)).as(row.label()).isEqualTo(RoleMatrix.Outcome.of(403));
                Reply r = row.call().apply(apiToken);
                assertThat(r.status()).as(row.label() + " with an API token: " + r.text()).isEqualTo(403);
                assertThat(r.errorCode()).isEqualTo("forbidden");
            }));
        }
        assertThat(tests).as("write operations in the matrix").hasSizeGreaterThan(30);
        return tests;
    }

    /** Lists, bootstrap, changes and search never carry a conversation or message of a brand the agent lacks. */
    @TestFactory
    List<DynamicTest> agentsSeeOnlyTheirBrands() {
        JsonNode orange = fixtures.conversationOn(es.faro.server.support.Payloads.ORANGE_X, "Alcance naranja ");
        String id = orange.get("id").asText();
        fixtures.conversationOn(AMENA_X, "Alcance amena ");
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Function<String, String>> views = new LinkedHashMap<>();
        views.put("GET /conversations", t -> api.get("/api/v1/conversations?limit=500", t).text());
        views.put("GET /bootstrap", t -> api.get("/api/v1/bootstrap", t).text());
        views.put("GET /changes", t -> {
            ArrayNode all = Json.MAPPER.createArrayNode();
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
        views.put("GET /search", t -> api.get("/api/v1/search?q=Alcance&limit=100", t).text());
        views.forEach((name, read) -> tests.add(dynamicTest(name + " is scoped to the agent's brands", () -> {
            assertThat(read.apply(tokens.get(Caller.AGENT))).contains(id);
            assertThat(read.apply(tokens.get(Caller.LEAD))).contains(id);
            assertThat(read.apply(tokens.get(Caller.ANALYST))).contains(id);
            String other = read.apply(tokens.get(Caller.AGENT_OTHER_BRAND));
            int at = other.indexOf(id);
            assertThat(at).as(name + " shows " + id + " to pablo: "
                    + (at < 0 ? "" : other.substring(Math.max(0, at - 300), Math.min(other.length(), at + 200)))).isEqualTo(-1);
            // Reference data names every brand; no conversation or message of a brand pablo lacks reaches him.
            List<String> brands = new ArrayList<>();
            Json.read(other, JsonNode.class).findParents("brandId").forEach(n -> {
                if (n.has("status") || n.has("conversationId")) {
                    brands.add(n.get("brandId").asText());
                }
            });
            assertThat(brands).isNotEmpty().allMatch(b -> List.of("amena", "simyo", "republica").contains(b));
        })));
        String customer = orange.get("customerId").asText();
        String handle = api.get("/api/v1/customers/" + customer, tokens.get(Caller.LEAD)).at("/identities/0/channelUserId")
                .asText();
        tests.add(dynamicTest("GET /customers is scoped to the agent's brands", () -> {
            Function<Caller, String> read = c -> api.get("/api/v1/customers?q=" + handle, tokens.get(c)).text();
            assertThat(read.apply(Caller.AGENT)).contains(customer);
            assertThat(read.apply(Caller.ANALYST)).contains(customer);
            assertThat(read.apply(Caller.AGENT_OTHER_BRAND)).doesNotContain(customer).doesNotContain(handle);
        }));
        return tests;
    }

    /** A bulk action answers 200 with results per item: another brand's conversation is "not found" there. */
    @Test
    void bulkActionsDoNotReachAnotherBrandsConversation() {
        JsonNode orange = fixtures.conversation();
        String id = orange.get("id").asText();
        Reply r = fixtures.post("/api/v1/conversations/bulk", tokens.get(Caller.AGENT_OTHER_BRAND), Map.of("action",
                "labels", "add", List.of("averia"), "items", List.of(Map.of("id", id, "version",
                        orange.get("version").asLong()))));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/results/0/status").asInt()).as(r.text()).isEqualTo(404);
        assertThat(r.at("/results/0").has("conversation")).as(r.text()).isFalse();
        assertThat(api.get("/api/v1/conversations/" + id, tokens.get(Caller.LEAD)).at("/labels").toString())
                .doesNotContain("averia");
    }

    /** The live stream too: pablo gets the Amena conversation and never the Orange one sent before it. */
    @Test
    void theEventStreamIsScopedToTheAgentsBrands() throws Exception {
        // From the start of the log: whatever the stream replays or sends live must be scoped.
        Request request = api.builder("/api/v1/events?after=0",
                tokens.get(Caller.AGENT_OTHER_BRAND), Map.of("Accept", "text/event-stream")).get().build();
        okhttp3.OkHttpClient http = api.http().newBuilder().readTimeout(Duration.ofSeconds(20)).build();
        try (Response r = http.newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            String orange = fixtures.conversationOn(es.faro.server.support.Payloads.ORANGE_X, "Directo naranja ")
                    .get("id").asText();
            String amena = fixtures.conversationOn(AMENA_X, "Directo amena ").get("id").asText();
            BufferedReader in = new BufferedReader(new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                seen.append(line).append('\n');
                if (line.contains(amena)) {
                    break;
                }
            }
            assertThat(seen.toString()).contains(amena).doesNotContain(orange);
        }
    }
}
