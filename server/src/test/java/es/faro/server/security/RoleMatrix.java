package es.faro.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.community.CommunityPayloads;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The table of the role matrix: one row per operation of the API (the route as Javalin registers it),
 * how to call it with a caller's token, and what each caller must get. Writes act on a fresh resource
 * made for the case, so a row can be called once per caller. Brand-scoped resources are Orange ones:
 * ana works on Orange, pablo (an agent of other brands) must get 404 as if they did not exist.
 */
final class RoleMatrix {
    /** Who calls. */
    enum Caller { AGENT, AGENT_OTHER_BRAND, LEAD, ADMIN, ANALYST, NO_TOKEN, EXPIRED, REVOKED }

    /** Any of these statuses is right (e.g. "next" may find work, none, or the agent at capacity). */
    record Outcome(Set<Integer> statuses) {
        static Outcome of(int... s) {
            return new Outcome(java.util.Arrays.stream(s).boxed().collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }

        boolean accepts(int status) {
            return statuses.contains(status);
        }

        @Override
        public String toString() {
            return statuses.size() == 1 ? statuses.iterator().next().toString() : statuses.toString();
        }
    }

    /** One operation: "METHOD /path/{param}" as registered, a label, the call, and what each caller gets. */
    record Row(String operation, String label, Function<String, Reply> call, Map<Caller, Outcome> expected) {
    }

    static final Outcome NEXT = Outcome.of(200, 204, 409);

    private final ApiClient api;
    private final MatrixFixtures f;
    private final List<Row> rows = new ArrayList<>();

    RoleMatrix(ApiClient api, MatrixFixtures fixtures) {
        this.api = api;
        this.f = fixtures;
    }

    // ---- expectations ---------------------------------------------------------------------------

    /** Roles in the order agent, agent of other brands, lead, admin, analyst; bad tokens get 401. */
    static Map<Caller, Outcome> roles(Object agent, Object otherBrand, Object lead, Object admin, Object analyst) {
        Map<Caller, Outcome> m = new EnumMap<>(Caller.class);
        m.put(Caller.AGENT, outcome(agent));
        m.put(Caller.AGENT_OTHER_BRAND, outcome(otherBrand));
        m.put(Caller.LEAD, outcome(lead));
        m.put(Caller.ADMIN, outcome(admin));
        m.put(Caller.ANALYST, outcome(analyst));
        m.put(Caller.NO_TOKEN, Outcome.of(401));
        m.put(Caller.EXPIRED, Outcome.of(401));
        m.put(Caller.REVOKED, Outcome.of(401));
        return m;
    }

    private static Outcome outcome(Object o) {
        return o instanceof Outcome out ? out : Outcome.of((Integer) o);
    }

    /** No token needed (health, login, webhooks with their signatures, survey links): every caller alike. */
    static Map<Caller, Outcome> open(int status) {
        Map<Caller, Outcome> m = new EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            m.put(c, Outcome.of(status));
        }
        return m;
    }

    static Map<Caller, Outcome> everyone(int s) {
        return roles(s, s, s, s, s);
    }

    /** Reads of an Orange resource: pablo must not learn it exists. */
    static Map<Caller, Outcome> brandRead(int s) {
        return roles(s, 404, s, s, s);
    }

    /** Writes on an Orange resource: analysts are read-only, pablo does not see it. */
    static Map<Caller, Outcome> brandWrite(int s) {
        return roles(s, 404, s, s, 403);
    }

    static Map<Caller, Outcome> adminOnly(int s) {
        return roles(403, 403, 403, s, 403);
    }

    /** Figures and exports: leads, admins and analysts. */
    static Map<Caller, Outcome> supervisors(int s) {
        return roles(403, 403, s, s, s);
    }

    // ---- calls ----------------------------------------------------------------------------------

    private void row(String operation, String label, Function<String, Reply> call, Map<Caller, Outcome> expected) {
        rows.add(new Row(operation, label, call, expected));
    }

