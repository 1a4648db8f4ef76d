package es.faro.bench.fxpulse;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.Stats;
import es.faro.bench.data.CacheFiller;
import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.DataGenerator;
import es.faro.bench.data.ServerFixture;
import es.faro.client.cache.SqliteCache;
import es.faro.client.sync.OutboxCommands;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.client.ui.workstation.WorkstationView;
import es.faro.client.ui.workstation.WorkstationViewModel;
import es.faro.protocol.event.Event;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ReferenceData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

/**
 * Scenario 4: the real workstation (view models and views) on a headless JavaFX (Monocle,
 * software rendering) over a cache of 2,000 active conversations, the shared clock ticking every
 * countdown, the list scrolling, and 200 events a second applied through the cache one by one as
 * the sync engine applies live events. An {@link AnimationTimer} timestamps every pulse; the gap
 * between two pulses is what the agent sees as a stall (16.7 ms at 60 fps).
 */
public final class FxPulseScenario {
    private FxPulseScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int conversations = args.integer("conversations", 2_000, 200);
        double eventsPerSecond = args.decimal("events", 200, 200);
        int seconds = args.integer("seconds", 30, 3);
        Figures out = Figures.stdout();
        out.printLoad();
        headless();
        Path dir = args.workDir("faro-bench-fxpulse");
        ReferenceData reference;
        Agent me;
        try (ServerFixture server = ServerFixture.start(dir.resolve("server"))) {
            reference = server.reference();
            me = server.agent();
        }
        DataGenerator generator = new DataGenerator(CacheFixture.SEED, Instant.now(), 1.0);
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
        try (SqliteCache cache = SqliteCache.open(dir.resolve("fxpulse.db"));
             FxTaskRunner tasks = new FxTaskRunner(2)) {
            CacheFiller.fill(cache, generator, reference, conversations, conversations * 10L, 0);
            List<Conversation> active = new ArrayList<>(cache.activeConversations());
            generator.startEventsAfter(cache.cursor());

            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.join();
            SharedClock clock = new SharedClock();
            CompletableFuture<ListView<?>> shown = new CompletableFuture<>();
            WorkstationViewModel[] vm = new WorkstationViewModel[1];
            Platform.runLater(() -> {
                clock.start();
                vm[0] = new WorkstationViewModel(me, cache, new OutboxCommands(cache, me), new SteadyConnection(),
                        tasks);
                WorkstationView view = new WorkstationView(vm[0], clock, new I18n(I18n.SPANISH));
                Scene scene = new Scene(view.root(), 1440, 900);
                Theme.fromConfig("light").apply(scene);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                vm[0].loadedProperty().subscribe(loaded -> {
                    if (loaded) {
                        shown.complete(view.conversationList());
                    }
                });
                vm[0].start();
            });
            ListView<?> list = shown.get(2, TimeUnit.MINUTES);

            // Events: one arrival is a message and a conversation update; each event is its own
            // cache write, as live events are.
            AtomicInteger applied = new AtomicInteger();
            long periodMicros = (long) (2_000_000 / eventsPerSecond);
            feeder.scheduleAtFixedRate(() -> {
                int k = generator.random().nextInt(active.size());
                List<Event> two = new ArrayList<>(2);
                active.set(k, generator.arrival(active.get(k), Instant.now(), two));
                for (Event e : two) {
                    cache.applyEventsAsync(List.of(e)).thenRun(applied::incrementAndGet);
                }
            }, 0, periodMicros, TimeUnit.MICROSECONDS);

            Stats gaps = new Stats();
            long warmupUntil = System.nanoTime() + 2_000_000_000L;
            long endAt = warmupUntil + seconds * 1_000_000_000L;
            CompletableFuture<Void> finished = new CompletableFuture<>();
            int[] scroll = {0};
            Platform.runLater(() -> new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && now > warmupUntil) {
                        gaps.add((now - last) / 1e6);
                    }
                    last = now;
                    // Scroll a few rows every 6 pulses (10 a second), back to the top at the end.
                    if (++scroll[0] % 6 == 0 && !list.getItems().isEmpty()) {
                        list.scrollTo((scroll[0] / 6 * 7) % list.getItems().size());
                    }
                    if (now > endAt) {
                        stop();
                        finished.complete(null);
                    }
                }
            }.start());
            finished.get(seconds + 60L, TimeUnit.SECONDS);
            feeder.shutdownNow();
            out.print("fx.conversations.listed", list.getItems().size(), "conversations");
            out.print("fx.events.applied", applied.get(), "events");
            out.print("fx.events.rate", applied.get() / (seconds + 2.0), "events/s");
            out.print("fx.frames", gaps.count(), "frames");
            out.print("fx.gap.p50", gaps.percentile(50), "ms");
            out.print("fx.gap.p99", gaps.percentile(99), "ms");
            out.print("fx.gap.max", gaps.max(), "ms");
            out.print("fx.stalls.over50ms", gaps.countAbove(50), "frames");
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Platform.runLater(() -> {
                vm[0].close();
                clock.stop();
                closed.complete(null);
            });
            closed.get(30, TimeUnit.SECONDS);
        } finally {
            feeder.shutdownNow();
            Platform.exit();
            if (args.text("dir", null) == null) {
                CacheFixture.deleteQuietly(dir);
            }
        }
    }

    /** Monocle's headless screen and software rendering, set before the toolkit starts. */
    public static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1600x1000-32");
        System.setProperty("java.awt.headless", "true");
    }
}
