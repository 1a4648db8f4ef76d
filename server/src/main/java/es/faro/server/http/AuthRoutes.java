package es.faro.server.http;

import es.faro.protocol.api.LoginRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** Login, logout and "who am I". */
final class AuthRoutes {
    private final AuthService auth;
    private final Bodies bodies;
    private final boolean trustForwardedFor;

    AuthRoutes(AuthService auth, Bodies bodies) {
        this(auth, bodies, false);
    }

    AuthRoutes(AuthService auth, Bodies bodies, boolean trustForwardedFor) {
        this.auth = auth;
        this.bodies = bodies;
        this.trustForwardedFor = trustForwardedFor;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/login", this::login);
        routes.post("/api/v1/auth/logout", this::logout);
        routes.get("/api/v1/me", ctx -> ctx.json(Principal.agent(ctx)));
    }

    private void login(Context ctx) {
        LoginRequest req = bodies.json(ctx, LoginRequest.class);
        if (req.username() == null || req.username().isBlank() || req.password() == null) {
            throw ApiException.validation("username and password are required");
        }
        try {
            ctx.json(auth.login(req.username().trim(), req.password(), ClientAddress.of(ctx, trustForwardedFor)));
        } catch (LoginThrottle.RateLimited e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            throw e;
        }
    }

    private void logout(Context ctx) {
        Principal.agent(ctx);
        auth.logout(Principal.token(ctx));
        ctx.json(Map.of("status", "logged_out"));
    }
}
