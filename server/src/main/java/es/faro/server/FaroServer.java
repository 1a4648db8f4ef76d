package es.faro.server;

import es.faro.protocol.model.ReferenceData;
import es.faro.server.channels.ChannelAdapter;
import es.faro.server.channels.FacebookAdapter;
import es.faro.server.channels.GooglePlayAdapter;
import es.faro.server.channels.IngestService;
import es.faro.server.channels.TrafficSource;
import es.faro.server.channels.TrafficSourceFactory;
import es.faro.server.channels.TwitterAdapter;
import es.faro.server.config.DemoPasswordGuard;
import es.faro.server.config.Reference;
import es.faro.server.config.ReferenceFiles;
import es.faro.server.config.ReferenceLoader;
import es.faro.server.config.ServerConfig;
import es.faro.server.http.ApiServer;
import es.faro.server.http.AuthService;
import es.faro.server.http.LoginThrottle;
import es.faro.server.store.Store;
import es.faro.server.store.Stores;
import es.faro.server.workflow.ConversationService;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: store, reference data, services, HTTP and (in demo mode) the traffic
 * source, wired by hand in start order and closed in reverse.
 */
public final class FaroServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaroServer.class);

    private final Store store;
    private final ApiServer api;
    private final TrafficSource traffic;
    private final URI baseUri;

    private FaroServer(Store store, ApiServer api, TrafficSource traffic, URI baseUri) {
        this.store = store;
        this.api = api;
        this.traffic = traffic;
        this.baseUri = baseUri;
    }

    /** Thrown when the configuration forbids starting (e.g. demo passwords on a real server). */
    public static final class StartupRefused extends RuntimeException {
        public StartupRefused(String message) {
            super(message);
        }
    }

    /**
     * Starts everything. {@code host} is the interface to bind; {@code traffic} is used only when
     * demo traffic is on.
     */
    public static FaroServer start(ServerConfig config, String host, Optional<TrafficSourceFactory> traffic) {
        String url = config.storeUrl();
        Store store = Stores.open(url, config.storePoolSize());
        ApiServer api = null;
        try {
            ReferenceData data = ReferenceLoader.load(store,
                    new ReferenceFiles(config.referenceDir().orElse(null)).load());
            if (!config.demoMode()) {
                List<String> offenders = DemoPasswordGuard.offenders(store);
                if (!offenders.isEmpty()) {
                    throw new StartupRefused("refusing to start: demo-only users " + offenders + " still have the"
                            + " demo password; change their passwords in users.json or run in demo mode");
                }
            }
            Reference reference = new Reference(data);
            Clock clock = Clock.systemUTC();
            List<ChannelAdapter> adapters = List.of(new TwitterAdapter(), new FacebookAdapter(),
                    new GooglePlayAdapter());
            api = new ApiServer(config, host, store, new AuthService(store, config.tokenTtl(), clock,
                            new LoginThrottle(store, config.loginLockoutFailures(), config.loginLockoutWindow(), clock)),
                    new ConversationService(store, () -> reference, clock),
                    new IngestService(store, () -> reference, clock), adapters).start();
            String uriHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
            URI baseUri = URI.create("http://" + uriHost + ":" + api.port());
            LOG.info("Faro server listening on {} (store {}, node {})", baseUri, Stores.redact(url),
                    config.nodeId());
            TrafficSource source = null;
            if (config.demoTraffic()) {
                source = startTraffic(config, traffic, baseUri, data);
            }
            return new FaroServer(store, api, source, baseUri);
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            store.close();
            throw e;
        }
    }

    private static TrafficSource startTraffic(ServerConfig config, Optional<TrafficSourceFactory> factory,
                                              URI baseUri, ReferenceData data) {
        if (factory.isEmpty()) {
            LOG.warn("demo.traffic is on but no demo traffic simulator is built in; no traffic will be generated");
            return null;
        }
        TrafficSource source = factory.get().create(new TrafficSourceFactory.Context(baseUri,
                config.channelSecrets(), data.brands(), config.demoTrafficRate(), config.demoTrafficSeed()));
        source.start();
        LOG.info("demo traffic started at {} messages a minute", config.demoTrafficRate());
        return source;
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        if (traffic != null) {
            try {
                traffic.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping the traffic source failed", e);
            }
        }
        api.close();
        store.close();
    }
}
