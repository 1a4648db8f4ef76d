package es.faro.client.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects items offered from any thread and hands them to the UI thread in batches: however many
 * arrive, at most one UI callback is queued at a time, so a burst of 200 notifications costs one
 * pulse, not 200.
 */
public final class UiBatcher<T> {
    private final TaskRunner tasks;
    private final Consumer<List<T>> sink;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public UiBatcher(TaskRunner tasks, Consumer<List<T>> sink) {
        this.tasks = tasks;
        this.sink = sink;
    }

    public void offer(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            tasks.runOnUi(this::flush);
        }
    }

    private void flush() {
        // Clear the flag before draining: an item offered during the drain schedules a new flush.
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
