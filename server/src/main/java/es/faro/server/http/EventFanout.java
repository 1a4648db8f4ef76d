package es.faro.server.http;

import es.faro.protocol.event.Event;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.server.store.EventLog;
import es.faro.server.store.EventLog.ScopedEvent;
import es.faro.server.store.Store;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes committed events to SSE clients. The events TABLE is the truth: after each commit the
 * writer signals, and this thread reads the new rows by cursor. Each client keeps its own cursor,
 * so a client that (re)connects behind the live head is first caught up from the table, then
 * served from the in-memory window of recent rows: never a gap, never a duplicate, always in seq
 * order. One thread serves everyone, so events reach clients in one consistent order.
 */
public final class EventFanout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFanout.class);
    private static final int WINDOW = 10_000;
    private static final int BATCH = 1_000;

    private final Store store;
    private final long heartbeatNanos;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Deque<ScopedEvent> window = new ArrayDeque<>();
    private final Object lock = new Object();
    private final Thread thread;
    private boolean signalled;
    private volatile boolean running = true;
    /** The window holds every event with floor < seq <= head. */
    private long floor;
    private long head;

    public EventFanout(Store store, Duration heartbeat) {
        this.store = store;
        this.heartbeatNanos = heartbeat.toNanos();
        this.head = store.read(EventLog::maxSeq);
        this.floor = head;
        store.addCommitListener(this::signal);
        thread = new Thread(this::loop, "faro-event-fanout");
        thread.setDaemon(true);
        thread.start();
    }

    /** One connected SSE client, with the scope of its agent and its own cursor. */
    private static final class Subscriber {
        final SseClient client;
        final Agent agent;
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

    /** The highest seq this fan-out has read; a client without a resume point starts here. */
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
                    serve(s);
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
        while (true) {
            long from = head;
            List<ScopedEvent> fresh = store.read(c -> EventLog.after(c, from, BATCH));
            for (ScopedEvent e : fresh) {
                window.addLast(e);
                head = e.event().seq();
            }
            while (window.size() > WINDOW) {
                floor = window.removeFirst().event().seq();
            }
            if (fresh.size() < BATCH) {
                return;
            }
        }
    }

    private void serve(Subscriber s) {
        if (s.client.terminated()) {
            subscribers.remove(s);
            return;
        }
        // Behind the window (a reconnect after a long gap): catch up straight from the table.
        while (s.cursor < floor && !s.client.terminated()) {
            long from = s.cursor;
            List<ScopedEvent> older = store.read(c -> EventLog.after(c, from, BATCH));
            if (older.isEmpty() || older.get(0).event().seq() > floor) {
                s.cursor = floor; // nothing between the cursor and the window (cannot happen with a gap-free log)
                break;
            }
            for (ScopedEvent e : older) {
                if (e.event().seq() > floor) {
                    break;
                }
                send(s, e);
            }
        }
        if (s.cursor >= floor) {
            for (ScopedEvent e : window) {
                if (e.event().seq() > s.cursor) {
                    send(s, e);
                }
            }
        }
        if (System.nanoTime() - s.lastSent >= heartbeatNanos && !s.client.terminated()) {
            s.client.sendComment("keep-alive");
            s.lastSent = System.nanoTime();
        }
    }

    private static void send(Subscriber s, ScopedEvent e) {
        Event event = e.event();
        if (e.visibleTo(s.agent) && !s.client.terminated()) {
            s.client.sendEvent(event.type(), Json.write(event), Long.toString(event.seq()));
            s.lastSent = System.nanoTime();
        }
        s.cursor = event.seq();
    }

    @Override
    public void close() {
        running = false;
        signal();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Subscriber s : new ArrayList<>(subscribers)) {
            s.client.close();
        }
        subscribers.clear();
    }
}
