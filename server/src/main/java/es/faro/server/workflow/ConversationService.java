package es.faro.server.workflow;

import es.faro.server.audit.AuditLog;
import es.faro.server.audit.AuditOrigin;
import es.faro.protocol.api.AssignRequest;
import es.faro.protocol.api.ClaimRequest;
import es.faro.protocol.api.LabelsRequest;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.api.PostMessageResponse;
import es.faro.protocol.api.PriorityRequest;
import es.faro.protocol.api.StatusRequest;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Role;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaEngine;
import es.faro.server.config.Reference;
import es.faro.server.http.ApiException;
import es.faro.server.sla.SlaTracker;
import es.faro.server.store.Agents;
import es.faro.server.store.Conversations;
import es.faro.server.store.EventLog;
import es.faro.server.store.Idempotency;
import es.faro.server.store.Messages;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Workflow actions on a conversation. Each runs as one write task: read the current state on the
 * writer's connection, check visibility and version, apply, bump the version and write the event in
 * the same transaction. Requests are validated before they reach the writer.
 */
public final class ConversationService {
    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final SlaTracker sla;
    private final es.faro.server.automation.AutomationService automation;

    public ConversationService(Store store, Supplier<Reference> reference, Clock clock, SlaTracker sla) {
        this(store, reference, clock, sla, null);
    }

