package es.faro.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.server.community.CommunityPayloads;
import es.faro.server.support.ApiClient;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code /api/openapi.json} true: every route registered in Javalin is described (so a route
 * added without its description fails here), every described operation is called over real HTTP
 * by this test, and every real response (status and JSON body) matches the description.
 */
class OpenApiContractTest {
    static TestServer server;
    static ApiClient api;
    static final OpenApiDocument DOC = OpenApiDocument.load();
    static final List<String> called = new ArrayList<>();
    /** Operations called with a 2xx answer: each one's success body was validated, not only its refusals. */
    static final List<String> succeeded = new ArrayList<>();
    static final List<String> problems = new ArrayList<>();

    /** Facebook's API as a network that refuses every reply (a deleted post): replies there fail, to be retried. */
    static MockWebServer refusingFacebook;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path referenceDir;

    @BeforeAll
    static void start() throws IOException {
        refusingFacebook = new MockWebServer();
        refusingFacebook.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"The post has been deleted\",\"code\":100}}").build();
            }
        });
        refusingFacebook.start();
        // The bundled brands, except that República Móvil has no Instagram account yet (for one to be added).
        com.fasterxml.jackson.databind.node.ArrayNode brands = (com.fasterxml.jackson.databind.node.ArrayNode)
                Json.MAPPER.readTree(java.nio.file.Path.of("..", "config", "reference", "brands.json").toFile());
        for (JsonNode b : brands) {
            if (b.get("id").asText().equals("republica")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) b.get("accounts")).remove("INSTAGRAM");
            }
        }
        java.nio.file.Files.write(referenceDir.resolve("brands.json"), Json.writeBytes(brands));
        Map<String, String> config = new java.util.HashMap<>(CommunityPayloads.secrets());
        config.put("reference.dir", referenceDir.toString());
        String url = refusingFacebook.url("/").toString();
        config.put("delivery.facebook.url", url.substring(0, url.length() - 1));
        server = TestServer.start(config);
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
        refusingFacebook.close();
    }

    @Test
    void everyRouteIsDescribedAndEveryDescriptionIsARoute() {
        TreeSet<String> routes = new TreeSet<>(server.server().routes());
        TreeSet<String> described = new TreeSet<>(DOC.operations());
        TreeSet<String> undescribed = new TreeSet<>(routes);
        undescribed.removeAll(described);
        TreeSet<String> phantom = new TreeSet<>(described);
        phantom.removeAll(routes);
        assertThat(undescribed).as("routes missing from openapi.json").isEmpty();
        assertThat(phantom).as("described operations no route serves").isEmpty();
    }

    @Test
    void theServedDocumentIsTheResource() {
        ApiClient.Reply r = api.get("/api/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(DOC.root);
    }

    /** Calls a route and checks status and body against the description. */
    static JsonNode call(String method, String path, String token, Object body, int expected, Map<String, String> headers) {
        Request.Builder b = api.builder(path, token, headers);
        if (body != null) {
            byte[] bytes = body instanceof byte[] raw ? raw : Json.writeBytes(body);
            b.method(method, RequestBody.create(bytes, MediaType.get("application/json")));
        } else if (method.equals("POST") || method.equals("PUT")) {
            b.method(method, RequestBody.create(new byte[0], MediaType.get("application/json")));
        } else {
            b.method(method, null);
        }
        try (Response r = api.http().newCall(b.build()).execute()) {
            String concrete = URI.create(path).getPath();
            Optional<String> template = DOC.template(concrete);
            String where = method + " " + path + " → " + r.code();
            if (template.isEmpty()) {
                problems.add(where + ": no path in the description");
                return null;
            }
            called.add(method + " " + template.get());
            if (r.code() / 100 == 2) {
                succeeded.add(method + " " + template.get());
            }
            String type = r.header("Content-Type", "");
            boolean stream = type.startsWith("text/event-stream");
            String text = stream ? "" : r.body().string();
            if (r.code() != expected) {
                problems.add(where + ": expected " + expected + " " + text);
            }
            JsonNode response = DOC.response(template.get(), method, r.code());
            if (response.isMissingNode()) {
                problems.add(where + ": status not described");
                return null;
            }
            String mime = type.split(";")[0].trim();
            JsonNode content = response.path("content");
            if (content.isMissingNode() || content.isEmpty()) {
                return null;
            }
            if (!content.has(mime)) {
                problems.add(where + ": content type " + mime + " not described");
                return null;
            }
            if (mime.equals("application/json")) {
                List<String> errors = DOC.validate(content.path(mime).path("schema"), text);
                if (!errors.isEmpty()) {
                    problems.add(where + ": " + errors);
                }
                return Json.read(text, JsonNode.class);
            }
            return null;
        } catch (IOException e) {
            problems.add(method + " " + path + ": " + e);
            return null;
        }
    }

    static JsonNode call(String method, String path, String token, Object body, int expected) {
        return call(method, path, token, body, expected, Map.of());
    }

    /** A DM conversation resolved, surveyed and rated: its customer's profile carries CSAT; the surveys CSV. */
    private static void surveyedCustomer(String ana, String lead, String analyst) {
        byte[] dm = Payloads.directMessage(Payloads.ORANGE_X, "oa-dm-csat", "oa-u-csat", "No puedo pagar");
        call("POST", "/api/v1/channels/twitter/webhook", null, dm, 200, Payloads.twitterSignature(dm));
        String id = null;
        for (JsonNode c : api.get("/api/v1/conversations?limit=500", lead).at("/items")) {
            for (JsonNode m : api.get("/api/v1/conversations/" + c.get("id").asText() + "/messages", lead).json()) {
                if ("oa-dm-csat".equals(m.path("channelMessageId").asText())) {
                    id = c.get("id").asText();
                }
            }
        }
        assertThat(id).isNotNull();
        call("POST", "/api/v1/conversations/" + id + "/claim", ana, Map.of("version", version(id)), 200);
        call("POST", "/api/v1/conversations/" + id + "/status", ana, Map.of("status", "RESOLVED", "version",
                version(id)), 200);
        server.server().surveys().sendDue(id);
        byte[] answer = Payloads.directMessage(Payloads.ORANGE_X, "oa-dm-csat-2", "oa-u-csat", "4 bien");
        call("POST", "/api/v1/channels/twitter/webhook", null, answer, 200, Payloads.twitterSignature(answer));
        String customer = api.get("/api/v1/conversations/" + id, lead).at("/customerId").asText();
        JsonNode profile = call("GET", "/api/v1/customers/" + customer, ana, null, 200);
        assertThat(profile.at("/csat/sent").asInt()).isEqualTo(1);
        assertThat(profile.at("/csat/recent/0/rating").asInt()).isEqualTo(4);
        call("GET", "/api/v1/export/surveys.csv", analyst, null, 200);
        call("GET", "/api/v1/export/surveys.csv?from=x", lead, null, 400);
        call("GET", "/api/v1/export/surveys.csv", ana, null, 403);
    }

    /** A public conversation resolved: its survey goes out as a link, opened and answered without a token. */
    private static void surveyLink(String ana, String lead) {
        byte[] tweet = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("oa-link", "oa-u-link", "Sin fibra", null));
        call("POST", "/api/v1/channels/twitter/webhook", null, tweet, 200, Payloads.twitterSignature(tweet));
        String id = conversationWith(lead, "oa-link");
        call("POST", "/api/v1/conversations/" + id + "/claim", ana, Map.of("version", version(id)), 200);
        call("POST", "/api/v1/conversations/" + id + "/status", ana, Map.of("status", "RESOLVED", "version",
                version(id)), 200);
        server.server().surveys().sendDue(id);
        String token = null;
        for (JsonNode m : api.get("/api/v1/conversations/" + id + "/messages", lead).json()) {
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("/api/v1/surveys/([A-Za-z0-9_-]{20,})")
                    .matcher(m.path("body").asText());
            if (m.path("survey").asBoolean(false) && link.find()) {
                token = link.group(1);
            }
        }
        assertThat(token).as("the survey link of " + id).isNotNull();
        call("GET", "/api/v1/surveys/" + token, null, null, 200);
        call("POST", "/api/v1/surveys/" + token + "/response", null, Map.of("rating", 5, "comment", "Rápido"), 200);
        call("POST", "/api/v1/surveys/" + token + "/response", null, Map.of("rating", 4), 409);
    }

    /**
     * A Facebook reply the network refuses (FAILED) and its retry; a forum reply PREPARED by hand and
     * marked posted.
     */
    private static void failedAndPreparedReplies(String ana, String lead, String tweetConv) {
        byte[] comment = Payloads.facebookComment(Payloads.ORANGE_PAGE, "oa-fb-c1", "oa-fb-p1", null, "oa-fb-u1",
                "No me llega la factura");
        call("POST", "/api/v1/channels/facebook/webhook", null, comment, 200, Payloads.metaSignature(comment));
        String fb = conversationWith(lead, "oa-fb-c1");
        String failed = replyAndWait(ana, fb, "Te escribimos por privado", "FAILED");
        call("POST", "/api/v1/conversations/" + fb + "/messages/" + failed + "/retry", ana, null, 200);

        String entry = "https://foros.example.com/operadoras/orange/t/oa-hilo";
        byte[] feed = CommunityPayloads.atom("Foro de operadoras", CommunityPayloads.atomEntry(entry, "oa-forero",
                "Portabilidad", "<p>Portabilidad lenta</p>", "2026-11-24T10:00:00Z", null));
        assertThat(CommunityPayloads.postForum(api, CommunityPayloads.ORANGE_FEED, feed).status()).isEqualTo(200);
        String forum = conversationWith(lead, entry);
        String prepared = replyAndWait(ana, forum, "Te lo explicamos aquí", "PREPARED");
        call("POST", "/api/v1/conversations/" + forum + "/messages/" + prepared + "/posted", ana,
                Map.of("url", entry + "#oa-p2"), 200);
        assertThat(tweetConv).isNotNull();
    }

    /** The tweet's customer and the Facebook commenter are one person: merged, then the merge undone. */
    private static void mergedCustomers(String ana, String lead, String customer) {
        String fbCustomer = api.get("/api/v1/conversations/" + conversationWith(lead, "oa-fb-c1"), lead)
                .at("/customerId").asText();
        JsonNode merged = call("POST", "/api/v1/customers/" + customer + "/merge", ana, Map.of("with", fbCustomer), 200);
        call("POST", "/api/v1/customers/merges/" + merged.at("/merges/0/id").asText() + "/undo", ana, null, 200);
    }

    /** Posts a public reply and waits until its delivery leaves QUEUED with {@code state}; the message id. */
    private static String replyAndWait(String token, String conversation, String body, String state) {
        JsonNode posted = call("POST", "/api/v1/conversations/" + conversation + "/messages", token,
                Map.of("kind", "reply", "body", body, "public", true), 201,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String id = posted.at("/message/id").asText();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode m : api.get("/api/v1/conversations/" + conversation + "/messages", token).json()) {
                if (m.get("id").asText().equals(id)) {
                    last = m.path("delivery").asText();
                }
            }
            if (state.equals(last)) {
                return id;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("reply " + id + " is " + last + ", not " + state);
    }

    /** The conversation holding the message with this channel message id. */
    private static String conversationWith(String lead, String channelMessageId) {
        for (JsonNode c : api.get("/api/v1/conversations?limit=500", lead).at("/items")) {
            for (JsonNode m : api.get("/api/v1/conversations/" + c.get("id").asText() + "/messages", lead).json()) {
                if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                    return c.get("id").asText();
                }
            }
        }
        throw new AssertionError("no conversation with " + channelMessageId);
    }

    private static long version(String conversation) {
        return api.get("/api/v1/conversations/" + conversation, api.login("lucia")).at("/version").asLong();
    }

    @Test
    void everyOperationAnswersAsDescribed() {
        String lead = api.login("lucia");
        String ana = api.login("ana");
        String analyst = api.login("datos");
        String admin = api.login("admin");
        // Fixture: a tweet and a community thread.
        byte[] tweet = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("oa-1", "oa-u1", "Sin cobertura", null));
        call("POST", "/api/v1/channels/twitter/webhook", null, tweet, 200, Payloads.twitterSignature(tweet));
        call("POST", "/api/v1/channels/twitter/webhook", null, tweet, 401, Map.of());
        byte[] community = CommunityPayloads.messages(
                CommunityPayloads.message("oa-k1", "m-1", "maria", "fibra", "Sin fibra", "No tengo fibra", null, 1, 10,
                        "2026-11-24T08:00:00Z"),
                CommunityPayloads.message("oa-k2", "m-2", "pepe", "fibra", "Re", "Reinicia", "oa-k1", 3, 0,
                        "2026-11-24T08:05:00Z"));
        CommunityPayloads.postCommunity(api, CommunityPayloads.ORANGE_COMMUNITY, community);
        call("GET", "/api/v1/channels/twitter/webhook?crc_token=abc", null, null, 200);
        call("GET", "/api/v1/channels/nope/webhook", null, null, 404);

        call("GET", "/api/v1/health", null, null, 200);
        call("POST", "/api/v1/auth/login", null, Map.of("username", "lucia", "password", "wrong"), 401);
        call("POST", "/api/v1/auth/login", null, Map.of("username", "lucia", "password", "faro-demo"), 200);
        String spare = api.login("lucia");
        call("POST", "/api/v1/auth/logout", spare, null, 200);
        call("GET", "/api/v1/me", ana, null, 200);
        call("GET", "/api/v1/me", null, null, 401);
        call("GET", "/api/v1/bootstrap", ana, null, 200);
        call("GET", "/api/v1/changes?after=0&limit=50", lead, null, 200);
        call("GET", "/api/v1/changes?after=x", lead, null, 400);
        call("GET", "/api/v1/events", null, null, 401);
        call("GET", "/api/v1/events?after=0&access_token=" + lead, null, null, 406);
        call("GET", "/api/v1/events?after=0&access_token=" + lead, null, null, 200, Map.of("Accept", "text/event-stream"));

        JsonNode page = call("GET", "/api/v1/conversations?limit=10", lead, null, 200);
        call("GET", "/api/v1/conversations?status=bogus", lead, null, 400);
        String tweetConv = api.get("/api/v1/conversations?channel=twitter", lead).at("/items/0/id").asText();
        String communityConv = api.get("/api/v1/conversations?channel=community", lead).at("/items/0/id").asText();
        assertThat(page).isNotNull();
        call("GET", "/api/v1/conversations/" + tweetConv, ana, null, 200);
        call("GET", "/api/v1/conversations/c-none", ana, null, 404);
        call("GET", "/api/v1/conversations/" + tweetConv + "/messages", ana, null, 200);
        call("POST", "/api/v1/conversations/" + tweetConv + "/messages", ana, Map.of("kind", "note", "body", "nota"),
                201, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        call("POST", "/api/v1/conversations/" + tweetConv + "/messages", ana, Map.of("kind", "note", "body", "x"), 400);
        call("GET", "/api/v1/conversations/" + tweetConv + "/presence", ana, null, 200);
        call("POST", "/api/v1/conversations/" + tweetConv + "/presence", ana, Map.of("viewing", true), 200);
        call("POST", "/api/v1/conversations/" + tweetConv + "/claim", ana, Map.of("version", version(tweetConv)), 200);
        call("POST", "/api/v1/conversations/" + tweetConv + "/priority", ana,
                Map.of("priority", "P2", "version", version(tweetConv)), 200);
        call("POST", "/api/v1/conversations/" + tweetConv + "/labels", ana,
                Map.of("add", List.of("averia"), "version", version(tweetConv)), 200);
        call("POST", "/api/v1/conversations/" + tweetConv + "/assign", lead,
                Map.of("agentId", "u-ana", "version", version(tweetConv)), 200);
        call("POST", "/api/v1/conversations/" + tweetConv + "/status", ana, Map.of("status", "PENDING", "version", 1), 409);
        call("POST", "/api/v1/conversations/" + tweetConv + "/status", ana, Map.of("status", "PENDING"), 400);
        call("POST", "/api/v1/conversations/" + tweetConv + "/status", ana,
                Map.of("status", "PENDING", "version", version(tweetConv)), 200);
        call("POST", "/api/v1/conversations/" + tweetConv + "/status", analyst,
                Map.of("status", "OPEN", "version", version(tweetConv)), 403);

        call("GET", "/api/v1/conversations/" + communityConv + "/community", ana, null, 200);
        call("POST", "/api/v1/conversations/" + communityConv + "/moderation", ana, Map.of("action", "approve"), 200);
        call("POST", "/api/v1/conversations/" + communityConv + "/moderation", analyst, Map.of("action", "approve"), 403);
        call("POST", "/api/v1/conversations/" + communityConv + "/moderation", ana, Map.of("action", "reject"), 400);
        JsonNode thread = api.get("/api/v1/conversations/" + communityConv + "/community", ana).at("/posts");
        call("POST", "/api/v1/conversations/" + communityConv + "/moderation", ana,
                Map.of("action", "accept_solution", "messageId", thread.get(1).get("messageId").asText()), 200);
        call("POST", "/api/v1/conversations/" + communityConv + "/moderation", ana,
                Map.of("action", "accept_solution", "messageId", thread.get(1).get("messageId").asText()), 409);
        call("GET", "/api/v1/moderation/actions?limit=1", analyst, null, 200);
        call("GET", "/api/v1/moderation/actions?action=nope", analyst, null, 400);
        call("GET", "/api/v1/community/leaderboard?period=year", lead, null, 200);
        call("GET", "/api/v1/community/leaderboard", ana, null, 403);
        call("GET", "/api/v1/community/levels", ana, null, 200);

        for (String metric : List.of("live", "sla?groupBy=channel", "volume?groupBy=day", "first-response",
                "moderation?groupBy=agent", "community?groupBy=day")) {
            call("GET", "/api/v1/metrics/" + metric, analyst, null, 200);
        }
        call("GET", "/api/v1/metrics/live", ana, null, 403);
        call("GET", "/api/v1/metrics/sla?groupBy=colour", lead, null, 400);
        call("GET", "/api/v1/metrics/volume", ana, null, 403);
        call("GET", "/api/v1/metrics/first-response?from=x", lead, null, 400);
        call("GET", "/api/v1/metrics/moderation", ana, null, 403);
        call("GET", "/api/v1/metrics/community?groupBy=x", lead, null, 400);
        call("GET", "/api/v1/export/conversations.csv", analyst, null, 200);
        call("GET", "/api/v1/export/conversations.csv", ana, null, 403);
        call("GET", "/api/v1/export/moderation-actions.csv", analyst, null, 200);
        call("GET", "/api/v1/export/moderation-actions.csv", ana, null, 403);
        call("GET", "/api/v1/metrics/volume?groupBy=agent", analyst, null, 200);
        call("GET", "/api/v1/metrics/volume?groupBy=day&by=brand", lead, null, 200);
        call("GET", "/api/v1/metrics/volume?groupBy=queue&by=brand", lead, null, 400);

        JsonNode policies = call("GET", "/api/v1/admin/sla-policies", admin, null, 200);
        call("PUT", "/api/v1/admin/sla-policies", admin, policies, 200);
        call("PUT", "/api/v1/admin/sla-policies", admin, Map.of("not", "a list"), 400);
        call("GET", "/api/v1/admin/sla-policies", ana, null, 403);
        JsonNode calendars = call("GET", "/api/v1/admin/calendars", admin, null, 200);
        call("PUT", "/api/v1/admin/calendars", admin, calendars, 200);
        call("PUT", "/api/v1/admin/calendars", ana, calendars, 403);
        call("GET", "/api/openapi.json", null, null, 200);
        call("GET", "/api/v1/export/messages.csv?brand=orange", analyst, null, 200);
        call("GET", "/api/v1/export/messages.csv", ana, null, 403);
        JsonNode issued = call("POST", "/api/v1/admin/api-tokens", admin, Map.of("name", "BI", "agentId", "u-datos"), 201);
        call("POST", "/api/v1/admin/api-tokens", admin, Map.of("name", "BI", "agentId", "u-ana"), 400);
        call("POST", "/api/v1/admin/api-tokens", lead, Map.of("name", "BI", "agentId", "u-datos"), 403);
        call("GET", "/api/v1/admin/api-tokens", admin, null, 200);
        call("DELETE", "/api/v1/admin/api-tokens/" + issued.get("id").asText(), admin, null, 200);
        call("DELETE", "/api/v1/admin/api-tokens/tok-none", admin, null, 404);

        featureOperations(ana, lead, analyst, admin, tweetConv);

        assertThat(problems).isEmpty();
        TreeSet<String> notCalled = new TreeSet<>(DOC.operations());
        notCalled.removeAll(called.stream().map(s -> s.toUpperCase(Locale.ROOT).substring(0, s.indexOf(' '))
                + s.substring(s.indexOf(' '))).toList());
        assertThat(notCalled).as("described operations this test never called").isEmpty();
        TreeSet<String> neverSucceeded = new TreeSet<>(DOC.operations());
        neverSucceeded.removeAll(succeeded.stream().map(s -> s.toUpperCase(Locale.ROOT).substring(0, s.indexOf(' '))
                + s.substring(s.indexOf(' '))).toList());
        assertThat(neverSucceeded).as("described operations this test never saw succeed (only refusals)").isEmpty();
    }

    /** The operations of the features merged after the first description (queues, canned, automation, ...). */
    private static void featureOperations(String ana, String lead, String analyst, String admin, String conv) {
        String pablo = api.login("pablo");
        // Workqueues, next, presence, snooze, bulk.
        call("POST", "/api/v1/me/presence", ana, Map.of("presence", "ONLINE"), 200);
        call("POST", "/api/v1/me/presence", ana, Map.of("presence", "SLEEPING"), 400);
        JsonNode queues = call("GET", "/api/v1/workqueues", ana, null, 200);
        JsonNode created = call("POST", "/api/v1/workqueues", admin, Map.of("name", "OA urgente",
                "channels", List.of("FACEBOOK"), "priorities", List.of("P1"), "position", 60), 201);
        call("POST", "/api/v1/workqueues", ana, Map.of("name", "Compartida", "position", 1), 403);
        String qid = created.get("id").asText();
        call("GET", "/api/v1/workqueues/" + qid, ana, null, 200);
        call("GET", "/api/v1/workqueues/q-none", ana, null, 404);
        call("PUT", "/api/v1/workqueues/" + qid, admin, Map.of("name", "OA muy urgente",
                "channels", List.of("FACEBOOK"), "priorities", List.of("P1"), "position", 61), 200);
        call("DELETE", "/api/v1/workqueues/" + qid, admin, null, 204);
        call("DELETE", "/api/v1/workqueues/" + qid, admin, null, 404);
        call("POST", "/api/v1/queues/" + queues.get(0).get("id").asText() + "/next", lead, null, 200);
        call("POST", "/api/v1/queues/q-none/next", ana, null, 404);
        call("POST", "/api/v1/next", analyst, null, 403);
        byte[] waiting = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("oa-next", "oa-u-next", "Espero turno", null));
        call("POST", "/api/v1/channels/twitter/webhook", null, waiting, 200, Payloads.twitterSignature(waiting));
        call("POST", "/api/v1/next", ana, null, 200);
        call("POST", "/api/v1/conversations/" + conv + "/snooze", ana, Map.of("version", version(conv)), 400);
        call("POST", "/api/v1/conversations/" + conv + "/snooze", ana,
                Map.of("until", java.time.Instant.now().plusSeconds(3600).toString(), "version", version(conv)), 200);
        call("POST", "/api/v1/conversations/bulk", ana, Map.of("action", "labels", "add", List.of("averia"),
                "items", List.of(Map.of("id", conv, "version", version(conv)), Map.of("id", "c-missing", "version", 1))), 200);
        call("POST", "/api/v1/conversations/bulk", ana, Map.of("action", "explode",
                "items", List.of(Map.of("id", conv, "version", 1))), 400);
        // Users and teams.
        call("GET", "/api/v1/admin/users", admin, null, 200);
        call("GET", "/api/v1/admin/users", ana, null, 403);
        JsonNode user = call("POST", "/api/v1/admin/users", admin, Map.of("username", "oa-agente", "name", "Agente OA",
                "roles", List.of("AGENT"), "brands", List.of("orange"), "languages", List.of("es"), "capacity", 3,
                "password", "contraseña-larga"), 201);
        call("POST", "/api/v1/admin/users", admin, Map.of("username", "oa-agente"), 400);
        call("PUT", "/api/v1/admin/users/" + user.get("id").asText(), admin, Map.of("username", "oa-agente",
                "name", "Agente OA 2", "roles", List.of("AGENT"), "brands", List.of("orange"),
                "languages", List.of("es"), "capacity", 4), 200);
        call("PUT", "/api/v1/admin/users/u-none", admin, Map.of("username", "nadie-oa", "name", "X",
                "roles", List.of("AGENT"), "brands", List.of("orange")), 404);
        call("GET", "/api/v1/teams", lead, null, 200);
        JsonNode team = call("POST", "/api/v1/admin/teams", admin, Map.of("name", "Turno OA", "leadId", "u-lucia",
                "members", List.of("u-ana", "u-pablo")), 201);
        call("POST", "/api/v1/admin/teams", lead, Map.of("name", "Turno OA", "members", List.of()), 403);
        call("PUT", "/api/v1/admin/teams/" + team.get("id").asText(), admin, Map.of("name", "Turno OA tarde",
                "leadId", "u-lucia", "members", List.of("u-ana")), 200);
        call("DELETE", "/api/v1/admin/teams/" + team.get("id").asText(), admin, null, 204);
        call("DELETE", "/api/v1/admin/teams/t-none", admin, null, 404);
        // Canned responses.
        JsonNode canned = call("GET", "/api/v1/canned-responses?language=es", ana, null, 200);
        call("GET", "/api/v1/canned-responses/" + canned.get(0).get("id").asText(), ana, null, 200);
        call("GET", "/api/v1/canned-responses/cr-none", ana, null, 404);
        JsonNode mine = call("POST", "/api/v1/canned-responses", ana, Map.of("ownerId", "u-ana", "language", "es", "folder", "Mías",
                "title", "OA", "shortcut", "oa", "body", "Hola {{customer.name}}", "labels", List.of()), 201);
        call("POST", "/api/v1/canned-responses", ana, Map.of("title", ""), 400);
        String cid = mine.get("id").asText();
        call("PUT", "/api/v1/canned-responses/" + cid, ana, Map.of("ownerId", "u-ana", "language", "es", "folder", "Mías",
                "title", "OA 2", "shortcut", "oa2", "body", "Hola", "labels", List.of()), 200);
        call("POST", "/api/v1/canned-responses/" + cid + "/used", ana, null, 200);
        call("DELETE", "/api/v1/canned-responses/" + cid, ana, null, 204);
        call("DELETE", "/api/v1/canned-responses/" + cid, ana, null, 404);
        // Automation rules, classifier, customers.
        JsonNode rules = call("GET", "/api/v1/admin/rules", admin, null, 200);
        call("GET", "/api/v1/admin/rules", lead, null, 403);
        JsonNode rule = rules.get(0);
        call("GET", "/api/v1/admin/rules/" + rule.get("id").asText(), admin, null, 200);
        call("GET", "/api/v1/admin/rules/r-none", admin, null, 404);
        call("PUT", "/api/v1/admin/rules/" + rule.get("id").asText(), admin, rule, 200);
        com.fasterxml.jackson.databind.node.ObjectNode copy = rule.deepCopy();
        copy.remove("id");
        copy.remove("position");
        copy.put("name", "OA copia");
        JsonNode added = call("POST", "/api/v1/admin/rules", admin, copy, 201);
        call("POST", "/api/v1/admin/rules", admin, Map.of("name", "sin disparador"), 400);
        call("DELETE", "/api/v1/admin/rules/" + added.get("id").asText(), admin, null, 204);
        call("DELETE", "/api/v1/admin/rules/r-none", admin, null, 404);
        call("GET", "/api/v1/conversations/" + conv + "/suggestions", ana, null, 200);
        call("GET", "/api/v1/conversations/c-none/suggestions", ana, null, 404);
        call("GET", "/api/v1/admin/classifier", admin, null, 200);
        call("POST", "/api/v1/admin/classifier/train", admin, null, 200);
        call("POST", "/api/v1/admin/classifier/train", ana, null, 403);
        JsonNode customers = call("GET", "/api/v1/customers?q=oa", ana, null, 200);
        String customer = customers.get(0).get("id").asText();
        call("GET", "/api/v1/customers/" + customer, ana, null, 200);
        call("GET", "/api/v1/customers/cu-none", ana, null, 404);
        call("POST", "/api/v1/customers/" + customer + "/merge", analyst, Map.of("with", customer), 403);
        call("POST", "/api/v1/customers/" + customer + "/merge", ana, Map.of(), 400);
        call("POST", "/api/v1/customers/cu-none/merge", ana, Map.of("with", customer), 404);
        call("POST", "/api/v1/customers/merges/mg-none/undo", ana, null, 404);
        assertThat(customers).isNotNull();
        // Delivery, CSAT, audit, accounts and webhook secrets.
        call("POST", "/api/v1/conversations/" + conv + "/messages/m-none/retry", ana, null, 404);
        call("POST", "/api/v1/conversations/" + conv + "/messages/m-none/retry", analyst, null, 403);
        call("POST", "/api/v1/conversations/" + conv + "/messages/m-none/posted", ana, Map.of("url", "javascript:x"), 400);
        call("POST", "/api/v1/conversations/" + conv + "/messages/m-none/posted", pablo, null, 404);
        call("GET", "/api/v1/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null, null, 404);
        call("POST", "/api/v1/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/response", null, Map.of("rating", 5), 404);
        call("POST", "/api/v1/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/response", null, Map.of("comment", "x"), 400);
        call("GET", "/api/v1/metrics/csat?groupBy=brand", analyst, null, 200);
        call("GET", "/api/v1/metrics/csat", ana, null, 403);
        surveyedCustomer(ana, lead, analyst);
        surveyLink(ana, lead);
        failedAndPreparedReplies(ana, lead, conv);
        mergedCustomers(ana, lead, customer);
        call("GET", "/api/v1/admin/audit?limit=5", admin, null, 200);
        call("GET", "/api/v1/admin/audit?from=x", admin, null, 400);
        call("GET", "/api/v1/admin/audit", lead, null, 403);
        JsonNode accounts = call("GET", "/api/v1/admin/accounts", admin, null, 200);
        call("GET", "/api/v1/admin/accounts", ana, null, 403);
        call("POST", "/api/v1/admin/accounts", admin, Map.of("brandId", "orange"), 400);
        call("POST", "/api/v1/admin/accounts", admin, Map.of("brandId", "republica", "channel", "INSTAGRAM",
                "accountId", "17841400000000777", "handle", "@republica_oa"), 201);
        JsonNode account = accounts.get(0);
        call("PUT", "/api/v1/admin/accounts/" + account.get("channel").asText().toLowerCase(Locale.ROOT) + "/"
                + account.get("accountId").asText(), admin, account, 200);
        call("PUT", "/api/v1/admin/accounts/" + account.get("channel").asText().toLowerCase(Locale.ROOT) + "/none", admin,
                account, 404);
        call("GET", "/api/v1/admin/channels/twitter/secrets", admin, null, 200);
        call("GET", "/api/v1/admin/channels/nope/secrets", admin, null, 400);
        call("POST", "/api/v1/admin/channels/community/secrets/rotate", admin,
                Map.of("secret", "una-clave-nueva-muy-larga", "grace", "PT1H"), 201);
        call("POST", "/api/v1/admin/channels/twitter/secrets/rotate", admin, Map.of("secret", "corta"), 400);
        // Search: a message match, a customer match, paging, and a refused query.
        JsonNode found = call("GET", "/api/v1/search?q=cobertura&limit=1", ana, null, 200);
        assertThat(found.at("/items/0/match").asText()).isEqualTo("message");
        call("GET", "/api/v1/search?q=oa-u1", lead, null, 200);
        call("GET", "/api/v1/search?q=%25%25", ana, null, 400);
        call("GET", "/api/v1/search?q=cobertura", null, null, 401);
    }
}
