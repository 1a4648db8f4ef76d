package es.faro.client.app;

import es.faro.client.sync.ApiClient;
import es.faro.client.ui.login.Authenticator;
import es.faro.protocol.model.Agent;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * Signs in against a remote server and hands the signed-in API client on, so the session uses the
 * token the login produced. The password is passed through once and never stored.
 */
final class ServerAuthenticator implements Authenticator {
    private final BiConsumer<ApiClient, Agent> onSignedIn;

    ServerAuthenticator(BiConsumer<ApiClient, Agent> onSignedIn) {
        this.onSignedIn = onSignedIn;
    }

    @Override
    public CompletableFuture<Agent> login(String serverUrl, String username, String password) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ApiClient api = new ApiClient(URI.create(serverUrl.trim()), ApiClient.defaultHttpClient());
                Agent agent = api.login(username, password).agent();
                onSignedIn.accept(api, agent);
                return agent;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }
}