    /** With the automation rules of the {@code change} trigger run on every change ({@code automation} may be null). */
    public ConversationService(Store store, Supplier<Reference> reference, Clock clock, SlaTracker sla,
                               es.faro.server.automation.AutomationService automation) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.sla = sla;
        this.automation = automation;
    }

    /** A stored response (status and JSON), returned again verbatim for a repeated Idempotency-Key. */
    public record Stored(int status, String body) {
    }

    public CompletableFuture<Stored> postMessage(Agent actor, String conversationId, String idempotencyKey,
                                                 PostMessageRequest req) {
        boolean reply = validateMessage(req);
        String from = AuditOrigin.address();
        return store.write(c -> {
            var previous = Idempotency.find(c, actor.id(), idempotencyKey);
            if (previous.isPresent()) {
                return new Stored(previous.get().status(), previous.get().body());
            }
            Conversation conv = visible(c, actor, conversationId);
            if (req.brandId() != null && !req.brandId().equals(conv.brandId())) {
                throw ApiException.validation("this conversation belongs to brand " + conv.brandId()
                        + "; a reply cannot go out from " + req.brandId());
            }
            if (reply && !Boolean.TRUE.equals(req.force()) && req.lastSeenMessageId() != null) {
                es.faro.server.automation.Collisions.check(c, actor, conv, req.lastSeenMessageId());
            }
            boolean isPublic = reply && (req.isPublic() == null ? conv.channel().publicByDefault() : req.isPublic());
            if (reply) {
                int limit = conv.channel().replyLimit(isPublic);
                int length = req.body().codePointCount(0, req.body().length());
                if (length > limit) {
                    throw ApiException.validation("a " + (isPublic ? "public" : "private") + " reply on "
                            + conv.channel().wireName() + " is at most " + limit + " characters, this one has " + length);
                }
                es.faro.server.delivery.OutboundRules.check(c, reference.get(), conv, isPublic);
            }
            Instant now = clock.instant();
            // A reply is QUEUED: storing it queues its delivery in this transaction (Messages.insert), and the
            // delivery worker moves it to SENT or FAILED with a message.upserted event.
            Message message = new Message("m-" + UUID.randomUUID(), conv.id(), reply ? MessageKind.OUT : MessageKind.NOTE,
                    actor.id(), actor.name(), req.body(), isPublic, conv.channel(), null, null, now,
                    reply ? DeliveryState.QUEUED : null, idempotencyKey);
            Conversation.Builder next = conv.toBuilder().updatedAt(now).version(conv.version() + 1)
                    .messageCount(conv.messageCount() + 1);
            if (reply) {
                next.lastMessageKind(MessageKind.OUT).lastMessageAt(now).snippet(Snippets.of(req.body()));
                if (conv.status() == ConversationStatus.NEW) {
                    next.status(ConversationStatus.OPEN);
                }
                // Any reply the customer receives answers them; a DM reply is as much a response as a public one.
                if (conv.response() != null && conv.response().isRunning()) {
                    next.response(new SlaEngine(reference.get().sla()).onReply(conv, now));
                }
            }
            Conversation updated = next.build();
            Messages.insert(c, message);
            Conversations.upsert(c, updated);
            EventLog.append(c, EventType.MESSAGE, now, updated.brandId(), updated.channel(), message);
            EventLog.append(c, EventType.CONVERSATION, now, updated.brandId(), updated.channel(), updated);
            sla.onChange(c, reference.get().sla(), conv, updated, now);
            Stored result = new Stored(201, Json.write(new PostMessageResponse(message, updated)));
            Idempotency.save(c, actor.id(), idempotencyKey, new Idempotency.Stored(result.status(), result.body()), now);
            AuditLog.append(c, now, actor.id(), reply ? "conversation.reply" : "conversation.note", conv.id(), from,
                    "message " + message.id());
            return result;
        });
    }

    public CompletableFuture<Conversation> claim(Agent actor, String id, ClaimRequest req) {
        return claim(actor, id, req, null);
    }

    /** With the client's Idempotency-Key (may be null): a repeated key gets the first result again. */
    public CompletableFuture<Conversation> claim(Agent actor, String id, ClaimRequest req, String idempotencyKey) {
        long version = version(req == null ? null : req.version());
        return change(actor, idempotencyKey, "conversation.claim", id, version, conv -> {
            if (conv.assigneeId() != null && !conv.assigneeId().equals(actor.id())) {
                throw ApiException.conflict("the conversation is already assigned to " + conv.assigneeId(), conv);
            }
            return conv.toBuilder().assigneeId(actor.id());
        });
    }

    public CompletableFuture<Conversation> assign(Agent actor, String id, AssignRequest req) {
        return assign(actor, id, req, null);
    }

    /** With the client's Idempotency-Key (may be null): a repeated key gets the first result again. */
    public CompletableFuture<Conversation> assign(Agent actor, String id, AssignRequest req, String idempotencyKey) {
        long version = version(req.version());
        String target = req.agentId();
        boolean supervisor = actor.hasRole(Role.LEAD) || actor.hasRole(Role.ADMIN);
        if (!supervisor && target != null && !target.equals(actor.id())) {
            throw ApiException.forbidden("only leads and admins assign conversations to others");
        }
        return auditedOnce(actor, idempotencyKey, "conversation.assign", id, "to " + target, c -> {
            Conversation conv = visible(c, actor, id);
            checkVersion(conv, version);
            if (target != null) {
                Agent assignee = Agents.byId(c, target)
                        .orElseThrow(() -> ApiException.validation("unknown agent " + target));
                if (!assignee.canSee(conv.brandId(), conv.channel())) {
                    throw ApiException.validation(assignee.username() + " is not skilled for this brand and channel");
                }
            }
            return save(c, conv, conv.toBuilder().assigneeId(target));
        });
    }

    public CompletableFuture<Conversation> status(Agent actor, String id, StatusRequest req) {
        return status(actor, id, req, null);
    }

    /** With the client's Idempotency-Key (may be null): a repeated key gets the first result again. */
    public CompletableFuture<Conversation> status(Agent actor, String id, StatusRequest req, String idempotencyKey) {
        long version = version(req.version());
        if (req.status() == null) {
            throw ApiException.validation("status is required (NEW, OPEN, PENDING, RESOLVED or CLOSED)");
        }
        Reference ref = reference.get();
        return auditedOnce(actor, idempotencyKey, "conversation.status", id, String.valueOf(req.status()), c -> {
            Conversation conv = visible(c, actor, id);
            checkVersion(conv, version);
            Instant now = clock.instant();
            // A pause ends before the clocks stop, so a conversation resolved from PENDING stops its moved clocks.
            Conversation next = SlaPause.apply(c, ref.sla(), conv, conv.toBuilder().status(req.status()).build(), now);
            boolean ending = req.status() == ConversationStatus.RESOLVED || req.status() == ConversationStatus.CLOSED;
            // Resolving ends every running clock: an unanswered response clock ends met or missed by then.
            Conversation.Builder b = ending ? new SlaEngine(ref.sla()).onResolved(next, now).toBuilder()
                    : next.toBuilder();
            return save(c, conv, b);
        });
    }

    public CompletableFuture<Conversation> priority(Agent actor, String id, PriorityRequest req) {
        return priority(actor, id, req, null);
    }

    /** With the client's Idempotency-Key (may be null): a repeated key gets the first result again. */
    public CompletableFuture<Conversation> priority(Agent actor, String id, PriorityRequest req, String idempotencyKey) {
        long version = version(req.version());
        if (req.priority() == null) {
            throw ApiException.validation("priority is required (P1, P2, P3 or P4)");
        }
        Reference ref = reference.get();
        return change(actor, idempotencyKey, "conversation.priority", id, version, conv -> conv.toBuilder().priority(req.priority())
                // A new priority may fall under another SLA policy: running clocks take its targets.
                .response(restart(ref, conv, conv.response(), req, clock.instant()))
                .resolution(restart(ref, conv, conv.resolution(), req, clock.instant())));
    }

    public CompletableFuture<Conversation> labels(Agent actor, String id, LabelsRequest req) {
        return labels(actor, id, req, null);
    }

    /** With the client's Idempotency-Key (may be null): a repeated key gets the first result again. */
    public CompletableFuture<Conversation> labels(Agent actor, String id, LabelsRequest req, String idempotencyKey) {
        long version = version(req.version());
        Reference ref = reference.get();
        for (String label : concat(req.add(), req.remove())) {
            if (!ref.labelExists(label)) {
                throw ApiException.validation("unknown label " + label);
            }
        }
        return change(actor, idempotencyKey, "conversation.labels", id, version, conv -> {
            TreeSet<String> labels = new TreeSet<>(conv.labels());
            labels.addAll(req.add());
            req.remove().forEach(labels::remove);
            return conv.toBuilder().labels(List.copyOf(labels));
        });
    }

    private static SlaClock restart(Reference ref, Conversation conv, SlaClock clock, PriorityRequest req, Instant at) {
        return new SlaEngine(ref.sla()).reprioritized(conv, clock, req.priority(), at);
    }

    @FunctionalInterface
    private interface Change {
        Conversation.Builder apply(Conversation current);
    }

    private CompletableFuture<Conversation> change(Agent actor, String idempotencyKey, String action, String id,
                                                   long version, Change change) {
        return auditedOnce(actor, idempotencyKey, action, id, null, c -> {
            Conversation conv = visible(c, actor, id);
            checkVersion(conv, version);
            return save(c, conv, change.apply(conv));
        });
    }

    /**
     * {@link #audited} once per Idempotency-Key: the result is stored with the write, and a repeat of the
     * key (the client's outbox sending again after a lost answer or a restart) gets that first result
     * instead of a version conflict with its own change. A refusal stores nothing (it rolled back).
     */
    private CompletableFuture<Conversation> auditedOnce(Agent actor, String idempotencyKey, String action,
                                                        String target, String detail,
                                                        es.faro.server.store.Store.WriteTask<Conversation> task) {
        if (idempotencyKey == null) {
            return audited(actor, action, target, detail, task);
        }
        String from = AuditOrigin.address();
        return store.write(c -> {
            var previous = Idempotency.find(c, actor.id(), idempotencyKey);
            if (previous.isPresent()) {
                return Json.read(previous.get().body(), Conversation.class);
            }
            Conversation result = task.run(c);
            Instant now = clock.instant();
            AuditLog.append(c, now, actor.id(), action, target, from, detail);
            Idempotency.save(c, actor.id(), idempotencyKey, new Idempotency.Stored(200, Json.write(result)), now);
            return result;
        });
    }

    /**
     * Runs the write and records it in the audit log in the same transaction (a refused action rolls
     * both back). The address is read here, on the request's thread, before the write is queued.
     */
    private <T> CompletableFuture<T> audited(Agent actor, String action, String target, String detail,
                                             es.faro.server.store.Store.WriteTask<T> task) {
        String from = AuditOrigin.address();
        return store.write(c -> {
            T result = task.run(c);
            AuditLog.append(c, clock.instant(), actor.id(), action, target, from, detail);
            return result;
        });
    }

    private Conversation save(Connection c, Conversation before, Conversation.Builder next) throws SQLException {
        Instant now = clock.instant();
        Conversation candidate = next.build();
        if (candidate.equals(before)) {
            return before; // nothing changed: no new version, no event
        }
        if (automation != null) {
            candidate = automation.onChange(c, candidate);
        }
        Conversation updated = candidate.toBuilder().updatedAt(now).version(before.version() + 1).build();
        String json = Json.write(updated);
        Conversations.upsert(c, updated, json);
        EventLog.appendJson(c, EventType.CONVERSATION, now, updated.brandId(), updated.channel(), json);
        sla.onChange(c, reference.get().sla(), before, updated, now);
        return updated;
    }

    private static Conversation visible(Connection c, Agent actor, String id) throws SQLException {
        return Conversations.find(c, id)
                .filter(conv -> actor.canSee(conv.brandId(), conv.channel()))
                .orElseThrow(() -> ApiException.notFound("no conversation " + id));
    }

    private static void checkVersion(Conversation conv, long version) {
        if (conv.version() != version) {
            throw ApiException.conflict("the conversation changed (version " + conv.version()
                    + ", you sent " + version + ")", conv);
        }
    }

    private static long version(Long version) {
        if (version == null) {
            throw ApiException.validation("version is required: the conversation version you last saw");
        }
        return version;
    }

    /** Returns whether it is a reply (else a note). */
    private static boolean validateMessage(PostMessageRequest req) {
        if (req.kind() == null) {
            throw ApiException.validation("kind is required: \"reply\" or \"note\"");
        }
        boolean reply = switch (req.kind()) {
            case PostMessageRequest.REPLY -> true;
            case PostMessageRequest.NOTE -> false;
            default -> throw ApiException.validation("kind must be \"reply\" or \"note\", not \"" + req.kind() + "\"");
        };
        if (req.body() == null || req.body().isBlank()) {
            throw ApiException.validation("body is required and must not be blank");
        }
        if (!reply && req.body().codePointCount(0, req.body().length()) > 20_000) {
            throw ApiException.validation("a note is at most 20000 characters");
        }
        return reply;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
