package es.faro.server.queues;

import es.faro.protocol.api.ApiError;
import es.faro.protocol.api.AssignRequest;
import es.faro.protocol.api.BulkRequest;
import es.faro.protocol.api.BulkResult;
import es.faro.protocol.api.LabelsRequest;
import es.faro.protocol.api.PriorityRequest;
import es.faro.protocol.api.SnoozeRequest;
import es.faro.protocol.api.StatusRequest;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import es.faro.server.config.Reference;
import es.faro.server.http.ApiException;
import es.faro.server.sla.SlaTracker;
import es.faro.server.store.Agents;
import es.faro.server.store.Conversations;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import es.faro.server.workflow.ConversationService;
import es.faro.server.workflow.SlaPause;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Pull mode (Next), bulk actions, snoozing and agents' own presence. Every change is one write task
 * with its event, so all clients follow.
 */
public final class QueueService {
    static final int MAX_BULK = 500;

    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final SlaTracker sla;
    private final ConversationService conversations;
    private final Duration presenceTtl;

    public QueueService(Store store, Supplier<Reference> reference, Clock clock, SlaTracker sla,
                        ConversationService conversations, Duration presenceTtl) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.sla = sla;
        this.conversations = conversations;
        this.presenceTtl = presenceTtl;
    }

    /** Fills the pick order of conversations stored before it was kept (once, at start-up). */
    public static int backfillPickDue(es.faro.server.store.Store store) {
        return store.write(QueueTables::backfillPickDue).join();
    }

    // ---- pull mode ---------------------------------------------------------------------------

    /**
     * Claims the best unassigned NEW/OPEN conversation the agent is skilled for (within the queue
     * when given): soonest SLA due first, then priority. Empty when there is none.
     */
    public Optional<Conversation> next(Agent agent, String queueId) {
        return join(store.write(c -> {
            Workqueue queue = null;
            if (queueId != null) {
                queue = QueueTables.workqueue(c, queueId).filter(q -> WorkqueueService.visibleTo(q, agent))
                        .orElseThrow(() -> ApiException.notFound("no workqueue " + queueId));
            }
            if (agent.capacity() > 0
                    && QueueTables.openAssignedTo(c, agent.id()).size() >= agent.capacity()) {
                throw new ApiException(409, "at_capacity", "you already have " + agent.capacity()
                        + " open conversations assigned (your capacity); resolve or hand some over first");
            }
            Instant now = clock.instant();
            Workqueue q = queue;
            for (Conversation conv : Assignment.bestFirst(c)) {
                if (conv.snoozedUntil() != null || !Assignment.skilled(agent, conv)
                        || (q != null && !q.matches(conv, agent.id()))) {
                    continue;
                }
                Conversation taken = Assignment.take(c, reference.get(), sla, conv, agent, now);
                if (taken != null) {
                    return Optional.of(taken);
                }
            }
            return Optional.<Conversation>empty();
        }));
    }

    // ---- snooze ------------------------------------------------------------------------------

    /** Snoozes until {@code until}: PENDING (SLA clocks paused), out of every queue, back as OPEN then. */
    public CompletableFuture<Conversation> snooze(Agent actor, String id, SnoozeRequest req) {
        if (req == null || req.version() == null) {
            throw ApiException.validation("version is required: the conversation version you last saw");
        }
        Instant until = validUntil(req.until());
        return store.write(c -> snoozeIn(c, actor, id, req.version(), until));
    }

    private Instant validUntil(Instant until) {
        if (until == null) {
            throw ApiException.validation("until is required: the instant the conversation comes back");
        }
        if (!until.isAfter(clock.instant())) {
            throw ApiException.validation("until must be in the future");
        }
        return until;
    }

    private Conversation snoozeIn(Connection c, Agent actor, String id, long version, Instant until)
            throws SQLException {
        Conversation conv = Conversations.find(c, id).filter(v -> actor.canSee(v.brandId(), v.channel()))
                .orElseThrow(() -> ApiException.notFound("no conversation " + id));
        if (conv.version() != version) {
            throw ApiException.conflict("the conversation changed (version " + conv.version() + ", you sent "
                    + version + ")", conv);
        }
        if (conv.status() == ConversationStatus.RESOLVED || conv.status() == ConversationStatus.CLOSED) {
            throw ApiException.validation("a " + conv.status() + " conversation cannot be snoozed");
        }
        Instant now = clock.instant();
        Reference ref = reference.get();
        Conversation paused = SlaPause.apply(c, ref.sla(), conv,
                conv.toBuilder().status(ConversationStatus.PENDING).snoozedUntil(until).build(), now);
        QueueTables.snooze(c, id, until);
        return Assignment.save(c, ref, sla, conv, paused.toBuilder(), now);
    }

    /** Brings back the due snoozed conversations (OPEN, clocks resumed); returns how many. */
    int wakeDue(Connection c, Instant now) throws SQLException {
        int woken = 0;
        Reference ref = reference.get();
        for (String id : QueueTables.dueSnoozes(c, now, 500)) {
            QueueTables.unsnooze(c, id);
            Optional<Conversation> found = Conversations.find(c, id);
            if (found.isEmpty() || found.get().snoozedUntil() == null) {
                continue; // changed by hand meanwhile
            }
            Conversation conv = found.get();
            Conversation.Builder b = conv.toBuilder().snoozedUntil(null);
            if (conv.status() == ConversationStatus.PENDING) {
                b = SlaPause.apply(c, ref.sla(), conv, b.status(ConversationStatus.OPEN).build(), now).toBuilder();
            }
            Assignment.save(c, ref, sla, conv, b, now);
            woken++;
        }
        return woken;
    }

    // ---- bulk --------------------------------------------------------------------------------

    /**
     * Applies one action to each item as its own write task (its own savepoint): an item either
     * changes completely or not at all, and each one reports its own outcome.
     */
    public BulkResult bulk(Agent actor, BulkRequest req) {
        String action = validateBulk(req);
        List<CompletableFuture<Conversation>> futures = new ArrayList<>();
        for (BulkRequest.Item item : req.items()) {
            futures.add(one(actor, action, req, item));
        }
        List<BulkResult.Item> results = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            String id = req.items().get(i).id();
            try {
                results.add(new BulkResult.Item(id, 200, join(futures.get(i)), null));
            } catch (ApiException e) {
                results.add(new BulkResult.Item(id, e.status(), e.current(), new ApiError.Detail(e.code(), e.getMessage())));
            }
        }
        return new BulkResult(results);
    }

    private CompletableFuture<Conversation> one(Agent actor, String action, BulkRequest req, BulkRequest.Item item) {
        try {
            if (item == null || item.id() == null || item.id().isBlank()) {
                throw ApiException.validation("each item needs an id");
            }
            Long version = item.version();
            return switch (action) {
                case BulkRequest.ASSIGN -> conversations.assign(actor, item.id(), new AssignRequest(req.agentId(), version));
                case BulkRequest.LABELS -> conversations.labels(actor, item.id(),
                        new LabelsRequest(req.add(), req.remove(), version));
                case BulkRequest.PRIORITY -> conversations.priority(actor, item.id(),
                        new PriorityRequest(req.priority(), version));
                case BulkRequest.STATUS -> conversations.status(actor, item.id(), new StatusRequest(req.status(), version));
                default -> snooze(actor, item.id(), new SnoozeRequest(req.until(), version));
            };
        } catch (ApiException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private String validateBulk(BulkRequest req) {
        if (req == null || req.action() == null) {
            throw ApiException.validation("action is required: assign, labels, priority, status or snooze");
        }
        if (req.items().isEmpty()) {
            throw ApiException.validation("items is required: the conversations and the versions you last saw");
        }
        if (req.items().size() > MAX_BULK) {
            throw ApiException.validation("at most " + MAX_BULK + " items per bulk action");
        }
        switch (req.action()) {
            case BulkRequest.ASSIGN -> { }
            case BulkRequest.LABELS -> {
                if (req.add().isEmpty() && req.remove().isEmpty()) {
                    throw ApiException.validation("labels needs add or remove");
                }
                for (String l : req.add()) {
                    if (!reference.get().labelExists(l)) {
                        throw ApiException.validation("unknown label " + l);
                    }
                }
                for (String l : req.remove()) {
                    if (!reference.get().labelExists(l)) {
                        throw ApiException.validation("unknown label " + l);
                    }
                }
            }
            case BulkRequest.PRIORITY -> {
                if (req.priority() == null) {
                    throw ApiException.validation("priority is required (P1, P2, P3 or P4)");
                }
            }
            case BulkRequest.STATUS -> {
                if (req.status() == null) {
                    throw ApiException.validation("status is required (NEW, OPEN, PENDING, RESOLVED or CLOSED)");
                }
            }
            case BulkRequest.SNOOZE -> validUntil(req.until());
            default -> throw ApiException.validation("action must be assign, labels, priority, status or snooze, not "
                    + req.action());
        }
        return req.action();
    }

    // ---- own presence ------------------------------------------------------------------------

    /** Sets the caller's presence and renews it for the presence TTL (past it, with no renewal, OFFLINE). */
    public Agent presence(Agent agent, Presence presence) {
        if (presence == null) {
            throw ApiException.validation("presence is required: ONLINE, AWAY or OFFLINE");
        }
        Instant now = clock.instant();
        return join(store.write(c -> {
            QueueTables.renewHeartbeat(c, agent.id(), now.plus(presenceTtl));
            return setPresence(c, agent.id(), presence, now).orElse(agent.withPresence(presence));
        }));
    }

    static Optional<Agent> setPresence(Connection c, String agentId, Presence presence, Instant now)
            throws SQLException {
        Optional<Agent> changed = Agents.setPresence(c, agentId, presence);
        if (changed.isPresent()) {
            EventLog.append(c, EventType.AGENT, now, null, null, changed.get());
        }
        return changed;
    }

    static boolean admin(Agent agent) {
        return agent.hasRole(Role.ADMIN);
    }

    /** Waits for a write and rethrows what it threw (an ApiException stays one). */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("write failed", e.getCause());
        }
    }
}
