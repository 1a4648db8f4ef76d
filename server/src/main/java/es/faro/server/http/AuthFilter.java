package es.faro.server.http;

import es.faro.protocol.model.Agent;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * Bearer-token check for every API route except health, login and the webhooks (which carry their
 * own HMAC signatures). The SSE stream also accepts {@code ?access_token=}, because browsers'
 * EventSource cannot set headers. Read-only roles are refused every write here, in one place.
 */
final class AuthFilter {
    private static final Set<String> OPEN = Set.of("/api/v1/health", "/api/v1/auth/login");
    static final String EVENTS = "/api/v1/events";

    private final AuthService auth;

    AuthFilter(AuthService auth) {
        this.auth = auth;
    }

    void handle(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/api/v1/") || OPEN.contains(path) || path.startsWith("/api/v1/channels/")
                || path.startsWith(CsatRoutes.SURVEYS)) { // survey links: the token in the path is the credential
            return;
        }
        String token = bearer(ctx);
        if (token == null && path.equals(EVENTS)) {
            token = ctx.queryParam("access_token");
        }
        if (token == null) {
            throw ApiException.unauthorized("a bearer token is required (Authorization: Bearer TOKEN)");
        }
        Agent agent = auth.authenticate(token)
                .orElseThrow(() -> ApiException.unauthorized("the token is invalid, expired or revoked"));
        ctx.attribute(Principal.AGENT, agent);
        ctx.attribute(Principal.TOKEN, token);
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD
                && !path.equals("/api/v1/auth/logout") && Principal.readOnly(agent)) {
            throw ApiException.forbidden("the analyst role is read-only");
        }
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("use Authorization: Bearer TOKEN");
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
