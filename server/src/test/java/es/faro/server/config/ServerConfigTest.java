package es.faro.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.protocol.model.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void environmentOverridesTheFile() throws Exception {
        Path file = Files.createTempFile("server", ".properties");
        Files.writeString(file, "port=9000\ndata.dir=/tmp/x\ntoken.ttl=PT1H\nchannels.twitter.secret=file\n");
        ServerConfig c = ServerConfig.load(file, Map.of("FARO_PORT", "9100", "FARO_CHANNELS_TWITTER_SECRET", "env",
                "FARO_CHANNELS_GOOGLE_PLAY_SECRET", "gp", "FARO_DEMO_TRAFFIC", "true", "OTHER", "x"), Map.of());
        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.tokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.channelSecret(Channel.TWITTER)).contains("env");
        assertThat(c.channelSecret(Channel.GOOGLE_PLAY)).contains("gp");
        assertThat(c.demoTraffic()).isTrue();
        assertThat(c.storeUrl()).isEqualTo("jdbc:sqlite:" + Path.of("/tmp/x").resolve("faro.db").toAbsolutePath());
    }

    @Test
    void bundledCopyHasEveryDocumentedKey() {
        ServerConfig c = ServerConfig.bundled(Map.of());
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.maxBodyBytes()).isEqualTo(1_048_576L);
        assertThat(c.tokenTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(c.demoTraffic()).isFalse();
        assertThat(c.facebookVerifyToken()).isPresent();
        assertThat(c.channelSecrets()).containsKeys(Channel.TWITTER, Channel.FACEBOOK, Channel.GOOGLE_PLAY);
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertThatThrownBy(() -> ServerConfig.of(Map.of("token.ttl", "12h")).tokenTtl())
                .hasMessageContaining("token.ttl");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("port", "http")).port()).hasMessageContaining("port");
        assertThatThrownBy(() -> ServerConfig.of(Map.of("demo.traffic", "yes")).demoTraffic())
                .hasMessageContaining("demo.traffic");
        assertThatThrownBy(() -> ServerConfig.load(Path.of("/no/such/file"), Map.of(), Map.of()))
                .hasMessageContaining("not found");
    }

    @Test
    void passwordsHashAndVerifyInConstantTimeFormat() {
        String hash = PasswordHasher.hash("secreto");
        assertThat(hash).startsWith("pbkdf2-sha256$210000$").doesNotContain("secreto");
        assertThat(PasswordHasher.verify("secreto", hash)).isTrue();
        assertThat(PasswordHasher.verify("Secreto", hash)).isFalse();
        assertThat(PasswordHasher.hash("secreto")).isNotEqualTo(hash);
        assertThat(PasswordHasher.verify("secreto", "garbage")).isFalse();
    }
}
