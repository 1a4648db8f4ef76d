package es.faro.client.ui.workstation;

import es.faro.client.ui.common.UiText;
import java.util.concurrent.TimeoutException;

/** Turns a failed command into words an agent understands (the technical detail goes to the log). */
final class ErrorTexts {
    private ErrorTexts() {
    }

    static UiText forCommand(String actionKey, Throwable error) {
        if (error instanceof TimeoutException) {
            return UiText.of("error.command.timeout", UiText.of(actionKey));
        }
        if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            return UiText.of("error.command.rejected", UiText.of(actionKey));
        }
        return UiText.of("error.command.failed", UiText.of(actionKey));
    }
}
