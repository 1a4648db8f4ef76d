package es.faro.server.queues;

import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Workqueue;
import es.faro.server.config.Reference;
import es.faro.server.http.ApiException;
import es.faro.server.store.Agents;
import es.faro.server.store.Conversations;
import es.faro.server.audit.AuditLog;
import es.faro.server.audit.AuditOrigin;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Workqueues through the API. Shared queues (no owner) are defined by admins; any user may save
 * personal views, which only their owner sees and changes. Every change writes a
 * {@code workqueue.updated} / {@code workqueue.deleted} event.
 */
public final class WorkqueueService {
    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;

    /** {@code reference} names the brands and labels a filter may use. */
    public WorkqueueService(Store store, Supplier<Reference> reference, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
    }

    static boolean visibleTo(Workqueue q, Agent agent) {
        return q.owner() == null || q.owner().equals(agent.id());
    }

    public List<Workqueue> visible(Agent agent) {
        return store.read(c -> QueueTables.workqueues(c).stream().filter(q -> visibleTo(q, agent)).toList());
    }

    public Workqueue get(Agent agent, String id) {
        return store.read(c -> QueueTables.workqueue(c, id)).filter(q -> visibleTo(q, agent))
                .orElseThrow(() -> ApiException.notFound("no workqueue " + id));
    }

    /**
     * Creates a queue: {@code owner} "me" (or the caller's id) saves a personal view; no owner makes a
     * shared queue, which only admins may do.
     */
    public Workqueue create(Agent actor, Workqueue body) {
        validateShape(body);
        String owner = owner(actor, body.owner());
        Workqueue q = withIdAndOwner(body, "wq-" + UUID.randomUUID().toString().substring(0, 8), owner);
        String from = AuditOrigin.address(); // read on the request's thread; the write runs on the store's
        return QueueService.join(store.write(c -> {
            validateFilter(c, q);
            QueueTables.upsertWorkqueue(c, q);
            EventLog.appendOwned(c, EventType.WORKQUEUE, clock.instant(), q.owner(), false, q);
            AuditLog.append(c, clock.instant(), actor.id(), "workqueue.create", q.id(), from, describe(q));
            return q;
        }));
    }

    /** Replaces a queue: admins change shared queues (including those from the reference files), owners their views. */
    public Workqueue update(Agent actor, String id, Workqueue body) {
        validateShape(body);
        String from = AuditOrigin.address();
        return QueueService.join(store.write(c -> {
            Workqueue current = editable(c, actor, id);
            Workqueue q = withIdAndOwner(body, id, current.owner());
            validateFilter(c, q);
            QueueTables.upsertWorkqueue(c, q);
            EventLog.appendOwned(c, EventType.WORKQUEUE, clock.instant(), q.owner(), false, q);
            AuditLog.append(c, clock.instant(), actor.id(), "workqueue.update", id, from, describe(q));
            return q;
        }));
    }

    public void delete(Agent actor, String id) {
        String from = AuditOrigin.address();
        QueueService.join(store.write(c -> {
            Workqueue current = editable(c, actor, id);
            if (QueueTables.fromReferenceFiles(c, id)) {
                throw new ApiException(409, "defined_in_config", "workqueue " + id
                        + " comes from the reference files (queues.json); change it there to remove it");
            }
            QueueTables.deleteWorkqueue(c, id);
            // A personal view's deletion goes, like its updates, to its owner only.
            EventLog.appendOwned(c, EventType.WORKQUEUE_DELETED, clock.instant(), current.owner(), false,
                    Map.of("id", id));
            AuditLog.append(c, clock.instant(), actor.id(), "workqueue.delete", id, from, current.name());
            return null;
        }));
    }

