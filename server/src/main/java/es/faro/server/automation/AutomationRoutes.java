package es.faro.server.automation;

import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Role;
import es.faro.server.http.ApiException;
import es.faro.server.http.Bodies;
import es.faro.server.http.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Admin CRUD of automation rules (ADMIN only): {@code GET/POST /api/v1/admin/rules},
 * {@code GET/PUT/DELETE /api/v1/admin/rules/{id}}. Every change is an event so admin screens follow live.
 */
public final class AutomationRoutes {
    private static final String BASE = "/api/v1/admin/rules";

    private final AutomationService service;
    private final Bodies bodies;

    public AutomationRoutes(AutomationService service, Bodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> {
            admin(ctx);
            ctx.json(service.list());
        });
        routes.post(BASE, ctx -> {
            admin(ctx);
            ctx.status(201).json(Await.of(service.create(bodies.json(ctx, AutomationRule.class))));
        });
        routes.get(BASE + "/{id}", ctx -> {
            admin(ctx);
            ctx.json(service.get(ctx.pathParam("id")));
        });
        routes.put(BASE + "/{id}", ctx -> {
            admin(ctx);
            ctx.json(Await.of(service.update(ctx.pathParam("id"), bodies.json(ctx, AutomationRule.class))));
        });
        routes.delete(BASE + "/{id}", ctx -> {
            admin(ctx);
            Await.of(service.delete(ctx.pathParam("id")));
            ctx.status(204);
        });
    }

    static Agent admin(Context ctx) {
        Agent agent = Principal.agent(ctx);
        if (!agent.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("automation is edited by admins");
        }
        return agent;
    }
}
