package es.faro.client.ui.dashboard;

/**
 * A figure the dashboard asks the server for: still loading, not offered by the server yet (shown as
 * "no data yet", never as zeros), there, or failed.
 */
public record Fetched<T>(State state, T value) {
    public enum State { LOADING, NO_DATA, READY, FAILED }

    public static <T> Fetched<T> loading() {
        return new Fetched<>(State.LOADING, null);
    }

    public static <T> Fetched<T> noData() {
        return new Fetched<>(State.NO_DATA, null);
    }

    public static <T> Fetched<T> failed() {
        return new Fetched<>(State.FAILED, null);
    }

    public static <T> Fetched<T> ready(T value) {
        return new Fetched<>(State.READY, value);
    }

    public boolean isReady() {
        return state == State.READY;
    }
}
