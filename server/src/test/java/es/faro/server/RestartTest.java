package es.faro.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What must survive a restart on the same database file, and what must stop a real server. */
class RestartTest {

    @Test
    void idempotencyKeysAndDeduplicationSurviveARestart() {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("rs-1", "rs-user", "Hola", null));
            api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
            String ana = api.login("ana");
            String id = api.get("/api/v1/conversations", ana).at("/items/0/id").asText();
            String key = UUID.randomUUID().toString();
            Reply first = api.post("/api/v1/conversations/" + id + "/messages", ana,
                    Map.of("kind", "reply", "body", "Respuesta única"), Map.of("Idempotency-Key", key));
            assertThat(first.status()).isEqualTo(201);
            long cursor = api.get("/api/v1/changes?after=0&limit=5000", ana).at("/last").asLong();

            server.restart();
            api = server.client();
            // The token is stored (hashed) too: it still works after the restart.
            assertThat(api.get("/api/v1/me", ana).status()).isEqualTo(200);
            Reply again = api.post("/api/v1/conversations/" + id + "/messages", ana,
                    Map.of("kind", "reply", "body", "Respuesta única"), Map.of("Idempotency-Key", key));
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.json()).isEqualTo(first.json());
            assertThat(api.get("/api/v1/conversations/" + id + "/messages", ana).json().size()).isEqualTo(2);
            Reply dup = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
            assertThat(dup.at("/duplicates").asInt()).isEqualTo(1);
            // An unchanged reference load writes no new event: the log continues where it was.
            assertThat(api.get("/api/v1/changes?after=" + cursor, ana).at("/events").size()).isZero();
        }
    }

    @Test
    void referenceRowsInAnotherKeyOrderAreNotAChange() {
        try (TestServer server = TestServer.start()) {
            String lucia = server.client().login("lucia");
            long cursor = server.client().get("/api/v1/changes?after=0", lucia).at("/last").asLong();
            // Another JVM run serializes the records' immutable maps and sets in another order.
            server.restart(() -> reorderStoredJson(server.dataDir().resolve("faro.db")));
            assertThat(server.client().get("/api/v1/changes?after=" + cursor, lucia).at("/events").size()).isZero();
        }
    }

    private static void reorderStoredJson(Path db) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT kind, id, json FROM reference_items")) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE reference_items SET json = ? WHERE kind = ? AND id = ?")) {
                for (String[] row : rows) {
                    ps.setString(1, Json.write(reversed(Json.MAPPER.readTree(row[2]))));
                    ps.setString(2, row[0]);
                    ps.setString(3, row[1]);
                    ps.executeUpdate();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode out = Json.MAPPER.createObjectNode();
            names.forEach(n -> out.set(n, n.equals("holidays") ? reversedArray(node.get(n)) : reversed(node.get(n))));
            return out;
        }
        return node;
    }

    /** Only sets may be reordered (lists such as a queue's brands keep their meaning in order). */
    private static JsonNode reversedArray(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (int i = node.size() - 1; i >= 0; i--) {
                out.add(node.get(i));
            }
            return out;
        }
        return node;
    }

    @Test
    void aNonDemoServerRefusesDemoPasswords() throws Exception {
        Path dir = Files.createTempDirectory("faro-guard-test");
        var config = TestServer.config(dir, Map.of("embedded.demo", "false", "demo.traffic", "false"));
        assertThatThrownBy(() -> FaroServer.start(config, "127.0.0.1", Optional.empty()))
                .isInstanceOf(FaroServer.StartupRefused.class)
                .hasMessageContaining("ana")
                .hasMessageContaining("demo password");
    }
}
