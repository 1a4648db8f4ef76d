package es.faro.server.fuzz;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.channel.Signatures;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Throws generated bad requests at the API and the webhooks of a real server over HTTP: deeply
 * nested JSON, wrong types, invalid UTF-8, raw control characters, huge strings and numbers,
 * truncated and non-JSON bodies, wrong content types, bad and missing signatures, SQL and FTS
 * special characters in ids and query parameters. Every one gets a 4xx with a JSON error (never a
 * 5xx); afterwards every table of the database hashes as before and the server answers health.
 *
 * <p>The number of requests is jqwik's {@code jqwik.tries.default} (2,000 in
 * {@code junit-platform.properties}; the full run: {@code -Djqwik.tries.default=10000}).
 */
class BadInputFuzzTest {
    static TestServer server;
    static ApiClient api;
    static String agent;
    static String admin;
    static String conversationId;
    static long version;
    static String before;
    static final AtomicInteger sent = new AtomicInteger();
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    @BeforeContainer
    static void start() throws Exception {
        server = TestServer.start(Map.of("limits.body.bytes", "65536"));
        api = server.client();
        agent = api.login("ana");
        admin = api.login("admin");
        byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("tw-fuzz-1", "user-fuzz", "Conversación de prueba", null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
        JsonNode c = api.get("/api/v1/conversations?limit=1", agent).at("/items/0");
        conversationId = c.get("id").asText();
        version = c.get("version").asLong();
        before = databaseHash();
    }

    @AfterContainer
    static void checkNothingChanged() throws Exception {
        try {
            assertThat(sent.get()).as("requests sent").isGreaterThan(0);
            assertThat(api.get("/api/v1/health", null).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/conversations/" + conversationId, agent).at("/version").asLong()).isEqualTo(version);
            assertThat(databaseHash()).as("every table after " + sent.get() + " bad requests").isEqualTo(before);
            // The count a run reports (the full run's figure goes in the closing note).
            System.out.println("bad-input fuzz: " + sent.get() + " requests, 4xx each, every table unchanged, server healthy");
        } finally {
            server.close();
        }
    }

    /** Row count and SHA-256 of every row of every table, in a stable order. */
    static String databaseHash() throws Exception {
        Map<String, String> perTable = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("faro.db"));
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            List<String> withoutRowid = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                    if (String.valueOf(rs.getString(2)).toUpperCase(java.util.Locale.ROOT).contains("WITHOUT ROWID")) {
                        withoutRowid.add(rs.getString(1)); // the search index's shadow tables: scanned in key order
                    }
                }
            }
            // The push-assignment claim's lease is renewed by a background round, whatever clients send.
            tables.remove("node_claims");
            for (String t : tables) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                int rows = 0;
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\""
                        + (withoutRowid.contains(t) ? "" : " ORDER BY rowid"))) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            // BLOBs (the search index's segments) by content, not by array identity.
                            sha.update(value instanceof byte[] bytes ? bytes
                                    : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                    }
                }
                perTable.put(t, rows + ":" + HexFormat.of().formatHex(sha.digest()));
            }
        }
        return perTable.toString();
    }

    /** One bad request: what it is (for the report when it fails) and how to build it. */
    record Bad(String what, String method, String path, byte[] body, MediaType type, Map<String, String> headers,
               String token) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return what + " " + method + " " + path + " " + shown;
        }
    }

    @Property
    void badRequestsGetA4xxAndChangeNothing(@ForAll("badRequests") Bad bad) {
        sent.incrementAndGet();
        Request.Builder b = api.builder(bad.path(), bad.token(), bad.headers());
        RequestBody body = bad.body() == null ? null : RequestBody.create(bad.body(), bad.type());
        Request request = switch (bad.method()) {
            case "GET" -> b.get().build();
            case "PUT" -> b.put(body).build();
            default -> b.post(body).build();
        };
        Reply r = api.call(request);
        if (bad.method().equals("GET") && r.status() == 200) {
            // A generated query value can happen to be valid ("1" as a limit): a read then answers,
            // and still changes nothing (checked at the end).
            return;
        }
        assertThat(r.status()).as(bad + " → " + r.text()).isBetween(400, 499);
        if (r.status() == 400 && r.text().contains("<td>/badMessage</td>")) {
            // Jetty refuses an ambiguous or illegal URI (an encoded NUL or an undecodable byte in the
            // path) before any route runs: a 400 in Jetty's own words, nothing reached the API.
            return;
        }
        assertThat(r.json()).as(bad + " → " + r.text()).isNotNull();
        assertThat(r.json().path("error").path("code").asText()).as(bad + " → " + r.text()).isNotBlank();
        assertThat(r.json().path("error").path("message").asText()).as(bad + " → " + r.text()).isNotBlank();
    }

    // ---- generators --------------------------------------------------------------------------

    private static final List<String> WRITE_PATHS = List.of("/messages", "/claim", "/assign", "/status", "/priority",
            "/labels");

    @Provide
    Arbitrary<Bad> badRequests() {
        return Arbitraries.frequencyOf(
                Tuple(5, apiBodies()),
                Tuple(3, webhooks()),
                Tuple(2, queries()),
                Tuple(2, searches()),
                Tuple(1, adminBodies()),
                Tuple(1, presenceBodies()));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Bad>> Tuple(int weight, Arbitrary<? extends Bad> a) {
        return net.jqwik.api.Tuple.of(weight, a);
    }

    /** Bodies no endpoint accepts, at every conversation write endpoint (and login). */
    Arbitrary<Bad> apiBodies() {
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of(WRITE_PATHS).map(p -> "/api/v1/conversations/" + conversationId + p),
                Arbitraries.just("/api/v1/auth/login"));
        return Combinators.combine(path, badBodies(), Arbitraries.of(true, false))
                .as((p, body, withKey) -> new Bad(body.what(), "POST", p, body.bytes(), body.type(),
                        withKey ? Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()) : Map.of(),
                        p.endsWith("/login") ? null : agent));
    }

    /** Presence ignores unknown fields (both of its fields are optional): only broken bodies here. */
    Arbitrary<Bad> presenceBodies() {
        return badBodies().filter(b -> !b.what().startsWith("wrong types") && !b.what().startsWith("bad number"))
                .map(body -> new Bad(body.what(), "POST", "/api/v1/conversations/" + conversationId + "/presence",
                        body.bytes(), body.type(), Map.of(), agent));
    }

    Arbitrary<Bad> adminBodies() {
        return Combinators.combine(Arbitraries.of("/api/v1/admin/sla-policies", "/api/v1/admin/calendars"), badBodies())
                .as((p, body) -> new Bad(body.what(), "PUT", p, body.bytes(), body.type(), Map.of(), admin));
    }

    /** Webhooks: unsigned, wrongly signed, or correctly signed over a body that is not a valid payload. */
    Arbitrary<Bad> webhooks() {
        Arbitrary<Bad> signedBad = badBodies().map(body -> new Bad("signed " + body.what(), "POST",
                "/api/v1/channels/twitter/webhook", body.bytes(), body.type(),
                Map.of(Signatures.TWITTER_HEADER, Signatures.base64Header(TestServer.TWITTER_SECRET, body.bytes())), null));
        Arbitrary<Bad> forged = Combinators.combine(validLookingTweet(), Arbitraries.strings().ofMaxLength(80))
                .as((body, sig) -> new Bad("forged signature", "POST", "/api/v1/channels/twitter/webhook", body, JSON,
                        sig.isEmpty() ? Map.of() : Map.of(Signatures.TWITTER_HEADER, "sha256=" + sig.replaceAll("[^ -~]", "x")),
                        null));
        Arbitrary<Bad> wrongSecret = validLookingTweet().map(body -> new Bad("signed with another secret", "POST",
                "/api/v1/channels/twitter/webhook", body, JSON,
                Map.of(Signatures.TWITTER_HEADER, Signatures.base64Header("not-the-secret", body)), null));
        Arbitrary<Bad> facebook = badBodies().map(body -> new Bad("facebook signed " + body.what(), "POST",
                "/api/v1/channels/facebook/webhook", body.bytes(), body.type(),
                Map.of("X-Hub-Signature-256", Signatures.hexHeader(TestServer.FACEBOOK_SECRET, body.bytes())), null));
        Arbitrary<Bad> unknownChannel = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
                .filter(s -> !List.of("twitter", "facebook", "instagram", "google_play", "app_store", "community",
                        "forum").contains(s.toLowerCase()))
                .map(ch -> new Bad("unknown channel", "POST", "/api/v1/channels/" + ch + "/webhook",
                        "{}".getBytes(StandardCharsets.UTF_8), JSON, Map.of(), null));
        return Arbitraries.oneOf(signedBad, forged, wrongSecret, facebook, unknownChannel);
    }

    /** A tweet payload that would be ingested if it were signed right. */
    Arbitrary<byte[]> validLookingTweet() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(50).map(text -> Payloads.tweets(ORANGE_X,
                Payloads.tweet("tw-fz-" + Math.abs(text.hashCode()), "user-x", text, null)));
    }

    private static final List<String> NASTY = List.of("' OR 1=1 --", "\"; DROP TABLE conversations; --", "%27%20OR%201=1",
            "*", "\"unterminated", "NEAR(a b)", "a AND OR NOT", "^x", "col:val", "(((", "\\", "\u0000", "\u00ff\u00fe",
            "../../etc/passwd", "ñ' UNION SELECT * FROM agents --", "💥", "%E2%80%AE", "-1", "99999999999999999999999",
            "1e400", "NaN", "0x10", "\u202e", "x".repeat(5_000));

    /** Query parameters and ids with SQL, FTS and path specials on the read endpoints. */
    Arbitrary<Bad> queries() {
        Arbitrary<String> nasty = Arbitraries.oneOf(Arbitraries.of(NASTY),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(30))
                .map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8));
        return Combinators.combine(Arbitraries.integers().between(0, 6), nasty).as((which, v) -> switch (which) {
            case 0 -> new Bad("bad status filter", "GET", "/api/v1/conversations?status=" + v, null, null, Map.of(), agent);
            case 1 -> new Bad("bad channel filter", "GET", "/api/v1/conversations?channel=" + v, null, null, Map.of(), agent);
            case 2 -> new Bad("bad limit", "GET", "/api/v1/conversations?limit=" + v, null, null, Map.of(), agent);
            case 3 -> new Bad("bad cursor", "GET", "/api/v1/changes?after=" + v, null, null, Map.of(), agent);
            case 4 -> new Bad("bad page token", "GET", "/api/v1/bootstrap?page=" + v, null, null, Map.of(), agent);
            case 5 -> new Bad("bad conversation id", "GET", "/api/v1/conversations/" + v, null, null,
                    Map.of(), agent);
            default -> new Bad("bad audit range", "GET", "/api/v1/admin/audit?from=" + v, null, null, Map.of(), admin);
        });
    }

    /** FTS5, tsquery and LIKE syntax, and text that folds oddly (combining marks, ß, İ, RTL, emoji). */
    private static final List<String> SEARCH_NASTY = List.of("\"", "\"\"", "*", "a*b", "NEAR(", "NEAR(a b, 2)", "AND",
            "OR x", "NOT", "-x", "+x", "body:x", "{search_body}:x", "^x", "'", "''", "--", ";", "%", "_", "%_%", "(", ")",
            "\\", ":*", "x:*", "a & b", "a | b", "!a", "a <-> b", "a <2> b", "'a':*B", "\u0301", "\u0301\u0301a",
            "İstanbul", "STRASSE straße", "\u202eabc", "💥💥", "ﬁbra", "ℌ", "a\u0000b", "x".repeat(201),
            "a b c d e f g h i j k l m", "fibra ".repeat(40));

    /** The search: hostile q (a 200 over plain words, or a 400 that says why) and bad paging and filters. */
    Arbitrary<Bad> searches() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(SEARCH_NASTY), Arbitraries.of(NASTY),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(300),
                Arbitraries.strings().withCharRange('!', '/').ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> encoded = text.map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8));
        Arbitrary<String> nasty = Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.strings().withCharRange('!', '~')
                .ofMinLength(1).ofMaxLength(30)).map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8));
        return Combinators.combine(Arbitraries.integers().between(0, 4), encoded, nasty).as((which, q, v) -> switch (which) {
            case 0, 1 -> new Bad("search text", "GET", "/api/v1/search?q=" + q, null, null, Map.of(), agent);
            case 2 -> new Bad("search limit", "GET", "/api/v1/search?q=conversacion&limit=" + v, null, null, Map.of(), agent);
            case 3 -> new Bad("search cursor", "GET", "/api/v1/search?q=conversacion&cursor=" + v, null, null, Map.of(), agent);
            default -> new Bad("search filters", "GET", "/api/v1/search?q=conversacion&channel=" + v + "&status=" + v.substring(
                    0, Math.min(v.length(), 100)), null, null, Map.of(), agent);
        });
    }

    record Body(String what, byte[] bytes, MediaType type) {
    }

    /** Bodies that are not an acceptable request for any endpoint. */
    Arbitrary<Body> badBodies() {
        Arbitrary<Body> nested = Combinators.combine(Arbitraries.integers().between(600, 5_000), Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> new Body("nested " + depth, nest(open, depth), JSON));
        Arbitrary<Body> truncated = Arbitraries.strings().ofMaxLength(40).map(s ->
                new Body("truncated", ("{\"kind\":\"reply\",\"body\":\"" + s.replace("\"", "")).getBytes(StandardCharsets.UTF_8), JSON));
        Arbitrary<Body> invalidUtf8 = Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})
                .map(bad -> new Body("invalid utf-8", concat("{\"kind\":\"reply\",\"body\":\"", bad, "\",\"username\":\"a", bad,
                        "\",\"password\":\"x\",\"status\":\"OPEN\",\"version\":1}"), JSON));
        Arbitrary<Body> control = Arbitraries.chars().range('\u0000', '\u001f').map(ch ->
                new Body("raw control char " + (int) ch, ("{\"kind\":\"note\",\"body\":\"a" + ch + "b\",\"username\":\"a" + ch
                        + "\",\"password\":\"p" + ch + "\"}").getBytes(StandardCharsets.UTF_8), JSON));
        Arbitrary<Body> huge = Arbitraries.integers().between(70_000, 300_000).map(n ->
                new Body("huge string " + n, ("{\"kind\":\"note\",\"body\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8), JSON));
        Arbitrary<Body> hugeNumber = Arbitraries.of("1e400", "-1e400", "99999999999999999999999999999", "-9223372036854775809",
                        "1.5", "NaN", "-Infinity", "0x1F", "-0.0e-999")
                .map(n -> new Body("bad number " + n, ("{\"version\":" + n + ",\"priority\":\"P1\",\"status\":\"OPEN\"}")
                        .getBytes(StandardCharsets.UTF_8), JSON));
        Arbitrary<Body> wrongTypes = Arbitraries.of(
                "{\"kind\":5,\"body\":[]}", "{\"kind\":\"reply\",\"body\":{\"a\":1}}", "{\"version\":\"abc\",\"status\":\"OPEN\"}",
                "{\"version\":0,\"status\":\"NOPE\"}", "{\"version\":0,\"priority\":{}}", "{\"version\":[1],\"agentId\":7}",
                "{\"add\":\"factura\",\"version\":0}", "{\"add\":[1,2],\"remove\":{},\"version\":0}", "[]", "null", "true", "42",
                "\"string\"", "{\"username\":[\"ana\"],\"password\":{}}", "{\"viewing\":\"yes\"}", "{\"kind\":\"reply\",\"body\":\"\"}",
                "{\"kind\":\"shout\",\"body\":\"hola\"}", "{\"kind\":\"reply\",\"body\":null}", "{\"kind\":\"reply\",\"body\":\"   \"}",
                "[{\"id\":7}]", "[{\"id\":null,\"name\":[]}]", "{\"version\":-1,\"status\":\"OPEN\"}",
                "{\"version\":999999999,\"priority\":\"P1\"}")
                .map(s -> new Body("wrong types " + s, s.getBytes(StandardCharsets.UTF_8), JSON));
        Arbitrary<Body> notJson = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)
                .filter(bytes -> bytes[0] != '{' && bytes[0] != '[' && bytes[0] != '"' && !Character.isDigit(bytes[0]) && bytes[0] != '-'
                        && bytes[0] != 't' && bytes[0] != 'f' && bytes[0] != 'n' && !Character.isWhitespace(bytes[0]))
                .map(bytes -> new Body("random bytes", bytes, JSON));
        Arbitrary<Body> wrongType = Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded")
                .map(t -> new Body("content type " + t, "{\"kind\":\"note\",\"body\":\"hola\"}".getBytes(StandardCharsets.UTF_8),
                        MediaType.get(t)));
        Arbitrary<Body> empty = Arbitraries.just(new Body("empty", new byte[0], JSON));
        return Arbitraries.oneOf(nested, truncated, invalidUtf8, control, huge, hugeNumber, wrongTypes, notJson, wrongType, empty);
    }

    private static byte[] nest(String open, int depth) {
        StringBuilder sb = new StringBuilder(open.length() * depth + depth + 2);
        sb.append(open.repeat(depth)).append("1");
        String close = open.equals("[") ? "]" : "}";
        sb.append(close.repeat(depth));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String a, byte[] bad, String b, byte[] bad2, String c) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(b.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad2);
        out.writeBytes(c.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
