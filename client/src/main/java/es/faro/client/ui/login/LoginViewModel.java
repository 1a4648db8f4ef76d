package es.faro.client.ui.login;

import es.faro.client.sync.ApiException;
import es.faro.client.ui.common.Failures;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Agent;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in: server address, user name and password, one command. The composition root watches
 * {@link #signedInProperty()} and opens the workstation when it holds an agent. The password is
 * cleared after every attempt and never logged.
 */
public final class LoginViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LoginViewModel.class);

    private final Authenticator auth;
    private final TaskRunner tasks;
    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<Agent> signedIn = new ReadOnlyObjectWrapper<>(this, "signedIn");
    private final BooleanBinding canSignIn;

    public LoginViewModel(Authenticator auth, TaskRunner tasks) {
        this.auth = auth;
        this.tasks = tasks;
        this.canSignIn = Bindings.createBooleanBinding(
                () -> !busy.get() && !serverUrl.get().isBlank() && !username.get().isBlank() && !password.get().isEmpty(),
                busy, serverUrl, username, password);
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Agent> signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSignInProperty() {
        return canSignIn;
    }

    /** Starts signing in; returns false when the form is incomplete or a sign-in is already running. */
    public boolean signIn() {
        if (!canSignIn.get()) {
            return false;
        }
        String url = serverUrl.get().trim();
        if (!validUrl(url)) {
            error.set(UiText.of("login.error.url"));
            return false;
        }
        String user = username.get().trim();
        String secret = password.get();
        error.set(null);
        busy.set(true);
        CompletableFuture<Agent> future;
        try {
            future = auth.login(url, user, secret);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        tasks.await(future, agent -> {
            busy.set(false);
            password.set("");
            signedIn.set(agent);
        }, e -> {
            busy.set(false);
            password.set("");
            error.set(describe(e));
            LOG.info("sign-in of {} at {} failed: {}", user, url, e.toString());
        });
        return true;
    }

    static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static UiText describe(Throwable e) {
        Throwable cause = Failures.unwrap(e);
        if (cause instanceof LoginException le) {
            return switch (le.reason()) {
                case BAD_CREDENTIALS -> UiText.of("login.error.credentials");
                case UNREACHABLE -> UiText.of("login.error.unreachable");
                case SERVER_ERROR -> UiText.of("login.error.server");
            };
        }
        if (cause instanceof ApiException api) {
            if (api.status() == 401 || api.status() == 403) {
                return UiText.of("login.error.credentials");
            }
            return UiText.of(api.status() >= 500 ? "login.error.server" : "login.error.unexpected");
        }
        if (Failures.causedBy(cause, IOException.class)) {
            return UiText.of("login.error.unreachable");
        }
        return UiText.of("login.error.unexpected");
    }
}
