package es.faro.client.ui.login;

import es.faro.protocol.model.Agent;
import java.util.concurrent.CompletableFuture;

/**
 * Signs in against a Faro server. The future completes with the agent, or fails with a
 * {@link LoginException} saying why, an {@link es.faro.client.sync.ApiException} from the server
 * (401/403 read as wrong credentials, 5xx as a server problem) or an {@link java.io.IOException}
 * (server unreachable); anything else is shown as an unexpected error.
 */
@FunctionalInterface
public interface Authenticator {
    CompletableFuture<Agent> login(String serverUrl, String username, String password);
}
