package es.faro.server.sla;

import es.faro.protocol.event.EventType;
import es.faro.protocol.metrics.SlaAlert;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import es.faro.server.store.Conversations;
import es.faro.server.store.EventLog;
import es.faro.server.store.SlaAlerts;
import es.faro.server.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires {@code sla.warning} and {@code sla.breached} when a running clock passes its warn or due
 * instant. An ordered set holds the next crossings of every running clock (rebuilt from the store at
 * start, replaced on every conversation change); one thread sleeps until the earliest. Firing
 * re-reads the conversation, so a crossing scheduled from a stale or rolled-back state fires
 * nothing, and claims the crossing in sla_alerts, so each one is announced once, across restarts.
 *
 * <p>The thread naps at most {@code maxNap} between checks so that a clock injected for tests (which
 * jumps instead of ticking) is noticed; in production the head of the set is all it looks at.
 */
public final class SlaScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlaScheduler.class);
    static final String WARNING = "WARNING";
    static final String BREACHED = "BREACHED";
    private static final Object FIRED = new Object();
    private static final Object NOTHING = new Object();

    record Entry(Instant at, long seq, String conversationId, SlaClockKind kind, Instant startedAt, String alert) {
        String key() {
            return conversationId + '|' + kind + '|' + startedAt.toEpochMilli() + '|' + alert;
        }
    }

    private final Store store;
    private final Clock clock;
    private final Duration maxNap;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeSet<Entry> queue = new TreeSet<>(Comparator.comparing(Entry::at).thenComparingLong(Entry::seq));
    private final Map<String, List<Entry>> byConversation = new HashMap<>();
    /** Crossings already announced: not scheduled again when their conversation changes. */
    private final Map<String, Set<String>> fired = new HashMap<>();
    private final Thread thread;
    private long seq;
    private volatile boolean running = true;
    /** Other nodes' changes, with a shared PostgreSQL database; null on one SQLite node. */
    private SlaFollower follower;

    public SlaScheduler(Store store, Clock clock, Duration maxNap) {
        this.store = store;
        this.clock = clock;
        this.maxNap = maxNap;
        this.thread = new Thread(this::loop, "faro-sla-scheduler");
        this.thread.setDaemon(true);
    }

    /** Loads the running clocks of active conversations and what was already fired, then starts the thread. */
    public SlaScheduler start() {
        List<Conversation> active = new ArrayList<>();
        Map<String, Set<String>> done = new HashMap<>();
        long[] seen = new long[1];
        store.read(c -> {
            // Before the conversations: a change committed meanwhile is followed, not missed.
            seen[0] = EventLog.maxSeq(c);
            String after = null;
            while (true) {
                List<Conversation> page = Conversations.activePage(c, es.faro.server.store.Scope.everything(), after, 1_000);
                active.addAll(page);
                if (page.size() < 1_000) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT a.conversation_id, a.kind, a.started_at, a.alert"
                    + " FROM sla_alerts a JOIN conversations v ON v.id = a.conversation_id"
                    + " WHERE v.status IN ('NEW', 'OPEN', 'PENDING')");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    done.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                            .add(rs.getString(1) + '|' + rs.getString(2) + '|' + rs.getLong(3) + '|' + rs.getString(4));
                }
            }
            return null;
        });
        lock.lock();
        try {
            fired.putAll(done);
        } finally {
            lock.unlock();
        }
        active.forEach(this::schedule);
        thread.start();
        if (store instanceof es.faro.server.store.PostgresStore) {
            follower = new SlaFollower(store, this::schedule, seen[0]).start();
        }
        LOG.info("SLA scheduler watching {} active conversations", active.size());
        return this;
    }

    /** Replaces the scheduled crossings of the conversation with those of its current clocks. */
    public void schedule(Conversation conv) {
        List<Entry> entries = new ArrayList<>(4);
        lock.lock();
        try {
            for (SlaClock clock : new SlaClock[] {conv.response(), conv.resolution()}) {
                if (clock == null || !clock.isRunning()) {
                    continue;
                }
                add(entries, conv, clock, WARNING, clock.warnAt());
                add(entries, conv, clock, BREACHED, clock.dueAt());
            }
            List<Entry> old = entries.isEmpty() ? byConversation.remove(conv.id())
                    : byConversation.put(conv.id(), entries);
            if (!conv.status().isActive()) {
                forget(conv.id());
            }
            if (old != null) {
                old.forEach(queue::remove);
            }
            queue.addAll(entries);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held: a conversation that is no longer active has no clock left to fire. */
    private void forget(String conversationId) {
        fired.remove(conversationId);
    }

    /** Called with the lock held. A paused clock only fires what it had already crossed when paused. */
    private void add(List<Entry> entries, Conversation conv, SlaClock clock, String alert, Instant at) {
        if (clock.isPaused() && at.isAfter(clock.pausedAt())) {
            return;
        }
        Entry e = new Entry(at, seq++, conv.id(), clock.kind(), clock.startedAt(), alert);
        if (!fired.getOrDefault(conv.id(), Set.of()).contains(e.key())) {
            entries.add(e);
        }
    }

    /** Wakes the thread to look at the clock again (tests that move an injected clock). */
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            Entry due = null;
            lock.lock();
            try {
                Entry head = queue.isEmpty() ? null : queue.first();
                Instant now = clock.instant();
                if (head != null && !head.at().isAfter(now)) {
                    queue.pollFirst();
                    List<Entry> list = byConversation.get(head.conversationId());
                    if (list != null) {
                        list.remove(head);
                        if (list.isEmpty()) {
                            byConversation.remove(head.conversationId());
                        }
                    }
                    due = head;
                } else {
                    long nap = maxNap.toMillis();
                    if (head != null) {
                        nap = Math.min(nap, Math.max(1, Duration.between(now, head.at()).toMillis()));
                    }
                    changed.await(nap, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (due != null) {
                fire(due);
            }
        }
    }

    private void fire(Entry entry) {
        try {
            Object outcome = store.write(c -> {
                Conversation conv = Conversations.find(c, entry.conversationId()).orElse(null);
                SlaClock clock = conv == null ? null : clockOf(conv, entry);
                if (clock == null) {
                    return NOTHING; // stopped or replaced meanwhile
                }
                Instant crossing = entry.alert().equals(WARNING) ? clock.warnAt() : clock.dueAt();
                Instant now = this.clock.instant();
                if (crossing.isAfter(now)) {
                    return conv; // moved later meanwhile: schedule again from the current state
                }
                if (clock.isPaused() && crossing.isAfter(clock.pausedAt())) {
                    return NOTHING; // frozen before the crossing: scheduled again when it resumes
                }
                if (SlaAlerts.claim(c, conv.id(), entry.kind().name(), entry.startedAt(), entry.alert(), crossing, now)) {
                    EventLog.append(c, entry.alert().equals(WARNING) ? EventType.SLA_WARNING : EventType.SLA_BREACHED,
                            now, conv.brandId(), conv.channel(),
                            new SlaAlert(conv.id(), entry.kind(), crossing, conv.brandId(), conv.channel()));
                }
                return FIRED;
            }).join();
            if (outcome instanceof Conversation later) {
                schedule(later);
            } else if (outcome == FIRED) {
                lock.lock();
                try {
                    fired.computeIfAbsent(entry.conversationId(), k -> new HashSet<>()).add(entry.key());
                } finally {
                    lock.unlock();
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("firing SLA {} for {} failed", entry.alert(), entry.conversationId(), e);
            }
        }
    }

    private static SlaClock clockOf(Conversation conv, Entry entry) {
        for (SlaClock clock : new SlaClock[] {conv.response(), conv.resolution()}) {
            if (clock != null && clock.isRunning() && clock.kind() == entry.kind()
                    && clock.startedAt().equals(entry.startedAt())) {
                return clock;
            }
        }
        return null;
    }

    /** Number of crossings waiting (for tests and logs). */
    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        if (follower != null) {
            follower.close();
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
