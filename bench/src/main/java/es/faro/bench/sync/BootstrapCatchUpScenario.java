package es.faro.bench.sync;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.data.CacheFiller;
import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.DataGenerator;
import es.faro.bench.data.Fixtures;
import es.faro.bench.data.ServerFixture;
import es.faro.client.cache.SqliteCache;
import es.faro.protocol.event.Event;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 2: a bootstrap of N conversations / M messages into an empty cache (the product's
 * {@code applyBootstrap}, FTS index included), then the catch-up of an hour offline: every event
 * that hour of traffic produced (a message and a conversation update per arrival) applied
 * through {@code applyEvents} in the sync engine's page size. Times the cache side only: the
 * pages are generated beforehand, so HTTP transfer and JSON parsing are not included.
 */
public final class BootstrapCatchUpScenario {
    private static final int CHANGES_PAGE = 1_000;

    private BootstrapCatchUpScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int conversations = args.integer("conversations", 100_000, 200);
        long messages = args.integer("messages", 1_000_000, 2_000);
        double rate = args.decimal("rate", 200, 20);
        int seconds = args.integer("offline.seconds", 3_600, 10);
        Figures out = Figures.stdout();
        out.printLoad();
        Path dir = args.workDir("faro-bench-bootstrap");
        Path file = dir.resolve("bootstrap.db");
        Files.deleteIfExists(file);
        Instant now = Instant.now();
        DataGenerator generator = new DataGenerator(CacheFixture.SEED + 1, now.minusSeconds(seconds), 0.10);
        boolean onFixture = Boolean.parseBoolean(args.text("on.fixture", "false"));
        try {
            if (onFixture) {
                // The shared fixture was itself built by a timed bootstrap into an empty cache;
                // catch up on a copy of it instead of bootstrapping the same million rows again.
                CacheFixture.Prepared fixture = Fixtures.cache(args, Fixtures.folder(args));
                if (fixture.buildMillis() > 0) {
                    out.print("bootstrap.time", fixture.buildMillis(), "ms");
                }
                Files.copy(fixture.file(), file);
            } else {
                bootstrap(file, dir, generator, conversations, messages, out);
            }
            try (SqliteCache cache = SqliteCache.open(file)) {
                catchUp(cache, generator, now, rate, seconds, out);
            }
        } finally {
            if (args.text("dir", null) == null) {
                CacheFixture.deleteQuietly(dir);
            }
        }
    }

    private static void bootstrap(Path file, Path dir, DataGenerator generator, int conversations, long messages,
                                  Figures out) throws Exception {
        ReferenceData reference;
        try (ServerFixture server = ServerFixture.start(dir.resolve("server"))) {
            reference = server.reference();
        }
        try (SqliteCache cache = SqliteCache.open(file)) {
            long t0 = System.nanoTime();
            CacheFiller.Filled filled = CacheFiller.fill(cache, generator, reference, conversations, messages, 0);
            double bootMs = (System.nanoTime() - t0) / 1e6;
            out.print("bootstrap.conversations", filled.conversations(), "conversations");
            out.print("bootstrap.messages", filled.messages(), "messages");
            out.print("bootstrap.time", bootMs, "ms");
            out.print("bootstrap.rate", filled.messages() / (bootMs / 1000), "messages/s");
        }
        out.print("bootstrap.cache.size", Files.size(file) / (1024.0 * 1024), "MB");
    }

    /**
     * An hour of arrivals spread over the active conversations, generated page by page (outside
     * the clock) and applied as the sync engine applies a changes page.
     */
    private static void catchUp(SqliteCache cache, DataGenerator generator, Instant now, double rate, int seconds,
                                Figures out) {
        long r0 = System.nanoTime();
        List<Conversation> active = new ArrayList<>(cache.activeConversations());
        out.print("cache.activeConversations.read", (System.nanoTime() - r0) / 1e6, "ms");
        out.print("cache.activeConversations.count", active.size(), "conversations");
        int arrivals = (int) Math.round(rate * seconds);
        generator.startEventsAfter(cache.cursor());
        Instant at = now.minusSeconds(seconds);
        long stepNanos = (long) (1e9 / rate);
        long applyNanos = 0;
        int events = 0;
        List<Event> page = new ArrayList<>(CHANGES_PAGE + 1);
        for (int i = 0; i < arrivals; i++) {
            int k = generator.random().nextInt(active.size());
            at = at.plusNanos(stepNanos);
            active.set(k, generator.arrival(active.get(k), at, page));
            if (page.size() >= CHANGES_PAGE || i == arrivals - 1) {
                long c0 = System.nanoTime();
                cache.applyEvents(page);
                applyNanos += System.nanoTime() - c0;
                events += page.size();
                page = new ArrayList<>(CHANGES_PAGE + 1);
            }
        }
        double catchMs = applyNanos / 1e6;
        out.print("catchup.offline", seconds, "s");
        out.print("catchup.messages", arrivals, "messages");
        out.print("catchup.events", events, "events");
        out.print("catchup.time", catchMs, "ms");
        out.print("catchup.rate", events / (catchMs / 1000), "events/s");
        // Catch-up is linear in the events (appends and upserts by key); a shorter offline
        // period measured here tells how long a full hour takes.
        out.print("catchup.hour.estimate", catchMs * 3600.0 / seconds, "ms");
    }
}
