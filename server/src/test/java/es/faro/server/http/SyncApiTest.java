package es.faro.server.http;

import static es.faro.server.support.Payloads.AMENA_X;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bootstrap pages and catch-up by cursor, with scoping. */
class SyncApiTest {
    static final int ORANGE = 520;
    static final int AMENA = 30;
    static TestServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("limits.body.bytes", "4194304"));
        api = server.client();
        ingest(ORANGE_X, "o", ORANGE);
        ingest(AMENA_X, "a", AMENA);
    }

    static void ingest(String account, String prefix, int count) {
        List<Map<String, Object>> tweets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tweets.add(Payloads.tweet(prefix + "-tw-" + i, prefix + "-user-" + i, "Mensaje " + prefix + i, null));
        }
        byte[] body = Payloads.tweets(account, tweets);
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        assertThat(r.at("/accepted").asInt()).isEqualTo(count);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Snapshot(List<JsonNode> pages, Set<String> conversationIds, Set<String> brands, int messages) {
    }

    static Snapshot bootstrap(String token) {
        List<JsonNode> pages = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> brands = new HashSet<>();
        int messages = 0;
        String page = null;
        do {
            Reply r = api.get("/api/v1/bootstrap" + (page == null ? "" : "?page=" + page), token);
            assertThat(r.status()).isEqualTo(200);
            pages.add(r.json());
            for (JsonNode c : r.at("/conversations")) {
                assertThat(ids.add(c.get("id").asText())).as("no conversation on two pages").isTrue();
                brands.add(c.get("brandId").asText());
            }
            messages += r.at("/messages").size();
            JsonNode next = r.at("/next");
            page = next.isMissingNode() || next.isNull() ? null : next.asText();
        } while (page != null && pages.size() < 10);
        return new Snapshot(pages, ids, brands, messages);
    }

    @Test
    void bootstrapPagesCarryOneCursorAndReferenceOnlyFirst() {
        String lucia = api.login("lucia");
        Snapshot s = bootstrap(lucia);
        assertThat(s.pages()).hasSize(2);
        assertThat(s.conversationIds()).hasSize(ORANGE + AMENA);
        assertThat(s.messages()).isEqualTo(ORANGE + AMENA);
        JsonNode first = s.pages().get(0);
        assertThat(first.at("/conversations").size()).isEqualTo(500);
        assertThat(first.at("/reference/brands").size()).isEqualTo(5);
        assertThat(first.at("/reference/agents").findValuesAsText("username")).contains("ana", "pablo");
        assertThat(first.at("/reference").toString()).doesNotContain("password", "faro-demo");
        assertThat(first.at("/reference/channels").size()).isEqualTo(7);
        assertThat(s.pages().get(1).at("/reference").isMissingNode()).isTrue();
        long cursor = first.at("/cursor").asLong();
        assertThat(cursor).isPositive();
        assertThat(s.pages().get(1).at("/cursor").asLong()).isEqualTo(cursor);
    }

    @Test
    void bootstrapCursorStaysFixedWhileTrafficArrives() {
        String lucia = api.login("lucia");
        Reply first = api.get("/api/v1/bootstrap", lucia);
        long cursor = first.at("/cursor").asLong();
        ingest(ORANGE_X, "late", 2);
        Reply second = api.get("/api/v1/bootstrap?page=" + first.at("/next").asText(), lucia);
        assertThat(second.at("/cursor").asLong()).isEqualTo(cursor);
        // Whatever arrived since the cursor is in the changes after it.
        Reply changes = api.get("/api/v1/changes?after=" + cursor, lucia);
        assertThat(changes.at("/events").findValuesAsText("type")).contains("message.upserted",
                "conversation.updated");
        assertThat(changes.at("/events").size()).isEqualTo(4);
    }

    @Test
    void agentBootstrapIsScoped() {
        Snapshot ana = bootstrap(api.login("ana"));
        assertThat(ana.brands()).containsOnly("orange");
        Snapshot pablo = bootstrap(api.login("pablo"));
        assertThat(pablo.brands()).containsOnly("amena");
        assertThat(pablo.conversationIds()).hasSize(AMENA);
        assertThat(pablo.pages()).hasSize(1);
    }

    @Test
    void badPageTokenIs400() {
        String lucia = api.login("lucia");
        assertThat(api.get("/api/v1/bootstrap?page=!!", lucia).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/bootstrap?page=bm9jb2xvbg", lucia).status()).isEqualTo(400);
    }

    @Test
    void changesAfterACursorAreInOrderAndScoped() {
        String lucia = api.login("lucia");
        // Signing in publishes agent.updated (presence): sign ana in before reading the cursor to compare with.
        String ana = api.login("ana");
        Reply all = api.get("/api/v1/changes?after=0&limit=5000", lucia);
        assertThat(all.status()).isEqualTo(200);
        List<Long> seqs = all.at("/events").findValues("seq").stream().map(JsonNode::asLong).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(all.at("/last").asLong()).isEqualTo(seqs.get(seqs.size() - 1));
        assertThat(all.at("/events/0/type").asText()).isEqualTo("reference.updated");

        Reply page = api.get("/api/v1/changes?after=" + seqs.get(9) + "&limit=3", lucia);
        assertThat(page.at("/events").findValues("seq").stream().map(JsonNode::asLong).toList())
                .containsExactly(seqs.get(10), seqs.get(11), seqs.get(12));
        assertThat(page.at("/last").asLong()).isEqualTo(seqs.get(12));

        Reply anaChanges = api.get("/api/v1/changes?after=0&limit=5000", ana);
        for (JsonNode e : anaChanges.at("/events")) {
            assertThat(e.at("/data/brandId").asText("orange")).isNotEqualTo("amena");
        }
        assertThat(anaChanges.at("/last").asLong()).isEqualTo(all.at("/last").asLong());

        Reply end = api.get("/api/v1/changes?after=" + all.at("/last").asLong(), lucia);
        assertThat(end.at("/events").size()).isZero();
        assertThat(end.at("/last").asLong()).isEqualTo(all.at("/last").asLong());

        assertThat(api.get("/api/v1/changes?limit=5001", lucia).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/changes?after=-1", lucia).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/changes?after=abc", lucia).errorCode()).isEqualTo("validation_failed");
    }
}
