package es.faro.server.http;

import es.faro.protocol.model.Agent;
import es.faro.server.store.Conversations;
import es.faro.server.store.Leases;
import es.faro.server.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/conversations/{id}/presence {"viewing":true,"typing":false}} sets the caller's
 * leases (renew by posting again before they expire) and {@code GET} lists the live ones:
 * {@code {"conversationId","leases":[{"agentId","kind","expiresAt"}]}}.
 */
final class PresenceRoutes {
    private static final String PATH = "/api/v1/conversations/{id}/presence";

    private final Store store;
    private final PresenceService presence;
    private final Bodies bodies;

    PresenceRoutes(Store store, PresenceService presence, Bodies bodies) {
        this.store = store;
        this.presence = presence;
        this.bodies = bodies;
    }

    /** The body of a presence update; a missing field means false. */
    record PresenceRequest(Boolean viewing, Boolean typing) {
    }

    /** One live lease on the wire. */
    record LeaseView(String agentId, String kind, Instant expiresAt) {
    }

    record PresenceView(String conversationId, List<LeaseView> leases) {
        static PresenceView of(String conversationId, List<Leases.Lease> leases) {
            return new PresenceView(conversationId,
                    leases.stream().map(l -> new LeaseView(l.agentId(), l.kind(), l.expiresAt())).toList());
        }
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> {
            String id = visibleConversation(ctx);
            ctx.json(PresenceView.of(id, presence.live(id)));
        });
        routes.post(PATH, this::update);
    }

    private void update(Context ctx) {
        Agent agent = Principal.agent(ctx);
        if (Principal.readOnly(agent)) {
            throw ApiException.forbidden("analysts have read-only access");
        }
        String id = visibleConversation(ctx);
        PresenceRequest req = bodies.json(ctx, PresenceRequest.class);
        boolean viewing = Boolean.TRUE.equals(req.viewing());
        boolean typing = Boolean.TRUE.equals(req.typing());
        ctx.json(PresenceView.of(id, presence.update(agent, id, viewing, typing)));
    }

    private String visibleConversation(Context ctx) {
        Agent agent = Principal.agent(ctx);
        String id = ctx.pathParam("id");
        return store.read(c -> Conversations.find(c, id))
                .filter(conv -> agent.canSee(conv.brandId(), conv.channel()))
                .orElseThrow(() -> ApiException.notFound("no conversation " + id))
                .id();
    }
}
