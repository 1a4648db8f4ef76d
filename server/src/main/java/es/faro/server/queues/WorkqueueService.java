package es.faro.server.queues;

import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Workqueue;
import es.faro.server.http.ApiException;
import es.faro.server.store.Conversations;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
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
    private final Clock clock;

    public WorkqueueService(Store store, Clock clock) {
        this.store = store;
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
        validate(body);
        String owner = owner(actor, body.owner());
        Workqueue q = withIdAndOwner(body, "wq-" + UUID.randomUUID().toString().substring(0, 8), owner);
        return QueueService.join(store.write(c -> {
            QueueTables.upsertWorkqueue(c, q);
            EventLog.appendOwned(c, EventType.WORKQUEUE, clock.instant(), q.owner(), false, q);
            return q;
        }));
    }

    /** Replaces a queue: admins change shared queues (including those from the reference files), owners their views. */
    public Workqueue update(Agent actor, String id, Workqueue body) {
        validate(body);
        return QueueService.join(store.write(c -> {
            Workqueue current = editable(c, actor, id);
            Workqueue q = withIdAndOwner(body, id, current.owner());
            QueueTables.upsertWorkqueue(c, q);
            EventLog.appendOwned(c, EventType.WORKQUEUE, clock.instant(), q.owner(), false, q);
            return q;
        }));
    }

    public void delete(Agent actor, String id) {
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

    private static void validate(Workqueue q) {
        if (q == null || q.name() == null || q.name().isBlank()) {
            throw ApiException.validation("name is required");
        }
        if (q.name().length() > 80) {
            throw ApiException.validation("name is at most 80 characters");
        }
        String a = q.assignee();
        if (a != null && a.isBlank()) {
            throw ApiException.validation("assignee is \"me\", \"unassigned\", an agent id, or absent");
        }
    }

    private static Workqueue withIdAndOwner(Workqueue q, String id, String owner) {
        return new Workqueue(id, q.name().trim(), q.brands(), q.channels(), q.labels(), q.priorities(), q.statuses(),
                q.assignee(), q.ordering(), q.position(), owner, q.autoAssign());
    }
}
