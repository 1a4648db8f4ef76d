package es.faro.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short CI version of the client chaos run: a few SIGKILLs of the real client sync stack
 * mid-send, connection cuts and duplicate webhooks, then the change-by-change check against the
 * server and the cache-equals-server check. {@code -Dfaro.chaos.client.kills=N} for more (and
 * {@code -Dfaro.chaos.seed=N} to repeat a run); the full run is {@code bench/run chaos-client --kills=200}.
 */
class ClientKillChaosTest {
    private static final Logger LOG = LoggerFactory.getLogger(ClientKillChaosTest.class);

    @TempDir
    Path dir;

    @Test
    void nothingSavedIsLostDuplicatedOrReorderedAndTheCacheEqualsTheServer() throws Exception {
        int kills = Integer.getInteger("faro.chaos.client.kills", 6);
        long seed = Long.getLong("faro.chaos.seed", System.nanoTime());
        ClientKillChaos.Result result = new ClientKillChaos(dir, seed).run(kills);
        LOG.warn("chaos-client (seed {}): {}", seed, result);
        assertThat(result.problems()).as("seed " + seed).isEmpty();
        assertThat(result.kills()).isEqualTo(kills);
        assertThat(result.changesSaved()).as("changes the agent was told were saved").isPositive();
        assertThat(result.cuts()).as("connections cut").isPositive();
        assertThat(result.duplicatesSent()).as("webhooks delivered twice").isPositive();
        assertThat(result.conversationsCompared()).isGreaterThan(6);
    }
}
