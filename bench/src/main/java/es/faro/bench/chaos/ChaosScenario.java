package es.faro.bench.chaos;

import es.faro.bench.Args;
import es.faro.server.chaos.ServerKillChaos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench/run chaos [--kills=200] [--seed=N] [--smoke]}: SIGKILLs of a real server process
 * during webhook ingest (with duplicate deliveries) and reply traffic, then the event-by-event
 * history check (0 lost, 0 duplicated, 0 reordered). Exits 1 when the checker finds a problem.
 */
public final class ChaosScenario {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosScenario.class);

    private ChaosScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int kills = args.integer("kills", 200, 3);
        long seed = (long) args.decimal("seed", System.nanoTime(), System.nanoTime());
        Path dir = Files.createTempDirectory("faro-chaos");
        LOG.info("chaos: {} kills of the server, seed {}, data in {}", kills, seed, dir);
        ServerKillChaos.Result result = new ServerKillChaos(dir, seed).run(kills);
        LOG.info("chaos: {}", result);
        if (!result.ok()) {
            result.problems().forEach(p -> LOG.error("chaos problem: {}", p));
            System.exit(1);
        }
    }
}
