package es.faro.server.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short CI version of the chaos run: a few SIGKILLs of a real server process during webhook
 * ingest (with duplicate deliveries) and reply traffic, then the event-by-event history check.
 * {@code -Dfaro.chaos.kills=N} for more; the full run is {@code bench/run chaos --kills=200}.
 */
class ServerKillChaosTest {
    private static final Logger LOG = LoggerFactory.getLogger(ServerKillChaosTest.class);

    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostDuplicatedOrReorderedThroughKills() throws Exception {
        int kills = Integer.getInteger("faro.chaos.kills", 3);
        ServerKillChaos.Result result = new ServerKillChaos(dir, System.nanoTime()).run(kills);
        LOG.info("chaos: {}", result);
        assertThat(result.problems()).isEmpty();
        assertThat(result.kills()).isEqualTo(kills);
        assertThat(result.webhooksAcked()).isPositive();
        assertThat(result.repliesAcked()).isPositive();
    }
}
