package es.faro.server.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSAT end to end over real HTTP: resolving schedules a survey, the due job posts it as a DM or a
 * public link, answers arrive as a DM ("5 muy bien") or through the link, and the metrics equal a
 * hand-computed fixture.
 */
class CsatTest {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final Pattern LINK = Pattern.compile("/api/v1/surveys/([A-Za-z0-9_-]{20,})");

    MutableClock clock;
    TestServer server;
    ApiClient api;
    String ana;
    String pablo;
    String lead;

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        Map<String, String> config = new java.util.HashMap<>(Map.of("csat.delay", "PT10M",
                "csat.quiet_period", "P30D", "csat.worker.nap", "PT1H", "token.ttl", "P60D",
                "csat.wording.jazztel.es.dm", "Jazztel quiere saber tu opinión, {customer}: responde del 1 al 5.",
                "csat.wording.orange.en.link", "Orange would love to hear from you, {customer}: {link}"));
        config.putAll(es.faro.server.community.CommunityPayloads.secrets());
        // Simyo's public wording is too long for an X reply once its link is in (see the test below).
        config.put("csat.wording.simyo.es.link", "En Simyo nos importa muchísimo tu opinión, {customer}, porque"
                + " queremos mejorar cada día la atención que te damos por redes sociales, por teléfono y en tienda."
                + " Dedica un minuto a contarnos qué tal ha ido y puntúanos del 1 al 5 en esta encuesta: {link}");
        server = TestServer.start(config, clock);
        api = server.client();
        ana = api.login("ana");
        pablo = api.login("pablo");
        lead = api.login("lucia");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int runDue() {
        return server.server().csatWorker().runDue();
    }

