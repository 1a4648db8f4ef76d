package es.faro.server.queues;

import es.faro.protocol.api.BulkRequest;
import es.faro.protocol.api.NextRequest;
import es.faro.protocol.api.PresenceRequest;
import es.faro.protocol.api.SnoozeRequest;
import es.faro.protocol.api.UserRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Team;
import es.faro.protocol.model.Workqueue;
import es.faro.server.http.Bodies;
import es.faro.server.http.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Workqueues and assignment over HTTP:
 * <ul>
 * <li>{@code POST /api/v1/next} {@code {"queueId"?}} and {@code POST /api/v1/queues/{id}/next}: claim the best
 * conversation (200 with it, 204 when there is none, 409 {@code at_capacity});</li>
 * <li>{@code POST /api/v1/conversations/bulk} (per-item results), {@code POST /api/v1/conversations/{id}/snooze};</li>
 * <li>{@code GET/POST /api/v1/workqueues}, {@code GET/PUT/DELETE /api/v1/workqueues/{id}};</li>
 * <li>{@code POST /api/v1/me/presence};</li>
 * <li>admins: {@code GET/POST /api/v1/admin/users}, {@code PUT /api/v1/admin/users/{id}},
 * {@code POST /api/v1/admin/teams}, {@code PUT/DELETE /api/v1/admin/teams/{id}}; {@code GET /api/v1/teams}
 * (admins all, leads theirs).</li>
 * </ul>
 */
public final class QueueRoutes {
    private final QueueService queues;
    private final WorkqueueService workqueues;
    private final AdminService admin;
    private final Bodies bodies;

    public QueueRoutes(QueueService queues, WorkqueueService workqueues, AdminService admin, Bodies bodies) {
        this.queues = queues;
        this.workqueues = workqueues;
        this.admin = admin;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/next", ctx -> {
            NextRequest req = bodies.raw(ctx).length == 0 ? new NextRequest(null) : bodies.json(ctx, NextRequest.class);
            next(ctx, queues.next(Principal.agent(ctx), req == null ? null : req.queueId()));
        });
        routes.post("/api/v1/queues/{id}/next", ctx -> next(ctx, queues.next(Principal.agent(ctx), ctx.pathParam("id"))));
        routes.post("/api/v1/conversations/bulk", ctx ->
                ctx.json(queues.bulk(Principal.agent(ctx), bodies.json(ctx, BulkRequest.class))));
        routes.post("/api/v1/conversations/{id}/snooze", ctx -> ctx.json(QueueService.join(
                queues.snooze(Principal.agent(ctx), ctx.pathParam("id"), bodies.json(ctx, SnoozeRequest.class)))));
        routes.post("/api/v1/me/presence", ctx -> ctx.json(
                queues.presence(Principal.agent(ctx), bodies.json(ctx, PresenceRequest.class).presence())));

        routes.get("/api/v1/workqueues", ctx -> ctx.json(workqueues.visible(Principal.agent(ctx))));
        routes.post("/api/v1/workqueues", ctx -> ctx.status(201).json(
                workqueues.create(Principal.agent(ctx), bodies.json(ctx, Workqueue.class))));
        routes.get("/api/v1/workqueues/{id}", ctx -> ctx.json(workqueues.get(Principal.agent(ctx), ctx.pathParam("id"))));
        routes.put("/api/v1/workqueues/{id}", ctx -> ctx.json(
                workqueues.update(Principal.agent(ctx), ctx.pathParam("id"), bodies.json(ctx, Workqueue.class))));
        routes.delete("/api/v1/workqueues/{id}", ctx -> {
            workqueues.delete(Principal.agent(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });

        routes.get("/api/v1/admin/users", ctx -> ctx.json(admin.users(Principal.agent(ctx))));
        routes.post("/api/v1/admin/users", ctx -> {
            Agent actor = Principal.agent(ctx);
            AdminService.requireAdmin(actor);
            ctx.status(201).json(admin.createUser(actor, bodies.json(ctx, UserRequest.class)));
        });
        routes.put("/api/v1/admin/users/{id}", ctx -> {
            Agent actor = Principal.agent(ctx);
            AdminService.requireAdmin(actor);
            ctx.json(admin.updateUser(actor, ctx.pathParam("id"), bodies.json(ctx, UserRequest.class)));
        });
        routes.get("/api/v1/teams", ctx -> ctx.json(admin.teams(Principal.agent(ctx))));
        routes.post("/api/v1/admin/teams", ctx -> {
            Agent actor = Principal.agent(ctx);
            AdminService.requireAdmin(actor);
            ctx.status(201).json(admin.saveTeam(actor, null, bodies.json(ctx, Team.class)));
        });
        routes.put("/api/v1/admin/teams/{id}", ctx -> {
            Agent actor = Principal.agent(ctx);
            AdminService.requireAdmin(actor);
            ctx.json(admin.saveTeam(actor, ctx.pathParam("id"), bodies.json(ctx, Team.class)));
        });
        routes.delete("/api/v1/admin/teams/{id}", ctx -> {
            admin.deleteTeam(Principal.agent(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private static void next(Context ctx, Optional<Conversation> claimed) {
        if (claimed.isPresent()) {
            ctx.json(claimed.get());
        } else {
            ctx.status(204);
        }
    }
}