    private void row(String operation, Function<String, Reply> call, Map<Caller, Outcome> expected) {
        row(operation, operation, call, expected);
    }

    private Function<String, Reply> get(String path) {
        return t -> api.get(path, t);
    }

    /** On a fresh Orange conversation: METHOD /api/v1/conversations/{id}SUFFIX with a body built from it. */
    private Function<String, Reply> onConversation(String method, String suffix, Function<JsonNode, Object> body) {
        return t -> {
            JsonNode c = f.conversation();
            String path = "/api/v1/conversations/" + c.get("id").asText() + suffix;
            return method.equals("GET") ? api.get(path, t) : f.post(path, t, body.apply(c));
        };
    }

    private static Map<String, Object> versioned(JsonNode c, Object... pairs) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        m.put("version", c.get("version").asLong());
        return m;
    }

    // ---- the table ------------------------------------------------------------------------------

    List<Row> rows() {
        rows.clear();
        String c = "/api/v1/conversations/{id}";
        row("GET /api/v1/health", get("/api/v1/health"), open(200));
        row("POST /api/v1/auth/login", t -> api.post("/api/v1/auth/login", t,
                Map.of("username", "lucia", "password", "faro-demo")), open(200));
        row("POST /api/v1/auth/logout", "POST /api/v1/auth/logout (a token of its own)", t -> {
            Reply me = api.get("/api/v1/me", t);
            return api.post("/api/v1/auth/logout", me.status() == 200 ? api.login(me.at("/username").asText()) : t,
                    Map.of());
        }, everyone(200));
        row("GET /api/openapi.json", get("/api/openapi.json"), open(200));
        row("GET /api/v1/me", get("/api/v1/me"), everyone(200));
        row("POST /api/v1/me/presence", t -> api.post("/api/v1/me/presence", t, Map.of("presence", "ONLINE")),
                roles(200, 200, 200, 200, 403));
        row("GET /api/v1/bootstrap", get("/api/v1/bootstrap"), everyone(200));
        row("GET /api/v1/changes", get("/api/v1/changes?after=0&limit=10"), everyone(200));
        row("GET /api/v1/events", f::openEvents, everyone(200));
        row("GET /api/v1/search", get("/api/v1/search?q=Matriz"), everyone(200));

        // Conversations, one fresh Orange conversation per case.
        row("GET /api/v1/conversations", get("/api/v1/conversations"), everyone(200));
        row("GET " + c, onConversation("GET", "", x -> null), brandRead(200));
        row("GET " + c + "/messages", onConversation("GET", "/messages", x -> null), brandRead(200));
        row("POST " + c + "/messages", "POST " + c + "/messages (reply)", onConversation("POST", "/messages",
                x -> Map.of("kind", "reply", "body", "Hola")), brandWrite(201));
        row("POST " + c + "/messages", "POST " + c + "/messages (note)", onConversation("POST", "/messages",
                x -> Map.of("kind", "note", "body", "Nota")), brandWrite(201));
        row("GET " + c + "/presence", onConversation("GET", "/presence", x -> null), brandRead(200));
        row("POST " + c + "/presence", onConversation("POST", "/presence", x -> Map.of("viewing", true)),
                brandWrite(200));
        row("POST " + c + "/claim", onConversation("POST", "/claim", x -> versioned(x)), brandWrite(200));
        row("POST " + c + "/assign", "POST " + c + "/assign (to lucia)", onConversation("POST", "/assign",
                x -> versioned(x, "agentId", "u-lucia")), roles(403, 403, 200, 200, 403));
        row("POST " + c + "/status", onConversation("POST", "/status", x -> versioned(x, "status", "PENDING")),
                brandWrite(200));
        row("POST " + c + "/priority", onConversation("POST", "/priority", x -> versioned(x, "priority", "P1")),
                brandWrite(200));
        row("POST " + c + "/labels", onConversation("POST", "/labels",
                x -> versioned(x, "add", List.of("factura"), "remove", List.of())), brandWrite(200));
        // Three days ahead: the server's clock runs 13 hours ahead of the test's (the expired token).
        row("POST " + c + "/snooze", onConversation("POST", "/snooze", x -> versioned(x, "until",
                java.time.Instant.now().plus(java.time.Duration.ofDays(3)).toString())), brandWrite(200));
        row("GET " + c + "/suggestions", onConversation("GET", "/suggestions", x -> null), brandRead(200));
        row("POST /api/v1/conversations/bulk", "POST /api/v1/conversations/bulk (per-item results)", t -> {
            JsonNode x = f.conversation();
            return f.post("/api/v1/conversations/bulk", t, Map.of("action", "labels", "add", List.of("averia"),
                    "items", List.of(Map.of("id", x.get("id").asText(), "version", x.get("version").asLong()))));
        }, roles(200, 200, 200, 200, 403));
        // A queued reply is not failed: whoever passes the role check meets the 409 of the delivery state.
        row("POST " + c + "/messages/{messageId}/retry", t -> {
            String[] m = f.conversationWithReply();
            return f.postEmpty("/api/v1/conversations/" + m[0] + "/messages/" + m[1] + "/retry", t);
        }, roles(409, 404, 409, 409, 403));
        row("POST " + c + "/messages/{messageId}/posted", t -> {
            String[] m = f.preparedForumReply();
            return f.post("/api/v1/conversations/" + m[0] + "/messages/" + m[1] + "/posted", t,
                    Map.of("url", "https://foros.example.com/t/" + MatrixFixtures.unique("respuesta")));
        }, brandWrite(200));

        // Community threads (Orange).
        row("GET " + c + "/community", t -> api.get("/api/v1/conversations/"
                + f.communityConversation().get("id").asText() + "/community", t), brandRead(200));
        row("POST " + c + "/moderation", "POST " + c + "/moderation (approve)", t -> f.post("/api/v1/conversations/"
                + f.communityConversation().get("id").asText() + "/moderation", t, Map.of("action", "approve")),
                brandWrite(200));
        row("GET /api/v1/moderation/actions", get("/api/v1/moderation/actions?limit=5"), everyone(200));
        row("GET /api/v1/community/leaderboard", get("/api/v1/community/leaderboard"), supervisors(200));
        row("GET /api/v1/community/levels", get("/api/v1/community/levels"), everyone(200));

        // Webhooks: their own signatures, never a bearer token.
        row("POST /api/v1/channels/{channel}/webhook", t -> {
            String n = MatrixFixtures.unique("rmw");
            byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("tw-" + n, "u-" + n, "Webhook " + n, null));
            return api.post("/api/v1/channels/twitter/webhook", t, body, Payloads.twitterSignature(body));
        }, open(200));
        row("GET /api/v1/channels/{channel}/webhook", get("/api/v1/channels/twitter/webhook?crc_token=abc"), open(200));
        row("GET /api/v1/surveys/{token}", get("/api/v1/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), open(404));
        row("POST /api/v1/surveys/{token}/response", t -> api.post("/api/v1/surveys/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                + "/response", t, Map.of("rating", 5)), open(404));

        // Figures and exports.
        for (String m : List.of("live", "sla", "volume", "first-response", "moderation", "community", "csat")) {
            row("GET /api/v1/metrics/" + m, get("/api/v1/metrics/" + m), supervisors(200));
        }
        for (String e : List.of("conversations", "moderation-actions", "messages", "surveys")) {
            row("GET /api/v1/export/" + e + ".csv", get("/api/v1/export/" + e + ".csv"), supervisors(200));
        }

        // Queues and teams.
        row("POST /api/v1/next", t -> f.postEmpty("/api/v1/next", t), roles(NEXT, NEXT, NEXT, NEXT, 403));
        row("POST /api/v1/queues/{id}/next", t -> f.postEmpty("/api/v1/queues/"
                + api.get("/api/v1/workqueues", f.admin()).at("/0/id").asText() + "/next", t),
                roles(NEXT, NEXT, NEXT, NEXT, 403));
        row("GET /api/v1/workqueues", get("/api/v1/workqueues"), everyone(200));
        row("POST /api/v1/workqueues", "POST /api/v1/workqueues (shared)", t -> api.post("/api/v1/workqueues", t,
                f.queueBody()), roles(403, 403, 403, 201, 403));
        row("GET /api/v1/workqueues/{id}", t -> api.get("/api/v1/workqueues/" + f.queue(), t), everyone(200));
        row("PUT /api/v1/workqueues/{id}", t -> f.put("/api/v1/workqueues/" + f.queue(), t, f.queueBody()),
                adminOnly(200));
        row("DELETE /api/v1/workqueues/{id}", t -> f.delete("/api/v1/workqueues/" + f.queue(), t), adminOnly(204));
        row("GET /api/v1/teams", get("/api/v1/teams"), roles(403, 403, 200, 200, 403));
        row("GET /api/v1/admin/users", get("/api/v1/admin/users"), adminOnly(200));
        row("POST /api/v1/admin/users", t -> api.post("/api/v1/admin/users", t, f.userBody()), adminOnly(201));
        row("PUT /api/v1/admin/users/{id}", t -> {
            String id = f.user();
            Map<String, Object> body = new java.util.HashMap<>(f.userBody());
            body.remove("password");
            body.put("username", api.get("/api/v1/admin/users", f.admin()).json().findParents("id").stream()
                    .filter(u -> u.get("id").asText().equals(id)).findFirst().orElseThrow().get("username").asText());
            return f.put("/api/v1/admin/users/" + id, t, body);
        }, adminOnly(200));
        row("POST /api/v1/admin/teams", t -> api.post("/api/v1/admin/teams", t, f.teamBody()), adminOnly(201));
        row("PUT /api/v1/admin/teams/{id}", t -> f.put("/api/v1/admin/teams/" + f.team(), t, f.teamBody()),
                adminOnly(200));
        row("DELETE /api/v1/admin/teams/{id}", t -> f.delete("/api/v1/admin/teams/" + f.team(), t), adminOnly(204));

        // Canned responses: a shared Orange one per case.
        row("GET /api/v1/canned-responses", get("/api/v1/canned-responses"), everyone(200));
        row("POST /api/v1/canned-responses", "POST /api/v1/canned-responses (shared, Orange)",
                t -> api.post("/api/v1/canned-responses", t, f.cannedBody()), roles(403, 403, 201, 201, 403));
        row("GET /api/v1/canned-responses/{id}", t -> api.get("/api/v1/canned-responses/" + f.canned(), t),
                brandRead(200));
        row("PUT /api/v1/canned-responses/{id}", t -> f.put("/api/v1/canned-responses/" + f.canned(), t,
                f.cannedBody()), roles(403, 404, 200, 200, 403));
        row("DELETE /api/v1/canned-responses/{id}", t -> f.delete("/api/v1/canned-responses/" + f.canned(), t),
                roles(403, 404, 204, 204, 403));
        row("POST /api/v1/canned-responses/{id}/used", t -> f.postEmpty("/api/v1/canned-responses/" + f.canned()
                + "/used", t), brandWrite(200));

        // Automation, classifier, customers.
        row("GET /api/v1/admin/rules", get("/api/v1/admin/rules"), adminOnly(200));
        row("POST /api/v1/admin/rules", t -> api.post("/api/v1/admin/rules", t, f.ruleBody()), adminOnly(201));
        row("GET /api/v1/admin/rules/{id}", t -> api.get("/api/v1/admin/rules/" + f.rule(), t), adminOnly(200));
        row("PUT /api/v1/admin/rules/{id}", t -> f.put("/api/v1/admin/rules/" + f.rule(), t, f.ruleBody()),
                adminOnly(200));
        row("DELETE /api/v1/admin/rules/{id}", t -> f.delete("/api/v1/admin/rules/" + f.rule(), t), adminOnly(204));
        row("GET /api/v1/admin/classifier", get("/api/v1/admin/classifier"), adminOnly(200));
        row("POST /api/v1/admin/classifier/train", t -> f.postEmpty("/api/v1/admin/classifier/train", t),
                adminOnly(200));
        row("GET /api/v1/customers", get("/api/v1/customers?q=user"), everyone(200));
        row("GET /api/v1/customers/{id}", t -> api.get("/api/v1/customers/" + f.customerOf(f.conversation()), t),
                brandRead(200));
        row("POST /api/v1/customers/{id}/merge", t -> api.post("/api/v1/customers/" + f.customerOf(f.conversation())
                + "/merge", t, Map.of("with", f.customerOf(f.conversation()))), brandWrite(200));
        row("POST /api/v1/customers/merges/{mergeId}/undo", t -> f.postEmpty("/api/v1/customers/merges/" + f.merge()
                + "/undo", t), brandWrite(200));

        // Administration.
        row("GET /api/v1/admin/sla-policies", get("/api/v1/admin/sla-policies"), adminOnly(200));
        row("PUT /api/v1/admin/sla-policies", "PUT /api/v1/admin/sla-policies (unchanged)", t -> f.put(
                "/api/v1/admin/sla-policies", t, api.get("/api/v1/admin/sla-policies", f.admin()).json()), adminOnly(200));
        row("GET /api/v1/admin/calendars", get("/api/v1/admin/calendars"), adminOnly(200));
        row("PUT /api/v1/admin/calendars", "PUT /api/v1/admin/calendars (unchanged)", t -> f.put(
                "/api/v1/admin/calendars", t, api.get("/api/v1/admin/calendars", f.admin()).json()), adminOnly(200));
        row("GET /api/v1/admin/audit", get("/api/v1/admin/audit?limit=5"), adminOnly(200));
        row("GET /api/v1/admin/api-tokens", get("/api/v1/admin/api-tokens"), adminOnly(200));
        row("POST /api/v1/admin/api-tokens", t -> api.post("/api/v1/admin/api-tokens", t,
                Map.of("name", MatrixFixtures.unique("BI "), "agentId", "u-datos")), adminOnly(201));
        row("DELETE /api/v1/admin/api-tokens/{id}", t -> f.delete("/api/v1/admin/api-tokens/" + f.apiToken(), t),
                adminOnly(200));
        row("GET /api/v1/admin/accounts", get("/api/v1/admin/accounts"), adminOnly(200));
        // Every brand has its one account per channel already: the admin gets past the role check to the 409.
        row("POST /api/v1/admin/accounts", t -> api.post("/api/v1/admin/accounts", t, f.accountBody()), adminOnly(409));
        row("PUT /api/v1/admin/accounts/{channel}/{accountId}", "PUT /api/v1/admin/accounts/{channel}/{accountId}"
                + " (unchanged)", t -> {
                    JsonNode account = api.get("/api/v1/admin/accounts?brand=orange&channel=twitter", f.admin()).at("/0");
                    return f.put("/api/v1/admin/accounts/twitter/" + account.get("accountId").asText(), t, account);
                }, adminOnly(200));
        row("GET /api/v1/admin/channels/{channel}/secrets", get("/api/v1/admin/channels/forum/secrets"), adminOnly(200));
        row("POST /api/v1/admin/channels/{channel}/secrets/rotate", t -> api.post(
                "/api/v1/admin/channels/forum/secrets/rotate", t, Map.of("secret", CommunityPayloads.FORUM_SECRET
                        + "-" + MatrixFixtures.unique("r"), "grace", "P1D")), adminOnly(201));
        return List.copyOf(rows);
    }

    static String key(String operation) {
        int space = operation.indexOf(' ');
        return operation.substring(0, space).toUpperCase(Locale.ROOT) + operation.substring(space);
    }
}
