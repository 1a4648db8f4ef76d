package es.faro.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.server.store.Stores;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys a multi-node deployment sets, and how the store is chosen from the URL. */
class ClusterConfigTest {

    @Test
    void clusterKeysComeFromTheEnvironmentAndAreValidated() {
        ServerConfig config = ServerConfig.load(null, Map.of(
                "FARO_STORE_URL", "jdbc:postgresql://db:5432/faro?user=faro&password=secret",
                "FARO_STORE_POOL_SIZE", "16", "FARO_NODE_ID", "faro-b",
                "FARO_AUTH_LOCKOUT_FAILURES", "5", "FARO_AUTH_LOCKOUT_WINDOW", "PT5M",
                "FARO_HTTP_FORWARDED_TRUST", "true", "FARO_PRESENCE_TTL", "PT10S"), Map.of());
        assertThat(config.storeUrl()).startsWith("jdbc:postgresql://db:5432/faro");
        assertThat(config.storePoolSize()).isEqualTo(16);
        assertThat(config.nodeId()).isEqualTo("faro-b");
        assertThat(config.loginLockoutFailures()).isEqualTo(5);
        assertThat(config.loginLockoutWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.trustForwardedFor()).isTrue();
        assertThat(config.presenceTtl()).isEqualTo(Duration.ofSeconds(10));

        assertThatThrownBy(() -> ServerConfig.of(Map.of("store.pool.size", "0")).storePoolSize())
                .hasMessageContaining("store.pool.size");
        ServerConfig defaults = ServerConfig.of(Map.of());
        assertThat(defaults.storePoolSize()).isEqualTo(8);
        assertThat(defaults.nodeId()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(defaults.trustForwardedFor()).isFalse();
    }

    @Test
    void theStoreFollowsTheUrlAndPasswordsStayOutOfLogs() {
        assertThat(Stores.isShared("jdbc:postgresql://db/faro")).isTrue();
        assertThat(Stores.isShared("jdbc:sqlite:/tmp/faro.db")).isFalse();
        assertThat(Stores.redact("jdbc:postgresql://db/faro?user=faro&password=secret"))
                .isEqualTo("jdbc:postgresql://db/faro?…").doesNotContain("secret");
        assertThatThrownBy(() -> Stores.open("jdbc:mysql://db/faro?password=secret", 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql")
                .hasMessageNotContaining("secret");
    }
}
