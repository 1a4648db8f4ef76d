package es.faro.client.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.sync.ApiException;
import es.faro.client.ui.common.UiText;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The login form's rules and how failures are put into words (the network part is the integrator's Authenticator). */
class LoginViewModelTest {
    @Test
    void acceptsOnlyHttpAddressesWithAHost() {
        assertThat(LoginViewModel.validUrl("https://faro.example.com")).isTrue();
        assertThat(LoginViewModel.validUrl("http://127.0.0.1:7070/")).isTrue();
        assertThat(LoginViewModel.validUrl("faro.example.com")).isFalse();
        assertThat(LoginViewModel.validUrl("ftp://faro.example.com")).isFalse();
        assertThat(LoginViewModel.validUrl("https://")).isFalse();
    }

    @Test
    void describesFailuresForAnAgent() {
        assertThat(LoginViewModel.describe(new LoginException(LoginException.Reason.BAD_CREDENTIALS, "401")))
                .isEqualTo(UiText.of("login.error.credentials"));
        assertThat(LoginViewModel.describe(new CompletionException(new ConnectException("refused"))))
                .isEqualTo(UiText.of("login.error.unreachable"));
        assertThat(LoginViewModel.describe(new LoginException(LoginException.Reason.SERVER_ERROR, "500")))
                .isEqualTo(UiText.of("login.error.server"));
        assertThat(LoginViewModel.describe(new CompletionException(new ApiException(401, null, "Unauthorized"))))
                .isEqualTo(UiText.of("login.error.credentials"));
        assertThat(LoginViewModel.describe(new ApiException(503, null, "Service Unavailable")))
                .isEqualTo(UiText.of("login.error.server"));
        assertThat(LoginViewModel.describe(new IllegalStateException("boom")))
                .isEqualTo(UiText.of("login.error.unexpected"));
    }
}
