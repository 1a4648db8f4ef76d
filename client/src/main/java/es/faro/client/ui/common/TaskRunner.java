package es.faro.client.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one way view models do background work: {@code work} runs off the UI thread (cache reads do
 * I/O), its result or error is handed back on the UI thread, so callbacks may touch properties.
 * The application uses {@link FxTaskRunner}; tests use a runner that does everything on the test thread.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError);

    /** Runs {@code action} on the UI thread (later, even when called from it, to keep callbacks in order). */
    void runOnUi(Runnable action);

    /** Hands a future's outcome to the UI thread; an exceptional completion is unwrapped to its cause. */
    default <T> void await(CompletableFuture<T> future, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        future.whenComplete((value, error) -> runOnUi(() -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onError.accept(Failures.unwrap(error));
            }
        }));
    }
}
