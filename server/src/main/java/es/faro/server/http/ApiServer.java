package es.faro.server.http;

import es.faro.protocol.json.Json;
import es.faro.server.channels.ChannelAdapter;
import es.faro.server.channels.IngestService;
import es.faro.server.config.ServerConfig;
import es.faro.server.store.Store;
import es.faro.server.workflow.ConversationService;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The HTTP face of the server: Javalin with every v1 route declared up front. */
public final class ApiServer implements AutoCloseable {
    private final Javalin app;
    private final EventFanout fanout;

    public ApiServer(ServerConfig config, String host, Store store, AuthService auth, ConversationService conversations,
                     IngestService ingest, List<ChannelAdapter> adapters, Consumer<RoutesConfig> moreRoutes) {
        this.fanout = new EventFanout(store, config.sseHeartbeat(), config.sseWindow(), new EventFanout.Sessions() {
            @Override
            public java.util.Optional<java.time.Instant> validUntil(String token) {
                return auth.validUntil(token);
            }

            @Override
            public java.time.Instant now() {
                return auth.now();
            }
        });
        auth.onLogout(fanout::revoked);
        Bodies bodies = new Bodies(config.maxBodyBytes());
        AuthFilter authFilter = new AuthFilter(auth);
        this.app = Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.defaultContentType = "application/json";
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = host;
            cfg.jetty.port = config.port();
            config.get("tls.keystore").ifPresent(keystore -> es.faro.server.tls.Tls.configure(cfg.jetty, host,
                    config.port(), java.nio.file.Path.of(keystore), config.get("tls.keystore.password").orElse("")));
            cfg.routes.beforeMatched(authFilter::handle);
            cfg.routes.beforeMatched(ctx -> es.faro.server.audit.AuditOrigin.set(ctx.attribute(Principal.AGENT),
                    ClientAddress.of(ctx, config.trustForwardedFor())));
            cfg.routes.get("/api/v1/health", ctx -> ctx.json(Map.of("status", "ok")));
            new AuthRoutes(auth, bodies, config.trustForwardedFor()).register(cfg.routes);
            new PresenceRoutes(store, new PresenceService(store, config.presenceTtl(), Clock.systemUTC()),
                    bodies).register(cfg.routes);
            new SyncRoutes(store).register(cfg.routes);
            new ConversationRoutes(store, conversations, bodies).register(cfg.routes);
            new WebhookRoutes(adapters, config, ingest, bodies).register(cfg.routes);
            new EventStream(fanout).register(cfg.routes);
            new es.faro.server.audit.AuditRoutes(store).register(cfg.routes);
            moreRoutes.accept(cfg.routes);
            ErrorHandlers.register(cfg.routes);
        });
    }

    public ApiServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Every HTTP route as "METHOD path" (e.g. "GET /api/v1/me"), filters left out; the OpenAPI tests read it. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .distinct()
                .toList();
    }

    @Override
    public void close() {
        fanout.close();
        app.stop();
    }
}
