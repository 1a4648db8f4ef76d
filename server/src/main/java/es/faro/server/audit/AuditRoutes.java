package es.faro.server.audit;

import es.faro.protocol.model.Role;
import es.faro.server.http.ApiException;
import es.faro.server.http.Principal;
import es.faro.server.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/audit?from=&to=&actor=&after=&limit=} (admins only): the audit log in
 * order, {@code from}/{@code to} as ISO-8601 instants, {@code actor} an agent id, {@code after} the
 * {@code next} cursor of the previous page.
 */
public final class AuditRoutes {
    public static final String PATH = "/api/v1/admin/audit";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1_000;

    private final Store store;

    public AuditRoutes(Store store) {
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
    }

    private void list(Context ctx) {
        if (!Principal.agent(ctx).hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("the audit log is read by admins");
        }
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        String actor = ctx.queryParam("actor");
        if (actor != null && (actor.isBlank() || actor.length() > 100)) {
            throw ApiException.validation("actor must be an agent id");
        }
        long after = number(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<AuditEntry> items = store.read(c -> AuditLog.page(c, new AuditLog.Query(from, to, actor, after, limit)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", items.size() < limit ? null : String.valueOf(items.get(items.size() - 1).seq()));
        ctx.json(body);
    }

    private static Instant instant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name + " must be an ISO-8601 instant such as 2026-05-04T10:00:00Z");
        }
    }

    private static long number(Context ctx, String name, long def, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return def;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw ApiException.validation(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.validation(name + " must be a whole number");
        }
    }
}
