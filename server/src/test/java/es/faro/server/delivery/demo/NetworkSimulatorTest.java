package es.faro.server.delivery.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.server.embedded.EmbeddedServer;
import es.faro.server.support.ApiClient;
import es.faro.server.support.Payloads;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class NetworkSimulatorTest {

    private static Response post(OkHttpClient http, String url, String key, Object body) throws Exception {
        return http.newCall(new Request.Builder().url(url).header("Idempotency-Key", key)
                .post(RequestBody.create(Json.writeBytes(body), MediaType.get("application/json"))).build()).execute();
    }

    @Test
    void aFirstAttemptMayFailTransientlyAndTheRetryGetsOneIdForOneKey() throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (NetworkSimulator sim = NetworkSimulator.start(1.0, 1)) {
            String url = sim.baseUrl() + "/2/tweets";
            Map<String, Object> tweet = Map.of("text", "Hola", "reply", Map.of("in_reply_to_tweet_id", "1"));
            try (Response first = post(http, url, "k-1", tweet)) {
                assertThat(first.code()).isIn(429, 503);
            }
            String id;
            try (Response second = post(http, url, "k-1", tweet)) {
                assertThat(second.code()).isEqualTo(201);
                id = Json.MAPPER.readTree(second.body().string()).at("/data/id").asText();
            }
            try (Response again = post(http, url, "k-1", tweet)) {
                assertThat(Json.MAPPER.readTree(again.body().string()).at("/data/id").asText()).isEqualTo(id);
            }
            try (Response unknown = post(http, sim.baseUrl() + "/nowhere", "k-2", tweet)) {
                assertThat(unknown.code()).isIn(404, 429, 503);
            }
        }
    }

    @Test
    void inDemoModeARepliedTweetReachesTheSimulatorAndComesBackSent() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(new EmbeddedServer.Options(
                Files.createTempDirectory("faro-demo-delivery"), 0, false, 0))) {
            ApiClient api = new ApiClient(server.baseUri());
            String ana = api.login("ana");
            String text = "Sin línea " + UUID.randomUUID();
            byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("t-" + UUID.randomUUID(), "u-9", text, null));
            assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Map.of(Signatures.TWITTER_HEADER,
                    Signatures.base64Header("demo-twitter-secret", body))).status()).isEqualTo(200);
            String conv = api.get("/api/v1/conversations?limit=1", ana).at("/items/0/id").asText();
            ApiClient.Reply r = api.post("/api/v1/conversations/" + conv + "/messages", ana,
                    Map.of("kind", "reply", "body", "Lo revisamos"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(r.status()).isEqualTo(201);
            String id = r.at("/message/id").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            JsonNode sent = null;
            while (sent == null && System.nanoTime() < deadline) {
                for (JsonNode m : api.get("/api/v1/conversations/" + conv + "/messages", ana).json()) {
                    if (m.get("id").asText().equals(id) && m.get("delivery").asText().equals("SENT")) {
                        sent = m;
                    }
                }
                Thread.sleep(50);
            }
            assertThat(sent).as("the reply was delivered to the simulated X").isNotNull();
            assertThat(sent.get("channelMessageId").asText()).matches("\\d+");
        }
    }
}
