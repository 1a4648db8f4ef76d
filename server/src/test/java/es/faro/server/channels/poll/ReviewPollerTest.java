package es.faro.server.channels.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.MutableClock;
import es.faro.server.support.PgTestDatabase;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Google Play and App Store pollers against a local HTTP server playing the review APIs: pages
 * followed, credentials sent, reviews through the one ingest path, a repeated review ignored, an
 * edited one updated, and with two nodes on one PostgreSQL database each account polled once.
 */
class ReviewPollerTest {
    MockWebServer network;
    final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final AtomicReference<String> firstReviewText = new AtomicReference<>("La app no abre 😞");

    @BeforeEach
    void startNetwork() throws Exception {
        network = new MockWebServer();
        network.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                received.add(r);
                String path = r.getUrl().encodedPath();
                hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                String token = r.getUrl().queryParameter("token");
                String body;
                if (path.equals("/androidpublisher/v3/applications/com.orange.miorange/reviews")) {
                    body = token == null
                            ? "{\"reviews\":[" + gp("gp-p1", firstReviewText.get()) + "," + gp("gp-p2", "Muy lenta")
                            + "],\"tokenPagination\":{\"nextPageToken\":\"page/2\"}}"
                            : "{\"reviews\":[" + gp("gp-p3", "Не работает вход") + "]}";
                } else if (path.startsWith("/androidpublisher/v3/applications/")) {
                    body = "{\"reviews\":[]}";
                } else if (path.equals("/v1/apps/1100000002/customerReviews")) {
                    body = r.getUrl().queryParameter("cursor") == null
                            ? "{\"data\":[" + as("as-p1", 2, "Lenta") + "],\"links\":{\"next\":"
                            + "\"/v1/apps/1100000002/customerReviews?sort=-createdDate&cursor=Mg\"}}"
                            : "{\"data\":[" + as("as-p2", 5, "Perfecta 👍") + "],\"links\":{}}";
                } else {
                    return new MockResponse.Builder().code(404).body("{}").build();
                }
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(body).build();
            }
        });
        network.start();
    }

    @AfterEach
    void stopNetwork() throws Exception {
        network.close();
    }

    static String gp(String id, String text) {
        return "{\"reviewId\":\"" + id + "\",\"authorName\":\"Autor " + id + "\",\"comments\":[{\"userComment\":"
                + "{\"text\":\"" + text + "\",\"lastModified\":{\"seconds\":\"1732000000\",\"nanos\":0},"
                + "\"starRating\":1,\"reviewerLanguage\":\"es_ES\"}}]}";
    }

    static String as(String id, int rating, String title) {
        return "{\"type\":\"customerReviews\",\"id\":\"" + id + "\",\"attributes\":{\"rating\":" + rating
                + ",\"title\":\"" + title + "\",\"body\":\"Reseña\",\"reviewerNickname\":\"nick-" + id
                + "\",\"createdDate\":\"2026-11-20T09:15:00-08:00\",\"territory\":\"ESP\"}}";
    }

    static JsonNode messageOf(ApiClient api, String token, String channelMessageId) {
        for (JsonNode c : api.get("/api/v1/conversations?limit=500", token).at("/items")) {
            for (JsonNode m : api.get("/api/v1/conversations/" + c.get("id").asText() + "/messages", token).json()) {
                if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                    return m;
                }
            }
        }
        return null;
    }

    static Reply put(ApiClient api, String path, String token, Object body) {
        return api.call(api.builder(path, token, Map.of())
                .put(okhttp3.RequestBody.create(Json.writeBytes(body), ApiClient.JSON)).build());
    }

    @Test
    void accountsConfiguredByAnAdminArePolledOnTheirIntervalThroughTheIngestPath() {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer server = TestServer.start(Map.of("channels.poll.nap", "PT1H", "token.ttl", "P1D",
                "channels.app_store.secret", "test-app-store-secret"), clock)) {
            ApiClient api = server.client();
            String admin = api.login("admin");
            String lead = api.login("lucia");
            String base = network.url("/").toString();
            assertThat(put(api, "/api/v1/admin/accounts/google_play/com.orange.miorange", admin, Map.of(
                    "pollUrl", base, "pollCredentials", "gp-service-token-1234", "pollInterval", "PT5M")).status())
                    .isEqualTo(200);
            assertThat(put(api, "/api/v1/admin/accounts/app_store/1100000002", admin, Map.of(
                    "pollUrl", base, "pollCredentials", "asc-jwt-5678", "pollInterval", "PT10M")).status())
                    .isEqualTo(200);

            server.server().pollWorker().runDue();
            // Google Play: two pages, three reviews; App Store: two pages, two reviews; each through ingest.
            assertThat(messageOf(api, lead, "gp-p1").get("body").asText()).isEqualTo("La app no abre 😞");
            assertThat(messageOf(api, lead, "gp-p3").get("body").asText()).isEqualTo("Не работает вход");
            assertThat(messageOf(api, lead, "as-p2").get("body").asText()).startsWith("★★★★★ Perfecta 👍");
            JsonNode conv = api.get("/api/v1/conversations/" + messageOf(api, lead, "as-p1").get("conversationId")
                    .asText(), lead).json();
            assertThat(conv.get("brandId").asText()).isEqualTo("jazztel");
            assertThat(received).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization"))
                    .isIn("Bearer gp-service-token-1234", "Bearer asc-jwt-5678"));
            assertThat(hits.get("/androidpublisher/v3/applications/com.orange.miorange/reviews").get()).isEqualTo(2);
            assertThat(hits.get("/v1/apps/1100000002/customerReviews").get()).isEqualTo(2);

            // Not due again before the interval.
            server.server().pollWorker().runDue();
            assertThat(hits.get("/androidpublisher/v3/applications/com.orange.miorange/reviews").get()).isEqualTo(2);

            // Five minutes on: Google Play is polled again; the same reviews are ignored, the edited one updates.
            firstReviewText.set("Ya abre, gracias");
            clock.advance(Duration.ofMinutes(5));
            server.server().pollWorker().runDue();
            assertThat(hits.get("/androidpublisher/v3/applications/com.orange.miorange/reviews").get()).isEqualTo(4);
            assertThat(hits.get("/v1/apps/1100000002/customerReviews").get()).isEqualTo(2); // its interval is 10 min
            JsonNode edited = messageOf(api, lead, "gp-p1");
            assertThat(edited.get("body").asText()).isEqualTo("Ya abre, gracias");
            JsonNode thread = api.get("/api/v1/conversations/" + edited.get("conversationId").asText()
                    + "/messages", lead).json();
            assertThat(thread.size()).isEqualTo(1);
            long gpMessages = countWithPrefix(api, lead, "gp-p");
            assertThat(gpMessages).isEqualTo(3);
        }
    }

    static long countWithPrefix(ApiClient api, String token, String prefix) {
        long n = 0;
        for (JsonNode c : api.get("/api/v1/conversations?limit=500", token).at("/items")) {
            for (JsonNode m : api.get("/api/v1/conversations/" + c.get("id").asText() + "/messages", token).json()) {
                if (m.path("channelMessageId").asText().startsWith(prefix)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void withTwoNodesOnOneDatabaseEachAccountIsPolledOnce() throws Exception {
        try (PgTestDatabase db = PgTestDatabase.create()) {
            Map<String, String> common = Map.of("store.url", db.url(), "channels.poll.nap", "PT0.2S",
                    "channels.google_play.poll.url", network.url("/").toString(),
                    "channels.google_play.poll.interval", "PT1H",
                    "channels.google_play.poll.credentials", "shared-token-0000");
            java.util.HashMap<String, String> a = new java.util.HashMap<>(common);
            a.put("node.id", "node-a");
            java.util.HashMap<String, String> b = new java.util.HashMap<>(common);
            b.put("node.id", "node-b");
            try (TestServer nodeA = TestServer.start(a); TestServer nodeB = TestServer.start(b)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (hits.keySet().stream().filter(p -> p.startsWith("/androidpublisher/")).count() < 5
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(1500); // several more claim rounds on both nodes
                // Five brands, five packages: each polled once (Orange's two pages), not once per node.
                assertThat(hits.keySet().stream().filter(p -> p.startsWith("/androidpublisher/")).count())
                        .isEqualTo(5);
                assertThat(hits.get("/androidpublisher/v3/applications/com.orange.miorange/reviews").get())
                        .isEqualTo(2);
                hits.forEach((path, n) -> {
                    if (!path.endsWith("com.orange.miorange/reviews")) {
                        assertThat(n.get()).as(path).isEqualTo(1);
                    }
                });
                String lead = nodeB.client().login("lucia");
                assertThat(countWithPrefix(nodeB.client(), lead, "gp-p")).isEqualTo(3);
            }
        }
    }
}
