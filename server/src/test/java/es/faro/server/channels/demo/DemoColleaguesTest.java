package es.faro.server.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo floor on a real server: with {@code demo.colleagues=true} the demo agents other than the
 * user at the workstation sign in and work their brands through the API — the customer gets a reply
 * signed by the colleague, the conversation is resolved later, and the lead's service level counts it.
 * The user's own brands are left to the user.
 */
class DemoColleaguesTest {
    TestServer server;
    ApiClient api;
    String lead;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("demo.colleagues", "true", "demo.colleagues.besides", "ana",
                "demo.colleagues.tick", "PT0.2S", "demo.colleagues.think.min", "PT0.5S",
                "demo.colleagues.think.max", "PT1S", "demo.colleagues.settle.min", "PT1S",
                "demo.colleagues.settle.max", "PT1.5S"));
        api = server.client();
        lead = api.login("lucia");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pabloAnswersAndResolvesHisBrandsWhileAnasAreLeftToHer() throws Exception {
        tweet(Payloads.AMENA_X, "amena-customer", "Llevo dos días sin datos móviles, ¿qué pasa?");
        tweet(Payloads.ORANGE_X, "orange-customer", "No me funciona la fibra desde ayer");
        JsonNode amena = await(() -> conversation("amena"), c -> "RESOLVED".equals(c.path("status").asText()));
        assertThat(amena.path("assigneeId").asText()).isEqualTo("u-pablo");

        JsonNode thread = api.get("/api/v1/conversations/" + amena.path("id").asText() + "/messages", lead).json();
        JsonNode reply = thread.get(1);
        assertThat(reply.path("kind").asText()).isEqualTo("OUT");
        assertThat(reply.path("authorId").asText()).isEqualTo("u-pablo");
        assertThat(reply.path("body").asText()).isNotBlank().hasSizeLessThanOrEqualTo(280);

        // The lead's figures count the colleague's reply: answered within target, by Pablo.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Madrid"));
        JsonNode byAgent = api.get("/api/v1/metrics/sla?from=" + today + "&to=" + today.plusDays(1) + "&groupBy=agent",
                lead).json();
        JsonNode pablo = null;
        for (JsonNode row : byAgent.path("rows")) {
            if (row.path("key").asText().equals("u-pablo")) {
                pablo = row;
            }
        }
        assertThat(pablo).as("a row for Pablo in %s", byAgent).isNotNull();
        assertThat(pablo.at("/serviceLevel/met").asInt()).isEqualTo(1);

        // Ana is the person at the workstation: nobody takes her Orange customer.
        JsonNode orange = conversation("orange");
        assertThat(orange.path("status").asText()).isEqualTo("NEW");
        assertThat(orange.path("assigneeId").isMissingNode() || orange.path("assigneeId").isNull()).isTrue();
    }

    private void tweet(String account, String user, String text) {
        byte[] body = Payloads.tweets(account, Payloads.tweet(UUID.randomUUID().toString(), user, text, null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
    }

    private JsonNode conversation(String brand) {
        JsonNode items = api.get("/api/v1/conversations?brand=" + brand + "&limit=10", lead).at("/items");
        return items.size() == 1 ? items.get(0) : es.faro.protocol.json.Json.MAPPER.createObjectNode();
    }

    private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still " + last);
            }
            Thread.sleep(100);
            last = read.get();
        }
        return last;
    }
}
