package es.faro.server.http;

import es.faro.protocol.event.Event;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.server.store.EventLog;
import es.faro.server.store.EventLog.ScopedEvent;
import es.faro.server.store.Store;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes committed events to SSE clients. The events TABLE is the truth: after each commit the
 * writer signals, and one reader thread reads the new rows by cursor into a window of recent
 * events. Each client keeps its own cursor and is served by at most one sender task at a time, so
 * its events go out in seq order; a client that (re)connects behind the window is first caught up
 * from the table. Never a gap, never a duplicate. Senders run on a small pool so one slow client
 * (a full TCP buffer blocks its writes) does not hold back the others.
 */
public final class EventFanout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFanout.class);
    private static final int BATCH = 1_000;
    private static final int SENDERS = 8;

    private final Store store;
    private final long heartbeatNanos;
    private final int windowSize;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Thread reader;
    private final ExecutorService senders;
    private boolean signalled;
    private volatile boolean running = true;
    /** Written by the reader thread only; senders read the latest published snapshot. */
    private volatile Window window;

    /** Every event with {@code floor < seq <= head}, in order, each serialized once for all clients. */
    private record Window(List<Wire> events, long floor, long head) {
    }

    private record Wire(ScopedEvent scoped, String json) {
        static Wire of(ScopedEvent e) {
            return new Wire(e, Json.write(e.event()));
        }
    }

    /** {@code windowSize}: recent events kept in memory; clients further behind read the table. */
    public EventFanout(Store store, Duration heartbeat, int windowSize) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("the event window needs at least one event");
        }
        this.store = store;
        this.heartbeatNanos = heartbeat.toNanos();
        this.windowSize = windowSize;
        long head = store.read(EventLog::maxSeq);
        this.window = new Window(List.of(), head, head);
        AtomicInteger n = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(SENDERS, SENDERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "faro-sse-sender-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        store.addCommitListener(this::signal);
        reader = new Thread(this::loop, "faro-event-fanout");
        reader.setDaemon(true);
        reader.start();
    }

    /** One connected SSE client, with the scope of its agent and its own cursor. */
    private static final class Subscriber {
        final SseClient client;
        final Agent agent;
        final AtomicBoolean busy = new AtomicBoolean();
        long cursor;
        long lastSent = System.nanoTime();

        Subscriber(SseClient client, Agent agent, long cursor) {
            this.client = client;
            this.agent = agent;
            this.cursor = cursor;
        }
    }

    /** Registers a client that has seen every event up to {@code after}. */
    public void subscribe(SseClient client, Agent agent, long after) {
        Subscriber s = new Subscriber(client, agent, after);
        client.onClose(() -> subscribers.remove(s));
        subscribers.add(s);
        signal();
    }

    /** The highest committed seq; a client without a resume point starts there. */
    public long head() {
        return store.read(EventLog::maxSeq);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    public void signal() {
        synchronized (lock) {
            signalled = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        long waitMillis = Math.max(10, Math.min(1_000, heartbeatNanos / 1_000_000 / 2));
        while (running) {
            try {
                synchronized (lock) {
                    if (!signalled) {
                        lock.wait(waitMillis);
                    }
                    signalled = false;
                }
                if (!running) {
                    break;
                }
                readNew();
                for (Subscriber s : subscribers) {
                    dispatch(s);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("event fan-out pass failed; retrying", e);
            }
        }
    }

    private void readNew() {
        Window w = window;
        List<Wire> fresh = new ArrayList<>();
        long head = w.head();
        while (true) {
            long from = head;
            List<ScopedEvent> batch = store.read(c -> EventLog.after(c, from, BATCH));
            batch.forEach(e -> fresh.add(Wire.of(e)));
            if (!batch.isEmpty()) {
                head = batch.get(batch.size() - 1).event().seq();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        List<Wire> events = new ArrayList<>(w.events().size() + fresh.size());
        events.addAll(w.events());
        events.addAll(fresh);
        long floor = w.floor();
        int drop = Math.max(0, events.size() - windowSize);
        if (drop > 0) {
            floor = events.get(drop - 1).scoped().event().seq();
            events = new ArrayList<>(events.subList(drop, events.size()));
        }
        window = new Window(List.copyOf(events), floor, head);
    }

    private void dispatch(Subscriber s) {
        if (s.client.terminated()) {
            subscribers.remove(s);
            return;
        }
        if (!s.busy.compareAndSet(false, true)) {
            return; // its sender is still at work; it asks for another pass when done
        }
        try {
            senders.execute(() -> {
                try {
                    serve(s);
                } catch (RuntimeException e) {
                    LOG.warn("sending events to a client failed; closing it", e);
                    s.client.close();
                } finally {
                    s.busy.set(false);
                    if (s.cursor < window.head() && !s.client.terminated()) {
                        signal();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            s.busy.set(false); // shutting down
        }
    }

    private void serve(Subscriber s) {
        Window w = window;
        // Behind the window (a reconnect after a long gap): catch up straight from the table.
        while (s.cursor < w.floor() && !s.client.terminated()) {
            long from = s.cursor;
            List<ScopedEvent> older = store.read(c -> EventLog.after(c, from, BATCH));
            if (older.isEmpty() || older.get(0).event().seq() > w.floor()) {
                s.cursor = w.floor(); // nothing between the cursor and the window (a gap-free log never gets here)
                break;
            }
            for (ScopedEvent e : older) {
                if (e.event().seq() > w.floor()) {
                    break;
                }
                send(s, Wire.of(e));
            }
        }
        // The window is in seq order: start at the first event after the cursor instead of
        // scanning the whole window (up to sse.window events) for every client on every commit.
        List<Wire> events = w.events();
        for (int i = firstAfter(events, s.cursor); i < events.size(); i++) {
            send(s, events.get(i));
        }
        if (System.nanoTime() - s.lastSent >= heartbeatNanos && !s.client.terminated()) {
            s.client.sendComment("keep-alive");
            s.lastSent = System.nanoTime();
        }
    }

    /** Index of the first event with a seq above {@code cursor} (the size when there is none). */
    static int firstAfter(List<Wire> events, long cursor) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).scoped().event().seq() <= cursor) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void send(Subscriber s, Wire wire) {
        Event event = wire.scoped().event();
        if (wire.scoped().visibleTo(s.agent) && !s.client.terminated()) {
            s.client.sendEvent(event.type(), wire.json(), Long.toString(event.seq()));
            s.lastSent = System.nanoTime();
        }
        s.cursor = event.seq();
    }

    @Override
    public void close() {
        running = false;
        signal();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        for (Subscriber s : new ArrayList<>(subscribers)) {
            s.client.close();
        }
        subscribers.clear();
    }
}
