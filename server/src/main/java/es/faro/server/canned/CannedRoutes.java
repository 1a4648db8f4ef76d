package es.faro.server.canned;

import es.faro.protocol.api.CannedResponseRequest;
import es.faro.protocol.model.CannedResponse;
import es.faro.server.http.Bodies;
import es.faro.server.http.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/v1/canned-responses}: list (filters {@code brand}, {@code language}), read, create,
 * replace, delete, and {@code POST .../{id}/used} to count a use. Roles in {@link CannedService}.
 */
public final class CannedRoutes {
    static final String BASE = "/api/v1/canned-responses";

    private final CannedService service;
    private final Bodies bodies;

    public CannedRoutes(CannedService service, Bodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> ctx.json(service.visible(Principal.agent(ctx), param(ctx, "brand"),
                param(ctx, "language"))));
        routes.get(BASE + "/{id}", ctx -> ctx.json(service.get(Principal.agent(ctx), ctx.pathParam("id"))));
        routes.post(BASE, ctx -> {
            CannedResponse created = service.create(Principal.agent(ctx), bodies.json(ctx, CannedResponseRequest.class));
            ctx.status(201).header("Location", BASE + "/" + created.id()).json(created);
        });
        routes.put(BASE + "/{id}", ctx -> ctx.json(service.update(Principal.agent(ctx), ctx.pathParam("id"),
                bodies.json(ctx, CannedResponseRequest.class))));
        routes.delete(BASE + "/{id}", ctx -> {
            service.delete(Principal.agent(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.post(BASE + "/{id}/used", ctx -> ctx.json(service.used(Principal.agent(ctx), ctx.pathParam("id"))));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
