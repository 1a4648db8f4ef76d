package es.faro.client.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Futures wrap the real failure; the UI wants the cause to pick a message for the agent. */
public final class Failures {
    private Failures() {
    }

    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Whether any cause in the chain is of the given type (e.g. a connection refused under a wrapper). */
    public static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
