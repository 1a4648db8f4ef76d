package es.faro.bench.coldstart;

import es.faro.client.app.FaroLauncher;
import es.faro.protocol.model.Conversation;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.stage.Window;

/**
 * Runs the real workstation ({@link FaroLauncher}, unchanged) in this JVM and watches its window:
 * after every layout pulse it looks for a list cell showing a conversation. The first pulse that
 * has one is "the first list shown with data"; its wall-clock time goes to the report file.
 * With {@code --settle=PT10S} it then waits, reads this process's resident memory from
 * /proc/self/status and reports that too, and exits.
 *
 * <p>Own flags: {@code --report=FILE} (required), {@code --settle=DURATION}; everything else goes
 * to the workstation.
 */
public final class ColdStartChild {
    private ColdStartChild() {
    }

    public static void main(String[] argv) {
        Path report = null;
        Duration settle = Duration.ZERO;
        List<String> appArgs = new ArrayList<>();
        for (String a : argv) {
            if (a.startsWith("--report=")) {
                report = Path.of(a.substring("--report=".length()));
            } else if (a.startsWith("--settle=")) {
                settle = Duration.parse(a.substring("--settle=".length()));
            } else {
                appArgs.add(a);
            }
        }
        if (report == null) {
            throw new IllegalArgumentException("--report=FILE is required");
        }
        Thread watcher = new Thread(new Watcher(report, settle), "bench-coldstart-watcher");
        watcher.setDaemon(true);
        watcher.start();
        FaroLauncher.main(appArgs.toArray(String[]::new));
    }

    private static final class Watcher implements Runnable {
        private final Path report;
        private final Duration settle;
        private volatile long readyAt;

        Watcher(Path report, Duration settle) {
            this.report = report;
            this.settle = settle;
        }

        @Override
        public void run() {
            try {
                hookScene();
                synchronized (this) {
                    while (readyAt == 0) {
                        wait();
                    }
                }
                Properties p = new Properties();
                p.setProperty("ready.epoch.ms", Long.toString(readyAt));
                p.setProperty("jvm.start.epoch.ms",
                        Long.toString(ManagementFactory.getRuntimeMXBean().getStartTime()));
                if (!settle.isZero()) {
                    Thread.sleep(settle.toMillis());
                    // A collection first: what stays resident then is what the app holds, not garbage
                    // the collector had no reason to reclaim yet.
                    System.gc();
                    Thread.sleep(500);
                    p.setProperty("rss.kb", status("VmRSS"));
                    p.setProperty("hwm.kb", status("VmHWM"));
                    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    p.setProperty("heap.used.bytes", Long.toString(heap.getUsed()));
                    p.setProperty("heap.committed.bytes", Long.toString(heap.getCommitted()));
                    p.setProperty("heap.max.bytes", Long.toString(heap.getMax()));
                }
                Path tmp = report.resolveSibling(report.getFileName() + ".tmp");
                try (var out = Files.newOutputStream(tmp)) {
                    p.store(out, "cold start report");
                }
                Files.move(tmp, report, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Platform.exit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Waits for the toolkit and the stage, then listens to every pulse of its scene. */
        private void hookScene() throws InterruptedException {
            while (true) {
                Thread.sleep(5);
                java.util.concurrent.CompletableFuture<Boolean> hooked = new java.util.concurrent.CompletableFuture<>();
                try {
                    Platform.runLater(() -> hooked.complete(tryHook()));
                } catch (IllegalStateException toolkitNotUpYet) {
                    continue;
                }
                try {
                    if (hooked.get()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }

        private boolean tryHook() {
            for (Window w : Window.getWindows()) {
                Scene scene = w.getScene();
                if (scene != null) {
                    scene.addPostLayoutPulseListener(() -> check(scene));
                    return true;
                }
            }
            return false;
        }

        private void check(Scene scene) {
            if (readyAt != 0 || scene.getRoot() == null) {
                return;
            }
            for (Node n : scene.getRoot().lookupAll(".list-cell")) {
                if (n instanceof ListCell<?> cell && !cell.isEmpty() && cell.getItem() instanceof Conversation
                        && cell.isVisible() && cell.getHeight() > 0) {
                    synchronized (this) {
                        readyAt = System.currentTimeMillis();
                        notifyAll();
                    }
                    return;
                }
            }
        }

        private static String status(String key) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return line.substring(key.length() + 1).replace("kB", "").trim();
                }
            }
            return "-1";
        }
    }
}
