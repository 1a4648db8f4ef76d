package es.faro.client.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.client.cache.OutboxKind;
import es.faro.client.cache.SqliteCache;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's commands as outbox entries: each is committed locally with its optimistic effect,
 * then the sync engine is nudged to deliver it. The entry's UUID is the server's idempotency key.
 */
public final class OutboxCommands implements AgentCommands {
    private final SqliteCache cache;
    private final Agent me;
    private final List<Runnable> onEnqueued = new CopyOnWriteArrayList<>();

    public OutboxCommands(SqliteCache cache, Agent me) {
        this.cache = cache;
        this.me = me;
    }

    /** Called after each committed entry; the sync engine uses it to push at once. */
    public void addEnqueueListener(Runnable listener) {
        onEnqueued.add(listener);
    }

    @Override
    public CompletableFuture<Void> reply(String conversationId, String body, boolean isPublic) {
        return message(conversationId, OutboxKind.REPLY, MessageKind.OUT, body, isPublic);
    }

    @Override
    public CompletableFuture<Void> reply(String conversationId, String body, boolean isPublic,
                                         String lastSeenMessageId, boolean force, String brandId) {
        if (body == null || body.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("empty message"));
        }
        String id = UUID.randomUUID().toString();
        ObjectNode p = payload().put("body", body).put("public", isPublic);
        if (lastSeenMessageId != null) {
            p.put("lastSeenMessageId", lastSeenMessageId);
        }
        if (force) {
            p.put("force", true);
        }
        if (brandId != null) {
            p.put("brandId", brandId);
        }
        Message local = new Message("local-" + id, conversationId, MessageKind.OUT, me.id(), me.name(), body, isPublic,
                null, null, null, Instant.now(), DeliveryState.QUEUED, id);
        return enqueue(id, conversationId, OutboxKind.REPLY, p, local);
    }

    @Override
    public CompletableFuture<Void> note(String conversationId, String body) {
        return message(conversationId, OutboxKind.NOTE, MessageKind.NOTE, body, false);
    }

    @Override
    public CompletableFuture<Void> claim(String conversationId) {
        return enqueue(conversationId, OutboxKind.CLAIM, payload().put("agentId", me.id()), null);
    }

    @Override
    public CompletableFuture<Void> assign(String conversationId, String agentId) {
        return enqueue(conversationId, OutboxKind.ASSIGN, payload().put("agentId", agentId), null);
    }

    @Override
    public CompletableFuture<Void> setStatus(String conversationId, ConversationStatus status) {
        return enqueue(conversationId, OutboxKind.STATUS, payload().put("status", status.name()), null);
    }

    @Override
    public CompletableFuture<Void> setPriority(String conversationId, Priority priority) {
        return enqueue(conversationId, OutboxKind.PRIORITY, payload().put("priority", priority.name()), null);
    }

    @Override
    public CompletableFuture<Void> changeLabels(String conversationId, List<String> add, List<String> remove) {
        ObjectNode p = payload();
        add.forEach(p.putArray("add")::add);
        remove.forEach(p.putArray("remove")::add);
        return enqueue(conversationId, OutboxKind.LABELS, p, null);
    }

    private CompletableFuture<Void> message(String conversationId, OutboxKind kind, MessageKind messageKind,
                                            String body, boolean isPublic) {
        if (body == null || body.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("empty message"));
        }
        String id = UUID.randomUUID().toString();
        ObjectNode p = payload().put("body", body).put("public", isPublic);
        Message local = new Message("local-" + id, conversationId, messageKind, me.id(), me.name(), body, isPublic,
                null, null, null, Instant.now(), DeliveryState.QUEUED, id);
        return enqueue(id, conversationId, kind, p, local);
    }

    private CompletableFuture<Void> enqueue(String conversationId, OutboxKind kind, ObjectNode payload, Message local) {
        return enqueue(UUID.randomUUID().toString(), conversationId, kind, payload, local);
    }

    private CompletableFuture<Void> enqueue(String id, String conversationId, OutboxKind kind, ObjectNode payload,
                                            Message local) {
        return cache.enqueue(id, conversationId, kind, payload, local)
                .thenRun(() -> onEnqueued.forEach(Runnable::run));
    }

    private static ObjectNode payload() {
        return Json.MAPPER.createObjectNode();
    }
}
