package es.faro.client.app;

import es.faro.client.sync.ApiClient;
import es.faro.client.sync.ApiException;
import es.faro.protocol.api.LoginResponse;
import es.faro.server.embedded.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Demo mode: a complete Faro server inside the workstation, on a free loopback port, with its data
 * under the user's data folder and simulated customer traffic, signed in as a demo agent.
 */
final class DemoBackend implements AutoCloseable {
    /** The demo users' password, flagged demo-only in config/reference/users.json. */
    private static final String DEMO_PASSWORD = "faro-demo";

    private final EmbeddedServer server;
    private final ApiClient api;
    private final LoginResponse login;

    private DemoBackend(EmbeddedServer server, ApiClient api, LoginResponse login) {
        this.server = server;
        this.api = api;
        this.login = login;
    }

    /** {@code colleagues}: the other demo agents work the floor too (their replies feed the lead's figures). */
    static DemoBackend start(Path dataDir, int port, String demoUser, double messagesPerMinute, boolean colleagues)
            throws IOException, ApiException {
        EmbeddedServer.Options options = new EmbeddedServer.Options(dataDir, port, true, messagesPerMinute);
        EmbeddedServer server = EmbeddedServer.start(colleagues ? options.withColleaguesBesides(demoUser) : options);
        try {
            ApiClient api = new ApiClient(server.baseUri(), ApiClient.defaultHttpClient());
            LoginResponse login = api.login(demoUser, DEMO_PASSWORD);
            return new DemoBackend(server, api, login);
        } catch (IOException | ApiException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    ApiClient api() {
        return api;
    }

    LoginResponse login() {
        return login;
    }

    @Override
    public void close() {
        server.close();
    }
}
