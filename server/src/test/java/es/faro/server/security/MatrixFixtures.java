package es.faro.server.security;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.server.community.CommunityPayloads;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Fresh resources for the role matrix, made by an admin or a lead through the API, so that every case
 * (one endpoint, one caller) works on something of its own and the cases do not depend on each other.
 */
final class MatrixFixtures {
    private static final AtomicInteger IDS = new AtomicInteger();
    private final ApiClient api;
    private final String admin;
    private final String lead;

    MatrixFixtures(ApiClient api, String admin, String lead) {
        this.api = api;
        this.admin = admin;
        this.lead = lead;
    }

    static String unique(String prefix) {
        return prefix + IDS.incrementAndGet();
    }

    /** A fresh Orange conversation on X (visible to ana, not to pablo). */
    JsonNode conversation() {
        return conversationOn(ORANGE_X, "Matriz ");
    }

    JsonNode conversationOn(String account, String text) {
        String n = unique("rm");
        byte[] body = Payloads.tweets(account, Payloads.tweet("tw-" + n, "user-" + n, text + n, null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        return latestWith(text + n);
    }

    /** A fresh Orange community topic with one reply (visible to ana, not to pablo). */
    JsonNode communityConversation() {
        String n = unique("rmk");
        byte[] body = CommunityPayloads.messages(
                CommunityPayloads.message(n + "-t", "m-" + n, "maria" + n, "fibra", "Tema " + n, "Sin fibra " + n, null,
                        1, 10, "2026-11-24T08:00:00Z"),
                CommunityPayloads.message(n + "-r", "p-" + n, "pepe" + n, "fibra", "Re", "Reinicia " + n, n + "-t", 3, 0,
                        "2026-11-24T08:05:00Z"));
        assertThat(CommunityPayloads.postCommunity(api, CommunityPayloads.ORANGE_COMMUNITY, body).status()).isEqualTo(200);
        for (JsonNode c : api.get("/api/v1/conversations?channel=community&limit=500", lead).at("/items")) {
            String id = c.get("id").asText();
            if (api.get("/api/v1/conversations/" + id + "/messages", lead).text().contains("Sin fibra " + n)) {
                return c;
            }
        }
        throw new AssertionError("community topic " + n + " not listed");
    }

    private JsonNode latestWith(String snippet) {
        for (JsonNode c : api.get("/api/v1/conversations?limit=50", lead).at("/items")) {
            if (c.path("snippet").asText().equals(snippet)) {
                return c;
            }
        }
        throw new AssertionError("no conversation with " + snippet);
    }

    /** A fresh conversation with a reply from the lead: [conversation id, reply message id]. */
    String[] conversationWithReply() {
        JsonNode c = conversation();
        String id = c.get("id").asText();
        Reply r = api.post("/api/v1/conversations/" + id + "/messages", lead, Map.of("kind", "reply", "body", "Hola"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new String[] {id, r.at("/message/id").asText()};
    }

    /** A fresh Orange forum topic with the lead's reply prepared for posting by hand: [conversation, message]. */
    String[] preparedForumReply() {
        String entry = "https://foros.example.com/t/" + unique("rmf");
        byte[] feed = CommunityPayloads.atom("Foro", CommunityPayloads.atomEntry(entry, unique("forero"), "Portabilidad",
                "<p>Portabilidad " + entry + "</p>", "2026-11-24T10:00:00Z", null));
        assertThat(CommunityPayloads.postForum(api, CommunityPayloads.ORANGE_FEED, feed).status()).isEqualTo(200);
        String conversation = null;
        for (JsonNode c : api.get("/api/v1/conversations?channel=forum&limit=500", lead).at("/items")) {
            if (api.get("/api/v1/conversations/" + c.get("id").asText() + "/messages", lead).text().contains(entry)) {
                conversation = c.get("id").asText();
            }
        }
        assertThat(conversation).as("forum topic " + entry).isNotNull();
        Reply r = api.post("/api/v1/conversations/" + conversation + "/messages", lead,
                Map.of("kind", "reply", "body", "Te lo explicamos aquí"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String message = r.at("/message/id").asText();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode m : api.get("/api/v1/conversations/" + conversation + "/messages", lead).json()) {
                if (m.get("id").asText().equals(message) && "PREPARED".equals(m.path("delivery").asText())) {
                    return new String[] {conversation, message};
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the forum reply was never prepared");
    }

    long version(String conversation) {
        return api.get("/api/v1/conversations/" + conversation, lead).at("/version").asLong();
    }

    String customerOf(JsonNode conversation) {
        return conversation.get("customerId").asText();
    }

    /** Merges two fresh Orange customers; returns the merge id. */
    String merge() {
        String into = customerOf(conversation());
        String from = customerOf(conversation());
        Reply r = api.post("/api/v1/customers/" + into + "/merge", lead, Map.of("with", from));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String id = r.at("/merges/0/id").asText();
        assertThat(id).as(r.text()).startsWith("mg-");
        return id;
    }

    String queue() {
        return created("/api/v1/workqueues", Map.of("name", unique("Cola "), "channels", List.of("FACEBOOK"),
                "priorities", List.of("P1"), "position", 70));
    }

    Map<String, Object> queueBody() {
        return Map.of("name", unique("Cola "), "channels", List.of("FACEBOOK"), "priorities", List.of("P1"),
                "position", 71);
    }

    Map<String, Object> userBody() {
        String name = unique("rm-agente");
        return Map.of("username", name, "name", "Agente " + name, "roles", List.of("AGENT"), "brands", List.of("orange"),
                "languages", List.of("es"), "capacity", 3, "password", "contraseña-larga");
    }

    String user() {
        return created("/api/v1/admin/users", userBody());
    }

    Map<String, Object> teamBody() {
        return Map.of("name", unique("Turno "), "leadId", "u-lucia", "members", List.of("u-ana"));
    }

    String team() {
        return created("/api/v1/admin/teams", teamBody());
    }

    /** A shared Orange canned response (leads and admins manage it; agents of Orange use it). */
    Map<String, Object> cannedBody() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ownerId", null);
        m.put("brandId", "orange");
        m.put("language", "es");
        m.put("folder", "Matriz");
        m.put("title", unique("Matriz "));
        m.put("shortcut", unique("rm"));
        m.put("body", "Hola {{customer.name}}");
        m.put("labels", List.of());
        return m;
    }

    String canned() {
        return created("/api/v1/canned-responses", cannedBody());
    }

    JsonNode ruleBody() {
        ObjectNode copy = api.get("/api/v1/admin/rules", admin).json().get(0).deepCopy();
        copy.remove("id");
        copy.remove("position");
        copy.put("name", unique("Regla "));
        copy.put("enabled", false);
        return copy;
    }

    String rule() {
        return created("/api/v1/admin/rules", ruleBody());
    }

    String apiToken() {
        return created("/api/v1/admin/api-tokens", Map.of("name", unique("BI "), "agentId", "u-datos"));
    }

    Map<String, Object> accountBody() {
        return Map.of("brandId", "orange", "channel", "TWITTER", "accountId", unique("99"), "handle", unique("@rm"));
    }

    String admin() {
        return admin;
    }

    private String created(String path, Object body) {
        Reply r = api.post(path, admin, body);
        assertThat(r.status()).as(path + " " + r.text()).isEqualTo(201);
        return r.at("/id").asText();
    }

    Reply put(String path, String token, Object body) {
        byte[] bytes = body instanceof byte[] b ? b : es.faro.protocol.json.Json.writeBytes(body);
        return api.call(api.builder(path, token, Map.of()).put(RequestBody.create(bytes, ApiClient.JSON)).build());
    }

    Reply delete(String path, String token) {
        return api.call(api.builder(path, token, Map.of()).delete().build());
    }

    Reply post(String path, String token, Object body) {
        return api.post(path, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    Reply postEmpty(String path, String token) {
        return api.call(api.builder(path, token, Map.of()).post(RequestBody.create(new byte[0],
                MediaType.get("application/json"))).build());
    }

    /** Opens the event stream and closes it at once: the status is the answer (the body never ends). */
    Reply openEvents(String token) {
        Request request = api.builder("/api/v1/events?after=0", token, Map.of("Accept", "text/event-stream")).get().build();
        try (Response r = api.http().newCall(request).execute()) {
            if (r.header("Content-Type", "").startsWith("text/event-stream")) {
                return new Reply(r.code(), "", com.fasterxml.jackson.databind.node.MissingNode.getInstance(), r.headers());
            }
            String text = r.body().string();
            return new Reply(r.code(), text, es.faro.protocol.json.Json.read(text, JsonNode.class), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
