package es.faro.server.automation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code check} on its own thread when signalled, coalescing: commits arrive many times a second
 * under traffic, and one check per {@link #GAP_MS} covers them all. A signal during a check runs one
 * more check after it, so a retraining announced meanwhile is never missed.
 */
final class ModelWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ModelWatch.class);
    static final long GAP_MS = 250;

    private final Runnable check;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "classifier-watch");
        t.setDaemon(true);
        return t;
    });

    ModelWatch(Runnable check) {
        this.check = check;
    }

    /** Called from commit listeners: must return at once. */
    void signal() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                thread.schedule(this::run, GAP_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                scheduled.set(false);
            }
        }
    }

    private void run() {
        scheduled.set(false); // a signal from now on schedules the next check
        try {
            check.run();
        } catch (RuntimeException e) {
            LOG.warn("checking for a retrained classifier failed; the next commit tries again", e);
        }
    }

    void close() {
        thread.shutdownNow();
    }
}
