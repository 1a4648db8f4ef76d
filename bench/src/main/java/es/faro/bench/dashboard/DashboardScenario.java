package es.faro.bench.dashboard;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.Stats;
import es.faro.bench.data.CacheFiller;
import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.DataGenerator;
import es.faro.bench.data.ServerFixture;
import es.faro.bench.fxpulse.FxPulseScenario;
import es.faro.client.cache.SqliteCache;
import es.faro.client.metrics.LiveSnapshot;
import es.faro.client.sync.MetricsApi;
import es.faro.client.sync.OutboxCommands;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.client.ui.dashboard.DashboardView;
import es.faro.client.ui.dashboard.DashboardViewModel;
import es.faro.protocol.event.Event;
import es.faro.protocol.model.Agent;
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
import java.util.concurrent.atomic.AtomicLongArray;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The lead's dashboard under a burst: the real {@link DashboardViewModel} and {@link DashboardView}
 * on headless JavaFX (Monocle, software rendering) over a lead's cache of active conversations,
 * with customers' first messages arriving as live events at {@code --events} a second (a new
 * conversation and its message each, applied through the cache one event at a time as the sync
 * engine applies the event stream). The embedded server answers the charts' and CSAT's requests.
 *
 * <p>Every arrival adds one to the backlog tile, so the n-th arrival is on screen once the tile
 * shows the starting backlog + n: <b>event → tile</b> is from handing the arrival's event to the
 * cache to the FX-thread moment the tile shows it. <b>FX time</b> is what the FX thread spends
 * applying one snapshot to the tiles, tables and list (timed between a listener added before the
 * view's and one added after them), per snapshot and per event; pulse gaps show what the lead sees
 * as stalls. Network and server are not in the figure: the event stream is measured by {@code sse}.
 */
public final class DashboardScenario {
    private DashboardScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int conversations = args.integer("conversations", 2_000, 200);
        double eventsPerSecond = args.decimal("events", 200, 200);
        int seconds = args.integer("seconds", 30, 3);
        int warmupSeconds = 2;
        Figures out = Figures.stdout();
        out.printLoad();
        FxPulseScenario.headless();
        Path dir = args.workDir("faro-bench-dashboard");
        DataGenerator generator = new DataGenerator(CacheFixture.SEED, Instant.now(), 1.0);
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
        try (ServerFixture server = ServerFixture.start(dir.resolve("server"));
             SqliteCache cache = SqliteCache.open(dir.resolve("dashboard.db"));
             FxTaskRunner tasks = new FxTaskRunner(2)) {
            ReferenceData reference = server.reference();
            Agent lead = server.agent();
            CacheFiller.fill(cache, generator, reference, conversations, conversations * 10L, 0);
            generator.startEventsAfter(cache.cursor());

            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.join();
            SharedClock clock = new SharedClock();
            DashboardViewModel[] vm = new DashboardViewModel[1];
            CompletableFuture<LiveSnapshot> first = new CompletableFuture<>();
            Stats fxPerSnapshot = new Stats();
            long[] fxStart = new long[1];
            double[] fxTotalMs = new double[1];
            int[] snapshots = new int[1];
            // Set when the feeding starts: nothing before it is counted.
            java.util.concurrent.atomic.AtomicLong warmupUntil = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
            // Arrival k (0-based) was handed to the cache at arrivals[k] (System.nanoTime()).
            int capacity = (int) (eventsPerSecond / 2 * (seconds + warmupSeconds + 30)) + 16;
            AtomicLongArray arrivals = new AtomicLongArray(capacity);
            AtomicInteger submitted = new AtomicInteger();
            Stats latency = new Stats();
            int[] matched = new int[1];
            int[] startBacklog = {-1};
            Platform.runLater(() -> {
                clock.start();
                vm[0] = new DashboardViewModel(lead, cache, new OutboxCommands(cache, lead),
                        new MetricsApi(server.api()), tasks, clock.nowProperty());
                // Change listeners run in the order added: this one before the view's, the next after them.
                vm[0].snapshotProperty().addListener((ChangeListener<LiveSnapshot>) (o, a, b) ->
                        fxStart[0] = System.nanoTime());
                DashboardView view = new DashboardView(vm[0], clock, new I18n(I18n.SPANISH));
                vm[0].snapshotProperty().addListener((ChangeListener<LiveSnapshot>) (o, a, s) -> {
                    long now = System.nanoTime();
                    if (now > warmupUntil.get()) {
                        double ms = (now - fxStart[0]) / 1e6;
                        fxPerSnapshot.add(ms);
                        fxTotalMs[0] += ms;
                        snapshots[0]++;
                    }
                    if (startBacklog[0] < 0) {
                        startBacklog[0] = s.metrics().backlog();
                        first.complete(s);
                        return;
                    }
                    int shown = Math.min(s.metrics().backlog() - startBacklog[0], submitted.get());
                    for (; matched[0] < shown; matched[0]++) {
                        long at = arrivals.get(matched[0]);
                        if (at > warmupUntil.get()) {
                            latency.add((now - at) / 1e6);
                        }
                    }
                });
                Scene scene = new Scene(view.root(), 1600, 1000);
                Theme.fromConfig("light").apply(scene);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                vm[0].start();
            });
            LiveSnapshot initial = first.get(2, TimeUnit.MINUTES);

            AtomicInteger applied = new AtomicInteger();
            long periodMicros = (long) (2_000_000 / eventsPerSecond);
            ThreadCpu cpu = new ThreadCpu(onFx(() -> Thread.currentThread().getId()));
            long feedFrom = System.nanoTime();
            long countFrom = feedFrom + warmupSeconds * 1_000_000_000L;
            warmupUntil.set(countFrom);
            feeder.scheduleAtFixedRate(() -> {
                int k = submitted.get();
                if (k >= capacity) {
                    return;
                }
                List<Event> two = new ArrayList<>(2);
                generator.firstContact(Instant.now(), two);
                arrivals.set(k, System.nanoTime());
                submitted.incrementAndGet();
                for (Event e : two) {
                    cache.applyEventsAsync(List.of(e)).thenRun(applied::incrementAndGet);
                }
            }, 0, periodMicros, TimeUnit.MICROSECONDS);

            Stats gaps = new Stats();
            long endAt = countFrom + seconds * 1_000_000_000L;
            CompletableFuture<Void> finished = new CompletableFuture<>();
            Platform.runLater(() -> new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && now > countFrom) {
                        gaps.add((now - last) / 1e6);
                    }
                    last = now;
                    if (now > endAt) {
                        stop();
                        finished.complete(null);
                    }
                }
            }.start());
            Thread.sleep(Math.max(0, (countFrom - System.nanoTime()) / 1_000_000));
            cpu.mark();
            finished.get(seconds + 120L, TimeUnit.SECONDS);
            int appliedAtEnd = applied.get();
            double[] cpuMs = cpu.sinceMark();
            long cpuWallNanos = System.nanoTime() - cpu.markedAt();
            feeder.shutdown();
            feeder.awaitTermination(10, TimeUnit.SECONDS);
            double fedSeconds = (System.nanoTime() - feedFrom) / 1e9;
            // The last arrivals still reach the tile: wait for them (up to 10 s) before counting.
            long drainUntil = System.nanoTime() + 10_000_000_000L;
            while (onFx(() -> matched[0]) < submitted.get() && System.nanoTime() < drainUntil) {
                Thread.sleep(50);
            }
            int seen = onFx(() -> matched[0]);
            out.print("dashboard.conversations.cached", conversations, "conversations");
            out.print("dashboard.backlog.start", initial.metrics().backlog(), "conversations");
            out.print("dashboard.events.applied", applied.get(), "events");
            out.print("dashboard.events.rate", applied.get() / fedSeconds, "events/s");
            out.print("dashboard.arrivals", submitted.get(), "conversations");
            out.print("dashboard.arrivals.unseen", submitted.get() - seen, "conversations");
            out.print("dashboard.latency.samples", latency.count(), "arrivals");
            out.print("dashboard.latency.p50", latency.percentile(50), "ms");
            out.print("dashboard.latency.p99", latency.percentile(99), "ms");
            out.print("dashboard.latency.max", latency.max(), "ms");
            out.print("dashboard.latency.over1s", latency.countAbove(1_000), "arrivals");
            double measuredSeconds = fedSeconds - warmupSeconds;
            double[] fx = onFx(() -> new double[] {snapshots[0], fxTotalMs[0]});
            out.print("dashboard.snapshots", fx[0], "snapshots");
            out.print("dashboard.snapshots.rate", fx[0] / measuredSeconds, "snapshots/s");
            out.print("dashboard.snapshot.fx.p50", fxPerSnapshot.percentile(50), "ms");
            out.print("dashboard.snapshot.fx.p99", fxPerSnapshot.percentile(99), "ms");
            out.print("dashboard.snapshot.fx.max", fxPerSnapshot.max(), "ms");
            // Events applied after the warm-up, estimated from the rate: the FX time is counted from then too.
            double eventsMeasured = Math.max(1, applied.get() * measuredSeconds / fedSeconds);
            out.print("dashboard.fx.per_event", fx[1] * 1_000 / eventsMeasured, "us");
            out.print("dashboard.fx.share", fx[1] / (measuredSeconds * 10), "%");
            // CPU time, which the machine's load does not inflate the way it inflates wall times.
            double cpuSeconds = cpuWallNanos / 1e9;
            double cpuEvents = Math.max(1, appliedAtEnd * cpuSeconds / fedSeconds);
            out.print("dashboard.cpu.fx.per_event", cpuMs[0] * 1_000 / cpuEvents, "us");
            out.print("dashboard.cpu.fx.share", cpuMs[0] / (cpuSeconds * 10), "%");
            out.print("dashboard.cpu.render.share", cpuMs[1] / (cpuSeconds * 10), "%");
            out.print("dashboard.cpu.compute.per_event", cpuMs[2] * 1_000 / cpuEvents, "us");
            out.print("dashboard.cpu.cache.per_event", cpuMs[3] * 1_000 / cpuEvents, "us");
            out.print("dashboard.frames", gaps.count(), "frames");
            out.print("dashboard.gap.p50", gaps.percentile(50), "ms");
            out.print("dashboard.gap.p99", gaps.percentile(99), "ms");
            out.print("dashboard.gap.max", gaps.max(), "ms");
            out.print("dashboard.stalls.over50ms", gaps.countAbove(50), "frames");
            onFx(() -> {
                vm[0].close();
                clock.stop();
                return null;
            });
        } finally {
            feeder.shutdownNow();
            Platform.exit();
            if (args.text("dir", null) == null) {
                CacheFixture.deleteQuietly(dir);
            }
        }
    }

    /**
     * CPU time of the FX thread, the renderer, the dashboard's background computations and the
     * cache writer, from a mark (the end of the warm-up) on.
     */
    private static final class ThreadCpu {
        private final java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        private final long fxThread;
        private volatile double[] marked;
        private volatile long markedAt;

        ThreadCpu(long fxThread) {
            this.fxThread = fxThread;
        }

        /** At the end of the warm-up. */
        void mark() {
            marked = read();
            markedAt = System.nanoTime();
        }

        long markedAt() {
            return markedAt;
        }

        double[] sinceMark() {
            double[] now = read();
            double[] from = marked == null ? new double[now.length] : marked;
            double[] out = new double[now.length];
            for (int i = 0; i < now.length; i++) {
                out[i] = now[i] - from[i];
            }
            return out;
        }

        /** Milliseconds of CPU: FX thread, QuantumRenderer, faro-ui-bg-*, faro-cache-writer. */
        private double[] read() {
            double[] ms = new double[4];
            for (java.lang.management.ThreadInfo t : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                String name = t.getThreadName();
                int slot = t.getThreadId() == fxThread ? 0 : name.startsWith("QuantumRenderer") ? 1
                        : name.startsWith("faro-ui-bg") ? 2 : name.startsWith("faro-cache-writer") ? 3 : -1;
                if (slot >= 0) {
                    long nanos = bean.getThreadCpuTime(t.getThreadId());
                    if (nanos > 0) {
                        ms[slot] += nanos / 1e6;
                    }
                }
            }
            return ms;
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
