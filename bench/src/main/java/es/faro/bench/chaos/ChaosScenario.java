package es.faro.bench.chaos;

import es.faro.bench.Args;
import es.faro.bench.Figures;
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
        Figures out = Figures.stdout();
        out.printLoad();
        System.out.println("chaos: " + kills + " kills of the server, seed " + seed + ", data in " + dir);
        long started = System.nanoTime();
        ServerKillChaos chaos = new ServerKillChaos(dir, seed);
        chaos.onProgress(k -> {
            if (k > 0 && k % 10 == 0) {
                System.out.printf("chaos: %d kills so far, %d problems, %.0f s%n", k, chaos.problemsSoFar(),
                        (System.nanoTime() - started) / 1e9);
            }
        });
        ServerKillChaos.Result result = chaos.run(kills);
        out.print("chaos.server.kills", result.kills(), "kills");
        out.print("chaos.server.webhooks_acknowledged", result.webhooksAcked(), "messages");
        out.print("chaos.server.duplicate_deliveries", result.duplicatesSent(), "webhooks");
        out.print("chaos.server.replies_acknowledged", result.repliesAcked(), "replies");
        out.print("chaos.server.events_checked", result.events(), "events");
        out.print("chaos.server.problems", result.problems().size(), "problems");
        out.print("chaos.server.duration", (System.nanoTime() - started) / 1e9, "s");
        if (!result.ok()) {
            result.problems().forEach(p -> LOG.error("chaos problem: {}", p));
            System.exit(1);
        }
    }
}
