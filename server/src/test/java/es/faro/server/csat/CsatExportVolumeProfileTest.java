package es.faro.server.csat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gaps of issues 7 and 8 over real HTTP against one hand-built fixture: the surveys CSV export,
 * the volume metrics grouped by brand/channel/queue/agent/day, and the CSAT of the customer panel.
 *
 * <p>Fixture (Madrid 24 Nov; server clock from 10:00Z):
 * <ul>
 *   <li>A: X DM from u-ga "No puedo pagar la factura"; Ana claims, replies once, resolves; DM survey
 *   at 10:10; u-ga answers "5 muy bien" at 10:13 (a second inbound message of A).</li>
 *   <li>B: X DM from u-gb; Ana resolves without replying; DM survey at 10:10, never answered.</li>
 *   <li>C: public tweet from u-gc; Lucía (lead) resolves; link survey at 10:10 answered at 10:14 with 2 and a
 *   comment holding a comma, quotes and a line break (an inbound message of C).</li>
 * </ul>
 */
class CsatExportVolumeProfileTest {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final String WINDOW = "from=2026-11-24&to=2026-11-25";
    static final String COMMENT = "Lento, \"muy\" lento\nfatal";

    MutableClock clock;
    TestServer server;
    ApiClient api;
    String ana;
    String lead;
    String analyst;
    String a;
    String b;
    String c;

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        Map<String, String> config = new java.util.HashMap<>(Map.of("csat.delay", "PT10M", "csat.quiet_period", "P30D",
                "csat.worker.nap", "PT1H", "token.ttl", "P60D"));
        config.putAll(store());
        server = TestServer.start(config, clock);
        api = server.client();
        ana = api.login("ana");
        lead = api.login("lucia");
        analyst = api.login("datos");

