package es.faro.server;

import es.faro.protocol.model.ReferenceData;
import es.faro.server.channels.ChannelAdapter;
import es.faro.server.channels.ChannelPollers;
import es.faro.server.channels.CommunityAdapter;
import es.faro.server.channels.ForumAdapter;
import es.faro.server.community.CommunityConfig;
import es.faro.server.community.CommunityIngestHook;
import es.faro.server.community.CommunityMetrics;
import es.faro.server.community.ModerationLog;
import es.faro.server.community.ModerationService;
import es.faro.server.http.CommunityRoutes;
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
    private es.faro.server.delivery.DeliveryWorker delivery;
    private IngestService ingest;
    private es.faro.server.queues.AssignmentScheduler assignment;
    /** Community and forum pollers, when any account is configured to be polled. */
    private ChannelPollers pollers;
    /** CSAT surveys and the worker that sends the due ones from this node (set once at start). */
    private es.faro.server.csat.SurveyService surveys;
    private es.faro.server.jobs.JobWorker csatWorker;
    private es.faro.server.channels.demo.DemoSurveyResponder demoSurveys;
    private es.faro.server.channels.demo.DemoColleagues demoColleagues;
    private es.faro.server.automation.ClassifierService classifier;
    private es.faro.server.jobs.JobWorker pollWorker;
    private es.faro.server.jobs.JobWorker profileWorker;

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
        es.faro.server.delivery.DeliveryWorker delivery = null;
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
            // Brand accounts and webhook secrets live in the database, seeded from the configuration when absent.
            List<es.faro.protocol.model.Brand> configuredBrands = data.brands();
            store.write(c -> es.faro.server.accounts.ChannelAccounts.seed(c, configuredBrands, clock.instant())).join();
            es.faro.server.accounts.WebhookSecrets webhookSecrets = new es.faro.server.accounts.WebhookSecrets(store,
                    clock);
            webhookSecrets.seed(config.channelSecrets());
            data = store.read(es.faro.server.config.ReferenceQueries::referenceData);
            AtomicReference<Reference> reference = new AtomicReference<>(new Reference(data));
            List<ChannelAdapter> adapters = List.of(new TwitterAdapter(), new FacebookAdapter(),
                    new GooglePlayAdapter(), new es.faro.server.channels.InstagramAdapter(),
                    new es.faro.server.channels.AppStoreAdapter(), new CommunityAdapter(), new ForumAdapter());
            int picks = es.faro.server.queues.QueueService.backfillPickDue(store);
            if (picks > 0) {
                LOG.info("pick order (SLA due) written for {} conversations stored before it was kept", picks);
            }
            int backfilled = SlaResults.backfill(store, new SlaEngine(reference.get().sla()));
            if (backfilled > 0) {
                LOG.info("SLA results written for {} conversations stored before they were kept", backfilled);
            }
            scheduler = new SlaScheduler(store, clock, SLA_SCHEDULER_NAP).start();
            SlaTracker tracker = new SlaTracker(scheduler);
            MetricsService metrics = new MetricsService(store, reference::get, clock, config.get("metrics.handle_time")
                    .map(java.time.Duration::parse).orElse(DEFAULT_HANDLE_TIME));
            SlaAdminService slaAdmin = new SlaAdminService(store, reference, clock);
            delivery = es.faro.server.delivery.Delivery.startWorker(config, store, reference::get, clock);
            es.faro.server.automation.AutomationModule automation =
                    es.faro.server.automation.AutomationModule.start(config, store, reference::get, clock);
            es.faro.server.csat.SurveyService surveys = new es.faro.server.csat.SurveyService(store, reference::get,
                    clock, new es.faro.server.csat.CsatSettings(config));
            tracker.addHook(surveys::onChange);
            metrics.csat((from, to) -> surveys.report(from, to, "brand").total().asCsat());
            IngestService ingest = new IngestService(store, reference::get, clock, tracker, automation.rules())
                    .surveyAnswers(surveys)
                    .webhookSecrets(webhookSecrets::valid);
            ingest.addHook(new CommunityIngestHook());
            ingest.addHook(new es.faro.server.channels.profile.ProfileLookup());
            CommunityMetrics community = new CommunityMetrics(store,
                    CommunityConfig.load(config.referenceDir().orElse(null)));
            List<ChannelPollers.Target> pollTargets = ChannelPollers.targets(config, adapters);
            ConversationService conversations = new ConversationService(store, reference::get, clock, tracker,
                    automation.rules());
            es.faro.server.queues.QueueService queueService = new es.faro.server.queues.QueueService(store,
                    reference::get, clock, tracker, conversations, config.get("presence.agent_ttl")
                    .map(java.time.Duration::parse).orElse(java.time.Duration.ofMinutes(2)));
            api = new ApiServer(config, host, store, new AuthService(store, config.tokenTtl(), clock,
                            new LoginThrottle(store, config.loginLockoutFailures(), config.loginLockoutWindow(), clock)),
                    conversations,
                    ingest, adapters,
                    routes -> {
                        new MetricsRoutes(metrics).register(routes);
                        new SlaAdminRoutes(slaAdmin, new es.faro.server.http.Bodies(config.maxBodyBytes())).register(routes);
                        es.faro.server.delivery.Delivery.routes(store, clock, config).register(routes);
                        new es.faro.server.queues.QueueRoutes(queueService,
                                new es.faro.server.queues.WorkqueueService(store, reference::get, clock),
                                new es.faro.server.queues.AdminService(store, clock),
                                new es.faro.server.http.Bodies(config.maxBodyBytes())).register(routes);
                        new CommunityRoutes(new ModerationService(store, clock), new ModerationLog(store), community,
                                reference::get, clock, new es.faro.server.http.Bodies(config.maxBodyBytes()))
                                .register(routes);
                        new es.faro.server.http.OpenApiRoutes().register(routes);
                        new es.faro.server.search.SearchRoutes(store).register(routes);
                        new es.faro.server.http.CsatRoutes(surveys, new es.faro.server.http.Bodies(config.maxBodyBytes()),
                                clock).register(routes);
                        new es.faro.server.http.AccountAdminRoutes(
                                new es.faro.server.accounts.AccountAdminService(store, reference, clock), webhookSecrets,
                                new es.faro.server.http.Bodies(config.maxBodyBytes()),
                                config.get("channels.secret.grace").map(java.time.Duration::parse)
                                        .orElse(java.time.Duration.ofHours(24))).register(routes);
                        new es.faro.server.canned.CannedRoutes(new es.faro.server.canned.CannedService(store, clock),
                                new es.faro.server.http.Bodies(config.maxBodyBytes())).register(routes);
                        automation.register(routes);
                        new es.faro.server.http.ApiTokenRoutes(store, clock,
                                new es.faro.server.http.Bodies(config.maxBodyBytes())).register(routes);
                    }).start();
            String uriHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
            URI baseUri = URI.create((config.get("tls.keystore").isPresent() ? "https://" : "http://") + uriHost + ":" + api.port());
            LOG.info("Faro server listening on {} (store {}, node {})", baseUri, Stores.redact(url),
                    config.nodeId());
            TrafficSource source = null;
            if (config.demoTraffic()) {
                source = startTraffic(config, traffic, baseUri, data);
            }
            FaroServer server = new FaroServer(store, api, source, baseUri, scheduler);
            server.classifier = automation.classifier();
            server.delivery = delivery;
            server.ingest = ingest;
            server.assignment = new es.faro.server.queues.AssignmentScheduler(store, reference::get, clock, tracker,
                    // One claimant per server instance (two in one JVM, as in tests, must not share a claim).
                    queueService, config.nodeId() + "#" + java.util.UUID.randomUUID().toString().substring(0, 8),
                    config.get("assignment.interval")
                    .map(java.time.Duration::parse).orElse(java.time.Duration.ofSeconds(5))).start();
            server.pollers = pollTargets.isEmpty() ? null : ChannelPollers.start(pollTargets, ingest);
            surveys.serverBase(baseUri);
            server.surveys = surveys;
            if (source != null) {
                // Demo traffic: some simulated customers answer their surveys, by DM or through the link.
                server.demoSurveys = new es.faro.server.channels.demo.DemoSurveyResponder(baseUri,
                        config.channelSecrets(), config.demoTrafficSeed(), java.time.Duration.ofSeconds(40));
                surveys.addSentListener(server.demoSurveys);
            }
            server.demoColleagues = DemoFloor.colleagues(config, store, baseUri, clock);
            server.demoColleagues.start();
            server.csatWorker = new es.faro.server.jobs.JobWorker(store, clock, config.nodeId(),
                    es.faro.server.csat.SurveyService.JOB_KIND, surveys.settings().workerNap(),
                    java.time.Duration.ofMinutes(1), job -> surveys.sendDue(job.payload())).start();
            // Google Play and App Store reviews: polled (no webhooks), one node per account via job claims.
            es.faro.server.channels.poll.ReviewPoller poller = new es.faro.server.channels.poll.ReviewPoller(store,
                    ingest, config, clock);
            server.pollWorker = new es.faro.server.jobs.JobWorker(store, clock, config.nodeId(),
                    es.faro.server.channels.poll.ReviewPoller.JOB_KIND, config.get("channels.poll.nap")
                    .map(java.time.Duration::parse).orElse(java.time.Duration.ofSeconds(5)),
                    java.time.Duration.ofMinutes(2), poller::run).beforeEachRun(poller::ensureJobs).start();
            // Messenger and Instagram DMs come without a name: ask Meta once per customer.
            server.profileWorker = new es.faro.server.jobs.JobWorker(store, clock, config.nodeId(),
                    es.faro.server.channels.profile.ProfileLookup.JOB_KIND, config.get("channels.profile.nap")
                    .map(java.time.Duration::parse).orElse(java.time.Duration.ofSeconds(2)),
                    config.get("channels.profile.lease").map(java.time.Duration::parse)
                    .orElse(java.time.Duration.ofMinutes(1)), new es.faro.server.channels.profile.ProfileFetcher(store, clock,
                    new es.faro.server.delivery.Endpoints(config), es.faro.server.delivery.Connectors.http(
                    es.faro.server.delivery.DeliverySettings.from(config).timeout()))).start();
            return server;
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            if (delivery != null) {
                delivery.close();
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
        if (assignment != null) {
            assignment.close();
        }
        if (pollers != null) {
            pollers.close();
        }
        if (csatWorker != null) {
            csatWorker.close();
        }
        if (profileWorker != null) {
            profileWorker.close();
        }
        if (pollWorker != null) {
            pollWorker.close();
        }
        if (demoColleagues != null) {
            demoColleagues.close();
        }
        if (demoSurveys != null) {
            demoSurveys.close();
        }
        api.close();
        if (classifier != null) {
            classifier.close();
        }
        if (delivery != null) {
            delivery.close();
        }
        slaScheduler.close();
        store.close();
    }

    /** The outbound delivery worker (tests wake it after moving an injected clock). */
    public es.faro.server.delivery.DeliveryWorker delivery() {
        return delivery;
    }

    /** The one ingest path (tests feed channels whose webhook adapters live elsewhere). */
    public IngestService ingest() {
        return ingest;
    }

    /** Push assignment, presence expiry and snooze wake-ups (tests run a round directly). */
    public es.faro.server.queues.AssignmentScheduler assignment() {
        return assignment;
    }

    /** Every HTTP route as "METHOD path" (the OpenAPI coverage test compares them with the description). */
    public List<String> routes() {
        return api.routes();
    }

    public es.faro.server.csat.SurveyService surveys() {
        return surveys;
    }

    /** Polls Google Play and App Store reviews (tests run it after moving an injected clock). */
    public es.faro.server.jobs.JobWorker pollWorker() {
        return pollWorker;
    }

    /** Sends due CSAT surveys (tests wake it after moving an injected clock). */
    public es.faro.server.jobs.JobWorker csatWorker() {
        return csatWorker;
    }

    /** The WARNING/BREACHED scheduler (tests wake it after moving an injected clock). */
    public SlaScheduler slaScheduler() {
        return slaScheduler;
    }
}
