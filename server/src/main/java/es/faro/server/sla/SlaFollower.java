package es.faro.server.sla;

import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With several nodes on one PostgreSQL database, a node's scheduler hears of its own writes only; a
 * conversation created on another node that then dies would never reach WARNING or BREACHED until a
 * restart. This follows the events table by cursor (woken by the store's commit listener, which
 * other nodes' announcements trigger too) and hands every changed conversation to the scheduler.
 * Which node fires a crossing does not matter: sla_alerts lets exactly one claim it.
 */
final class SlaFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlaFollower.class);
    private static final int PAGE = 500;
    /** Also looks without a wake-up now and then (an announcement lost while reconnecting). */
    private static final long IDLE_MILLIS = 5_000;

    private final Store store;
    private final Consumer<Conversation> changed;
    private final Object signal = new Object();
    private final Thread thread;
    private boolean woken;
    private volatile boolean running = true;
    private long cursor;

    /** Follows the events after {@code seen}. */
    SlaFollower(Store store, Consumer<Conversation> changed, long seen) {
        this.store = store;
        this.changed = changed;
        this.cursor = seen;
        this.thread = new Thread(this::loop, "faro-sla-follower");
        this.thread.setDaemon(true);
    }

    SlaFollower start() {
        store.addCommitListener(this::wake);
        thread.start();
        return this;
    }

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                synchronized (signal) {
                    if (!woken) {
                        signal.wait(IDLE_MILLIS);
                    }
                    woken = false;
                }
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("following conversation changes for the SLA schedule failed; retrying", e);
                }
            }
        }
    }

    private void drain() {
        while (running) {
            List<EventLog.ScopedEvent> page = store.read(c -> EventLog.after(c, cursor, PAGE));
            for (EventLog.ScopedEvent e : page) {
                cursor = e.event().seq();
                if (e.event().type().equals(EventType.CONVERSATION)) {
                    changed.accept(Json.convert(e.event().data(), Conversation.class));
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
