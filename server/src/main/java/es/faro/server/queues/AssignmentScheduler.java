package es.faro.server.queues;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import es.faro.server.config.Reference;
import es.faro.server.sla.SlaTracker;
import es.faro.server.store.Agents;
import es.faro.server.store.Counters;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's assignment round, every {@code interval}, run by the one node holding the
 * "assignment" claim (renewed each round; another node takes over when it lapses):
 * <ol>
 * <li>snoozed conversations whose time came are back (OPEN, clocks resumed);</li>
 * <li>agents whose presence expired (no live token, or a client that stopped reporting) go OFFLINE;</li>
 * <li>open work of OFFLINE agents in push-mode queues is unassigned;</li>
 * <li>push mode: each unassigned conversation of a push-mode queue, best first, goes round-robin to
 * an ONLINE agent skilled for it and under capacity.</li>
 * </ol>
 * The whole round is one write transaction, so its changes and events commit together.
 */
public final class AssignmentScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentScheduler.class);
    static final String CLAIM = "assignment";
    static final int MAX_PER_ROUND = 500;

    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final SlaTracker sla;
    private final QueueService queues;
    private final String node;
    private final Duration interval;
    private final ScheduledExecutorService executor;

    public AssignmentScheduler(Store store, Supplier<Reference> reference, Clock clock, SlaTracker sla,
                               QueueService queues, String node, Duration interval) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.sla = sla;
        this.queues = queues;
        this.node = node;
        this.interval = interval;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faro-assignment");
            t.setDaemon(true);
            return t;
        });
    }

    public AssignmentScheduler start() {
        long ms = Math.max(50, interval.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.warn("assignment round failed; next round in {}", interval, e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    /** What one round did. */
    public record Round(boolean held, int woken, int wentOffline, int unassigned, int assigned) {
    }

    /** Runs one round now (the scheduler does it every interval; tests call it directly). */
    public Round runOnce() {
        Instant now = clock.instant();
        // The claim outlives a few missed rounds, so a busy node keeps it; a dead one loses it soon.
        Instant until = now.plus(interval.multipliedBy(5)).plusSeconds(5);
        return QueueService.join(store.write(c -> {
            if (!QueueTables.holdClaim(c, CLAIM, node, until, now)) {
                return new Round(false, 0, 0, 0, 0);
            }
            int woken = queues.wakeDue(c, now);
            int offline = expirePresence(c, now);
            List<Workqueue> push = QueueTables.workqueues(c).stream()
                    .filter(q -> q.pushMode() && q.owner() == null).toList();
            int unassigned = push.isEmpty() ? 0 : releaseOfflineWork(c, push, now);
            int assigned = push.isEmpty() ? 0 : push(c, push, now);
            return new Round(true, woken, offline, unassigned, assigned);
        }));
    }

    private int expirePresence(Connection c, Instant now) throws SQLException {
        int n = 0;
        for (Agent a : Agents.all(c)) {
            if (a.presence() == Presence.OFFLINE) {
                continue;
            }
            if (!QueueTables.hasLiveToken(c, a.id(), now) || QueueTables.heartbeatExpired(c, a.id(), now)) {
                QueueService.setPresence(c, a.id(), Presence.OFFLINE, now);
                n++;
            }
        }
        return n;
    }

    private int releaseOfflineWork(Connection c, List<Workqueue> push, Instant now) throws SQLException {
        int n = 0;
        Reference ref = reference.get();
        for (Agent a : Agents.all(c)) {
            if (a.presence() != Presence.OFFLINE) {
                continue;
            }
            for (Conversation conv : QueueTables.openAssignedTo(c, a.id())) {
                if (conv.snoozedUntil() == null && inAny(push, conv.toBuilder().assigneeId(null).build())) {
                    Assignment.save(c, ref, sla, conv, conv.toBuilder().assigneeId(null), now);
                    n++;
                }
            }
        }
        return n;
    }

    private int push(Connection c, List<Workqueue> push, Instant now) throws SQLException {
        Reference ref = reference.get();
        List<Agent> online = Agents.all(c).stream()
                .filter(a -> a.presence() == Presence.ONLINE && a.capacity() > 0 && works(a))
                .sorted(Comparator.comparing(Agent::id)).toList();
        if (online.isEmpty()) {
            return 0;
        }
        Map<String, Integer> load = new java.util.HashMap<>(QueueTables.openLoad(c));
        // Best first from the pick_due_at index, re-read per queue: what an earlier queue took is gone.
        Iterable<Conversation> waiting = Assignment.bestFirst(c);
        Set<String> done = new HashSet<>();
        int n = 0;
        for (Workqueue q : push) {
            for (Conversation conv : waiting) {
                if (n >= MAX_PER_ROUND) {
                    return n;
                }
                if (conv.snoozedUntil() != null || done.contains(conv.id()) || !q.matches(conv, null)) {
                    continue;
                }
                List<Agent> eligible = new ArrayList<>();
                for (Agent a : online) {
                    if (load.getOrDefault(a.id(), 0) < a.capacity() && Assignment.skilled(a, conv)) {
                        eligible.add(a);
                    }
                }
                if (eligible.isEmpty()) {
                    continue;
                }
                Agent chosen = Counters.roundRobin(c, "round-robin:" + q.id(), eligible);
                if (Assignment.take(c, ref, sla, conv, chosen, now) != null) {
                    load.merge(chosen.id(), 1, Integer::sum);
                    done.add(conv.id());
                    n++;
                }
            }
        }
        return n;
    }

    /** Users who take conversations: agents and leads (admins and analysts only when also agents). */
    private static boolean works(Agent a) {
        return a.hasRole(Role.AGENT) || a.hasRole(Role.LEAD);
    }

    private static boolean inAny(List<Workqueue> queues, Conversation conv) {
        return queues.stream().anyMatch(q -> q.matches(conv, null));
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
