package es.faro.client.sync;

import es.faro.client.cache.SqliteCache;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.api.Changes;
import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.event.Event;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache in step with the server: bootstrap once, then catch up by cursor and follow the
 * live stream; after any break, catch up by cursor again (a full re-bootstrap only when the server
 * says the cursor is too old). The outbox is pushed alongside by {@link OutboxPusher}.
 */
public final class SyncEngine implements ConnectionMonitor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final int CHANGES_PAGE = 1_000;

    private final ApiClient api;
    private final SqliteCache cache;
    private final OutboxPusher pusher;
    private final List<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Event>>> receivedListeners = new CopyOnWriteArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15));
    private final Object lock = new Object();
    private final Thread thread;
    private volatile ConnectionState state = ConnectionState.connecting();
    private volatile EventStream stream;
    private volatile boolean running = true;

    public SyncEngine(ApiClient api, SqliteCache cache) {
        this.api = api;
        this.cache = cache;
        this.pusher = new OutboxPusher(api, cache, this::publishPending);
        pusher.onUnauthorized(this::dropStream);
        this.thread = new Thread(this::loop, "faro-sync");
        thread.setDaemon(true);
    }

    /** Lets the engine push new outbox entries at once. */
    public void attach(OutboxCommands commands) {
        commands.addEnqueueListener(() -> {
            publishPending();
            pusher.wake();
        });
    }

    public void start() {
        publish(ConnectionState.Status.CONNECTING, 0, 0, null, null);
        thread.start();
        pusher.start();
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public void addListener(Consumer<ConnectionState> listener) {
        listeners.add(listener);
    }

    /** Told of each batch of events received from the server (catch-up pages and the live stream) once the cache has handled it. */
    public void addReceivedListener(Consumer<List<Event>> listener) {
        receivedListeners.add(listener);
    }

    /** Breaks the live stream as a network cut would (the engine reconnects and catches up). */
    public void dropStream() {
        EventStream s = stream;
        if (s != null) {
            s.close();
        }
    }

    private void loop() {
        Instant offlineSince = null;
        while (running) {
            try {
                if (!cache.bootstrapped()) {
                    bootstrap();
                }
                catchUp();
                EventStream s = new EventStream(api, cache.cursor(), this::onLiveEvent);
                stream = s;
                s.opened().get(30, TimeUnit.SECONDS);
                // Events that committed between the catch-up and the stream opening come through the
                // stream itself, which starts from the cursor.
                offlineSince = null;
                backoff.reset();
                publish(ConnectionState.Status.ONLINE, 0, 0, null, null);
                pusher.wake();
                Throwable reason = s.ended().get();
                if (running) {
                    log.info("event stream ended: {}", reason.toString());
                }
                throw reason instanceof Exception ex ? ex : new IOException(reason);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof ApiException api && ErrorCodes.CURSOR_TOO_OLD.equals(api.code())) {
                    log.info("cursor too old for the server: full re-bootstrap");
                    cache.resetForBootstrap();
                    continue;
                }
                if (offlineSince == null) {
                    offlineSince = Instant.now();
                }
                String detail = cause instanceof ApiException api && api.status() == 401
                        ? "session expired" : cause instanceof TimeoutException ? "timeout" : cause.toString();
                publish(ConnectionState.Status.OFFLINE, 0, 0, offlineSince, detail);
                sleep(backoff.next());
            }
        }
    }

    private void bootstrap() throws IOException, ApiException {
        String page = null;
        int applied = 0;
        do {
            Bootstrap b = api.bootstrap(page);
            cache.applyBootstrap(b);
            applied += b.conversations().size();
            publish(ConnectionState.Status.SYNCING, applied, 0, null, "bootstrap");
            page = b.next();
        } while (page != null && running);
    }

    private void catchUp() throws IOException, ApiException {
        int applied = 0;
        while (running) {
            long cursor = cache.cursor();
            Changes changes = api.changes(cursor, CHANGES_PAGE);
            if (!changes.events().isEmpty()) {
                cache.applyEvents(changes.events());
                notifyReceived(changes.events());
                applied += changes.events().size();
                publish(ConnectionState.Status.SYNCING, applied, 0, null, "catch-up");
            }
            if (changes.last() > cursor) {
                cache.advanceCursor(changes.last());
            }
            if (changes.events().isEmpty()) {
                return;
            }
        }
    }

    private void onLiveEvent(Event event) {
        List<Event> batch = List.of(event);
        cache.applyEventsAsync(batch).thenRun(() -> notifyReceived(batch)).exceptionally(e -> {
            log.error("cannot apply event {}; reconnecting to catch up", event.seq(), e);
            dropStream();
            return null;
        });
    }

    private void notifyReceived(List<Event> events) {
        for (Consumer<List<Event>> l : receivedListeners) {
            try {
                l.accept(events);
            } catch (RuntimeException e) {
                log.warn("received-events listener failed", e);
            }
        }
    }

    private void publishPending() {
        ConnectionState s = state;
        publish(s.status(), s.done(), s.total(), s.offlineSince(), s.detail());
    }

    private void publish(ConnectionState.Status status, int done, int total, Instant offlineSince, String detail) {
        int pending;
        try {
            pending = cache.pendingOutboxCount();
        } catch (RuntimeException e) {
            pending = state.pendingWrites();
        }
        ConnectionState next = new ConnectionState(status, done, total, offlineSince, pending, detail);
        synchronized (lock) {
            state = next;
        }
        for (Consumer<ConnectionState> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                log.warn("connection listener failed", e);
            }
        }
    }

    /** Ends the wait before the next attempt (e.g. the agent signed in again after the token expired). */
    public void retryNow() {
        synchronized (wake) {
            wakeRequested = true;
            wake.notifyAll();
        }
    }

    private final Object wake = new Object();
    private boolean wakeRequested;

    private void sleep(Duration d) {
        try {
            long until = System.nanoTime() + d.toNanos();
            synchronized (wake) {
                long left;
                while (!wakeRequested && (left = until - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                }
                wakeRequested = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        dropStream();
        thread.interrupt();
        pusher.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