        twitterDm("dm-ga", "u-ga", "No puedo pagar la factura");
        twitterDm("dm-gb", "u-gb", "Sin cobertura en casa");
        tweet("tw-gc", "u-gc", "@orange_es sin fibra desde ayer");
        a = conversationOf("dm-ga");
        b = conversationOf("dm-gb");
        c = conversationOf("tw-gc");
        claim(a, ana);
        Reply reply = api.post("/api/v1/conversations/" + a + "/messages", ana,
                Map.of("kind", "reply", "body", "Te ayudo por aquí"),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(reply.status()).as(reply.text()).isIn(200, 201);
        status(a, ana);
        claim(b, ana);
        status(b, ana);
        claim(c, lead);
        status(c, lead);
        clock.advance(Duration.ofMinutes(10));
        assertThat(server.server().csatWorker().runDue()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(3));
        twitterDm("dm-ga-answer", "u-ga", "5 muy bien");
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.post("/api/v1/surveys/" + linkToken(c) + "/response", null,
                Map.of("rating", 2, "comment", COMMENT)).status()).isEqualTo(200);
    }

    /** Extra configuration choosing the store (SQLite by default). */
    Map<String, String> store() {
        return Map.of();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSurveysCsvHasOneRowPerSurveySentInTheWindowWithTheCommentEscaped() {
        Reply csv = api.get("/api/v1/export/surveys.csv?" + WINDOW, analyst);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("Content-Type")).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("id,conversation_id,brand,channel,queue,agent,mode,language,sent_at,"
                + "answered_at,rating,comment");
        assertThat(lines[lines.length - 1]).as("ends with CRLF").isEmpty();
        SurveyService.Survey sa = server.server().surveys().ofConversation(a).get(0);
        SurveyService.Survey sb = server.server().surveys().ofConversation(b).get(0);
        SurveyService.Survey sc = server.server().surveys().ofConversation(c).get(0);
        String body = csv.text();
        assertThat(body).contains("\r\n" + sa.id() + "," + a + ",orange,twitter," + queue(a) + ",u-ana,DM,es,"
                + "2026-11-24T10:10:00Z,2026-11-24T10:13:00Z,5,muy bien\r\n");
        assertThat(body).contains("\r\n" + sb.id() + "," + b + ",orange,twitter," + queue(b) + ",u-ana,DM,es,"
                + "2026-11-24T10:10:00Z,,,\r\n");
        assertThat(body).contains("\r\n" + sc.id() + "," + c + ",orange,twitter," + queue(c) + ",u-lucia,LINK,es,"
                + "2026-11-24T10:10:00Z,2026-11-24T10:14:00Z,2,\"Lento, \"\"muy\"\" lento\nfatal\"\r\n");
        assertThat(body.split(sa.id() + "|" + sb.id() + "|" + sc.id(), -1)).hasSize(4);
        assertThat(body).as("no link tokens").doesNotContain(sc.token()).doesNotContain(sa.token());

        Reply lead2 = api.get("/api/v1/export/surveys.csv?from=2026-11-24&to=2026-11-25", lead);
        assertThat(lead2.text()).isEqualTo(body);
        Reply before = api.get("/api/v1/export/surveys.csv?from=2026-11-23&to=2026-11-24T10:10:00Z", analyst);
        assertThat(before.text()).as("sent_at is the window's measure: [from, to)").isEqualTo(lines[0] + "\r\n");
        assertThat(api.get("/api/v1/export/surveys.csv", ana).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/export/surveys.csv", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/export/surveys.csv?from=ayer", analyst).errorCode()).isEqualTo("validation_failed");
        assertThat(api.get("/api/v1/export/surveys.csv?from=2026-11-25&to=2026-11-24", analyst).status())
                .isEqualTo(400);
    }

    /** A survey link's token answers the survey: the messages export shows the survey message with it masked. */
    @Test
    void theMessagesCsvMasksTheSurveyLinkToken() {
        SurveyService.Survey sc = server.server().surveys().ofConversation(c).get(0);
        String stored = null;
        for (JsonNode m : api.get("/api/v1/conversations/" + c + "/messages", lead).json()) {
            if (m.path("survey").asBoolean(false) && m.get("kind").asText().equals("OUT")) {
                stored = m.get("body").asText();
            }
        }
        assertThat(stored).as("the survey message carries its link").contains(sc.token());
        Reply csv = api.get("/api/v1/export/messages.csv?" + WINDOW, analyst);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).doesNotContain(sc.token())
                .contains(stored.replace(sc.token(), es.faro.server.community.ModerationLog.TOKEN_MARK));
        for (String token : server.server().surveys().ofConversation(a).stream().map(SurveyService.Survey::token)
                .toList()) {
            assertThat(csv.text()).doesNotContain(token);
        }
        assertThat(csv.text()).contains("Te ayudo por aquí");
    }

    @Test
    void volumeGroupedEqualsTheHandCount() {
        // inbound: A 2 (DM + survey answer), B 1, C 2 (tweet + link answer); replies: A 1 (surveys are not replies)
        JsonNode brand = ok("/api/v1/metrics/volume?groupBy=brand&" + WINDOW);
        assertThat(brand.at("/groupBy").asText()).isEqualTo("brand");
        assertThat(brand.at("/rows").size()).isEqualTo(1);
        assertRow(brand.at("/rows/0"), "orange", 5, 3, 1);

        JsonNode channel = ok("/api/v1/metrics/volume?groupBy=channel&" + WINDOW);
        assertThat(channel.at("/rows").size()).isEqualTo(1);
        assertRow(channel.at("/rows/0"), "TWITTER", 5, 3, 1);

        JsonNode agent = ok("/api/v1/metrics/volume?groupBy=agent&" + WINDOW);
        assertThat(agent.at("/rows").size()).isEqualTo(2);
        assertRow(agent.at("/rows/0"), "u-ana", 3, 2, 1);
        assertRow(agent.at("/rows/1"), "u-lucia", 2, 1, 0);

        JsonNode day = ok("/api/v1/metrics/volume?groupBy=day&from=2026-11-23&to=2026-11-25");
        assertThat(day.at("/rows").size()).as("days without volume are left out").isEqualTo(1);
        assertRow(day.at("/rows/0"), "2026-11-24", 5, 3, 1);

        JsonNode queue = ok("/api/v1/metrics/volume?groupBy=queue&" + WINDOW);
        long total = 0;
        for (JsonNode r : queue.at("/rows")) {
            total += r.at("/values/inboundMessages").asLong();
        }
        assertThat(total).isEqualTo(5);

        // Only the messages in the window: from 10:13 (the DM answer and the link answer, no replies).
        JsonNode late = ok("/api/v1/metrics/volume?groupBy=brand&from=2026-11-24T10:13:00Z&to=2026-11-25");
        assertRow(late.at("/rows/0"), "orange", 2, 0, 0);

        // Without groupBy (or with by=brand) the original shape: time buckets split by brand.
        JsonNode hourly = ok("/api/v1/metrics/volume?" + WINDOW);
        assertThat(hourly.at("/groupBy").asText()).isEqualTo("hour");
        assertThat(hourly.at("/by").asText()).isEqualTo("brand");
        assertThat(hourly.at("/buckets").size()).isEqualTo(24);
        JsonNode days = ok("/api/v1/metrics/volume?groupBy=day&by=brand&" + WINDOW);
        assertThat(days.at("/buckets/0/counts/orange").asInt()).isEqualTo(3);

        assertThat(api.get("/api/v1/metrics/volume?groupBy=brand", ana).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/metrics/volume?groupBy=colour", lead).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/volume?groupBy=agent&by=brand", lead).status()).isEqualTo(400);
    }

    @Test
    void theCustomerPanelCarriesTheCsatOfTheMergedProfile() {
        String ga = customer(a);
        String gb = customer(b);
        String gc = customer(c);
        Reply onlyB = api.get("/api/v1/customers/" + gb, ana);
        assertThat(onlyB.at("/csat/sent").asInt()).isEqualTo(1);
        assertThat(onlyB.at("/csat/ratings").asInt()).isZero();
        assertThat(onlyB.at("/csat/recent").size()).isZero();

        Reply onlyA = api.get("/api/v1/customers/" + ga, ana);
        assertThat(onlyA.at("/csat/sent").asInt()).isEqualTo(1);
        assertThat(onlyA.at("/csat/ratings").asInt()).isEqualTo(1);
        assertThat(onlyA.at("/csat/average").asDouble()).isEqualTo(5.0);

        assertThat(api.post("/api/v1/customers/" + ga + "/merge", ana, Map.of("with", gc)).status()).isEqualTo(200);
        Reply merged = api.get("/api/v1/customers/" + gc, ana);
        JsonNode csat = merged.at("/csat");
        assertThat(csat.at("/sent").asInt()).isEqualTo(2);
        assertThat(csat.at("/ratings").asInt()).isEqualTo(2);
        assertThat(csat.at("/average").asDouble()).isEqualTo(3.5); // (5 + 2) / 2
        assertThat(csat.at("/recent").size()).isEqualTo(2);
        assertThat(csat.at("/recent/0/conversationId").asText()).as("newest first").isEqualTo(c);
        assertThat(csat.at("/recent/0/rating").asInt()).isEqualTo(2);
        assertThat(csat.at("/recent/0/comment").asText()).isEqualTo(COMMENT);
        assertThat(csat.at("/recent/0/answeredAt").asText()).isEqualTo("2026-11-24T10:14:00Z");
        assertThat(csat.at("/recent/1/conversationId").asText()).isEqualTo(a);
        assertThat(csat.at("/recent/1/rating").asInt()).isEqualTo(5);
        assertThat(csat.at("/recent/1/answeredAt").asText()).isEqualTo("2026-11-24T10:13:00Z");

        // A customer never surveyed: no data (the panel says so).
        twitterDm("dm-gd", "u-gd", "Hola");
        Reply none = api.get("/api/v1/customers/" + customer(conversationOf("dm-gd")), ana);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.at("/csat").isMissingNode() || none.at("/csat").isNull()).isTrue();
    }

    // --- helpers ---------------------------------------------------------------------------------

    JsonNode ok(String path) {
        Reply r = api.get(path, analyst);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static void assertRow(JsonNode row, String key, long inbound, long created, long replies) {
        assertThat(row.at("/key").asText()).isEqualTo(key);
        assertThat(row.at("/values/inboundMessages").asLong()).as(key + " inbound").isEqualTo(inbound);
        assertThat(row.at("/values/newConversations").asLong()).as(key + " new").isEqualTo(created);
        assertThat(row.at("/values/replies").asLong()).as(key + " replies").isEqualTo(replies);
    }

    String queue(String id) {
        JsonNode q = conversation(id).get("queueId");
        return q == null || q.isNull() ? "" : q.asText();
    }

    String customer(String id) {
        return conversation(id).get("customerId").asText();
    }

    String conversationOf(String channelMessageId) {
        for (JsonNode conv : api.get("/api/v1/conversations?limit=500", lead).at("/items")) {
            for (JsonNode m : api.get("/api/v1/conversations/" + conv.get("id").asText() + "/messages", lead).json()) {
                if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                    return conv.get("id").asText();
                }
            }
        }
        throw new AssertionError("no conversation with " + channelMessageId);
    }

    JsonNode conversation(String id) {
        return api.get("/api/v1/conversations/" + id, lead).json();
    }

    void claim(String id, String agent) {
        long v = conversation(id).get("version").asLong();
        Reply r = api.post("/api/v1/conversations/" + id + "/claim", agent, Map.of("version", v));
        assertThat(r.status()).as(id + " " + r.text()).isEqualTo(200);
    }

    void status(String id, String agent) {
        long v = conversation(id).get("version").asLong();
        assertThat(api.post("/api/v1/conversations/" + id + "/status", agent,
                Map.of("status", "RESOLVED", "version", v)).status()).isEqualTo(200);
    }

    String linkToken(String conversationId) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode m : api.get("/api/v1/conversations/" + conversationId + "/messages", lead).json()) {
            if (m.path("survey").asBoolean(false) && m.get("kind").asText().equals("OUT")) {
                found.add(m);
            }
        }
        Matcher m = CsatTest.LINK.matcher(found.get(0).get("body").asText());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    void twitterDm(String id, String sender, String text) {
        byte[] body = Payloads.directMessage(Payloads.ORANGE_X, id, sender, text);
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
    }

    void tweet(String id, String user, String text) {
        byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet(id, user, text, null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
    }
}
