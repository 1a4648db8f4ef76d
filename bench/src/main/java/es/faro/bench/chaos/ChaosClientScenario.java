package es.faro.bench.chaos;

import es.faro.bench.Args;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench/run chaos-client [--kills=200] [--seed=N] [--smoke]}: SIGKILLs of the real client sync
 * stack (headless, on its cache file) mid-send, connection cuts between it and the server, webhooks
 * delivered twice, then the change-by-change check of what the agent was told against the server
 * and of the cache against the server. Exits 1 when the checker finds a problem.
 */
public final class ChaosClientScenario {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosClientScenario.class);

    private ChaosClientScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int kills = args.integer("kills", 200, 3);
        long seed = (long) args.decimal("seed", System.nanoTime(), System.nanoTime());
        Path dir = args.workDir("faro-chaos-client");
        LOG.warn("chaos-client: {} kills of the client, seed {}, data in {}", kills, seed, dir);
        long start = System.nanoTime();
        ClientKillChaos.Result result = new ClientKillChaos(dir, seed).run(kills);
        System.out.println("chaos-client: " + result);
        System.out.printf("chaos.client.kills %d count%n", result.kills());
        System.out.printf("chaos.client.cuts %d count%n", result.cuts());
        System.out.printf("chaos.client.start.mean %d ms%n", result.meanStartMillis());
        System.out.printf("chaos.client.changes.saved %d count%n", result.changesSaved());
        System.out.printf("chaos.client.events %d count%n", result.events());
        System.out.printf("chaos.client.problems %d count%n", result.problems().size());
        System.out.printf("chaos.client.time %.1f s%n", (System.nanoTime() - start) / 1e9);
        if (!result.ok()) {
            result.problems().forEach(p -> System.out.println("chaos problem: " + p));
            System.exit(1);
        }
    }
}
