package es.faro.bench.coldstart;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.Stats;
import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Scenario 3: process start → first conversation list shown with data, for the real workstation
 * in a child JVM over a cache of 100k conversations / 1M messages. Demo mode, so the embedded
 * server starts too and is on the path (a pessimistic stand-in for a configured server, whose
 * sign-in needs a person). The first start also creates the demo server's database; the later
 * ones reuse everything, as a user's second start of the day would.
 */
public final class ColdStartScenario {
    private ColdStartScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int runs = args.integer("runs", 3, 1);
        String xmx = args.text("xmx", "768m");
        Figures out = Figures.stdout();
        out.printLoad();
        CacheFixture.Prepared cache = Fixtures.cache(args, Fixtures.folder(args));
        Path dataDir = Files.createTempDirectory("faro-bench-coldstart");
        try {
            Workstation.install(cache, dataDir);
            Stats fromLaunch = new Stats();
            for (int i = 1; i <= runs; i++) {
                Workstation.Started s = Workstation.start(dataDir, xmx, Duration.ZERO, Duration.ofMinutes(3));
                out.print("coldstart.run" + i, s.coldStartMillis(), "ms");
                out.print("coldstart.run" + i + ".sinceJvmStart", s.sinceJvmStartMillis(), "ms");
                fromLaunch.add(s.coldStartMillis());
            }
            out.print("coldstart.cached.conversations", cache.filled().conversations(), "conversations");
            out.print("coldstart.active.conversations", cache.filled().active(), "conversations");
            out.print("coldstart.median", fromLaunch.percentile(50), "ms");
            out.print("coldstart.xmx", Double.parseDouble(xmx.replace("m", "")), "MB");
        } finally {
            CacheFixture.deleteQuietly(dataDir);
        }
    }
}
