package es.faro.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void aNonDemoServerRefusesDemoPasswords() throws Exception {
        Path dir = Files.createTempDirectory("faro-guard-test");
        var config = TestServer.config(dir, Map.of("embedded.demo", "false", "demo.traffic", "false"));
        assertThatThrownBy(() -> FaroServer.start(config, "127.0.0.1", Optional.empty()))
                .isInstanceOf(FaroServer.StartupRefused.class)
                .hasMessageContaining("ana")
                .hasMessageContaining("demo password");
    }
}
