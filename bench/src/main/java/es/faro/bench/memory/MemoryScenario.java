package es.faro.bench.memory;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.coldstart.Workstation;
import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Scenario 7: resident memory of the real workstation (child JVM, headless, demo mode) holding a
 * cache of 100k conversations / 1M messages, its view models loaded and the first list shown,
 * after it has settled (sync done, demo traffic flowing) and one collection: VmRSS and the
 * high-water mark VmHWM from /proc/self/status, with the heap limit it ran under.
 */
public final class MemoryScenario {
    private MemoryScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String xmx = args.text("xmx", "768m");
        Duration settle = Duration.ofSeconds(args.integer("settle.seconds", 15, 2));
        Figures out = Figures.stdout();
        out.printLoad();
        CacheFixture.Prepared cache = Fixtures.cache(args, Fixtures.folder(args));
        Path dataDir = Files.createTempDirectory("faro-bench-memory");
        try {
            Workstation.install(cache, dataDir);
            Workstation.Started s = Workstation.start(dataDir, xmx, settle, Duration.ofMinutes(4));
            out.print("memory.cached.conversations", cache.filled().conversations(), "conversations");
            out.print("memory.cached.messages", cache.filled().messages(), "messages");
            out.print("memory.rss", Long.parseLong(s.report().getProperty("rss.kb")) / 1024.0, "MB");
            out.print("memory.rss.peak", Long.parseLong(s.report().getProperty("hwm.kb")) / 1024.0, "MB");
            out.print("memory.heap.used", Long.parseLong(s.report().getProperty("heap.used.bytes")) / 1048576.0, "MB");
            out.print("memory.heap.committed",
                    Long.parseLong(s.report().getProperty("heap.committed.bytes")) / 1048576.0, "MB");
            out.print("memory.xmx", Long.parseLong(s.report().getProperty("heap.max.bytes")) / 1048576.0, "MB");
        } finally {
            CacheFixture.deleteQuietly(dataDir);
        }
    }
}
