package es.faro.server.http;

import es.faro.protocol.api.LoginRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** Login, logout and "who am I". */
final class AuthRoutes {
    private final AuthService auth;
    private final Bodies bodies;

    AuthRoutes(AuthService auth, Bodies bodies) {
        this.auth = auth;
        this.bodies = bodies;
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
        ctx.json(auth.login(req.username().trim(), req.password()));
    }

    private void logout(Context ctx) {
        Principal.agent(ctx);
        auth.logout(Principal.token(ctx));
        ctx.json(Map.of("status", "logged_out"));
    }
}
