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
import es.faro.server.http.MetricsRoutes;
import es.faro.server.http.SlaAdminRoutes;
import es.faro.server.metrics.MetricsService;
import es.faro.server.sla.SlaAdminService;
import es.faro.server.sla.SlaScheduler;
import es.faro.server.sla.SlaTracker;
import es.faro.protocol.sla.SlaEngine;
import es.faro.server.store.SlaResults;
import es.faro.server.store.Store;
import es.faro.server.store.Stores;
import es.faro.server.workflow.ConversationService;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: store, reference data, services, HTTP and (in demo mode) the traffic
 * source, wired by hand in start order and closed in reverse.
 */
public final class FaroServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaroServer.class);
    private static final java.time.Duration SLA_SCHEDULER_NAP = java.time.Duration.ofMillis(250);
    /** Used by the staffing forecast until handle time is measured (metrics.handle_time overrides it). */
    private static final java.time.Duration DEFAULT_HANDLE_TIME = java.time.Duration.ofMinutes(6);

    private final Store store;
    private final ApiServer api;
    private final TrafficSource traffic;
    private final URI baseUri;
    private final SlaScheduler slaScheduler;

    private FaroServer(Store store, ApiServer api, TrafficSource traffic, URI baseUri, SlaScheduler slaScheduler) {
        this.store = store;
        this.api = api;
        this.traffic = traffic;
        this.baseUri = baseUri;
        this.slaScheduler = slaScheduler;
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
        return start(config, host, traffic, Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig, String, Optional)} with the clock every SLA and metric reads (tests inject one). */
    public static FaroServer start(ServerConfig config, String host, Optional<TrafficSourceFactory> traffic,
                                   Clock clock) {
        String url = config.storeUrl();
        Store store = Stores.open(url, config.storePoolSize());
        ApiServer api = null;
        SlaScheduler scheduler = null;
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
            // Replaced whole when an admin edits SLA policies or calendars; each write reads the current one.
            AtomicReference<Reference> reference = new AtomicReference<>(new Reference(data));
            List<ChannelAdapter> adapters = List.of(new TwitterAdapter(), new FacebookAdapter(),
                    new GooglePlayAdapter());
            int backfilled = SlaResults.backfill(store, new SlaEngine(reference.get().sla()));
            if (backfilled > 0) {
                LOG.info("SLA results written for {} conversations stored before they were kept", backfilled);
            }
            scheduler = new SlaScheduler(store, clock, SLA_SCHEDULER_NAP).start();
            SlaTracker tracker = new SlaTracker(scheduler);
            MetricsService metrics = new MetricsService(store, reference::get, clock, config.get("metrics.handle_time")
                    .map(java.time.Duration::parse).orElse(DEFAULT_HANDLE_TIME));
            SlaAdminService slaAdmin = new SlaAdminService(store, reference, clock);
            api = new ApiServer(config, host, store, new AuthService(store, config.tokenTtl(), clock,
                            new LoginThrottle(store, config.loginLockoutFailures(), config.loginLockoutWindow(), clock)),
                    new ConversationService(store, reference::get, clock, tracker),
                    new IngestService(store, reference::get, clock, tracker), adapters,
                    routes -> {
                        new MetricsRoutes(metrics).register(routes);
                        new SlaAdminRoutes(slaAdmin, new es.faro.server.http.Bodies(config.maxBodyBytes())).register(routes);
                    }).start();
            String uriHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
            URI baseUri = URI.create((config.get("tls.keystore").isPresent() ? "https://" : "http://") + uriHost + ":" + api.port());
            LOG.info("Faro server listening on {} (store {}, node {})", baseUri, Stores.redact(url),
                    config.nodeId());
            TrafficSource source = null;
            if (config.demoTraffic()) {
                source = startTraffic(config, traffic, baseUri, data);
            }
            return new FaroServer(store, api, source, baseUri, scheduler);
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            if (scheduler != null) {
                scheduler.close();
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
        slaScheduler.close();
        store.close();
    }

    /** The WARNING/BREACHED scheduler (tests wake it after moving an injected clock). */
    public SlaScheduler slaScheduler() {
        return slaScheduler;
    }
}
