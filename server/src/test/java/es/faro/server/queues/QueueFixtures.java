package es.faro.server.queues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Conversations in through the real webhook, users through the admin API. */
final class QueueFixtures {
    static final AtomicInteger IDS = new AtomicInteger();

    private QueueFixtures() {
    }

    /** Ingests a tweet to the account and returns its conversation as an admin sees it. */
    static JsonNode ingest(ApiClient api, String adminToken, String account) {
        String n = "q" + IDS.incrementAndGet() + "-" + System.nanoTime();
        byte[] body = Payloads.tweets(account, Payloads.tweet("tw-" + n, "user-" + n, "Ayuda " + n, null));
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        assertThat(r.status()).isEqualTo(200);
        JsonNode conv = api.get("/api/v1/conversations?limit=1", adminToken).at("/items/0");
        assertThat(conv.get("snippet").asText()).isEqualTo("Ayuda " + n);
        return conv;
    }

    /** Creates an agent through the admin API and returns its login token. */
    static String agent(ApiClient api, String adminToken, String username, List<String> brands, int capacity) {
        Reply r = api.post("/api/v1/admin/users", adminToken, Map.of("username", username, "name", "Agente " + username,
                "roles", Set.of("AGENT"), "brands", brands, "languages", List.of("es"), "capacity", capacity,
                "password", "contraseña-larga"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Reply login = api.post("/api/v1/auth/login", null, Map.of("username", username, "password", "contraseña-larga"));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return login.at("/token").asText();
    }
}
