package es.faro.server.channels.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messenger DMs arrive without a name; the server asks Meta's profile API once per customer (on a
 * local MockWebServer playing Graph) and names the customer, their conversation and messages, each
 * an event. A refusal leaves the customer unnamed and is not asked again; a transient failure is.
 */
class ProfileLookupTest {
    final MockWebServer graph = new MockWebServer();
    final List<RecordedRequest> asked = new CopyOnWriteArrayList<>();
    final Map<String, String> names = new ConcurrentHashMap<>();
    final AtomicInteger unavailableFirst = new AtomicInteger();
    /** Graph drops the connection after its next answer without saying so (as a server's idle timeout does). */
    final java.util.concurrent.atomic.AtomicBoolean dropAfterNext = new java.util.concurrent.atomic.AtomicBoolean();
    TestServer server;
    ApiClient api;
    String lead;

    @BeforeEach
    void start() throws IOException {
        graph.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                asked.add(r);
                if (unavailableFirst.getAndDecrement() > 0) {
                    return json(503, Map.of("error", Map.of("message", "Service temporarily unavailable")));
                }
                String psid = r.getUrl().encodedPath().substring(1);
                String name = names.get(psid);
                if (name == null) {
                    return json(400, Map.of("error", Map.of("message", "Unsupported get request.", "code", 100)));
                }
                int space = name.indexOf(' ');
                MockResponse ok = json(200, Map.of("first_name", name.substring(0, space), "last_name",
                        name.substring(space + 1), "id", psid));
                return dropAfterNext.getAndSet(false)
                        ? ok.newBuilder().onResponseEnd(new mockwebserver3.SocketEffect.CloseSocket()).build() : ok;
            }
        });
        graph.start();
        String url = graph.url("/").toString();
        server = TestServer.start(Map.of("delivery.facebook.url", url.substring(0, url.length() - 1),
                "delivery.facebook.token", "page-token-123", "channels.profile.nap", "PT0.1S",
                "channels.profile.lease", "PT1S"));
        api = server.client();
        lead = api.login("lucia");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        graph.close();
    }

    @Test
    void aMessengerCustomerIsNamedOnceWithTheirConversationAndMessages() throws Exception {
        names.put("psid-marta", "Marta López Ruiz");
        long cursor = api.get("/api/v1/changes?after=0&limit=5000", lead).at("/last").asLong();
        messenger("psid-marta", "Hola, no tengo fibra desde ayer");
        messenger("psid-marta", "¿Me podéis ayudar?");

        JsonNode conv = await(() -> conversationOf("psid-marta"), c -> "Marta López Ruiz".equals(c.path("customerName").asText()));
        JsonNode thread = api.get("/api/v1/conversations/" + conv.path("id").asText() + "/messages", lead).json();
        assertThat(thread).hasSize(2).allSatisfy(m -> assertThat(m.path("authorName").asText()).isEqualTo("Marta López Ruiz"));
        assertThat(asked).hasSize(1);
        RecordedRequest request = asked.get(0);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/psid-marta");
        assertThat(request.getUrl().queryParameter("fields")).isEqualTo("first_name,last_name");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer page-token-123");

        // Every client follows: the renamed conversation and messages are events.
        List<String> renamed = new ArrayList<>();
        api.get("/api/v1/changes?after=" + cursor + "&limit=5000", lead).at("/events").forEach(e -> {
            if ("Marta López Ruiz".equals(e.at("/data/customerName").asText())
                    || "Marta López Ruiz".equals(e.at("/data/authorName").asText())) {
                renamed.add(e.path("type").asText());
            }
        });
        assertThat(renamed).contains("conversation.updated", "message.upserted");

        // A later message needs no new lookup and is signed with the name at once.
        messenger("psid-marta", "Ya funciona, gracias");
        Thread.sleep(500);
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRefusedLookupLeavesTheCustomerUnnamedAndIsNotRepeated() throws Exception {
        messenger("psid-unknown", "Hola");
        await(() -> asked.size(), n -> n == 1);
        messenger("psid-unknown", "¿Hola?");
        Thread.sleep(800);
        assertThat(asked).hasSize(1);
        assertThat(conversationOf("psid-unknown").path("customerName").isNull()
                || conversationOf("psid-unknown").path("customerName").isMissingNode()).isTrue();
    }

    @Test
    void aTransientFailureIsRetriedAfterTheLease() throws Exception {
        names.put("psid-pedro", "Pedro Sanz");
        unavailableFirst.set(1);
        messenger("psid-pedro", "Buenas");
        await(() -> conversationOf("psid-pedro"), c -> "Pedro Sanz".equals(c.path("customerName").asText()));
        assertThat(asked).hasSize(2);
    }

    @Test
    void aConnectionTheNetworkClosedWhileIdleIsReplacedAtOnce() throws Exception {
        // A long lease: a lookup that failed on the stale connection would only be retried a minute later.
        server.close();
        String url = graph.url("/").toString();
        server = TestServer.start(Map.of("delivery.facebook.url", url.substring(0, url.length() - 1),
                "delivery.facebook.token", "page-token-123", "channels.profile.nap", "PT0.1S",
                "channels.profile.lease", "PT60S"));
        api = server.client();
        lead = api.login("lucia");
        names.put("psid-ana", "Ana Gil");
        names.put("psid-luis", "Luis Mora");
        dropAfterNext.set(true);
        messenger("psid-ana", "Hola");
        await(() -> conversationOf("psid-ana"), c -> "Ana Gil".equals(c.path("customerName").asText()));

        messenger("psid-luis", "Buenas tardes");
        await(() -> conversationOf("psid-luis"), c -> "Luis Mora".equals(c.path("customerName").asText()));
        assertThat(asked).hasSize(2);
    }

    private void messenger(String psid, String text) {
        byte[] body = Payloads.facebookMessage(Payloads.ORANGE_PAGE, "mid-" + UUID.randomUUID(), psid, text, false);
        assertThat(api.post("/api/v1/channels/facebook/webhook", null, body, Payloads.metaSignature(body)).status())
                .isEqualTo(200);
    }

    /** The conversation of the Messenger customer {@code psid} (empty while there is none). */
    private JsonNode conversationOf(String psid) {
        for (JsonNode c : api.get("/api/v1/conversations?limit=200", lead).at("/items")) {
            JsonNode profile = api.get("/api/v1/customers/" + c.path("customerId").asText(), lead).json();
            for (JsonNode identity : profile.path("identities")) {
                if (identity.path("channelUserId").asText().equals(psid)) {
                    return c;
                }
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still " + last);
            }
            Thread.sleep(50);
            last = read.get();
        }
        return last;
    }

    private static MockResponse json(int code, Object body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(Json.write(body)).build();
    }
}