    String conversationOf(String channelMessageId, String token) {
        for (JsonNode c : api.get("/api/v1/conversations?limit=500", lead).at("/items")) {
            for (JsonNode m : thread(c.get("id").asText())) {
                if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                    return c.get("id").asText();
                }
            }
        }
        return null;
    }

    JsonNode thread(String id) {
        return api.get("/api/v1/conversations/" + id + "/messages", lead).json();
    }

    JsonNode conversation(String id) {
        return api.get("/api/v1/conversations/" + id, lead).json();
    }

    /** Claims as {@code agent} and resolves. */
    void resolve(String id, String agent) {
        long v = conversation(id).get("version").asLong();
        assertThat(api.post("/api/v1/conversations/" + id + "/claim", agent, Map.of("version", v)).status())
                .isEqualTo(200);
        v = conversation(id).get("version").asLong();
        assertThat(api.post("/api/v1/conversations/" + id + "/status", agent,
                Map.of("status", "RESOLVED", "version", v)).status()).isEqualTo(200);
    }

    JsonNode survey(String conversationId) {
        JsonNode found = null;
        for (JsonNode m : thread(conversationId)) {
            if (m.path("survey").asBoolean(false) && m.get("kind").asText().equals("OUT")) {
                found = m;
            }
        }
        return found;
    }

    void twitterDm(String account, String id, String sender, String text) {
        byte[] body = Payloads.directMessage(account, id, sender, text);
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
    }

    void tweet(String id, String user, String text) {
        byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet(id, user, text, null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
    }

    void messenger(String page, String mid, String sender, String text) {
        byte[] body = Payloads.facebookMessage(page, mid, sender, text, false);
        assertThat(api.post("/api/v1/channels/facebook/webhook", null, body, Payloads.metaSignature(body)).status())
                .isEqualTo(200);
    }

    static String token(JsonNode surveyMessage) {
        Matcher m = LINK.matcher(surveyMessage.get("body").asText());
        assertThat(m.find()).as("a survey link in " + surveyMessage.get("body").asText()).isTrue();
        return m.group(1);
    }

    @Test
    void aResolvedDmConversationGetsADmSurveyAfterTheDelayAndADmAnswerAttaches() {
        twitterDm(Payloads.ORANGE_X, "dm-c1", "u-c1", "No puedo pagar la factura");
        String id = conversationOf("dm-c1", lead);
        resolve(id, ana);
        assertThat(runDue()).isZero(); // not before the delay
        assertThat(survey(id)).isNull();
        clock.advance(Duration.ofMinutes(10));
        assertThat(runDue()).isEqualTo(1);
        JsonNode s = survey(id);
        assertThat(s).isNotNull();
        assertThat(s.get("public").asBoolean()).isFalse();
        assertThat(s.get("body").asText()).contains("Orange").contains("del 1 al 5");
        assertThat(conversation(id).get("status").asText()).isEqualTo("RESOLVED");
        assertThat(runDue()).isZero(); // done once

        clock.advance(Duration.ofMinutes(3));
        twitterDm(Payloads.ORANGE_X, "dm-c1-answer", "u-c1", "5 muy bien, gracias 😊");
        // The answer joins the surveyed conversation and does not reopen it.
        assertThat(conversationOf("dm-c1-answer", lead)).isEqualTo(id);
        assertThat(conversation(id).get("status").asText()).isEqualTo("RESOLVED");
        List<SurveyService.Survey> surveys = server.server().surveys().ofConversation(id);
        assertThat(surveys).hasSize(1);
        assertThat(surveys.get(0).rating()).isEqualTo(5);
        assertThat(surveys.get(0).comment()).isEqualTo("muy bien, gracias 😊");
        assertThat(surveys.get(0).agentId()).isEqualTo("u-ana");
        assertThat(surveys.get(0).mode()).isEqualTo("DM");

        // A later DM that is not a rating opens a new conversation as usual.
        twitterDm(Payloads.ORANGE_X, "dm-c1-new", "u-c1", "Otra cosa: no tengo 4G");
        assertThat(conversationOf("dm-c1-new", lead)).isNotEqualTo(id);
    }

    @Test
    void aPublicConversationGetsALinkAndTheLinkTakesOneAnswerWithoutLogin() {
        tweet("tw-c2", "u-c2", "@orange_es sin fibra desde ayer");
        String id = conversationOf("tw-c2", lead);
        resolve(id, ana);
        clock.advance(Duration.ofMinutes(11));
        runDue();
        JsonNode s = survey(id);
        assertThat(s.get("public").asBoolean()).isTrue();
        String token = token(s);
        assertThat(token.length()).isGreaterThanOrEqualTo(32);

        Reply page = api.get("/api/v1/surveys/" + token, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("/brandId").asText()).isEqualTo("orange");
        assertThat(page.at("/answered").asBoolean()).isFalse();
        assertThat(page.json().has("customerId")).isFalse();

        assertThat(api.post("/api/v1/surveys/" + token + "/response", null, Map.of("rating", 9)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/surveys/" + token + "/response", null, Map.of("comment", "x")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/surveys/" + token + "/response", null, "{\"rating\":").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/response", null,
                Map.of("rating", 5)).status()).isEqualTo(404);
        assertThat(server.server().surveys().ofConversation(id).get(0).answeredAt()).isNull();

        clock.advance(Duration.ofMinutes(1));
        Reply ok = api.post("/api/v1/surveys/" + token + "/response", null, Map.of("rating", 2,
                "comment", "Tardasteis 3 días"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.at("/rating").asInt()).isEqualTo(2);
        Reply twice = api.post("/api/v1/surveys/" + token + "/response", null, Map.of("rating", 5));
        assertThat(twice.status()).isEqualTo(409);
        SurveyService.Survey row = server.server().surveys().ofConversation(id).get(0);
        assertThat(row.rating()).isEqualTo(2);
        assertThat(row.comment()).isEqualTo("Tardasteis 3 días");
        // The answer is in the thread, flagged, and the conversation stays resolved.
        JsonNode last = thread(id).get(thread(id).size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("IN");
        assertThat(last.get("survey").asBoolean()).isTrue();
        assertThat(last.get("body").asText()).contains("2/5").contains("Tardasteis 3 días");
        assertThat(conversation(id).get("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void noSecondSurveyWithinTheQuietPeriodNoneForAppStoresNoneWhenReopened() {
        twitterDm(Payloads.ORANGE_X, "dm-q1", "u-q", "Hola");
        String first = conversationOf("dm-q1", lead);
        resolve(first, ana);
        clock.advance(Duration.ofMinutes(10));
        assertThat(runDue()).isEqualTo(1);
        assertThat(survey(first)).isNotNull();
        // Same customer, a new conversation resolved two days later: within the quiet period, no survey.
        clock.advance(Duration.ofDays(2));
        twitterDm(Payloads.ORANGE_X, "dm-q2", "u-q", "Otra consulta");
        String second = conversationOf("dm-q2", lead);
        assertThat(second).as(api.get("/api/v1/conversations?limit=500", lead).text()).isNotNull();
        assertThat(second).isNotEqualTo(first);
        resolve(second, ana);
        clock.advance(Duration.ofMinutes(10));
        runDue();
        assertThat(survey(second)).isNull();

        // A Google Play review: resolved, no survey.
        byte[] gp = Payloads.googlePlayReviews(List.of("gp-q"));
        Reply posted = api.post("/api/v1/channels/google_play/webhook?account=" + Payloads.ORANGE_APP, null, gp,
                Payloads.faroSignature(gp));
        assertThat(posted.status()).as(posted.text()).isEqualTo(200);
        String review = conversationOf("gp-q", lead);
        resolve(review, ana);
        clock.advance(Duration.ofMinutes(10));
        runDue();
        assertThat(survey(review)).isNull();

        // Reopened before the survey was due: no survey.
        twitterDm(Payloads.ORANGE_X, "dm-r1", "u-r", "Hola");
        String reopened = conversationOf("dm-r1", lead);
        resolve(reopened, ana);
        long v = conversation(reopened).get("version").asLong();
        api.post("/api/v1/conversations/" + reopened + "/status", ana, Map.of("status", "OPEN", "version", v));
        clock.advance(Duration.ofMinutes(10));
        runDue();
        assertThat(survey(reopened)).isNull();
    }

    @Test
    void englishConversationsGetTheBrandsEnglishWordingOrTheBuiltInOne() {
        // Orange has its own English link wording; Amena falls back to the built-in English text.
        Map<String, Object> orange = Payloads.tweet("tw-en1", "u-en1", "@orange_es no signal since Monday", null);
        orange.put("lang", "en");
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, Payloads.tweets(Payloads.ORANGE_X, orange),
                Payloads.twitterSignature(Payloads.tweets(Payloads.ORANGE_X, orange))).status()).isEqualTo(200);
        Map<String, Object> amena = Payloads.tweet("tw-en2", "u-en2", "@amena my bill is wrong", null);
        amena.put("lang", "en");
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, Payloads.tweets(Payloads.AMENA_X, amena),
                Payloads.twitterSignature(Payloads.tweets(Payloads.AMENA_X, amena))).status()).isEqualTo(200);
        String o = conversationOf("tw-en1", lead);
        String a = conversationOf("tw-en2", lead);
        assertThat(conversation(o).get("language").asText()).isEqualTo("en");
        resolve(o, ana);
        resolve(a, pablo);
        clock.advance(Duration.ofMinutes(10));
        assertThat(runDue()).isEqualTo(2);
        String orangeText = survey(o).get("body").asText();
        assertThat(orangeText).startsWith("Orange would love to hear from you, Cliente u-en1: http");
        assertThat(orangeText).contains("/api/v1/surveys/" + token(survey(o)));
        assertThat(survey(a).get("body").asText()).startsWith("How did Amena do? Rate us from 1 to 5: http");
        assertThat(server.server().surveys().ofConversation(o).get(0).language()).isEqualTo("en");
    }

    @Test
    void aWordingTooLongForTheChannelFallsBackToTheBuiltInTextInsteadOfBeingRefused() {
        byte[] body = Payloads.tweets("1000004", Payloads.tweet("tw-long", "u-long", "@simyo_es sin datos", null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        String id = conversationOf("tw-long", lead);
        resolve(id, pablo);
        clock.advance(Duration.ofMinutes(10));
        assertThat(runDue()).isEqualTo(1);
        String text = survey(id).get("body").asText();
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(280);
        assertThat(text).startsWith("¿Qué tal te hemos atendido en Simyo? Valóranos del 1 al 5: http")
                .contains("/api/v1/surveys/" + token(survey(id)));
    }

    @Test
    void aForumThreadGetsNoSurveyItsRepliesArePostedByHandAndASurveyWouldNeverReachTheCustomer() {
        byte[] feed = es.faro.server.community.CommunityPayloads.atom("Foro", es.faro.server.community.CommunityPayloads
                .atomEntry("tag:foros.example.com,2026:csat-1", "Carlos", "Portabilidad", "Lenta",
                        "2026-11-24T09:00:00Z", null));
        assertThat(es.faro.server.community.CommunityPayloads.postForum(api,
                es.faro.server.community.CommunityPayloads.ORANGE_FEED, feed).status()).isEqualTo(200);
        String id = conversationOf("tag:foros.example.com,2026:csat-1", lead);
        resolve(id, ana);
        clock.advance(Duration.ofMinutes(10));
        runDue();
        assertThat(survey(id)).isNull();
        assertThat(server.server().surveys().ofConversation(id)).isEmpty();
        // Not counted as sent either: the response rate is not diluted by surveys nobody received.
        assertThat(api.get("/api/v1/metrics/csat?from=2026-11-24&to=2026-11-25", lead).at("/total/sent").asInt())
                .isZero();
    }

    @Test
    void theQuietPeriodCoversEveryIdentityOfAMergedCustomer() {
        twitterDm(Payloads.ORANGE_X, "dm-p1", "u-p1", "Sin datos en el móvil");
        String onX = conversationOf("dm-p1", lead);
        resolve(onX, ana);
        clock.advance(Duration.ofMinutes(10));
        assertThat(runDue()).isEqualTo(1);
        // The same person writes on Messenger; an agent merges the two identities into one profile.
        messenger("2000001", "mid-p1", "f-p1", "Os escribí por X ayer");
        String onFacebook = conversationOf("mid-p1", lead);
        String xCustomer = conversation(onX).get("customerId").asText();
        String fbCustomer = conversation(onFacebook).get("customerId").asText();
        Reply merged = api.post("/api/v1/customers/" + xCustomer + "/merge", ana, Map.of("with", fbCustomer));
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        resolve(onFacebook, ana);
        clock.advance(Duration.ofMinutes(10));
        runDue();
        assertThat(survey(onFacebook)).as("surveyed on X two minutes ago: no second survey on Facebook").isNull();

        // Another person on Messenger, not merged with anyone, gets hers.
        messenger("2000001", "mid-p2", "f-p2", "Hola");
        String other = conversationOf("mid-p2", lead);
        resolve(other, ana);
        clock.advance(Duration.ofMinutes(10));
        assertThat(runDue()).isEqualTo(1);
        assertThat(survey(other)).isNotNull();
    }

    @Test
    void metricsEqualAHandComputedFixture() {
        // A: Orange X DM, ana, answered 5 by DM.
        twitterDm(Payloads.ORANGE_X, "dm-a", "u-a", "A");
        String a = conversationOf("dm-a", lead);
        resolve(a, ana);
        // B: Orange public tweet, ana, answered 2 through the link.
        tweet("tw-b", "u-b", "B");
        String b = conversationOf("tw-b", lead);
        resolve(b, ana);
        // C: Jazztel Messenger, ana, answered "4" by DM; the brand's own wording.
        messenger("2000002", "mid-c", "f-c", "C");
        String c = conversationOf("mid-c", lead);
        resolve(c, ana);
        // D: Amena X DM, pablo, never answered.
        twitterDm("1000003", "dm-d", "u-d", "D");
        String d = conversationOf("dm-d", pablo);
        resolve(d, pablo);
        clock.advance(Duration.ofMinutes(10));
        assertThat(runDue()).isEqualTo(4);
        assertThat(survey(c).get("body").asText()).startsWith("Jazztel quiere saber tu opinión");
        clock.advance(Duration.ofMinutes(1));
        twitterDm(Payloads.ORANGE_X, "dm-a2", "u-a", "5");
        api.post("/api/v1/surveys/" + token(survey(b)) + "/response", null, Map.of("rating", 2));
        messenger("2000002", "mid-c2", "f-c", "4");

        String window = "from=2026-11-24&to=2026-11-25";
        Reply brand = api.get("/api/v1/metrics/csat?" + window + "&groupBy=brand", lead);
        assertThat(brand.status()).isEqualTo(200);
        // Sent 4, responded 3 → 75 %; ratings 5, 2, 4 → satisfied 2 of 3 → 66.7 %.
        assertThat(brand.at("/total/sent").asInt()).isEqualTo(4);
        assertThat(brand.at("/total/responded").asInt()).isEqualTo(3);
        assertThat(brand.at("/total/responseRate").asDouble()).isEqualTo(0.75);
        assertThat(brand.at("/total/ratings").asInt()).isEqualTo(3);
        assertThat(brand.at("/total/satisfied").asInt()).isEqualTo(2);
        assertThat(brand.at("/total/csat").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        Map<String, JsonNode> byBrand = byKey(brand);
        assertThat(byBrand.keySet()).containsExactly("amena", "jazztel", "orange");
        assertFigures(byBrand.get("orange"), 2, 2, 2, 1);
        assertThat(byBrand.get("orange").get("csat").asDouble()).isEqualTo(0.5);
        assertFigures(byBrand.get("jazztel"), 1, 1, 1, 1);
        assertFigures(byBrand.get("amena"), 1, 0, 0, 0);
        assertThat(byBrand.get("amena").has("csat")).isFalse(); // no data, not 0 %
        assertThat(byBrand.get("amena").get("responseRate").asDouble()).isZero();

        Map<String, JsonNode> byAgent = byKey(api.get("/api/v1/metrics/csat?" + window + "&groupBy=agent", lead));
        assertFigures(byAgent.get("u-ana"), 3, 3, 3, 2);
        assertFigures(byAgent.get("u-pablo"), 1, 0, 0, 0);
        Map<String, JsonNode> byChannel = byKey(api.get("/api/v1/metrics/csat?" + window + "&groupBy=channel",
                lead));
        assertFigures(byChannel.get("TWITTER"), 3, 2, 2, 1);
        assertFigures(byChannel.get("FACEBOOK"), 1, 1, 1, 1);
        Map<String, JsonNode> byQueue = byKey(api.get("/api/v1/metrics/csat?" + window + "&groupBy=queue", lead));
        assertFigures(byQueue.get("q-orange"), 2, 2, 2, 1);
        Map<String, JsonNode> byDay = byKey(api.get("/api/v1/metrics/csat?" + window + "&groupBy=day", lead));
        assertFigures(byDay.get("2026-11-24"), 4, 3, 3, 2);
        // The live figures carry today's CSAT too (they said "no data" whatever the answers were).
        Reply live = api.get("/api/v1/metrics/live", lead);
        assertThat(live.at("/csat/ratings").asInt()).isEqualTo(3);
        assertThat(live.at("/csat/satisfied").asInt()).isEqualTo(2);
        assertThat(live.at("/csat/ratio").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        // A window before everything: no data.
        Reply empty = api.get("/api/v1/metrics/csat?from=2026-11-01&to=2026-11-02", lead);
        assertThat(empty.at("/total/sent").asInt()).isZero();
        assertThat(empty.json().get("total").has("csat")).isFalse();

        // Roles and errors.
        assertThat(api.get("/api/v1/metrics/csat?" + window, ana).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/metrics/csat?" + window, api.login("datos")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/metrics/csat?" + window, api.login("admin")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/metrics/csat?" + window, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/metrics/csat?groupBy=planet", lead).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/csat?from=ayer", lead).status()).isEqualTo(400);
    }

    static Map<String, JsonNode> byKey(Reply r) {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        for (JsonNode g : r.at("/groups")) {
            m.put(g.path("key").asText(), g);
        }
        return m;
    }

    static void assertFigures(JsonNode g, int sent, int responded, int ratings, int satisfied) {
        assertThat(g).isNotNull();
        assertThat(g.get("sent").asInt()).as("sent").isEqualTo(sent);
        assertThat(g.get("responded").asInt()).as("responded").isEqualTo(responded);
        assertThat(g.get("ratings").asInt()).as("ratings").isEqualTo(ratings);
        assertThat(g.get("satisfied").asInt()).as("satisfied").isEqualTo(satisfied);
    }

    @Test
    void ratingsAreReadFromTheWaysCustomersWriteThem() {
        assertThat(SurveyService.parse("4")).hasValue(new SurveyService.Rating(4, null));
        assertThat(SurveyService.parse(" 5 muy bien")).hasValue(new SurveyService.Rating(5, "muy bien"));
        assertThat(SurveyService.parse("3/5, regular")).hasValue(new SurveyService.Rating(3, "regular"));
        assertThat(SurveyService.parse("⭐⭐⭐⭐")).hasValue(new SurveyService.Rating(4, null));
        assertThat(SurveyService.parse("10")).isEmpty();
        assertThat(SurveyService.parse("6")).isEmpty();
        assertThat(SurveyService.parse("no me llega")).isEmpty();
        assertThat(SurveyService.parse("45 euros de más")).isEmpty();
    }
}