    /** The conversations of a queue as its filter selects them, newest first (the list endpoint's order). */
    public static List<Conversation> page(Connection c, Workqueue q, Agent agent, Conversations.Filter narrow,
                                          es.faro.server.store.Scope scope, Conversations.Position after, int limit)
            throws SQLException {
        List<Conversation> result = new ArrayList<>();
        Conversations.Position from = after;
        int batch = Math.max(limit * 4, 200);
        for (int round = 0; round < 50 && result.size() < limit; round++) {
            List<Conversation> scanned = Conversations.list(c, narrow, scope, from, batch);
            for (Conversation conv : scanned) {
                if (q.matches(conv, agent.id()) && result.size() < limit) {
                    result.add(conv);
                }
            }
            if (scanned.size() < batch) {
                break;
            }
            Conversation last = scanned.get(scanned.size() - 1);
            from = new Conversations.Position(last.createdAt().toEpochMilli(), last.id());
        }
        return result;
    }

    private static Workqueue editable(Connection c, Agent actor, String id) throws SQLException {
        Workqueue current = QueueTables.workqueue(c, id).filter(q -> visibleTo(q, actor))
                .orElseThrow(() -> ApiException.notFound("no workqueue " + id));
        if (current.owner() == null && !QueueService.admin(actor)) {
            throw ApiException.forbidden("only admins change shared workqueues");
        }
        return current;
    }

    private static String owner(Agent actor, String requested) {
        if (requested == null || requested.isBlank()) {
            if (!QueueService.admin(actor)) {
                throw ApiException.forbidden("only admins create shared workqueues; save a personal view with"
                        + " \"owner\":\"me\"");
            }
            return null;
        }
        if (requested.equals(Workqueue.ME) || requested.equals(actor.id())) {
            return actor.id();
        }
        throw ApiException.forbidden("a personal view belongs to whoever saves it (owner \"me\")");
    }

    private static void validateShape(Workqueue q) {
        if (q == null || q.name() == null || q.name().isBlank()) {
            throw ApiException.validation("name is required");
        }
        if (q.name().trim().length() > Workqueue.MAX_NAME) {
            throw ApiException.validation("name is at most " + Workqueue.MAX_NAME + " characters");
        }
        String a = q.assignee();
        if (a != null && a.isBlank()) {
            throw ApiException.validation("assignee is \"me\", \"unassigned\", an agent id, or absent");
        }
    }

    /**
     * What the filter names must exist, and push mode must make sense: the same checks the client's
     * form makes before it sends (so a stale client still gets a 400 in words, not a queue that
     * matches nothing).
     */
    private void validateFilter(Connection c, Workqueue q) throws SQLException {
        Reference ref = reference.get();
        Set<String> brands = new HashSet<>();
        ref.data().brands().forEach(b -> brands.add(b.id()));
        for (String b : q.brands()) {
            if (b == null || !brands.contains(b)) {
                throw ApiException.validation("unknown brand " + b);
            }
        }
        for (String l : q.labels()) {
            if (l == null || !ref.labelExists(l)) {
                throw ApiException.validation("unknown label " + l);
            }
        }
        String a = q.assignee();
        if (a != null && !a.equals(Workqueue.ME) && !a.equals(Workqueue.UNASSIGNED) && Agents.byId(c, a).isEmpty()) {
            throw ApiException.validation("unknown agent " + a + " as assignee");
        }
        if (q.pushMode() && q.personal()) {
            throw ApiException.validation("push mode (automatic assignment) is only for shared queues");
        }
        if (q.pushMode() && a != null && !a.equals(Workqueue.UNASSIGNED)) {
            throw ApiException.validation("a push queue hands out unassigned conversations: its assignee must be"
                    + " empty or \"unassigned\"");
        }
    }

    private static Workqueue withIdAndOwner(Workqueue q, String id, String owner) {
        return new Workqueue(id, q.name().trim(), q.brands(), q.channels(), q.labels(), q.priorities(), q.statuses(),
                q.assignee(), q.ordering(), q.position(), owner, q.autoAssign());
    }

    /** What an audit row says of a queue: its name, whose it is and its filter. */
    private static String describe(Workqueue q) {
        return q.name() + (q.owner() == null ? " (shared)" : " (personal view of " + q.owner() + ")") + "; "
                + es.faro.protocol.json.Json.write(q);
    }
}
