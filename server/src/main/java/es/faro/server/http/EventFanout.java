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
 * (a full TCP buffer blocks its writes) does not hold back the others: it holds at most one sender,
 * and the others go on serving everyone else.
 *
 * <p>Cost per event does not grow with the clients: each event's SSE frame ({@code id}/{@code event}/
 * {@code data} lines) is serialized to bytes once, when it is read from the table; a client gets all
 * of its pending frames in one write and one flush per pass, and clients of the same agent at the
 * same cursor share one assembled batch. Passes run at most every {@link #MIN_PASS_GAP_NANOS}, so a
 * burst of commits becomes one batch per client instead of one write per event per client.
 *
 * <p>A stream lives as long as its token: it is closed when the token expires, at once when it is
 * revoked on this node (sign-out), and within {@link #RECHECK_NANOS} when revoked elsewhere.
 */
public final class EventFanout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFanout.class);
    private static final int BATCH = 1_000;
    private static final int SENDERS = 16;
    /** Passes are at least this far apart: events committed meanwhile go out together (latency ≤ 10 ms). */
    static final long MIN_PASS_GAP_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10);
    /** How often every open stream's token is checked again (revocations made on another node). */
    static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** What the fan-out needs to know about the tokens of open streams. */
    public interface Sessions {
        /** When the token stops being valid; empty when it is unknown, expired or revoked. */
        java.util.Optional<java.time.Instant> validUntil(String token);

        java.time.Instant now();
    }

    /** For streams without a token check (tests of the fan-out alone). */
    static final Sessions NO_SESSIONS = new Sessions() {
        @Override
        public java.util.Optional<java.time.Instant> validUntil(String token) {
            return java.util.Optional.of(java.time.Instant.MAX);
        }

        @Override
        public java.time.Instant now() {
            return java.time.Instant.now();
        }
    };

    private final Store store;
    private final Sessions sessions;
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
    private long lastRecheck = System.nanoTime();

    /**
     * Every event with {@code floor < seq <= head}, in order, each serialized once for all clients;
     * {@code batches} shares the assembled bytes among clients of one agent at one cursor.
     */
    private record Window(List<Wire> events, long floor, long head,
                          java.util.concurrent.ConcurrentHashMap<BatchKey, byte[]> batches) {
        Window(List<Wire> events, long floor, long head) {
            this(events, floor, head, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    private record BatchKey(Agent agent, long cursor) {
    }

    /**
     * One event and its whole SSE frame as bytes. A {@code tailored} event (a reference snapshot that
     * lists private items) is serialized again for each recipient, without the private items of others.
     */
    private record Wire(ScopedEvent scoped, byte[] frame, boolean tailored) {
        static Wire of(ScopedEvent e) {
            return new Wire(e, frameOf(e.event()), e.tailored());
        }

        static byte[] frameOf(Event event) {
            // The JSON is compact (no line breaks), so it is one data line.
            String frame = "id: " + event.seq() + "\nevent: " + event.type() + "\ndata: " + Json.write(event) + "\n\n";
            return frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The frame as {@code agent} receives it (call only when {@link ScopedEvent#visibleTo} holds). */
        byte[] frameFor(Agent agent) {
            return tailored ? frameOf(scoped.eventFor(agent)) : frame;
        }

        long seq() {
            return scoped.event().seq();
        }
    }

    /** {@code windowSize}: recent events kept in memory; clients further behind read the table. */
    public EventFanout(Store store, Duration heartbeat, int windowSize) {
        this(store, heartbeat, windowSize, NO_SESSIONS);
    }

    /** As above, closing each stream when its token expires or is revoked ({@code sessions}). */
    public EventFanout(Store store, Duration heartbeat, int windowSize, Sessions sessions) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("the event window needs at least one event");
        }
        this.store = store;
        this.sessions = sessions;
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
        /** Kept in memory only, to close the stream when the token goes; never logged. */
        final String token;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile java.time.Instant validUntil;
        long cursor;
        long lastSent = System.nanoTime();

        Subscriber(SseClient client, Agent agent, long cursor, String token, java.time.Instant validUntil) {
            this.client = client;
            this.agent = agent;
            this.cursor = cursor;
            this.token = token;
            this.validUntil = validUntil;
        }
    }

    /** Registers a client that has seen every event up to {@code after} (no token check). */
    public void subscribe(SseClient client, Agent agent, long after) {
        subscribe(client, agent, after, null);
    }

    /**
     * Registers a client that has seen every event up to {@code after}; the stream is closed when
     * {@code token} expires or is revoked.
     */
    public void subscribe(SseClient client, Agent agent, long after, String token) {
        java.time.Instant until = token == null ? java.time.Instant.MAX
                : sessions.validUntil(token).orElse(java.time.Instant.MIN);
        Subscriber s = new Subscriber(client, agent, after, token, until);
        client.onClose(() -> subscribers.remove(s));
        subscribers.add(s);
        signal();
    }

    /** Closes at once every stream opened with {@code token} (it was just revoked on this node). */
    public void revoked(String token) {
        for (Subscriber s : subscribers) {
            if (token != null && token.equals(s.token)) {
                s.validUntil = java.time.Instant.MIN;
            }
        }
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
                long started = System.nanoTime();
                readNew();
                closeEndedSessions();
                for (Subscriber s : subscribers) {
                    dispatch(s);
                }
                // Let commits gather for a moment: one batch per client per pass.
                long rest = MIN_PASS_GAP_NANOS - (System.nanoTime() - started);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("event fan-out pass failed; retrying", e);
            }
        }
    }

    /** Closes the streams whose token expired or was revoked (rechecked in the store now and then). */
    private void closeEndedSessions() {
        boolean recheck = System.nanoTime() - lastRecheck >= RECHECK_NANOS;
        if (recheck) {
            lastRecheck = System.nanoTime();
        }
        java.time.Instant now = sessions.now();
        for (Subscriber s : subscribers) {
            if (recheck && s.token != null && s.validUntil.isAfter(now)) {
                s.validUntil = sessions.validUntil(s.token).orElse(java.time.Instant.MIN);
            }
            if (!now.isBefore(s.validUntil)) {
                LOG.debug("closing the event stream of {}: its token expired or was revoked", s.agent.username());
                subscribers.remove(s);
                s.client.close();
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
        try {
            // Behind the window (a reconnect after a long gap): catch up straight from the table.
            while (s.cursor < w.floor() && !s.client.terminated()) {
                long from = s.cursor;
                List<ScopedEvent> older = store.read(c -> EventLog.after(c, from, BATCH));
                if (older.isEmpty() || older.get(0).event().seq() > w.floor()) {
                    s.cursor = w.floor(); // nothing between the cursor and the window (a gap-free log never gets here)
                    break;
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                long last = s.cursor;
                for (ScopedEvent e : older) {
                    if (e.event().seq() > w.floor()) {
                        break;
                    }
                    if (e.visibleTo(s.agent)) {
                        out.writeBytes(Wire.of(e).frameFor(s.agent));
                    }
                    last = e.event().seq();
                }
                write(s, out.toByteArray());
                s.cursor = last;
            }
            // The window is in seq order: start at the first event after the cursor instead of
            // scanning the whole window (up to sse.window events) for every client on every commit.
            List<Wire> events = w.events();
            int first = firstAfter(events, s.cursor);
            if (first < events.size() && !s.client.terminated()) {
                byte[] batch = w.batches().computeIfAbsent(new BatchKey(s.agent, s.cursor),
                        k -> assemble(events, first, k.agent()));
                write(s, batch);
                s.cursor = events.get(events.size() - 1).seq();
            }
            if (System.nanoTime() - s.lastSent >= heartbeatNanos && !s.client.terminated()) {
                write(s, KEEP_ALIVE);
            }
        } catch (java.io.IOException e) {
            // The client went away (or its connection broke): it reconnects with Last-Event-ID.
            LOG.debug("event stream of {} closed while writing: {}", s.agent.username(), e.toString());
            subscribers.remove(s);
            s.client.close();
        }
    }

    /** The frames from {@code first} on that {@code agent} may see, as one byte array. */
    private static byte[] assemble(List<Wire> events, int first, Agent agent) {
        // Visibility (brand, channel, owner) is decided per event here, once per agent and cursor;
        // the frames are shared bytes except for the rare tailored event.
        byte[][] frames = new byte[events.size() - first][];
        int size = 0;
        for (int i = first; i < events.size(); i++) {
            Wire wire = events.get(i);
            if (wire.scoped().visibleTo(agent)) {
                byte[] frame = wire.frameFor(agent);
                frames[i - first] = frame;
                size += frame.length;
            }
        }
        byte[] batch = new byte[size];
        int at = 0;
        for (byte[] frame : frames) {
            if (frame != null) {
                System.arraycopy(frame, 0, batch, at, frame.length);
                at += frame.length;
            }
        }
        return batch;
    }

    /** One write and one flush for everything the client gets in this pass. */
    private static void write(Subscriber s, byte[] bytes) throws java.io.IOException {
        if (bytes.length == 0 || s.client.terminated()) {
            return;
        }
        jakarta.servlet.ServletOutputStream out = s.client.ctx().res().getOutputStream();
        out.write(bytes);
        out.flush();
        s.lastSent = System.nanoTime();
    }

    /** Index of the first event with a seq above {@code cursor} (the size when there is none). */
    static int firstAfter(List<Wire> events, long cursor) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).seq() <= cursor) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
