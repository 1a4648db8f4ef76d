package es.faro.server.canned;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Canned responses over real HTTP on both store dialects: roles, validation, events, usage, tombstones. */
class CannedResponsesApiTest {
    static final String BASE = "/api/v1/canned-responses";

    static Map<String, Object> draft(String title, String brandId, String ownerId) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("brandId", brandId);
        m.put("language", "es");
        m.put("folder", "Pedidos");
        m.put("shortcut", "pedido");
        m.put("body", "Hola {{customer.name}}, tu pedido {{ask:Número de pedido}} está en camino. {{agent.name}}");
        m.put("ownerId", ownerId);
        m.put("labels", List.of("envio"));
        return m;
    }

    static Reply put(ApiClient api, String path, String token, Object body) {
        byte[] bytes = body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : es.faro.protocol.json.Json.writeBytes(body);
        return api.call(api.builder(path, token, Map.of()).put(RequestBody.create(bytes, ApiClient.JSON)).build());
    }

    static Reply delete(ApiClient api, String path, String token) {
        return api.call(api.builder(path, token, Map.of()).delete().build());
    }

    static List<String> ids(Reply list) {
        List<String> ids = new ArrayList<>();
        list.json().forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    static List<JsonNode> events(ApiClient api, String token, long after, String type) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/changes?after=" + after + "&limit=5000", token).at("/events")
                .forEach(e -> {
                    if (e.path("type").asText().equals(type)) {
                        found.add(e);
                    }
                });
        return found;
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void rolesDecideWhoManagesSharedAndPersonalResponses(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String admin = api.login("admin");
            String lucia = api.login("lucia");
            String ana = api.login("ana");
            String pablo = api.login("pablo");
            String datos = api.login("datos");
            long cursor = api.get("/api/v1/changes?after=0&limit=5000", lucia).at("/last").asLong();

            assertThat(api.get(BASE, null).status()).isEqualTo(401);
            assertThat(api.get(BASE + "?language=es", ana).json().size()).as("seeded from the reference files")
                    .isGreaterThan(3);

            Reply shared = api.post(BASE, lucia, draft("Pedido en camino", "orange", null));
            assertThat(shared.status()).isEqualTo(201);
            String sharedId = shared.at("/id").asText();
            assertThat(sharedId).startsWith("cr-");
            assertThat(shared.headers().get("Location")).isEqualTo(BASE + "/" + sharedId);
            assertThat(shared.at("/usageCount").asInt()).isZero();

            assertThat(api.post(BASE, ana, draft("Mía compartida", "orange", null)).status())
                    .as("agents do not create shared ones").isEqualTo(403);
            assertThat(api.post(BASE, datos, draft("Analista", null, "u-datos")).status()).isEqualTo(403);
            assertThat(api.post(BASE, ana, draft("Para otro", "orange", "u-pablo")).status())
                    .as("nor personal ones of someone else").isEqualTo(403);
            assertThat(api.post(BASE, ana, draft("Amena", "amena", "u-ana")).status())
                    .as("nor for a brand they do not work on").isEqualTo(403);

            Reply personal = api.post(BASE, ana, draft("Mi pedido", "orange", "u-ana"));
            assertThat(personal.status()).isEqualTo(201);
            String personalId = personal.at("/id").asText();

            assertThat(ids(api.get(BASE + "?brand=orange", ana))).contains(sharedId, personalId);
            assertThat(ids(api.get(BASE + "?brand=orange&language=en", ana))).doesNotContain(sharedId, personalId);
            assertThat(ids(api.get(BASE, pablo))).as("pablo works on Amena, Simyo, República Móvil")
                    .doesNotContain(sharedId, personalId);
            assertThat(ids(api.get(BASE, lucia))).as("personal ones are their owner's").doesNotContain(personalId)
                    .contains(sharedId);
            assertThat(api.get(BASE + "/" + personalId, pablo).status()).isEqualTo(404);
            assertThat(api.get(BASE + "/" + personalId, admin).status()).isEqualTo(200);

            Map<String, Object> edit = draft("Pedido enviado", "orange", null);
            assertThat(put(api, BASE + "/" + sharedId, ana, edit).status()).isEqualTo(403);
            Reply edited = put(api, BASE + "/" + sharedId, lucia, edit);
            assertThat(edited.status()).isEqualTo(200);
            assertThat(edited.at("/title").asText()).isEqualTo("Pedido enviado");
            assertThat(put(api, BASE + "/" + personalId, ana, draft("Mi pedido 2", "orange", "u-ana")).status())
                    .isEqualTo(200);
            assertThat(put(api, BASE + "/" + personalId, ana, draft("Ahora compartida", "orange", null)).status())
                    .as("an agent cannot turn a personal one into a shared one").isEqualTo(403);
            assertThat(put(api, BASE + "/cr-nope", lucia, edit).status()).isEqualTo(404);

            assertThat(api.post(BASE + "/" + sharedId + "/used", ana, "").status()).isEqualTo(200);
            Reply used = api.post(BASE + "/" + sharedId + "/used", ana, "");
            assertThat(used.at("/usageCount").asInt()).isEqualTo(2);
            assertThat(api.post(BASE + "/" + sharedId + "/used", pablo, "").status()).isEqualTo(404);
            assertThat(api.post(BASE + "/" + sharedId + "/used", datos, "").status()).isEqualTo(403);
            assertThat(put(api, BASE + "/" + sharedId, lucia, edit).at("/usageCount").asInt())
                    .as("an edit keeps the count").isEqualTo(2);

            assertThat(delete(api, BASE + "/" + sharedId, ana).status()).isEqualTo(403);
            assertThat(delete(api, BASE + "/" + sharedId, lucia).status()).isEqualTo(204);
            assertThat(api.get(BASE + "/" + sharedId, lucia).status()).isEqualTo(404);
            assertThat(delete(api, BASE + "/" + sharedId, lucia).status()).isEqualTo(404);
            assertThat(delete(api, BASE + "/" + personalId, admin).status()).as("admins manage any").isEqualTo(204);

            List<JsonNode> upserts = events(api, ana, cursor, "canned_response.upserted");
            assertThat(upserts).hasSize(7);
            assertThat(events(api, lucia, cursor, "canned_response.upserted")).as("ana's personal ones are hers")
                    .hasSize(5).extracting(e -> e.at("/data/id").asText()).containsOnly(sharedId);
            assertThat(events(api, lucia, cursor, "canned_response.deleted"))
                    .extracting(e -> e.at("/data/id").asText()).containsExactly(sharedId);
            assertThat(upserts.get(upserts.size() - 1).at("/data/title").asText()).isEqualTo("Pedido enviado");
            List<JsonNode> deletes = events(api, ana, cursor, "canned_response.deleted");
            assertThat(deletes).extracting(e -> e.at("/data/id").asText()).containsExactly(sharedId, personalId);
            JsonNode reference = api.get("/api/v1/bootstrap", ana).at("/reference/cannedResponses");
            List<String> inBootstrap = new ArrayList<>();
            reference.forEach(n -> inBootstrap.add(n.path("id").asText()));
            assertThat(inBootstrap).isNotEmpty().doesNotContain(sharedId, personalId);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void badInputIs400AndWritesNothing(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String lucia = api.login("lucia");
            String admin = api.login("admin");
            String before = api.get(BASE, lucia).text();
            long cursor = api.get("/api/v1/changes?after=0&limit=5000", lucia).at("/last").asLong();
            Map<String, String> bad = new java.util.LinkedHashMap<>();
            bad.put("title", "title is required");
            bad.put("body", "body is required");
            bad.put("language", "language");
            Map<String, Object> badShortcut = draft("T", null, null);
            badShortcut.put("shortcut", "dos palabras");
            Map<String, Object> badBrand = draft("T", "nope", null);
            Map<String, Object> badOwner = draft("T", null, "u-nadie");
            Map<String, Object> badPlaceholder = draft("T", null, null);
            badPlaceholder.put("body", "Hola {{custmer.name}}");
            Map<String, Object> longTitle = draft("x".repeat(121), null, null);
            Map<Object, String> cases = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> e : bad.entrySet()) {
                Map<String, Object> d = draft("T", null, null);
                d.remove(e.getKey());
                cases.put(d, e.getValue());
            }
            cases.put(badShortcut, "shortcut");
            cases.put(badBrand, "unknown brand");
            cases.put(badOwner, "unknown owner");
            cases.put(badPlaceholder, "custmer.name");
            cases.put(longTitle, "title");
            cases.put("{\"title\":", "malformed");
            cases.put("[1,2]", "object");
            cases.forEach((body, words) -> {
                Reply r = api.post(BASE, admin, body);
                assertThat(r.status()).as(String.valueOf(body)).isEqualTo(400);
                assertThat(r.at("/error/message").asText()).as(String.valueOf(body)).contains(words);
            });
            assertThat(api.get(BASE, lucia).text()).isEqualTo(before);
            assertThat(events(api, lucia, cursor, "canned_response.upserted")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreBackend.class, names = "SQLITE")
    void editsAndDeletionsSurviveARestart(StoreBackend backend) {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String lucia = api.login("lucia");
            assertThat(delete(api, BASE + "/cr-es-saludo", lucia).status()).isEqualTo(204);
            Map<String, Object> edit = draft("DNI por privado", null, null);
            edit.put("body", "Escríbenos por privado, {{customer.first_name}}.");
            assertThat(put(api, BASE + "/cr-es-dni", lucia, edit).status()).isEqualTo(200);
            server.restart();
            api = server.client();
            lucia = api.login("lucia");
            assertThat(api.get(BASE + "/cr-es-saludo", lucia).status()).as("a deleted seed stays deleted")
                    .isEqualTo(404);
            assertThat(api.get(BASE + "/cr-es-dni", lucia).at("/title").asText()).isEqualTo("DNI por privado");
        }
    }
}
