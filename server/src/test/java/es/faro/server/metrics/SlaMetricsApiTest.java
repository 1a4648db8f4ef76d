package es.faro.server.metrics;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One hand-computed morning on a real server with an injected clock. Tuesday 24 Nov 2026, X
 * (policy sla-social: 2 h first response, warning at 75 % = 90 min, Madrid 08–22 every day):
 * <pre>
 *  10:00 Madrid (t0)  A, B, C, D arrive (orange); ana claims C
 *  10:30              reply to A            → A met (30 min)
 *  11:00              D set PENDING (paused while OK); F arrives (orange)
 *  11:30              B and C pass warn     → sla.warning ×2
 *  12:00              B and C pass due      → sla.breached ×2; E arrives (amena)
 *  12:30              reply to B            → B missed (2 h 30); F passes warn → sla.warning
 * </pre>
 * At 12:30: service level today = met 1 (A) / (1 + missed 1 (B) + breached 1 (C)) = 1/3; backlog 5
 * (A B C E F: D waits on the customer); oldest waiting C (10:00); WARNING 1 (F), BREACHED 1 (C).
 */
class SlaMetricsApiTest {
    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final MutableClock CLOCK = new MutableClock(T0);
    static TestServer server;
    static ApiClient api;
    static String lucia;
    static String admin;
    static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void morning() throws Exception {
        server = TestServer.start(Map.of(), CLOCK);
        api = server.client();
        lucia = api.login("lucia");
        admin = api.login("admin");
        String ana = api.login("ana");
        for (String n : List.of("A", "B", "C", "D")) {
            ingest(Payloads.ORANGE_X, n);
        }
        JsonNode c = conversation("C");
        assertThat(api.post("/api/v1/conversations/" + ids.get("C") + "/claim", ana,
                Map.of("version", c.get("version").asLong())).status()).isEqualTo(200);
        at(30);
        reply("A");
        at(60);
        JsonNode d = conversation("D");
        assertThat(api.post("/api/v1/conversations/" + ids.get("D") + "/status", lucia,
                Map.of("status", "PENDING", "version", d.get("version").asLong())).status()).isEqualTo(200);
        ingest(Payloads.ORANGE_X, "F");
        at(120);
        ingest(Payloads.AMENA_X, "E");
        awaitSlaEvents(4);
        at(150);
        reply("B");
        awaitSlaEvents(7); // + met A earlier, missed B, warning F
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void at(int minutes) {
        CLOCK.set(T0.plus(Duration.ofMinutes(minutes)));
        server.server().slaScheduler().wake();
    }

    static void ingest(String account, String name) {
        byte[] body = Payloads.tweets(account, Payloads.tweet("tw-sla-" + name, "user-sla-" + name, "Caso " + name, null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        for (JsonNode item : api.get("/api/v1/conversations?limit=100", admin).at("/items")) {
            if (item.get("snippet").asText().equals("Caso " + name)) {
                ids.put(name, item.get("id").asText());
            }
        }
        assertThat(ids).containsKey(name);
    }

    static JsonNode conversation(String name) {
        return api.get("/api/v1/conversations/" + ids.get(name), admin).json();
    }

    static void reply(String name) {
        Reply r = api.post("/api/v1/conversations/" + ids.get(name) + "/messages", lucia,
                Map.of("kind", "reply", "body", "Hola " + name), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).isEqualTo(201);
    }

    static List<JsonNode> slaEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/changes?after=0&limit=5000", admin).at("/events")) {
            if (e.get("type").asText().startsWith("sla.")) {
                events.add(e);
            }
        }
        return events;
    }

    static void awaitSlaEvents(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (slaEvents().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(slaEvents()).hasSizeGreaterThanOrEqualTo(n);
    }

    static List<String> eventsFor(String type) {
        Map<String, String> names = new HashMap<>();
        ids.forEach((k, v) -> names.put(v, k));
        return slaEvents().stream().filter(e -> e.get("type").asText().equals(type))
                .map(e -> names.get(e.at("/data/conversationId").asText()) + "@" + e.at("/data/at").asText())
                .toList();
    }

    @Test
    void warningAndBreachFireOnceEachInOrderAndMetMissedWhenClocksStop() throws Exception {
        assertThat(eventsFor("sla.warning")).containsExactlyInAnyOrder("B@2026-11-24T10:30:00Z",
                "C@2026-11-24T10:30:00Z", "F@2026-11-24T11:30:00Z");
        assertThat(eventsFor("sla.breached")).containsExactlyInAnyOrder("B@2026-11-24T11:00:00Z",
                "C@2026-11-24T11:00:00Z");
        assertThat(eventsFor("sla.met")).containsExactly("A@2026-11-24T09:30:00Z");
        assertThat(eventsFor("sla.missed")).containsExactly("B@2026-11-24T11:30:00Z");
        List<String> order = slaEvents().stream().filter(e -> e.at("/data/conversationId").asText().equals(ids.get("C")))
                .map(e -> e.get("type").asText()).toList();
        assertThat(order).containsExactly("sla.warning", "sla.breached");
        JsonNode warning = slaEvents().get(0).get("data");
        assertThat(warning.get("kind").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(warning.get("brandId").asText()).isEqualTo("orange");
        assertThat(warning.get("channel").asText()).isNotEmpty();
        // D was paused at 11:00 while OK: its 11:30 warning must not fire, and its clock shows paused.
        assertThat(eventsFor("sla.warning")).noneMatch(s -> s.startsWith("D@"));
        assertThat(conversation("D").at("/response/pausedAt").asText()).isEqualTo("2026-11-24T10:00:00Z");

        // A restart rebuilds the schedule from the store and fires nothing again. The SLA results are
        // dropped meanwhile, as in a database from before they were kept: start-up writes them again.
        int before = slaEvents().size();
        String liveBefore = api.get("/api/v1/metrics/live", lucia).json().get("serviceLevel").toString();
        server.restart(() -> {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:sqlite:" + server.dataDir().resolve("faro.db"));
                 java.sql.Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("DELETE FROM sla_results")).isEqualTo(6);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        api = server.client();
        lucia = api.login("lucia");
        admin = api.login("admin");
        server.server().slaScheduler().wake();
        Thread.sleep(1_000);
        assertThat(slaEvents()).hasSize(before);
        assertThat(api.get("/api/v1/metrics/live", lucia).json().get("serviceLevel").toString()).isEqualTo(liveBefore);
    }

    @Test
    void liveMetricsMatchTheHandComputedMorning() {
        Reply r = api.get("/api/v1/metrics/live", lucia);
        assertThat(r.status()).isEqualTo(200);
        JsonNode live = r.json();
        assertThat(live.at("/serviceLevel/met").asInt()).isEqualTo(1);
        assertThat(live.at("/serviceLevel/missed").asInt()).isEqualTo(1);
        assertThat(live.at("/serviceLevel/breached").asInt()).isEqualTo(1);
        assertThat(live.at("/serviceLevel/ratio").asDouble()).isEqualTo(1.0 / 3);
        assertThat(live.at("/serviceLevel/goal").asDouble()).isEqualTo(0.83);
        assertThat(live.get("backlog").asInt()).isEqualTo(5);
        assertThat(live.get("oldestWaitingSince").asText()).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(live.get("warning").asInt()).isEqualTo(1);
        assertThat(live.get("breached").asInt()).isEqualTo(1);
        assertThat(live.at("/csat/ratings").asInt()).isZero();
        assertThat(live.at("/csat/ratio").isMissingNode() || live.at("/csat/ratio").isNull()).isTrue();
        JsonNode orange = find(live.get("byBrandChannel"), "brandId", "orange");
        assertThat(orange.get("backlog").asInt()).isEqualTo(4);
        assertThat(orange.get("breached").asInt()).isEqualTo(1);
        assertThat(orange.get("warning").asInt()).isEqualTo(1);
        assertThat(orange.at("/serviceLevel/met").asInt()).isEqualTo(1);
        JsonNode amena = find(live.get("byBrandChannel"), "brandId", "amena");
        assertThat(amena.get("backlog").asInt()).isEqualTo(1);
        assertThat(amena.at("/serviceLevel/ratio").isMissingNode()).isTrue();
        JsonNode byAna = find(live.get("byAgent"), "agentId", "u-ana");
        assertThat(byAna.get("backlog").asInt()).isEqualTo(1);
        assertThat(byAna.get("breached").asInt()).isEqualTo(1);
        assertThat(byAna.at("/serviceLevel/breached").asInt()).isEqualTo(1);
        JsonNode anaLoad = find(live.get("agents"), "agentId", "u-ana");
        assertThat(anaLoad.get("assigned").asInt()).isEqualTo(1);
        assertThat(anaLoad.get("presence").asText()).isNotEmpty();
        // Last hour (11:30–12:30 Madrid): E for amena, nothing for orange. 1 arrival × 6 min = 0.1 erlang → 1 agent.
        JsonNode amenaForecast = find(live.get("forecast"), "brandId", "amena");
        assertThat(amenaForecast.get("arrivalsPerHour").asDouble()).isEqualTo(1.0);
        assertThat(amenaForecast.get("agentsNeeded").asInt()).isEqualTo(1);
        assertThat(find(live.get("forecast"), "brandId", "orange").get("agentsNeeded").asInt()).isZero();
    }

    @Test
    void slaReportByBrandAndByHour() {
        Reply byBrand = api.get("/api/v1/metrics/sla?from=2026-11-24&to=2026-11-25&groupBy=brand", api.login("datos"));
        assertThat(byBrand.status()).isEqualTo(200);
        JsonNode orange = find(byBrand.at("/rows"), "key", "orange");
        assertThat(orange.get("inbound").asInt()).isEqualTo(5);
        assertThat(orange.at("/serviceLevel/ratio").asDouble()).isEqualTo(1.0 / 3);
        assertThat(orange.get("firstResponseMedian").asText()).isEqualTo("PT1H30M");
        assertThat(find(byBrand.at("/rows"), "key", "amena").get("inbound").asInt()).isEqualTo(1);
        assertThat(byBrand.at("/total/met").asInt()).isEqualTo(1);
        assertThat(byBrand.at("/total/ratio").asDouble()).isEqualTo(1.0 / 3);

        JsonNode hours = api.get("/api/v1/metrics/sla?from=2026-11-24&to=2026-11-25&groupBy=hour", lucia).at("/rows");
        assertThat(hours.size()).isEqualTo(24);
        JsonNode ten = find(hours, "key", "2026-11-24T09:00:00Z");
        assertThat(ten.get("inbound").asInt()).isEqualTo(4);
        assertThat(ten.at("/serviceLevel/met").asInt()).isEqualTo(1);
        JsonNode twelve = find(hours, "key", "2026-11-24T11:00:00Z");
        assertThat(twelve.get("inbound").asInt()).isEqualTo(1);
        assertThat(twelve.at("/serviceLevel/missed").asInt()).isEqualTo(1);
        assertThat(twelve.at("/serviceLevel/breached").asInt()).isEqualTo(1);
    }

    /**
     * The same morning grouped the other ways. All six are X conversations; only C is assigned (ana
     * claimed it); orange's go to the Orange queue and E to Amena's (the first queue whose brand filter
     * matches). Day: one Madrid day, keyed by its date as in every metrics endpoint.
     */
    @Test
    void slaReportByChannelQueueAgentAndDay() {
        JsonNode channel = api.get("/api/v1/metrics/sla?from=2026-11-24&to=2026-11-25&groupBy=channel", lucia)
                .at("/rows");
        assertThat(channel.size()).isEqualTo(1);
        assertLevel(find(channel, "key", "TWITTER"), 6, 1, 1, 1);
        assertThat(find(channel, "key", "TWITTER").get("firstResponseMedian").asText()).isEqualTo("PT1H30M");

        JsonNode queue = api.get("/api/v1/metrics/sla?from=2026-11-24&to=2026-11-25&groupBy=queue", lucia).at("/rows");
        assertThat(queue.findValuesAsText("key")).containsExactly("q-amena", "q-orange");
        assertLevel(find(queue, "key", "q-orange"), 5, 1, 1, 1);
        assertLevel(find(queue, "key", "q-amena"), 1, 0, 0, 0);
        assertThat(find(queue, "key", "q-amena").at("/serviceLevel/ratio").isMissingNode()).isTrue();

        JsonNode agent = api.get("/api/v1/metrics/sla?from=2026-11-24&to=2026-11-25&groupBy=agent", lucia).at("/rows");
        assertThat(agent.findValuesAsText("key")).containsExactly("(none)", "u-ana");
        assertLevel(find(agent, "key", "u-ana"), 1, 0, 0, 1);
        assertThat(find(agent, "key", "u-ana").at("/serviceLevel/ratio").asDouble()).isZero();
        assertLevel(find(agent, "key", "(none)"), 5, 1, 1, 0);
        assertThat(find(agent, "key", "(none)").at("/serviceLevel/ratio").asDouble()).isEqualTo(0.5);
        assertThat(find(agent, "key", "(none)").get("firstResponseMedian").asText()).isEqualTo("PT1H30M");

        JsonNode day = api.get("/api/v1/metrics/sla?from=2026-11-23&to=2026-11-25&groupBy=day", lucia).at("/rows");
        assertThat(day.findValuesAsText("key")).containsExactly("2026-11-23", "2026-11-24");
        assertLevel(find(day, "key", "2026-11-23"), 0, 0, 0, 0);
        assertLevel(find(day, "key", "2026-11-24"), 6, 1, 1, 1);
    }

    static void assertLevel(JsonNode row, int inbound, int met, int missed, int breached) {
        assertThat(row.get("inbound").asInt()).as(row.toString()).isEqualTo(inbound);
        assertThat(row.at("/serviceLevel/met").asInt()).as(row.toString()).isEqualTo(met);
        assertThat(row.at("/serviceLevel/missed").asInt()).as(row.toString()).isEqualTo(missed);
        assertThat(row.at("/serviceLevel/breached").asInt()).as(row.toString()).isEqualTo(breached);
    }

    @Test
    void volumeAndFirstResponseHistogram() {
        JsonNode volume = api.get("/api/v1/metrics/volume?from=2026-11-24&to=2026-11-25&groupBy=hour&by=brand", lucia)
                .json();
        assertThat(volume.get("buckets").size()).isEqualTo(24);
        JsonNode nine = find(volume.get("buckets"), "start", "2026-11-24T09:00:00Z");
        assertThat(nine.get("total").asInt()).isEqualTo(4);
        assertThat(nine.at("/counts/orange").asInt()).isEqualTo(4);
        assertThat(find(volume.get("buckets"), "start", "2026-11-24T11:00:00Z").at("/counts/amena").asInt()).isEqualTo(1);

        JsonNode histogram = api.get("/api/v1/metrics/first-response?from=2026-11-24&to=2026-11-25", lucia).json();
        assertThat(histogram.get("answered").asInt()).isEqualTo(2);
        assertThat(histogram.get("median").asText()).isEqualTo("PT1H30M");
        assertThat(find(histogram.get("buckets"), "lower", "PT30M").get("count").asInt()).isEqualTo(1);
        assertThat(find(histogram.get("buckets"), "lower", "PT2H").get("count").asInt()).isEqualTo(1);
        assertThat(find(histogram.get("buckets"), "lower", "PT8H").has("upper")).isFalse();
    }

    @Test
    void serviceLevelRecomputedFromTheCsvEqualsLiveAndReport() {
        Reply csv = api.get("/api/v1/export/conversations.csv?from=2026-11-24&to=2026-11-25", api.login("datos"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("Content-Type")).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,brand,channel,queue,assignee,created_at,first_response_at,"
                + "first_response_due,first_response_met,breached_open,resolved_at,status");
        assertThat(lines).hasSize(7);
        Instant from = Instant.parse("2026-11-23T23:00:00Z");
        Instant to = Instant.parse("2026-11-24T23:00:00Z");
        int met = 0;
        int missed = 0;
        int breached = 0;
        Map<String, String[]> byId = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertThat(f).hasSize(12);
            byId.put(f[0], f);
            boolean answeredInWindow = !f[6].isEmpty() && inside(Instant.parse(f[6]), from, to);
            if (answeredInWindow && f[8].equals("true")) {
                met++;
            } else if (answeredInWindow && f[8].equals("false")) {
                missed++;
            } else if (f[9].equals("true") && inside(Instant.parse(f[7]), from, to)) {
                breached++;
            }
        }
        assertThat(new int[] {met, missed, breached}).containsExactly(1, 1, 1);
        JsonNode live = api.get("/api/v1/metrics/live", lucia).json();
        JsonNode report = api.get("/api/v1/metrics/sla?from=2026-11-24&to=2026-11-25", lucia).json();
        for (JsonNode level : List.of(live.get("serviceLevel"), report.get("total"))) {
            assertThat(level.get("met").asInt()).isEqualTo(met);
            assertThat(level.get("missed").asInt()).isEqualTo(missed);
            assertThat(level.get("breached").asInt()).isEqualTo(breached);
            assertThat(level.get("ratio").asDouble()).isEqualTo((double) met / (met + missed + breached));
        }
        String[] a = byId.get(ids.get("A"));
        assertThat(a[1]).isEqualTo("orange");
        assertThat(a[5]).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(a[6]).isEqualTo("2026-11-24T09:30:00Z");
        assertThat(a[7]).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(a[8]).isEqualTo("true");
        assertThat(a[11]).isEqualTo("OPEN");
        assertThat(byId.get(ids.get("C"))[4]).isEqualTo("u-ana");
        assertThat(byId.get(ids.get("D"))[8]).isEmpty();
        assertThat(byId.get(ids.get("D"))[11]).isEqualTo("PENDING");
    }

    @Test
    void rolesAndBadParameters() {
        String ana = api.login("ana");
        String datos = api.login("datos");
        for (String path : List.of("/api/v1/metrics/live", "/api/v1/metrics/sla", "/api/v1/metrics/volume",
                "/api/v1/metrics/first-response", "/api/v1/export/conversations.csv")) {
            Reply forbidden = api.get(path, ana);
            assertThat(forbidden.status()).as(path).isEqualTo(403);
            assertThat(forbidden.errorCode()).isEqualTo("forbidden");
            assertThat(api.get(path, datos).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, lucia).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, admin).status()).as(path).isEqualTo(200);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
        for (String bad : List.of("/api/v1/metrics/sla?groupBy=week", "/api/v1/metrics/sla?from=yesterday",
                "/api/v1/metrics/sla?from=2026-11-25&to=2026-11-24", "/api/v1/metrics/volume?by=channel",
                "/api/v1/metrics/sla?from=2020-01-01&to=2026-01-01",
                "/api/v1/metrics/sla?groupBy=hour&from=2026-01-01&to=2026-11-01",
                "/api/v1/export/conversations.csv?to=nope")) {
            Reply r = api.get(bad, lucia);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.errorCode()).as(bad).isEqualTo("validation_failed");
            assertThat(r.at("/error/message").asText()).as(bad).isNotBlank();
        }
    }

    static boolean inside(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
