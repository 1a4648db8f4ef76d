package es.faro.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Role;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import es.faro.server.sla.SlaAdminService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;

/** {@code GET/PUT /api/v1/admin/sla-policies} and {@code /api/v1/admin/calendars}: whole lists, admins only. */
public final class SlaAdminRoutes {
    private final SlaAdminService service;
    private final Bodies bodies;

    public SlaAdminRoutes(SlaAdminService service, Bodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/sla-policies", ctx -> {
            admin(ctx);
            ctx.json(service.policies());
        });
        routes.put("/api/v1/admin/sla-policies", ctx -> {
            admin(ctx);
            List<SlaPolicy> policies = list(ctx, new TypeReference<List<SlaPolicy>>() { });
            ctx.json(unwrap(() -> service.replacePolicies(policies)));
        });
        routes.get("/api/v1/admin/calendars", ctx -> {
            admin(ctx);
            ctx.json(service.calendars());
        });
        routes.put("/api/v1/admin/calendars", ctx -> {
            admin(ctx);
            List<BusinessCalendar> calendars = list(ctx, new TypeReference<List<BusinessCalendar>>() { });
            ctx.json(unwrap(() -> service.replaceCalendars(calendars)));
        });
    }

    private static void admin(Context ctx) {
        if (!Principal.agent(ctx).hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("SLA policies and calendars are edited by admins");
        }
    }

    private <T> List<T> list(Context ctx, TypeReference<List<T>> type) {
        Bodies.requireJson(ctx);
        byte[] raw = bodies.raw(ctx);
        try {
            List<T> items = Json.MAPPER.readValue(raw, type);
            if (items == null) {
                throw ApiException.validation("a JSON array is required");
            }
            if (items.isEmpty()) {
                // Found by the bad-input fuzz test: [] replaced every policy (or calendar) with nothing.
                throw ApiException.validation("the list is empty; send every item to keep (at least one)");
            }
            return items;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ApiException.validation(cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, ErrorCodes.INVALID_JSON, "the body is not a valid list: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read");
        }
    }

    private static <T> T unwrap(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
