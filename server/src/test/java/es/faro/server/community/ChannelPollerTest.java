package es.faro.server.community;

import static es.faro.server.community.CommunityPayloads.ORANGE_COMMUNITY;
import static es.faro.server.community.CommunityPayloads.ORANGE_FEED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import es.faro.server.support.ApiClient;
import es.faro.server.support.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The community API and a forum feed served by a local HTTP server, polled by a real Faro server. */
class ChannelPollerTest {
    HttpServer network;
    final AtomicReference<byte[]> community = new AtomicReference<>();
    final AtomicReference<byte[]> feed = new AtomicReference<>();
    final AtomicInteger communityHits = new AtomicInteger();
    final AtomicInteger feedHits = new AtomicInteger();

    @BeforeEach
    void startNetwork() throws IOException {
        network = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        network.createContext("/api/2.0/messages", ex -> {
            communityHits.incrementAndGet();
            serve(ex, community.get(), "application/json");
        });
        network.createContext("/feed.atom", ex -> {
            feedHits.incrementAndGet();
            serve(ex, feed.get(), "application/atom+xml");
        });
        network.start();
    }

    private static void serve(com.sun.net.httpserver.HttpExchange ex, byte[] body, String type) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stopNetwork() {
        network.stop(0);
    }

    @Test
    void pollsBothAccountsAndIgnoresItemsItAlreadyHas() throws Exception {
        community.set(CommunityPayloads.messages(CommunityPayloads.message("p-1", "m-900", "rosa", "fibra", "Sin ADSL",
                "No tengo ADSL", null, 1, 10, "2026-11-24T10:00:00Z")));
        feed.set(CommunityPayloads.atom("Foro", CommunityPayloads.atomEntry("feed-1", "Iker", "Cobertura",
                "Sin cobertura 4G", "2026-11-24T10:00:00Z", null)));
        String base = "http://127.0.0.1:" + network.getAddress().getPort();
        Map<String, String> extra = new HashMap<>(CommunityPayloads.secrets());
        extra.put("channels.community.poll", ORANGE_COMMUNITY + " " + base + "/api/2.0/messages PT0.2S");
        extra.put("channels.forum.poll", ORANGE_FEED + " " + base + "/feed.atom PT0.2S");
        try (TestServer server = TestServer.start(extra)) {
            ApiClient api = server.client();
            String lead = api.login("lucia");
            awaitCount(api, lead, "community", 1, communityHits);
            awaitCount(api, lead, "forum", 1, feedHits);
            // A new reply shows up on the next poll; the topic seen again is not stored twice.
            community.set(CommunityPayloads.messages(
                    CommunityPayloads.message("p-1", "m-900", "rosa", "fibra", "Sin ADSL", "No tengo ADSL", null, 2, 15,
                            "2026-11-24T10:00:00Z"),
                    CommunityPayloads.message("p-2", "m-901", "tomas", "fibra", "Re: Sin ADSL", "Revisa el splitter",
                            "p-1", 0, 0, "2026-11-24T10:10:00Z")));
            int hits = communityHits.get();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            JsonNode conv = null;
            while (Instant.now().isBefore(deadline)) {
                conv = api.get("/api/v1/conversations?channel=community", lead).at("/items/0");
                if (conv.path("messageCount").asInt() == 2 && communityHits.get() > hits + 2) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(conv.path("messageCount").asInt()).isEqualTo(2);
            assertThat(api.get("/api/v1/conversations?channel=community", lead).at("/items").size()).isEqualTo(1);
            JsonNode topic = api.get("/api/v1/conversations/" + conv.get("id").asText() + "/community", lead)
                    .at("/posts/0");
            assertThat(topic.get("views").asLong()).isEqualTo(15);
            assertThat(api.get("/api/v1/conversations?channel=forum", lead).at("/items").size()).isEqualTo(1);
        }
    }

    private static void awaitCount(ApiClient api, String token, String channel, int expected, AtomicInteger hits)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (api.get("/api/v1/conversations?channel=" + channel, token).at("/items").size() == expected
                    && hits.get() >= 3) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(api.get("/api/v1/conversations?channel=" + channel, token).at("/items").size()).isEqualTo(expected);
        assertThat(hits.get()).isGreaterThanOrEqualTo(3);
    }
}
