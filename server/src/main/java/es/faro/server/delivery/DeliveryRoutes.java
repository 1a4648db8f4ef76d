package es.faro.server.delivery;

import es.faro.protocol.model.Message;
import es.faro.server.http.ApiException;
import es.faro.server.http.Bodies;
import es.faro.server.http.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code POST /api/v1/conversations/{id}/messages/{messageId}/retry}: queue a FAILED reply again.
 * {@code POST /api/v1/conversations/{id}/messages/{messageId}/posted} {@code {"url"}} (optional body):
 * a PREPARED forum reply was posted by hand. Both: any agent who sees the conversation (analysts are
 * read-only), 404 outside their scope, 409 {@code invalid_delivery_state} in another state; they answer
 * the message as it is now, and its {@code message.upserted} event tells every client.
 */
public final class DeliveryRoutes {
    private static final String BASE = "/api/v1/conversations/{id}/messages/{messageId}";

    private final DeliveryService service;
    private final Bodies bodies;

    public DeliveryRoutes(DeliveryService service, Bodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    /** The optional body of {@code posted}. */
    public record PostedRequest(String url) {
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE + "/retry", ctx -> ctx.json(await(service.retry(Principal.agent(ctx), ctx.pathParam("id"),
                ctx.pathParam("messageId")))));
        routes.post(BASE + "/posted", ctx -> {
            byte[] raw = bodies.raw(ctx);
            PostedRequest req = raw.length == 0 ? null : parse(raw);
            ctx.json(await(service.markPosted(Principal.agent(ctx), ctx.pathParam("id"), ctx.pathParam("messageId"),
                    req == null ? null : req.url())));
        });
    }

    private static PostedRequest parse(byte[] raw) {
        try {
            return es.faro.protocol.json.Json.MAPPER.readValue(raw, PostedRequest.class);
        } catch (java.io.IOException e) {
            throw Bodies.mapJackson(e);
        }
    }

    private static Message await(CompletableFuture<Message> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new IllegalStateException("write failed", e.getCause());
        }
    }
}
