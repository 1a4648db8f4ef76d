package es.faro.server.search;

import static es.faro.server.support.Payloads.AMENA_X;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GET /api/v1/search on both stores, over real HTTP: full text in messages and customers (accents and
 * case folded, last word a prefix), highlighted excerpts, scoping by brand and channel skills, cursor
 * paging, and hostile text (FTS and SQL syntax) searched as plain words or refused with a clear 400.
 */
class SearchApiTest {
    private static final AtomicInteger IDS = new AtomicInteger();

    static String tweet(ApiClient api, String account, String user, String text) {
        String n = "se" + IDS.incrementAndGet();
        byte[] body = Payloads.tweets(account, Payloads.tweet("tw-" + n, user == null ? "u-" + n : user, text, null));
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return n;
    }

    static Reply search(ApiClient api, String token, String query) {
        return api.get("/api/v1/search?" + query, token);
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> snippets(Reply r) {
        List<String> s = new ArrayList<>();
        r.at("/items").forEach(i -> s.add(i.get("snippet").asText()));
        return s;
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void findsRanksHighlightsScopesAndPages(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String ana = api.login("ana");
            String pablo = api.login("pablo");
            String datos = api.login("datos");
            tweet(api, ORANGE_X, null, "Necesito Información sobre la FIBRA óptica en Cádiz");
            tweet(api, ORANGE_X, "zorrilla-77", "Hola, sin cobertura desde ayer");
            tweet(api, AMENA_X, null, "Amena: información de la factura, por favor");

            // Accent- and case-insensitive, the last word a prefix; the excerpt highlights the matched words.
            Reply r = search(api, ana, q("informacion fib"));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.at("/items")).hasSize(1);
            JsonNode hit = r.at("/items/0");
            assertThat(hit.get("match").asText()).isEqualTo("message");
            assertThat(hit.get("brandId").asText()).isEqualTo("orange");
            assertThat(hit.get("messageId").asText()).isNotBlank();
            String snippet = hit.get("snippet").asText();
            List<String> highlighted = new ArrayList<>();
            hit.get("highlights").forEach(h -> highlighted.add(snippet.substring(h.get("start").asInt(),
                    h.get("end").asInt())));
            assertThat(highlighted).containsExactly("Información", "FIBRA");
            assertThat(api.get("/api/v1/conversations/" + hit.get("conversationId").asText() + "/messages", ana).text())
                    .contains(hit.get("messageId").asText());

            // Customers by name or handle.
            Reply byHandle = search(api, ana, q("zorrilla"));
            assertThat(byHandle.at("/items")).hasSize(1);
            assertThat(byHandle.at("/items/0/match").asText()).isEqualTo("customer");
            assertThat(byHandle.at("/items/0/customerHandle").asText()).contains("zorrilla");

            // Scoping: ana (Orange) and pablo (Amena) each see their brand; the analyst reads both.
            assertThat(snippets(search(api, ana, q("informacion")))).hasSize(1).allMatch(s -> s.contains("FIBRA"));
            assertThat(snippets(search(api, pablo, q("informacion")))).hasSize(1).allMatch(s -> s.contains("Amena"));
            assertThat(snippets(search(api, pablo, q("fibra")))).isEmpty();
            assertThat(snippets(search(api, datos, q("informacion")))).hasSize(2);
            assertThat(search(api, datos, q("informacion") + "&brand=amena").at("/items")).hasSize(1);
            assertThat(search(api, datos, q("informacion") + "&channel=facebook").at("/items")).isEmpty();
            assertThat(search(api, datos, q("informacion") + "&status=resolved").at("/items")).isEmpty();

            // Channel skills: an Orange agent skilled for Facebook only does not find the Orange tweet.
            String admin = api.login("admin");
            Reply user = api.post("/api/v1/admin/users", admin, Map.of("username", "solo-facebook", "name", "Solo FB",
                    "roles", List.of("AGENT"), "brands", List.of("orange"), "channels", List.of("FACEBOOK"),
                    "languages", List.of("es"), "capacity", 3, "password", "contraseña-larga"));
            assertThat(user.status()).as(user.text()).isEqualTo(201);
            String fb = api.post("/api/v1/auth/login", null, Map.of("username", "solo-facebook",
                    "password", "contraseña-larga")).at("/token").asText();
            assertThat(search(api, fb, q("informacion")).at("/items")).isEmpty();

            // Paging: seven matches, three at a time, none twice, no next after the last page.
            for (int i = 0; i < 7; i++) {
                tweet(api, ORANGE_X, null, "Router averiado número " + i + " paginacion");
            }
            Set<String> seen = new HashSet<>();
            List<Integer> sizes = new ArrayList<>();
            String cursor = null;
            do {
                Reply page = search(api, ana, q("paginacion") + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).as(page.text()).isEqualTo(200);
                sizes.add(page.at("/items").size());
                page.at("/items").forEach(i -> assertThat(seen.add(i.get("messageId").asText())).as(page.text()).isTrue());
                cursor = page.json().hasNonNull("next") ? page.at("/next").asText() : null; // absent on the last page
            } while (cursor != null);
            assertThat(sizes).containsExactly(3, 3, 1);
            assertThat(seen).hasSize(7);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void hostileTextIsSearchedAsWordsOrRefusedClearly(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String lead = api.login("lucia");
            tweet(api, ORANGE_X, null, "Me cobráis el 100% de la cuota_fija; \"tarifa\" NEAR (roaming) -- ¿por qué?");

            // Operators and quotes are separators, never syntax: the words around them are found.
            for (String text : List.of("\"tarifa\"", "tarifa*", "NEAR(tarifa roaming)", "tarifa'", "tarifa --",
                    "tarifa; DROP TABLE messages; --", "100%", "cuota_fija", "(roaming", "roaming)", "tar\\", "'tarifa' OR '1'='1",
                    "tarifa\" OR \"1", "{tarifa}", "tarifa:*", "^tarifa", "tarifa & roaming", "!tarifa | x", "tarifa <-> roaming")) {
                Reply r = search(api, lead, q(text));
                assertThat(r.status()).as(text + " → " + r.text()).isEqualTo(200);
                if (!text.contains("DROP") && !text.contains("OR") && !text.contains("| x")) {
                    assertThat(r.at("/items")).as(text).hasSize(1);
                }
            }
            // Nothing to search: a 400 that says why.
            for (String text : List.of("\"", "*", "'", "--", ";", "%", "_", "(", ")", "\"\"*", "%_%", " ", "🙂")) {
                Reply r = search(api, lead, q(text));
                assertThat(r.status()).as(text + " → " + r.text()).isEqualTo(400);
                assertThat(r.errorCode()).isEqualTo("validation_failed");
                assertThat(r.at("/error/message").asText()).contains("q ");
            }
            // The store is intact after all of that.
            assertThat(search(api, lead, q("tarifa")).at("/items")).hasSize(1);

            Reply tooLong = search(api, lead, q("a".repeat(SearchTerms.MAX_CHARS + 1)));
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.at("/error/message").asText()).contains("too long");
            assertThat(search(api, lead, q("a b c d e f g h i j k l m n")).at("/error/message").asText())
                    .contains("too many words");
            assertThat(search(api, lead, "").status()).isEqualTo(400);
            assertThat(search(api, lead, q("tarifa") + "&limit=0").status()).isEqualTo(400);
            assertThat(search(api, lead, q("tarifa") + "&limit=x").status()).isEqualTo(400);
            assertThat(search(api, lead, q("tarifa") + "&cursor=!!").status()).isEqualTo(400);
            assertThat(search(api, lead, q("tarifa") + "&cursor=" + SearchRoutes.cursor(5000)).status()).isEqualTo(400);
            assertThat(search(api, lead, q("tarifa") + "&channel=fax").status()).isEqualTo(400);
            assertThat(search(api, lead, q("tarifa") + "&status=dormido").status()).isEqualTo(400);
            assertThat(search(api, null, q("tarifa")).status()).isEqualTo(401);
        }
    }
}
