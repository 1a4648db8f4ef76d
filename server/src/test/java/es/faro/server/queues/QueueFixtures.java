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
        // Conversations created at the same instant (an injected clock) tie on created_at: find it by its text.
        for (JsonNode conv : api.get("/api/v1/conversations?limit=50", adminToken).at("/items")) {
            if (conv.get("snippet").asText().equals("Ayuda " + n)) {
                return conv;
            }
        }
        throw new AssertionError("the conversation of tweet " + n + " is not listed");
    }

    static Reply put(ApiClient api, String path, String token, Object body) {
        return api.call(api.builder(path, token, Map.of())
                .put(okhttp3.RequestBody.create(es.faro.protocol.json.Json.writeBytes(body), ApiClient.JSON)).build());
    }

    static Reply delete(ApiClient api, String path, String token) {
        return api.call(api.builder(path, token, Map.of()).delete().build());
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
