package es.faro.server.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.server.channels.TrafficSource;
import es.faro.server.channels.TrafficSourceFactory;
import es.faro.server.support.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EmbeddedServerTest {

    @Test
    void startsOnLoopbackWithBundledConfigAndDemoUsers() throws Exception {
        Path dir = Files.createTempDirectory("faro-embedded");
        try (EmbeddedServer server = EmbeddedServer.start(new EmbeddedServer.Options(dir, 0, false, 0))) {
            assertThat(server.port()).isPositive();
            assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
            ApiClient api = new ApiClient(server.baseUri());
            assertThat(api.get("/api/v1/health", null).status()).isEqualTo(200);
            String token = api.login("ana");
            assertThat(api.get("/api/v1/bootstrap", token).at("/reference/brands").size()).isEqualTo(5);
            assertThat(Files.exists(dir.resolve("faro.db"))).isTrue();
        }
    }

    @Test
    void demoTrafficGetsTheServerUriSecretsAndBrands() throws Exception {
        Path dir = Files.createTempDirectory("faro-embedded");
        AtomicReference<TrafficSourceFactory.Context> seen = new AtomicReference<>();
        AtomicReference<String> lifecycle = new AtomicReference<>("");
        TrafficSourceFactory factory = ctx -> {
            seen.set(ctx);
            return TrafficSource.of(() -> lifecycle.set("started"), () -> lifecycle.set("closed"));
        };
        EmbeddedServer server = EmbeddedServer.start(new EmbeddedServer.Options(dir, 0, true, 30, Optional.of(factory)));
        try {
            assertThat(lifecycle.get()).isEqualTo("started");
            assertThat(seen.get().serverBaseUri()).isEqualTo(server.baseUri());
            assertThat(seen.get().messagesPerMinute()).isEqualTo(30);
            assertThat(seen.get().brands()).hasSize(5);
            assertThat(seen.get().webhookSecrets()).containsKeys(es.faro.protocol.model.Channel.TWITTER,
                    es.faro.protocol.model.Channel.FACEBOOK, es.faro.protocol.model.Channel.GOOGLE_PLAY);
        } finally {
            server.close();
        }
        assertThat(lifecycle.get()).isEqualTo("closed");
    }
}
