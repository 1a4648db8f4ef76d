package es.faro.server.jobs;

import es.faro.server.store.ScheduledJobs;
import es.faro.server.store.ScheduledJobs.Job;
import es.faro.server.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due {@link ScheduledJobs} of one kind on this node: every {@code nap} it claims them (with a
 * lease, so with several nodes on one database each job goes to one node), hands each to the
 * handler, then marks it done. A job whose handler throws is left to be claimed again when its lease
 * runs out; handlers are idempotent (keyed by the job id).
 */
public final class JobWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private static final int BATCH = 50;

    /** The work for one claimed job; runs outside any transaction (it may call the network). */
    @FunctionalInterface
    public interface Handler {
        void handle(Job job) throws Exception;
    }

    private final Store store;
    private final Clock clock;
    private final String node;
    private final String kind;
    private final Duration nap;
    private final Duration lease;
    private final Handler handler;
    private final ScheduledExecutorService executor;

    public JobWorker(Store store, Clock clock, String node, String kind, Duration nap, Duration lease,
                     Handler handler) {
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.kind = kind;
        this.nap = nap;
        this.lease = lease;
        this.handler = handler;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faro-jobs-" + kind);
            t.setDaemon(true);
            return t;
        });
    }

    private volatile Runnable beforeEachRun = () -> { };

    /** Work to do before each claim round (e.g. making sure recurring jobs exist). */
    public JobWorker beforeEachRun(Runnable work) {
        this.beforeEachRun = work;
        return this;
    }

    public JobWorker start() {
        executor.scheduleWithFixedDelay(this::runSafely, 0, nap.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs due jobs now (tests call it after moving an injected clock). */
    public void wake() {
        executor.execute(this::runSafely);
    }

    private void runSafely() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.warn("running {} jobs failed; trying again in {}", kind, nap, e);
        }
    }

    /** Claims and runs the jobs due now; returns how many completed. */
    public int runDue() {
        beforeEachRun.run();
        Instant now = clock.instant();
        List<Job> jobs = store.write(c -> ScheduledJobs.claim(c, node, kind, now, now.plus(lease), BATCH)).join();
        int done = 0;
        for (Job job : jobs) {
            try {
                handler.handle(job);
                store.write(c -> ScheduledJobs.complete(c, job.id(), node, clock.instant())).join();
                done++;
            } catch (Exception e) {
                LOG.warn("{} job {} failed; it runs again after its lease", kind, job.id(), e);
            }
        }
        return done;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
