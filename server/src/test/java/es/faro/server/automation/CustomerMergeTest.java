package es.faro.server.automation;

import static es.faro.server.automation.AutomationFixtures.tweet;
import static es.faro.server.support.Payloads.ORANGE_PAGE;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Customer profiles across channels: merge, undo, events, scoping and roles, on both stores. */
class CustomerMergeTest {

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void agentsMergeTwoIdentitiesIntoOneHistoryAndUndoIt(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String ana = api.login("ana");
            String onX = tweet(api, ORANGE_X, "laura-x", "Sin fibra en Getafe", 12);
            byte[] fb = Payloads.facebookMessage(ORANGE_PAGE, "mid-" + UUID.randomUUID(), "laura-fb",
                    "Os escribo por aquí también", false);
            assertThat(api.post("/api/v1/channels/facebook/webhook", null, fb, Payloads.metaSignature(fb)).status())
                    .isEqualTo(200);
            String xCustomer = api.get("/api/v1/conversations/" + onX, ana).at("/customerId").asText();
            String fbCustomer = null;
            for (JsonNode item : api.get("/api/v1/conversations?channel=facebook&limit=50", ana).at("/items")) {
                fbCustomer = item.path("customerId").asText();
            }
            assertThat(fbCustomer).isNotNull();
            long cursor = api.get("/api/v1/changes?after=0&limit=5000", ana).at("/last").asLong();

            Reply alone = api.get("/api/v1/customers/" + xCustomer, ana);
            assertThat(alone.status()).isEqualTo(200);
            assertThat(alone.at("/identities").size()).isEqualTo(1);
            assertThat(alone.at("/conversations").size()).isEqualTo(1);
            assertThat(alone.at("/csat").isMissingNode() || alone.at("/csat").isNull()).as("no CSAT data yet").isTrue();

            Reply merged = api.post("/api/v1/customers/" + xCustomer + "/merge", ana, Map.of("with", fbCustomer));
            assertThat(merged.status()).as(merged.text()).isEqualTo(200);
            assertThat(merged.at("/profileId").asText()).isEqualTo(xCustomer);
            assertThat(channels(merged.at("/identities"))).containsExactlyInAnyOrder("TWITTER", "FACEBOOK");
            assertThat(merged.at("/conversations").size()).isEqualTo(2);
            assertThat(merged.at("/merges/0/undoneAt").isMissingNode()).isTrue();
            String mergeId = merged.at("/merges/0/id").asText();
            Reply fromOtherSide = api.get("/api/v1/customers/" + fbCustomer, ana);
            assertThat(fromOtherSide.at("/profileId").asText()).isEqualTo(xCustomer);
            assertThat(fromOtherSide.at("/conversations").size()).isEqualTo(2);
            assertThat(api.post("/api/v1/customers/" + fbCustomer + "/merge", ana, Map.of("with", xCustomer))
                    .status()).as("already one customer").isEqualTo(400);

            Reply undone = api.post("/api/v1/customers/merges/" + mergeId + "/undo", ana, Map.of());
            assertThat(undone.status()).isEqualTo(200);
            assertThat(undone.at("/identities").size()).isEqualTo(1);
            assertThat(undone.at("/merges/0/undoneAt").isMissingNode()).isFalse();
            assertThat(api.get("/api/v1/customers/" + fbCustomer, ana).at("/profileId").asText()).isEqualTo(fbCustomer);
            assertThat(api.post("/api/v1/customers/merges/" + mergeId + "/undo", ana, Map.of()).status())
                    .as("undone once").isEqualTo(409);

            List<String> types = new ArrayList<>();
            api.get("/api/v1/changes?after=" + cursor + "&limit=5000", ana).at("/events")
                    .forEach(e -> types.add(e.path("type").asText()));
            assertThat(types).containsExactly("customer.merged", "customer.unmerged");

            Reply found = api.get("/api/v1/customers?q=laura-f", ana);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.at("/0/id").asText()).isEqualTo(fbCustomer);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void mergesAreScopedAndValidated(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String ana = api.login("ana");
            String pablo = api.login("pablo");
            String datos = api.login("datos");
            String a = api.get("/api/v1/conversations/" + tweet(api, ORANGE_X, "Hola"), ana).at("/customerId").asText();
            String b = api.get("/api/v1/conversations/" + tweet(api, ORANGE_X, "Hola otra vez"), ana)
                    .at("/customerId").asText();
            assertThat(api.get("/api/v1/customers/" + a, null).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/customers/" + a, pablo).status()).as("not his brands").isEqualTo(404);
            assertThat(api.get("/api/v1/customers/" + a, datos).status()).as("analysts read").isEqualTo(200);
            assertThat(api.post("/api/v1/customers/" + a + "/merge", datos, Map.of("with", b)).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/customers/" + a + "/merge", pablo, Map.of("with", b)).status()).isEqualTo(404);
            assertThat(api.post("/api/v1/customers/" + a + "/merge", ana, Map.of("with", "cu-nope")).status())
                    .isEqualTo(404);
            assertThat(api.post("/api/v1/customers/" + a + "/merge", ana, Map.of()).status()).isEqualTo(400);
            assertThat(api.post("/api/v1/customers/" + a + "/merge", ana, "[").status()).isEqualTo(400);
            assertThat(api.post("/api/v1/customers/merges/mg-nope/undo", ana, Map.of()).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/customers?q=", ana).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/customers/" + a, ana).at("/identities").size()).as("nothing changed")
                    .isEqualTo(1);
        }
    }

    private static List<String> channels(JsonNode identities) {
        List<String> result = new ArrayList<>();
        identities.forEach(i -> result.add(i.path("channel").asText()));
        return result;
    }
}
