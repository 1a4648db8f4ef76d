package es.faro.bench.fxpulse;

import es.faro.client.sync.ConnectionMonitor;
import es.faro.client.sync.ConnectionState;
import java.util.function.Consumer;

/**
 * The connection as the status bar sees it while events stream in: online, unchanging. The
 * scenario feeds events straight into the cache (as the sync engine does with each live event),
 * so no sync engine runs and nothing else would publish a state.
 */
final class SteadyConnection implements ConnectionMonitor {
    private final ConnectionState online = new ConnectionState(ConnectionState.Status.ONLINE, 0, 0, null, 0, null);

    @Override
    public ConnectionState state() {
        return online;
    }

    @Override
    public void addListener(Consumer<ConnectionState> listener) {
        // The state never changes, so there is nothing to tell.
    }
}
