package es.faro.server.http;

import es.faro.protocol.api.AssignRequest;
import es.faro.protocol.api.ClaimRequest;
import es.faro.protocol.api.ConversationPage;
import es.faro.protocol.api.LabelsRequest;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.api.PriorityRequest;
import es.faro.protocol.api.StatusRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.Workqueue;
import es.faro.server.queues.QueueTables;
import es.faro.server.queues.WorkqueueService;
import es.faro.server.store.Conversations;
import es.faro.server.store.Messages;
import es.faro.server.store.Scope;
import es.faro.server.store.Store;
import es.faro.server.workflow.ConversationService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Conversations: lists, detail, thread, replies and notes, workflow actions. */
final class ConversationRoutes {
    private static final String BASE = "/api/v1/conversations";

    private final Store store;
    private final ConversationService service;
    private final Bodies bodies;

    ConversationRoutes(Store store, ConversationService service, Bodies bodies) {
        this.store = store;
        this.service = service;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", ctx -> ctx.json(visible(ctx)));
        routes.get(BASE + "/{id}/messages", this::messages);
        routes.post(BASE + "/{id}/messages", this::postMessage);
        routes.post(BASE + "/{id}/claim", ctx -> respond(ctx,
                service.claim(Principal.agent(ctx), ctx.pathParam("id"), bodies.json(ctx, ClaimRequest.class),
                        optionalKey(ctx))));
        routes.post(BASE + "/{id}/assign", ctx -> respond(ctx,
                service.assign(Principal.agent(ctx), ctx.pathParam("id"), bodies.json(ctx, AssignRequest.class),
                        optionalKey(ctx))));
        routes.post(BASE + "/{id}/status", ctx -> respond(ctx,
                service.status(Principal.agent(ctx), ctx.pathParam("id"), bodies.json(ctx, StatusRequest.class),
                        optionalKey(ctx))));
        routes.post(BASE + "/{id}/priority", ctx -> respond(ctx,
                service.priority(Principal.agent(ctx), ctx.pathParam("id"), bodies.json(ctx, PriorityRequest.class),
                        optionalKey(ctx))));
        routes.post(BASE + "/{id}/labels", ctx -> respond(ctx,
                service.labels(Principal.agent(ctx), ctx.pathParam("id"), bodies.json(ctx, LabelsRequest.class),
                        optionalKey(ctx))));
    }

    private void list(Context ctx) {
        Agent agent = Principal.agent(ctx);
        String assignee = Params.text(ctx, "assignee");
        if ("me".equals(assignee)) {
            assignee = agent.id();
        }
        // ?queue= applies the workqueue's own filter (Workqueue.matches), not the routing queue id.
        String queueId = Params.text(ctx, "queue");
        Conversations.Filter filter = new Conversations.Filter(null, Params.text(ctx, "brand"),
                Params.channel(Params.text(ctx, "channel")),
                Params.enumParam(ctx, "status", ConversationStatus.class), assignee);
        int limit = Params.intParam(ctx, "limit", 50, 1, 500);
        Conversations.Position after = position(Params.text(ctx, "after"));
        List<Conversation> items = store.read(c -> {
            if (queueId == null) {
                return Conversations.list(c, filter, Scope.of(agent), after, limit);
            }
            Workqueue queue = QueueTables.workqueue(c, queueId)
                    .filter(q -> q.owner() == null || q.owner().equals(agent.id()))
                    .orElseThrow(() -> ApiException.notFound("no workqueue " + queueId));
            return WorkqueueService.page(c, queue, agent, filter, Scope.of(agent), after, limit);
        });
        String next = null;
        if (items.size() == limit) {
            Conversation last = items.get(items.size() - 1);
            next = Params.token(last.createdAt().toEpochMilli() + ":" + last.id());
        }
        ctx.json(new ConversationPage(items, next));
    }

    private static Conversations.Position position(String token) {
        if (token == null) {
            return null;
        }
        String plain = Params.untoken("after", token);
        int colon = plain.indexOf(':');
        if (colon <= 0) {
            throw ApiException.badRequest("after is not a token this server issued");
        }
        try {
            return new Conversations.Position(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("after is not a token this server issued");
        }
    }

    private Conversation visible(Context ctx) {
        Agent agent = Principal.agent(ctx);
        String id = ctx.pathParam("id");
        return store.read(c -> Conversations.find(c, id))
                .filter(conv -> agent.canSee(conv.brandId(), conv.channel()))
                .orElseThrow(() -> ApiException.notFound("no conversation " + id));
    }

    private void messages(Context ctx) {
        Conversation conv = visible(ctx);
        List<Message> messages = store.read(c -> Messages.ofConversation(c, conv.id()));
        ctx.json(messages);
    }

    private void postMessage(Context ctx) {
        Agent agent = Principal.agent(ctx);
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw ApiException.validation("the Idempotency-Key header (a UUID) is required");
        }
        try {
            key = UUID.fromString(key.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("the Idempotency-Key header must be a UUID");
        }
        PostMessageRequest req = bodies.json(ctx, PostMessageRequest.class);
        ConversationService.Stored stored = Futures.await(service.postMessage(agent, ctx.pathParam("id"), key, req));
        ctx.status(stored.status()).contentType("application/json").result(stored.body());
    }

    /**
     * The Idempotency-Key of a workflow action, if the client sent one (the workstation's outbox always
     * does): a repeat then gets the first answer instead of a conflict with its own change.
     */
    private static String optionalKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(key.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("the Idempotency-Key header must be a UUID");
        }
    }

    private static void respond(Context ctx, CompletableFuture<Conversation> future) {
        ctx.json(Futures.await(future));
    }
}
