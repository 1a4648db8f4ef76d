package es.faro.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import java.util.Map;
import java.util.UUID;

/** Small helpers shared by the automation tests: inbound tweets through the signed webhook, replies. */
final class AutomationFixtures {
    private AutomationFixtures() {
    }

    /** Posts a tweet from {@code userId} to the brand account; returns the conversation id it landed in. */
    static String tweet(ApiClient api, String account, String userId, String text, int followers) {
        String n = UUID.randomUUID().toString();
        Map<String, Object> tweet = new java.util.LinkedHashMap<>(Payloads.tweet("tw-" + n, userId, text, null));
        tweet.put("user", Map.of("id_str", userId, "name", "Cliente " + userId, "screen_name", "cliente" + userId,
                "followers_count", followers));
        byte[] body = Payloads.tweets(account, tweet);
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String admin = api.login("admin");
        Reply list = api.get("/api/v1/conversations?limit=500", admin);
        for (var item : list.at("/items")) {
            if (item.path("customerHandle").asText().equals("cliente" + userId)
                    || item.path("customerName").asText().equals("Cliente " + userId)) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no conversation for " + userId + ": " + list.text());
    }

    static String tweet(ApiClient api, String account, String text) {
        return tweet(api, account, "user-" + UUID.randomUUID(), text, 12);
    }

    static Reply reply(ApiClient api, String token, String conversationId, Map<String, Object> body) {
        return api.post("/api/v1/conversations/" + conversationId + "/messages", token, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    static Reply conversation(ApiClient api, String token, String id) {
        return api.get("/api/v1/conversations/" + id, token);
    }
}
