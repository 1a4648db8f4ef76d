package es.faro.client.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The test's {@link TaskRunner}: background work and UI callbacks are queued and run, in order, on
 * the thread that calls {@link #drain()} (the test thread), so view models see one thread as they
 * do in the app. Cache listeners fire on the cache's writer thread and only enqueue here.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private int uiCallbacks;

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        queue.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                queue.add(() -> onError.accept(Failures.unwrap(e)));
                return;
            }
            queue.add(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void runOnUi(Runnable action) {
        queue.add(() -> {
            uiCallbacks++;
            action.run();
        });
    }

    /** Runs everything queued, including what the queued work queues in turn. */
    public void drain() {
        for (Runnable r; (r = queue.poll()) != null; ) {
            r.run();
        }
    }

    /** Drains until the condition holds (cache writes and their notifications land on other threads). */
    public void drainUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            drain();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public int uiCallbacks() {
        return uiCallbacks;
    }
}
