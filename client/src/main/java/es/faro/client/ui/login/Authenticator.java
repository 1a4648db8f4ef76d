package es.faro.client.ui.login;

import es.faro.protocol.model.Agent;
import java.util.concurrent.CompletableFuture;

/**
 * Signs in against a Faro server. The future completes with the agent, or fails with a
 * {@link LoginException} saying why (bad credentials, server unreachable…); any other failure is
 * shown as an unexpected error.
 */
@FunctionalInterface
public interface Authenticator {
    CompletableFuture<Agent> login(String serverUrl, String username, String password);
}
