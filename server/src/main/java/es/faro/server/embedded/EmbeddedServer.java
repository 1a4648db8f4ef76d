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
    private es.faro.server.delivery.demo.NetworkSimulator networks;

    private EmbeddedServer(FaroServer server) {
        this.server = server;
    }

    /**
     * @param dataDir           folder for the SQLite file (created if missing)
     * @param port              0 for a free loopback port
     * @param demoTraffic       whether to run the demo traffic simulator
     * @param demoRatePerMinute simulated inbound messages a minute
     * @param trafficFactory    the simulator; defaults to {@link TrafficSources#demo()}
     * @param colleaguesBesides with demo traffic, the other demo agents work beside this user (the one
     *                          at the workstation); null for nobody else on the floor
     */
    public record Options(Path dataDir, int port, boolean demoTraffic, double demoRatePerMinute,
                          Optional<TrafficSourceFactory> trafficFactory, String colleaguesBesides) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            trafficFactory = trafficFactory == null ? Optional.empty() : trafficFactory;
        }

        public Options(Path dataDir, int port, boolean demoTraffic, double demoRatePerMinute,
                       Optional<TrafficSourceFactory> trafficFactory) {
            this(dataDir, port, demoTraffic, demoRatePerMinute, trafficFactory, null);
        }

        public Options(Path dataDir, int port, boolean demoTraffic, double demoRatePerMinute) {
            this(dataDir, port, demoTraffic, demoRatePerMinute, TrafficSources.demo());
        }

        /** The same, with the other demo agents at work beside {@code user}. */
        public Options withColleaguesBesides(String user) {
            return new Options(dataDir, port, demoTraffic, demoRatePerMinute, trafficFactory, user);
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
        if (options.colleaguesBesides() != null) {
            overrides.put("demo.colleagues", "true");
            overrides.put("demo.colleagues.besides", options.colleaguesBesides());
        }
        // Demo: satisfaction surveys go out seconds after a conversation is resolved, so the demo shows them.
        overrides.put("csat.delay", "PT3S");
        overrides.put("csat.worker.nap", "PT1S");
        // Reference data comes from the bundled copy, whatever the working directory holds.
        overrides.put("reference.dir", ServerConfig.BUNDLED_REFERENCE);
        // The networks are played by a loopback simulator behind the same HTTP connectors (issue 7).
        es.faro.server.delivery.demo.NetworkSimulator networks = es.faro.server.delivery.demo.NetworkSimulator.start(0.1, 7);
        overrides.putAll(networks.deliveryOverrides());
        ServerConfig config = ServerConfig.bundled(overrides);
        networks.profiles(es.faro.server.channels.demo.DemoProfiles.forSeed(config.demoTrafficSeed()));
        try {
            EmbeddedServer embedded = new EmbeddedServer(FaroServer.start(config, "127.0.0.1", options.trafficFactory()));
            embedded.networks = networks;
            return embedded;
        } catch (RuntimeException e) {
            networks.close();
            throw e;
        }
    }

    /**
     * The simulated networks answer the next {@code count} replies with HTTP {@code status} and
     * {@code message} (to show, or test, a failed delivery; a 4xx fails it for good, a 5xx is retried).
     */
    public void failNextDeliveries(int count, int status, String message) {
        networks.failNext(count, status, message);
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
        networks.close();
    }
}
