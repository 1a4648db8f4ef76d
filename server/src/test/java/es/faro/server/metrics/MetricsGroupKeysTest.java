package es.faro.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An analyst joins figures from different endpoints on the group key: the SLA report and the volume
 * name the same channel, day and "no assignee" group the same way (they used to differ).
 */
class MetricsGroupKeysTest {

    @Test
    void slaAndVolumeNameTheirGroupsAlike() {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String lead = api.login("lucia");
            byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet(UUID.randomUUID().toString(), "keys-1",
                    "No tengo fibra", null));
            assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body))
                    .status()).isEqualTo(200);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Madrid"));
            String window = "from=" + today + "&to=" + today.plusDays(1);

            for (String groupBy : List.of("channel", "agent", "day", "brand", "queue")) {
                List<String> sla = keys(api.get("/api/v1/metrics/sla?" + window + "&groupBy=" + groupBy, lead)
                        .at("/rows"));
                List<String> volume = keys(api.get("/api/v1/metrics/volume?" + window + "&groupBy=" + groupBy, lead)
                        .at("/rows"));
                assertThat(sla).as(groupBy).isNotEmpty().isEqualTo(volume);
            }
            assertThat(keys(api.get("/api/v1/metrics/sla?" + window + "&groupBy=channel", lead).at("/rows")))
                    .containsExactly("TWITTER");
            assertThat(keys(api.get("/api/v1/metrics/sla?" + window + "&groupBy=agent", lead).at("/rows")))
                    .containsExactly(es.faro.protocol.metrics.GroupKeys.NONE);
            assertThat(keys(api.get("/api/v1/metrics/sla?" + window + "&groupBy=day", lead).at("/rows")))
                    .containsExactly(today.toString());
        }
    }

    private static List<String> keys(JsonNode rows) {
        List<String> keys = new ArrayList<>();
        rows.forEach(r -> keys.add(r.path("key").asText()));
        return keys;
    }
}
