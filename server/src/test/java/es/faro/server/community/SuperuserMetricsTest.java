package es.faro.server.community;

import static es.faro.server.community.CommunityPayloads.message;
import static es.faro.server.community.CommunityPayloads.messages;
import static es.faro.server.community.CommunityPayloads.postCommunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The superuser leaderboard and the moderation and community metrics against a fixture computed by
 * hand (points: 10 a solution, 1 a kudo; levels Novato 0, Colaborador 20, Experto 100, Superusuario 500).
 *
 * <pre>
 * 2026-11-20 (all posts written 08:00-09:00Z, Madrid day 2026-11-20)
 *   orange T1 maria kudos 2 views 300 · R1 pepe kudos 5 · R2 juan kudos 1
 *   orange T2 maria kudos 0 views 50  · R3 pepe kudos 3
 *   jazztel T3 lola kudos 4 views 1000 · R4 juan kudos 0
 *   10:00Z ana approves T1, accepts R1
 * 2026-11-21 09:00Z lucia accepts R3 and R4, rejects R2 ("Fuera de tema")
 * </pre>
 */
class SuperuserMetricsTest {
    static TestServer server;
    static ApiClient api;
    static String lead;
    static String analyst;
    static String ana;

    @BeforeAll
    static void start() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        server = TestServer.start(CommunityPayloads.secrets(), clock);
        api = server.client();
        lead = api.login("lucia");
        analyst = api.login("datos");
        ana = api.login("ana");
        postCommunity(api, CommunityPayloads.ORANGE_COMMUNITY, messages(
                message("T1", "maria", "maria", "fibra", "Sin fibra", "No tengo fibra", null, 2, 300, "2026-11-20T08:00:00Z"),
                message("R1", "pepe", "pepe", "fibra", "Re", "Reinicia la ONT", "T1", 5, 0, "2026-11-20T08:10:00Z"),
                message("R2", "juan", "juan", "fibra", "Re", "Yo tampoco", "T1", 1, 0, "2026-11-20T08:20:00Z"),
                message("T2", "maria", "maria", "movil", "Sin 4G", "No tengo 4G", null, 0, 50, "2026-11-20T08:30:00Z"),
                message("R3", "pepe", "pepe", "movil", "Re", "Activa los datos", "T2", 3, 0, "2026-11-20T08:40:00Z")));
        postCommunity(api, "comunidad-jazztel", messages(
                message("T3", "lola", "lola", "tv", "Sin TV", "No veo la tele", null, 4, 1000, "2026-11-20T08:50:00Z"),
                message("R4", "juan", "juan", "tv", "Re", "Cambia el HDMI", "T3", 0, 0, "2026-11-20T09:00:00Z")));
        Map<String, String[]> ids = ids();
        ok(api.post(path(ids.get("T1")[0]), ana, Map.of("action", "approve")));
        ok(api.post(path(ids.get("R1")[0]), ana, Map.of("action", "accept_solution", "messageId", ids.get("R1")[1])));
        clock.set(Instant.parse("2026-11-21T09:00:00Z"));
        lead = api.login("lucia"); // the first tokens have expired on the moved clock
        analyst = api.login("datos");
        ana = api.login("ana");
        ok(api.post(path(ids.get("R3")[0]), lead, Map.of("action", "accept_solution", "messageId", ids.get("R3")[1])));
        ok(api.post(path(ids.get("R4")[0]), lead, Map.of("action", "accept_solution", "messageId", ids.get("R4")[1])));
        ok(api.post(path(ids.get("R2")[0]), lead, Map.of("action", "reject", "messageId", ids.get("R2")[1],
                "reason", "Fuera de tema")));
    }

    private static void ok(Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static String path(String conversation) {
        return "/api/v1/conversations/" + conversation + "/moderation";
    }

    /** channel message id → {conversation id, message id}. */
    private static Map<String, String[]> ids() {
        Map<String, String[]> out = new HashMap<>();
        for (JsonNode c : api.get("/api/v1/conversations?channel=community", lead).at("/items")) {
            for (JsonNode p : api.get("/api/v1/conversations/" + c.get("id").asText() + "/community", lead)
                    .at("/posts")) {
                out.put(p.get("channelMessageId").asText(), new String[] {c.get("id").asText(),
                        p.get("messageId").asText()});
            }
        }
        return out;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> rows(JsonNode items) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : items) {
            out.add(e.get("rank").asInt() + " " + e.get("brandId").asText() + " " + e.get("authorId").asText() + " "
                    + e.get("solutions").asLong() + " " + e.get("kudos").asLong() + " " + e.get("points").asLong() + " "
                    + e.get("totalPoints").asLong() + " " + e.get("level").asText());
        }
        return out;
    }

    @Test
    void theLeaderboardRanksMembersByPointsWithTheirLevels() {
        Reply orange = api.get("/api/v1/community/leaderboard?brand=orange&from=2026-11-20&to=2026-11-22", lead);
        assertThat(orange.status()).as(orange.text()).isEqualTo(200);
        // pepe: 2 solutions (R1, R3) × 10 + kudos 5 + 3 = 28 → Colaborador; maria: kudos 2; juan's R2 was rejected.
        assertThat(rows(orange.at("/items"))).containsExactly(
                "1 orange pepe 2 8 28 28 Colaborador",
                "2 orange maria 0 2 2 2 Novato");
        Reply all = api.get("/api/v1/community/leaderboard?from=2026-11-20&to=2026-11-22", analyst);
        assertThat(rows(all.at("/items"))).containsExactly(
                "1 orange pepe 2 8 28 28 Colaborador",
                "2 jazztel juan 1 0 10 10 Novato",
                "3 jazztel lola 0 4 4 4 Novato",
                "4 orange maria 0 2 2 2 Novato");
        // 2026-11-21 (Madrid) alone: the solutions accepted that day, no kudos (posts are from the 20th).
        Reply day = api.get("/api/v1/community/leaderboard?from=2026-11-21&to=2026-11-22", lead);
        assertThat(rows(day.at("/items"))).containsExactly(
                "1 jazztel juan 1 0 10 10 Novato",
                "2 orange pepe 1 0 10 28 Colaborador");
        assertThat(api.get("/api/v1/community/leaderboard?brand=orange&from=2026-11-20&to=2026-11-22&limit=1", lead)
                .at("/items").size()).isEqualTo(1);
        // The period defaults to this month so far (the clock is on 2026-11-21).
        assertThat(rows(api.get("/api/v1/community/leaderboard?brand=jazztel&period=month", lead).at("/items")))
                .containsExactly("1 jazztel juan 1 0 10 10 Novato", "2 jazztel lola 0 4 4 4 Novato");
        assertThat(api.get("/api/v1/community/leaderboard?period=day", lead).at("/items").size()).isEqualTo(2);
    }

    @Test
    void communityMetricsCountApprovedSolutionsAndViewsOfSolvedThreads() {
        String window = "from=2026-11-20&to=2026-11-22";
        JsonNode brand = api.get("/api/v1/metrics/community?groupBy=brand&" + window, analyst).at("/rows");
        assertThat(brand.toString()).isEqualTo("[{\"key\":\"jazztel\",\"values\":{\"approvedSolutions\":1,"
                + "\"solvedThreadViews\":1000,\"posts\":2}},{\"key\":\"orange\",\"values\":{\"approvedSolutions\":2,"
                + "\"solvedThreadViews\":350,\"posts\":5}}]");
        JsonNode day = api.get("/api/v1/metrics/community?groupBy=day&" + window, lead).at("/rows");
        assertThat(day.toString()).isEqualTo("[{\"key\":\"2026-11-20\",\"values\":{\"approvedSolutions\":1,"
                + "\"solvedThreadViews\":300,\"posts\":7}},{\"key\":\"2026-11-21\",\"values\":{\"approvedSolutions\":2,"
                + "\"solvedThreadViews\":1050,\"posts\":0}}]");
        JsonNode agent = api.get("/api/v1/metrics/community?groupBy=agent&" + window, lead).at("/rows");
        assertThat(agent.toString()).isEqualTo("[{\"key\":\"(none)\",\"values\":{\"approvedSolutions\":0,"
                + "\"solvedThreadViews\":0,\"posts\":7}},{\"key\":\"u-ana\",\"values\":{\"approvedSolutions\":1,"
                + "\"solvedThreadViews\":300,\"posts\":0}},{\"key\":\"u-lucia\",\"values\":{\"approvedSolutions\":2,"
                + "\"solvedThreadViews\":1050,\"posts\":0}}]");
        JsonNode channel = api.get("/api/v1/metrics/community?groupBy=channel&" + window, lead).at("/rows");
        assertThat(channel.toString()).isEqualTo("[{\"key\":\"COMMUNITY\",\"values\":{\"approvedSolutions\":3,"
                + "\"solvedThreadViews\":1350,\"posts\":7}}]");
        JsonNode queue = api.get("/api/v1/metrics/community?groupBy=queue&" + window, lead).at("/rows");
        assertThat(queue.toString()).isEqualTo("[{\"key\":\"q-moderacion\",\"values\":{\"approvedSolutions\":3,"
                + "\"solvedThreadViews\":1350,\"posts\":7}}]");
        // Nothing before the fixture.
        assertThat(api.get("/api/v1/metrics/community?from=2026-11-01&to=2026-11-20", lead).at("/rows").size())
                .isZero();
    }

    @Test
    void moderationMetricsCountActionsByGroup() {
        String window = "from=2026-11-20&to=2026-11-22";
        JsonNode byAction = api.get("/api/v1/metrics/moderation?groupBy=action&" + window, lead).at("/rows");
        assertThat(byAction.size()).isEqualTo(3);
        assertThat(byAction.get(0).get("key").asText()).isEqualTo("accept_solution");
        assertThat(byAction.get(0).at("/values/total").asLong()).isEqualTo(3);
        assertThat(byAction.get(1).get("key").asText()).isEqualTo("approve");
        assertThat(byAction.get(1).at("/values/total").asLong()).isEqualTo(1);
        assertThat(byAction.get(2).get("key").asText()).isEqualTo("reject");
        JsonNode byAgent = api.get("/api/v1/metrics/moderation?groupBy=agent&" + window, lead).at("/rows");
        assertThat(byAgent.toString()).isEqualTo("[{\"key\":\"u-ana\",\"values\":{\"total\":2,\"approve\":1,"
                + "\"reject\":0,\"edit\":0,\"move\":0,\"spam\":0,\"accept_solution\":1}},{\"key\":\"u-lucia\","
                + "\"values\":{\"total\":3,\"approve\":0,\"reject\":1,\"edit\":0,\"move\":0,\"spam\":0,"
                + "\"accept_solution\":2}}]");
        JsonNode byBrand = api.get("/api/v1/metrics/moderation?groupBy=brand&" + window, lead).at("/rows");
        assertThat(byBrand.findValuesAsText("key")).containsExactly("jazztel", "orange");
        assertThat(byBrand.get(0).at("/values/total").asLong()).isEqualTo(1);
        assertThat(byBrand.get(1).at("/values/total").asLong()).isEqualTo(4);
        JsonNode byDay = api.get("/api/v1/metrics/moderation?groupBy=day&" + window, lead).at("/rows");
        assertThat(byDay.findValuesAsText("key")).containsExactly("2026-11-20", "2026-11-21");
        assertThat(byDay.get(0).at("/values/total").asLong()).isEqualTo(2);
        assertThat(byDay.get(1).at("/values/total").asLong()).isEqualTo(3);
        JsonNode byQueue = api.get("/api/v1/metrics/moderation?groupBy=queue&" + window, lead).at("/rows");
        assertThat(byQueue.get(0).get("key").asText()).isEqualTo("q-moderacion");
        assertThat(byQueue.get(0).at("/values/total").asLong()).isEqualTo(5);
        JsonNode byChannel = api.get("/api/v1/metrics/moderation?groupBy=channel&" + window, lead).at("/rows");
        assertThat(byChannel.get(0).get("key").asText()).isEqualTo("COMMUNITY");
    }

    @Test
    void rolesAndBadParametersAreRefused() {
        assertThat(api.get("/api/v1/community/leaderboard", ana).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/metrics/moderation", ana).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/metrics/community", ana).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/community/leaderboard", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/metrics/community", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/community/leaderboard?brand=vodafone", lead).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/community/leaderboard?period=decade", lead).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/community/leaderboard?limit=0", lead).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/moderation?groupBy=colour", lead).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/community?groupBy=action", lead).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/community?from=2026-11-22&to=2026-11-20", lead).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics/community?from=ayer", lead).status()).isEqualTo(400);
        // Levels are readable by everyone signed in.
        Reply levels = api.get("/api/v1/community/levels", ana);
        assertThat(levels.at("/levels").findValuesAsText("name"))
                .containsExactly("Novato", "Colaborador", "Experto", "Superusuario");
        assertThat(levels.at("/points/solution").asInt()).isEqualTo(10);
    }

    @Test
    void levelThresholdsComeFromTheReferenceFolder() throws IOException {
        Path dir = Files.createTempDirectory("faro-community-config");
        Files.writeString(dir.resolve("community.json"), "{\"points\":{\"solution\":5,\"kudo\":2},\"levels\":["
                + "{\"name\":\"Superusuario\",\"minPoints\":30},{\"name\":\"Novato\",\"minPoints\":0}]}");
        CommunityConfig config = CommunityConfig.load(dir);
        assertThat(config.points().solution()).isEqualTo(5);
        assertThat(config.level(29)).isEqualTo("Novato");
        assertThat(config.level(30)).isEqualTo("Superusuario");
        assertThat(CommunityConfig.load(null).level(100)).isEqualTo("Experto");
        Files.writeString(dir.resolve("community.json"), "{\"points\":{\"solution\":5,\"kudo\":2},\"levels\":["
                + "{\"name\":\"Experto\",\"minPoints\":10}]}");
        assertThatThrownBy(() -> CommunityConfig.load(dir)).hasMessageContaining("start at 0");
    }
}
