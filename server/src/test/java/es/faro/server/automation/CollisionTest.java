package es.faro.server.automation;

import static es.faro.server.automation.AutomationFixtures.reply;
import static es.faro.server.automation.AutomationFixtures.tweet;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Collision and safety on replies: stale replies get 409 with what was missed; brand and length limits. */
class CollisionTest {

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aReplyAfterAnotherAgentsReplyIsRefusedWithTheNewMessagesUntilForced(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String conv = tweet(api, ORANGE_X, "No tengo fibra desde ayer");
            String ana = api.login("ana");
            String lucia = api.login("lucia");
            String seen = api.get("/api/v1/conversations/" + conv + "/messages", ana).at("/0/id").asText();

            Reply luciaReply = reply(api, lucia, conv, Map.of("kind", "reply", "body", "Lo miramos ya"));
            assertThat(luciaReply.status()).isEqualTo(201);

            Reply stale = reply(api, ana, conv, Map.of("kind", "reply", "body", "Hola, ¿me das tu DNI?",
                    "lastSeenMessageId", seen));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.errorCode()).isEqualTo("stale_reply");
            assertThat(stale.at("/newMessages").size()).isEqualTo(1);
            assertThat(stale.at("/newMessages/0/body").asText()).isEqualTo("Lo miramos ya");
            assertThat(stale.at("/newMessages/0/authorId").asText()).isEqualTo("u-lucia");
            assertThat(stale.at("/current/id").asText()).isEqualTo(conv);
            assertThat(api.get("/api/v1/conversations/" + conv + "/messages", ana).json().size())
                    .as("nothing written").isEqualTo(2);

            // A note never collides; a reply that saw lucia's message goes through; "send anyway" too.
            assertThat(reply(api, ana, conv, Map.of("kind", "note", "body", "ojo", "lastSeenMessageId", seen))
                    .status()).isEqualTo(201);
            String luciaId = luciaReply.at("/message/id").asText();
            assertThat(reply(api, ana, conv, Map.of("kind", "reply", "body", "Seguimos por DM",
                    "lastSeenMessageId", luciaId)).status()).isEqualTo(201);
            assertThat(reply(api, ana, conv, Map.of("kind", "reply", "body", "Enviado igualmente",
                    "lastSeenMessageId", seen, "force", true)).status()).isEqualTo(201);
            // Her own replies after the seen one do not count as a collision for lucia... but ana's do.
            Reply luciaStale = reply(api, lucia, conv, Map.of("kind", "reply", "body", "x",
                    "lastSeenMessageId", luciaId));
            assertThat(luciaStale.status()).isEqualTo(409);
            assertThat(luciaStale.at("/newMessages").size()).isEqualTo(3);

            Reply unknown = reply(api, ana, conv, Map.of("kind", "reply", "body", "x", "lastSeenMessageId", "m-nope"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.errorCode()).isEqualTo("validation_failed");
        }
    }

    @Test
    void repliesGoOutFromTheConversationsBrandAndRespectThePublicLengthLimit() {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String conv = tweet(api, ORANGE_X, "Hola");
            String ana = api.login("ana");
            Reply otherBrand = reply(api, ana, conv, Map.of("kind", "reply", "body", "Hola", "brandId", "jazztel"));
            assertThat(otherBrand.status()).isEqualTo(400);
            assertThat(otherBrand.at("/error/message").asText()).contains("orange");
            assertThat(reply(api, ana, conv, Map.of("kind", "reply", "body", "Hola", "brandId", "orange")).status())
                    .isEqualTo(201);
            Reply tooLong = reply(api, ana, conv, Map.of("kind", "reply", "body", "ñ".repeat(281), "public", true));
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.at("/error/message").asText()).contains("280");
            assertThat(reply(api, ana, conv, Map.of("kind", "reply", "body", "ñ".repeat(280), "public", true))
                    .status()).isEqualTo(201);
            assertThat(api.get("/api/v1/conversations/" + conv + "/messages", ana).json().size()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void presenceChangesArePublishedAsEventsAndRenewalsOnlyInTheSecondHalfOfTheLease(StoreBackend backend)
            throws Exception {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url(), "presence.ttl", "PT2S"))) {
            ApiClient api = server.client();
            String conv = tweet(api, ORANGE_X, "Hola");
            String ana = api.login("ana");
            long cursor = api.get("/api/v1/changes?after=0&limit=5000", ana).at("/last").asLong();
            String path = "/api/v1/conversations/" + conv + "/presence";
            api.post(path, ana, Map.of("viewing", true));
            api.post(path, ana, Map.of("viewing", true)); // renewal in the first half: nothing to announce
            api.post(path, ana, Map.of("viewing", true, "typing", true));
            List<JsonNode> events = presenceEvents(api, ana, cursor);
            assertThat(events).hasSize(2);
            assertThat(events.get(0).at("/data/conversationId").asText()).isEqualTo(conv);
            assertThat(events.get(1).at("/data/leases").size()).isEqualTo(2);

            Thread.sleep(1_200); // past half of the lease: a renewal extends and announces it
            api.post(path, ana, Map.of("viewing", true, "typing", true));
            assertThat(presenceEvents(api, ana, cursor)).hasSize(3);
            Thread.sleep(2_100);
            assertThat(api.get(path, ana).at("/leases").size()).as("expired by itself").isZero();

            String pablo = api.login("pablo");
            assertThat(presenceEvents(api, pablo, cursor)).as("pablo does not serve Orange").isEmpty();
        }
    }

    private static List<JsonNode> presenceEvents(ApiClient api, String token, long after) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/changes?after=" + after + "&limit=5000", token).at("/events")) {
            if (e.path("type").asText().equals("presence.updated")) {
                result.add(e);
            }
        }
        return result;
    }
}
