package es.faro.client.ui.dashboard;

import es.faro.client.cache.CacheChange;
import es.faro.client.cache.CacheListener;
import es.faro.client.cache.CacheReader;
import es.faro.client.metrics.HourlyServiceLevel;
import es.faro.client.metrics.LiveFigures;
import es.faro.client.metrics.LiveSnapshot;
import es.faro.client.metrics.ResponseHistogram;
import es.faro.client.metrics.VolumeByHour;
import es.faro.client.sync.AgentCommands;
import es.faro.client.sync.MetricsApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.metrics.AgentLoad;
import es.faro.protocol.metrics.LiveMetrics;
import es.faro.protocol.metrics.SlaReport;
import es.faro.protocol.metrics.StaffingForecast;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team lead's dashboard. Live figures are computed on the client from the cache: changed ids are
 * collected from cache notifications, read back and folded into {@link LiveFigures} on the background
 * executor (at most one computation in flight, so a burst of 200 events a second becomes one or two
 * computations), and each result reaches the UI as one immutable {@link LiveSnapshot}. The shared
 * clock's tick recomputes too, as clocks cross their warn and due instants with time alone.
 * The charts and the staffing forecast are fetched from the server every few minutes.
 */
public final class DashboardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardViewModel.class);
    static final Duration HISTORY_REFRESH = Duration.ofMinutes(5);
    /** Back-to-back computations wait this long to gather changes: at most ten snapshots a second. */
    private static final long MIN_GAP_NANOS = Duration.ofMillis(100).toNanos();

    private final Agent me;
    private final CacheReader cache;
    private final AgentCommands commands;
    private final MetricsApi metrics;
    private final TaskRunner tasks;
    private final ObservableValue<Instant> now;
    private final ZoneId zone = LiveFigures.ZONE;
    private final LiveFigures figures = new LiveFigures();

    private final ReadOnlyObjectWrapper<LiveSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<ReferenceData> reference = new ReadOnlyObjectWrapper<>(this, "reference",
            new ReferenceData(null, null, null, null, null, null, null, null));
    private final ReadOnlyObjectWrapper<History> history = new ReadOnlyObjectWrapper<>(this, "history",
            History.loading());
    private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>(this, "message");
    /** Today's CSAT from the server (survey answers are not in the cache); "no data" until there is a rating. */
    private final ReadOnlyObjectWrapper<es.faro.protocol.metrics.Csat> csat = new ReadOnlyObjectWrapper<>(this, "csat",
            es.faro.protocol.metrics.Csat.noData());
    /** Today's survey figures behind {@link #csat}: surveys sent and answered, for the response rate. */
    private final ReadOnlyObjectWrapper<es.faro.protocol.metrics.CsatReport.CsatFigures> csatFigures =
            new ReadOnlyObjectWrapper<>(this, "csatFigures",
                    es.faro.protocol.metrics.CsatReport.CsatFigures.of(null, 0, 0, 0, 0));
    /** A CSAT fetch is in flight / another was asked for meanwhile (UI thread only). */
    private boolean csatFetching;
    private boolean csatDirty;
    private volatile long lastCsatFetch;
    static final Duration CSAT_MIN_GAP = Duration.ofSeconds(1);
    private final BooleanProperty wallboard = new SimpleBooleanProperty(this, "wallboard");
    private final CacheListener cacheListener = this::onCacheChange;
    private final ChangeListener<Instant> tickListener = (obs, before, at) -> tick(at);

    private final Object lock = new Object();
    private final Set<String> pending = new HashSet<>();
    private boolean pendingFull;
    private boolean computing;
    /** A compute is queued on the UI thread: further cache notifications need not queue another. */
    private boolean scheduled;
    private boolean closed;
    private boolean fetching;
    private Instant lastFetch;
    /** System.nanoTime() of the last computation; only the one computation in flight touches it. */
    private volatile long lastComputed;

    public DashboardViewModel(Agent me, CacheReader cache, AgentCommands commands, MetricsApi metrics,
                              TaskRunner tasks, ObservableValue<Instant> now) {
        this.me = me;
        this.cache = cache;
        this.commands = commands;
        this.metrics = metrics;
        this.tasks = tasks;
        this.now = now;
    }

    /** Whether this user may open the dashboard: leads and admins. */
    public static boolean allowedFor(Agent agent) {
        return agent.hasRole(Role.LEAD) || agent.hasRole(Role.ADMIN);
    }

    // --- lifecycle ---------------------------------------------------------------------------

    public void start() {
        cache.addListener(cacheListener);
        now.addListener(tickListener);
        synchronized (lock) {
            pendingFull = true;
        }
        compute();
        refreshHistory();
        refreshCsat();
    }

    public void close() {
        synchronized (lock) {
            closed = true;
        }
        cache.removeListener(cacheListener);
        now.removeListener(tickListener);
    }

    private void tick(Instant at) {
        compute();
        if (lastFetch != null && !at.isBefore(lastFetch.plus(HISTORY_REFRESH))) {
            refreshHistory();
            refreshCsat();
        }
    }

    // --- state -------------------------------------------------------------------------------

    public Agent me() {
        return me;
    }

    /** The latest live figures; null until the first computation. */
    public ReadOnlyObjectProperty<LiveSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Today's CSAT (ratings 4–5 ÷ all ratings) from {@code /api/v1/metrics/csat}. */
    public ReadOnlyObjectProperty<es.faro.protocol.metrics.Csat> csatProperty() {
        return csat.getReadOnlyProperty();
    }

    /** Today's survey figures (sent, answered, response rate; ratings and CSAT), set just after {@link #csatProperty()}. */
    public ReadOnlyObjectProperty<es.faro.protocol.metrics.CsatReport.CsatFigures> csatFiguresProperty() {
        return csatFigures.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReferenceData> referenceProperty() {
        return reference.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<History> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** The outcome of the last reassignment, in words (a confirmation or an error). */
    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Full-screen, large type, no controls: legible from across the room. */
    public BooleanProperty wallboardProperty() {
        return wallboard;
    }

    public ZoneId zone() {
        return zone;
    }

    // --- commands ----------------------------------------------------------------------------

    /**
     * Agents who may take the conversation (role AGENT, skilled for its brand and channel), the least
     * loaded first by the latest snapshot, so one click gives it to whoever has room.
     */
    public List<Agent> candidatesFor(Conversation c) {
        Map<String, Integer> load = new HashMap<>();
        LiveSnapshot s = snapshot.get();
        if (s != null) {
            for (AgentLoad a : s.metrics().agents()) {
                load.put(a.agentId(), a.assigned());
            }
        }
        return reference.get().agents().stream()
                .filter(a -> a.hasRole(Role.AGENT) && a.canSee(c.brandId(), c.channel()))
                .filter(a -> !a.id().equals(c.assigneeId()))
                .sorted(Comparator.comparingInt((Agent a) -> load.getOrDefault(a.id(), 0))
                        .thenComparing(Agent::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public void reassign(Conversation c, Agent to) {
        tasks.await(commands.assign(c.id(), to.id()),
                ok -> message.set(UiText.of("dashboard.reassigned", c.customerName(), to.name())),
                e -> {
                    LOG.warn("reassigning {} failed", c.id(), e);
                    message.set(UiText.of("dashboard.reassign.failed", c.customerName()));
                });
    }

    public Optional<String> agentName(String id) {
        return reference.get().agents().stream().filter(a -> a.id().equals(id)).map(Agent::name).findFirst();
    }

    public Optional<String> brandName(String id) {
        return reference.get().brands().stream().filter(b -> b.id().equals(id)).map(b -> b.name()).findFirst();
    }

    /** The brand's own colour (as on its dot everywhere else), for its series in the charts. */
    public Optional<String> brandColor(String id) {
        return reference.get().brands().stream().filter(b -> b.id().equals(id)).findFirst()
                .flatMap(es.faro.client.ui.common.BrandChips::color);
    }

    public Optional<String> queueName(String id) {
        return reference.get().queues().stream().filter(q -> q.id().equals(id)).map(q -> q.name()).findFirst();
    }

    // --- live figures ------------------------------------------------------------------------

    private void onCacheChange(CacheChange change) {
        synchronized (lock) {
            if (closed || change.conversations().isEmpty() && !change.reference()) {
                return;
            }
            pending.addAll(change.conversations());
            pendingFull |= change.reference();
            if (!change.conversations().isEmpty()) {
                // A survey answer changes its conversation: fetch CSAT again (coalesced, at most once a second).
                tasks.runOnUi(this::refreshCsat);
            }
            if (computing || scheduled) {
                return;
            }
            scheduled = true;
        }
        tasks.runOnUi(this::compute);
    }

    private record Computed(ReferenceData reference, LiveSnapshot snapshot) {
    }

    /** UI thread: starts a computation unless one is in flight (it will pick up what arrived meanwhile). */
    private void compute() {
        Instant at = now.getValue();
        synchronized (lock) {
            scheduled = false;
            if (closed || computing || at == null) {
                return;
            }
            computing = true;
        }
        tasks.run(() -> computeAt(at), this::applyComputed, this::computeFailed);
    }

    /** Background: folds what changed so far into the figures and takes a snapshot. */
    private Computed computeAt(Instant at) throws InterruptedException {
        long wait = lastComputed + MIN_GAP_NANOS - System.nanoTime();
        if (lastComputed != 0 && wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        Set<String> ids;
        boolean full;
        synchronized (lock) {
            ids = new HashSet<>(pending);
            full = pendingFull;
            pending.clear();
            pendingFull = false;
        }
        ReferenceData ref = null;
        if (full) {
            ref = cache.reference();
            figures.reference(ref);
            figures.replaceAll(cache.allConversations());
        } else if (!ids.isEmpty()) {
            figures.apply(ids, cache.conversations(ids));
        }
        Computed computed = new Computed(ref, figures.snapshot(at));
        lastComputed = System.nanoTime();
        return computed;
    }

    private void applyComputed(Computed computed) {
        if (computed.reference() != null) {
            reference.set(computed.reference());
        }
        snapshot.set(computed.snapshot());
        finishComputing();
    }

    private void computeFailed(Throwable e) {
        LOG.error("computing the live figures failed", e);
        synchronized (lock) {
            pendingFull = true;
        }
        message.set(UiText.of("error.cache.read"));
        synchronized (lock) {
            computing = false;
        }
        // Retried on the next tick of the clock, from a full read.
    }

    private void finishComputing() {
        boolean again;
        synchronized (lock) {
            computing = false;
            again = !closed && (pendingFull || !pending.isEmpty());
        }
        if (again) {
            // Changes that arrived while computing: coalesced into one more computation.
            compute();
        }
    }

    // --- CSAT from the server ----------------------------------------------------------------

    /** UI thread: fetches today's CSAT, or marks it to be fetched again once the fetch in flight ends. */
    public void refreshCsat() {
        Instant at = now.getValue();
        if (at == null || closed) {
            return;
        }
        if (csatFetching) {
            csatDirty = true;
            return;
        }
        csatFetching = true;
        csatDirty = false;
        tasks.run(() -> fetchCsat(at), f -> {
            csatFetching = false;
            csat.set(f.asCsat());
            csatFigures.set(f);
            if (csatDirty) {
                refreshCsat();
            }
        }, e -> {
            csatFetching = false;
            LOG.warn("fetching CSAT failed", e);
        });
    }

    private es.faro.protocol.metrics.CsatReport.CsatFigures fetchCsat(Instant at) throws Exception {
        long wait = lastCsatFetch + CSAT_MIN_GAP.toNanos() - System.nanoTime();
        if (lastCsatFetch != 0 && wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        lastCsatFetch = System.nanoTime();
        Instant dayStart = figures.dayStart(at);
        Instant dayEnd = dayStart.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        return metrics.csat(dayStart, dayEnd, "brand").map(es.faro.protocol.metrics.CsatReport::total)
                .orElse(es.faro.protocol.metrics.CsatReport.CsatFigures.of(null, 0, 0, 0, 0));
    }

    // --- history from the server -------------------------------------------------------------

    /** Fetches the charts and the forecast again (also every {@link #HISTORY_REFRESH} on the clock). */
    public void refreshHistory() {
        Instant at = now.getValue();
        if (at == null || fetching) {
            return;
        }
        fetching = true;
        lastFetch = at;
        tasks.run(() -> fetchHistory(at), h -> {
            fetching = false;
            history.set(h);
        }, e -> {
            fetching = false;
            LOG.warn("fetching the dashboard's charts failed", e);
            history.set(new History(Fetched.failed(), Fetched.failed(), Fetched.failed(), Fetched.failed()));
        });
    }

    private History fetchHistory(Instant at) throws Exception {
        Instant dayStart = figures.dayStart(at);
        Instant dayEnd = dayStart.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Instant weekStart = dayStart.atZone(zone).toLocalDate().minusDays(7).atStartOfDay(zone).toInstant();

        Optional<SlaReport> today = metrics.sla(dayStart, dayEnd, "hour");
        Optional<SlaReport> week = today.isPresent() ? metrics.sla(weekStart, dayStart, "hour") : Optional.empty();
        // A day with nothing counted yet is "no data yet", not a chart of empty hours.
        Fetched<List<HourlyServiceLevel.Point>> serviceLevel = today
                .map(t -> HourlyServiceLevel.of(t, week.orElse(null), zone))
                .filter(points -> points.stream().anyMatch(p -> p.today() != null || p.lastSevenDays() != null))
                .map(Fetched::ready)
                .orElseGet(Fetched::noData);

        Fetched<Map<String, int[]>> volume = metrics.volumeByHour(dayStart, dayEnd)
                .map(v -> VolumeByHour.of(v, zone))
                .filter(byBrand -> !byBrand.isEmpty())
                .map(Fetched::ready)
                .orElseGet(Fetched::noData);
        Fetched<ResponseHistogram> histogram = metrics.firstResponseHistogram(dayStart, dayEnd)
                .filter(h -> h.total() > 0)
                .map(Fetched::ready)
                .orElseGet(Fetched::noData);
        Optional<LiveMetrics> live = metrics.live();
        Fetched<List<StaffingForecast>> forecast = live.map(LiveMetrics::forecast).filter(f -> !f.isEmpty())
                .map(Fetched::ready)
                .orElseGet(Fetched::noData);
        return new History(serviceLevel, volume, histogram, forecast);
    }
}
