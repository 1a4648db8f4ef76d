package es.faro.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Role;
import es.faro.server.accounts.AccountAdminService;
import es.faro.server.accounts.AccountAdminService.AccountRequest;
import es.faro.server.accounts.ChannelAccounts.Account;
import es.faro.server.accounts.WebhookSecrets;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Admin only (403 for everyone else): brand accounts per channel and webhook secrets.
 * <ul>
 *   <li>{@code GET /api/v1/admin/accounts?brand=&channel=}; {@code POST /api/v1/admin/accounts}
 *   {@code {"brandId","channel","accountId","handle","pollUrl","pollCredentials","pollInterval"}} → 201;
 *   {@code PUT /api/v1/admin/accounts/{channel}/{accountId}} (fields given replace, the id may change).
 *   Poll credentials are never returned, only whether they are set (masked).</li>
 *   <li>{@code GET /api/v1/admin/channels/{channel}/secrets}: masked, with their retirement instants;
 *   {@code POST /api/v1/admin/channels/{channel}/secrets/rotate} {@code {"secret"?, "grace"?}} → 201
 *   with the new secret in clear (the only time), the old ones valid for the grace period.</li>
 * </ul>
 */
public final class AccountAdminRoutes {
    private final AccountAdminService accounts;
    private final WebhookSecrets secrets;
    private final Bodies bodies;
    private final Duration defaultGrace;

    public AccountAdminRoutes(AccountAdminService accounts, WebhookSecrets secrets, Bodies bodies,
                              Duration defaultGrace) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.bodies = bodies;
        this.defaultGrace = defaultGrace;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/accounts", ctx -> {
            admin(ctx);
            String channel = Params.text(ctx, "channel");
            ctx.json(accounts.list(Params.text(ctx, "brand"), channel == null ? null : Params.channel(channel))
                    .stream().map(AccountAdminRoutes::view).toList());
        });
        routes.post("/api/v1/admin/accounts", ctx -> {
            admin(ctx);
            AccountRequest req = bodies.json(ctx, AccountRequest.class);
            ctx.status(201).json(view(unwrap(() -> accounts.create(req))));
        });
        routes.put("/api/v1/admin/accounts/{channel}/{accountId}", ctx -> {
            admin(ctx);
            Channel channel = Params.channel(ctx.pathParam("channel"));
            AccountRequest req = bodies.json(ctx, AccountRequest.class);
            ctx.json(view(unwrap(() -> accounts.update(channel, ctx.pathParam("accountId"), req))));
        });
        routes.get("/api/v1/admin/channels/{channel}/secrets", ctx -> {
            admin(ctx);
            Channel channel = Params.channel(ctx.pathParam("channel"));
            java.time.Instant now = secrets.now();
            ctx.json(secrets.list(channel).stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id());
                m.put("secret", s.masked());
                m.put("createdAt", s.createdAt());
                if (s.retiresAt() != null) {
                    m.put("retiresAt", s.retiresAt());
                }
                m.put("valid", s.validAt(now));
                return m;
            }).toList());
        });
        routes.post("/api/v1/admin/channels/{channel}/secrets/rotate", ctx -> {
            admin(ctx);
            Channel channel = Params.channel(ctx.pathParam("channel"));
            JsonNode body = bodies.raw(ctx).length == 0 ? null : bodies.json(ctx, JsonNode.class);
            String secret = body == null || body.path("secret").isNull() || body.path("secret").isMissingNode()
                    ? null : body.path("secret").asText();
            if (secret != null && (secret.length() < 16 || secret.length() > 512 || secret.isBlank())) {
                throw ApiException.validation("a webhook secret has 16 to 512 characters");
            }
            Duration grace = defaultGrace;
            if (body != null && body.hasNonNull("grace")) {
                try {
                    grace = Duration.parse(body.get("grace").asText());
                } catch (DateTimeParseException e) {
                    throw ApiException.validation("grace must be an ISO-8601 duration such as PT1H");
                }
                if (grace.isNegative() || grace.compareTo(Duration.ofDays(30)) > 0) {
                    throw ApiException.validation("grace must be between PT0S and P30D");
                }
            }
            WebhookSecrets.Secret s = secrets.rotate(channel, secret, grace);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("channel", channel);
            m.put("secret", s.value()); // shown once, here; never again
            m.put("masked", s.masked());
            m.put("createdAt", s.createdAt());
            m.put("previousValidUntil", s.createdAt().plus(grace));
            ctx.status(201).json(m);
        });
    }

    private static void admin(Context ctx) {
        Agent agent = Principal.agent(ctx);
        if (!agent.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("only admins manage channel accounts and secrets");
        }
    }

    private static <T> T unwrap(Supplier<T> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static Map<String, Object> view(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brandId", a.brandId());
        m.put("channel", a.channel());
        m.put("accountId", a.accountId());
        if (a.handle() != null) {
            m.put("handle", a.handle());
        }
        if (a.pollUrl() != null) {
            m.put("pollUrl", a.pollUrl());
        }
        if (a.pollInterval() != null) {
            m.put("pollInterval", a.pollInterval());
        }
        if (a.pollCredentials() != null) {
            m.put("pollCredentials", WebhookSecrets.mask(a.pollCredentials()));
        }
        m.put("updatedAt", a.updatedAt());
        return m;
    }

}
