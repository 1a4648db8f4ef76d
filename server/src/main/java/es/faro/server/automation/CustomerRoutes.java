package es.faro.server.automation;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Role;
import es.faro.server.http.ApiException;
import es.faro.server.http.Bodies;
import es.faro.server.http.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The customer panel's API: {@code GET /api/v1/customers?q=} (search), {@code GET /api/v1/customers/{id}}
 * (the profile), {@code POST /api/v1/customers/{id}/merge {"with"}} and
 * {@code POST /api/v1/customers/merges/{mergeId}/undo} (agents, leads, admins; analysts read only).
 */
final class CustomerRoutes {
    private static final String BASE = "/api/v1/customers";

    private final CustomerService service;
    private final Bodies bodies;

    CustomerRoutes(CustomerService service, Bodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    /** The body of a merge. */
    record MergeRequest(String with) {
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> ctx.json(service.search(Principal.agent(ctx), ctx.queryParam("q"))));
        routes.get(BASE + "/{id}", ctx -> ctx.json(service.profile(Principal.agent(ctx), ctx.pathParam("id"))));
        routes.post(BASE + "/{id}/merge", ctx -> {
            Agent agent = writer(ctx);
            MergeRequest req = bodies.json(ctx, MergeRequest.class);
            ctx.json(Await.of(service.merge(agent, ctx.pathParam("id"), req.with())));
        });
        routes.post(BASE + "/merges/{mergeId}/undo", ctx ->
                ctx.json(Await.of(service.undo(writer(ctx), ctx.pathParam("mergeId")))));
    }

    private static Agent writer(Context ctx) {
        Agent agent = Principal.agent(ctx);
        if (!agent.hasRole(Role.AGENT) && !agent.hasRole(Role.LEAD) && !agent.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("analysts have read-only access");
        }
        return agent;
    }
}
