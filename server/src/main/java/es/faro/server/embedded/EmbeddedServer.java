package es.faro.server.embedded;

import es.faro.server.FaroServer;
import es.faro.server.channels.TrafficSourceFactory;
import es.faro.server.channels.TrafficSources;
import es.faro.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one server class the client may use: starts a complete Faro server in-process for demo mode,
 * bound to 127.0.0.1 only, with the configuration and reference data bundled in the jar and the
 * database under {@code dataDir}.
 */
public final class EmbeddedServer implements AutoCloseable {
    private final FaroServer server;

    private EmbeddedServer(FaroServer server) {
        this.server = server;
    }

    /**
     * @param dataDir           folder for the SQLite file (created if missing)
     * @param port              0 for a free loopback port
     * @param demoTraffic       whether to run the demo traffic simulator
     * @param demoRatePerMinute simulated inbound messages a minute
     * @param trafficFactory    the simulator; defaults to {@link TrafficSources#demo()}
     */
    public record Options(Path dataDir, int port, boolean demoTraffic, double demoRatePerMinute,
                          Optional<TrafficSourceFactory> trafficFactory) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            trafficFactory = trafficFactory == null ? Optional.empty() : trafficFactory;
        }

        public Options(Path dataDir, int port, boolean demoTraffic, double demoRatePerMinute) {
            this(dataDir, port, demoTraffic, demoRatePerMinute, TrafficSources.demo());
        }
    }

    public static EmbeddedServer start(Options options) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("port", Integer.toString(options.port()));
        overrides.put("data.dir", options.dataDir().toAbsolutePath().toString());
        overrides.put("store.url", "");
        overrides.put("demo.traffic", Boolean.toString(options.demoTraffic()));
        if (options.demoRatePerMinute() > 0) {
            overrides.put("demo.traffic.rate", Double.toString(options.demoRatePerMinute()));
        }
        overrides.put("embedded.demo", "true");
        // Demo: satisfaction surveys go out seconds after a conversation is resolved, so the demo shows them.
        overrides.put("csat.delay", "PT3S");
        overrides.put("csat.worker.nap", "PT1S");
        // Reference data comes from the bundled copy, whatever the working directory holds.
        overrides.put("reference.dir", ServerConfig.BUNDLED_REFERENCE);
        ServerConfig config = ServerConfig.bundled(overrides);
        return new EmbeddedServer(FaroServer.start(config, "127.0.0.1", options.trafficFactory()));
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
