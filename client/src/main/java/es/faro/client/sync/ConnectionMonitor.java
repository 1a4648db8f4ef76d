package es.faro.client.sync;

import java.util.function.Consumer;

/** Publishes the sync engine's connection state; listeners are called on a background thread. */
public interface ConnectionMonitor {
    ConnectionState state();

    void addListener(Consumer<ConnectionState> listener);
}
