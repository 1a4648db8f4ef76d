package es.faro.server.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.model.Channel;
import es.faro.server.csat.SurveyService;
import es.faro.server.support.ApiClient;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo's customers answer some surveys, by DM and through the link, over the real HTTP doors. */
class DemoSurveyResponderTest {

    @Test
    void ratingsAreSkewedLikeRealSurveys() {
        long satisfied = IntStream.range(0, 100).map(DemoSurveyResponder::rating).filter(r -> r >= 4).count();
        assertThat(satisfied).isEqualTo(67);
        assertThat(IntStream.range(0, 100).map(DemoSurveyResponder::rating).min().orElseThrow()).isEqualTo(1);
    }

    @Test
    void someSimulatedCustomersAnswerAndTheAnswersAttach() throws Exception {
        try (TestServer server = TestServer.start(Map.of("csat.delay", "PT0S"));
             DemoSurveyResponder responder = new DemoSurveyResponder(server.server().baseUri(),
                     Map.of(Channel.TWITTER, TestServer.TWITTER_SECRET), 7, Duration.ofMillis(1500))) {
            server.server().surveys().addSentListener(responder);
            ApiClient api = server.client();
            String lead = api.login("lucia");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                byte[] body = i % 2 == 0 ? Payloads.directMessage(Payloads.ORANGE_X, "dms-" + i, "dsu-" + i, "Hola")
                        : Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("tws-" + i, "dsu-" + i, "Hola", null));
                assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body))
                        .status()).isEqualTo(200);
            }
            for (JsonNode c : api.get("/api/v1/conversations?limit=100", lead).at("/items")) {
                String id = c.get("id").asText();
                ids.add(id);
                api.post("/api/v1/conversations/" + id + "/status", lead, Map.of("status", "RESOLVED",
                        "version", c.get("version").asLong()));
            }
            assertThat(ids).hasSize(12);
            server.server().csatWorker().runDue();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (answered(server, ids) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2500); // every scheduled answer (at most 1.5 s later) has arrived
            int answered = answered(server, ids);
            assertThat(answered).isBetween(1, 11); // some, not all
            for (String id : ids) {
                for (SurveyService.Survey s : server.server().surveys().ofConversation(id)) {
                    if (s.rating() != null) {
                        assertThat(s.rating()).isBetween(1, 5);
                        // The answer is the last message of its conversation, flagged as a survey answer.
                        JsonNode thread = api.get("/api/v1/conversations/" + id + "/messages", lead).json();
                        JsonNode last = thread.get(thread.size() - 1);
                        assertThat(last.get("kind").asText()).isEqualTo("IN");
                        assertThat(last.get("survey").asBoolean()).isTrue();
                    }
                }
            }
        }
    }

    private static int answered(TestServer server, List<String> ids) {
        int n = 0;
        for (String id : ids) {
            n += (int) server.server().surveys().ofConversation(id).stream().filter(s -> s.rating() != null).count();
        }
        return n;
    }
}
