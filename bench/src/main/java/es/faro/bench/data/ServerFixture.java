package es.faro.bench.data;

import es.faro.client.sync.ApiClient;
import es.faro.client.sync.ApiException;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.api.LoginResponse;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.ReferenceData;
import es.faro.server.embedded.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real Faro server in this process (loopback, bundled configuration, no demo traffic), signed
 * in as a demo user: where the scenarios get genuine reference data and the signed-in agent.
 */
public final class ServerFixture implements AutoCloseable {
    /** The lead sees every brand, so every generated conversation is in scope. */
    public static final String USER = "lucia";
    public static final String PASSWORD = "faro-demo";

    private final EmbeddedServer server;
    private final ApiClient api;
    private final LoginResponse login;

    private ServerFixture(EmbeddedServer server, ApiClient api, LoginResponse login) {
        this.server = server;
        this.api = api;
        this.login = login;
    }

    public static ServerFixture start(Path dataDir) throws IOException, ApiException {
        EmbeddedServer server = EmbeddedServer.start(new EmbeddedServer.Options(dataDir, 0, false, 0));
        try {
            ApiClient api = new ApiClient(server.baseUri(), ApiClient.defaultHttpClient());
            LoginResponse login = api.login(USER, PASSWORD);
            return new ServerFixture(server, api, login);
        } catch (IOException | ApiException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public EmbeddedServer server() {
        return server;
    }

    public ApiClient api() {
        return api;
    }

    public Agent agent() {
        return login.agent();
    }

    public String token() {
        return login.token();
    }

    public ReferenceData reference() throws IOException, ApiException {
        Bootstrap first = api.bootstrap(null);
        return first.reference();
    }

    @Override
    public void close() {
        server.close();
    }
}
