package es.faro.server.metrics;

import es.faro.protocol.metrics.AgentLoad;
import es.faro.protocol.metrics.Breakdown;
import es.faro.protocol.metrics.Csat;
import es.faro.protocol.metrics.ErlangC;
import es.faro.protocol.metrics.FirstResponseHistogram;
import es.faro.protocol.metrics.LiveMetrics;
import es.faro.protocol.metrics.ServiceLevel;
import es.faro.protocol.metrics.SlaReport;
import es.faro.protocol.metrics.StaffingForecast;
import es.faro.protocol.metrics.VolumeReport;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Role;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaState;
import es.faro.server.config.Reference;
import es.faro.server.store.Agents;
import es.faro.server.store.Conversations;
import es.faro.server.store.Scope;
import es.faro.server.store.SlaResultRows;
import es.faro.server.store.SlaResultRows.Row;
import es.faro.server.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The figures behind {@code /metrics/*}. Service level (DESIGN.md): first-response clocks that ended
 * in the window (met or missed, by the instant they ended) plus those still running that were due in
 * the window and are breached now. The CSV export carries exactly the columns needed to recount it.
 */
public final class MetricsService {
    /** "83 % answered within 2 h": the answer time the staffing forecast aims at. */
    public static final Duration FORECAST_ANSWER_TIME = Duration.ofHours(2);

    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final Duration handleTime;

    /**
     * @param handleTime the average handle time for the forecast. Faro does not yet record when an
     *                   agent starts working a conversation, so there is no measured handle time: the
     *                   configured figure ({@code metrics.handle_time}) is used and shown as such.
     */
    public MetricsService(Store store, Supplier<Reference> reference, Clock clock, Duration handleTime) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.handleTime = handleTime;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today's CSAT over a window, from the survey answers (set once at start; none: "no data"). */
    private volatile java.util.function.BiFunction<Instant, Instant, Csat> csatSource;

    /** Where {@link #live()} reads today's CSAT: the survey answers, which the conversations do not carry. */
    public MetricsService csat(java.util.function.BiFunction<Instant, Instant, Csat> source) {
        this.csatSource = source;
        return this;
    }

    public LiveMetrics live() {
        Instant now = clock.instant();
        Window today = Window.today(now);
        Window lastHour = new Window(now.minus(Duration.ofHours(1)), today.to());
        record Snapshot(List<Conversation> active, List<Row> today, List<Row> lastHour, List<Agent> agents) {
        }
        Snapshot s = store.read(c -> {
            List<Conversation> active = new ArrayList<>();
            String after = null;
            while (true) {
                List<Conversation> page = Conversations.activePage(c, Scope.everything(), after, 1_000);
                active.addAll(page);
                if (page.size() < 1_000) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            return new Snapshot(active, SlaResultRows.relevant(c, today.from(), today.to()),
                    SlaResultRows.relevant(c, lastHour.from(), lastHour.to()), Agents.all(c));
        });
        int backlog = 0;
        int warning = 0;
        int breached = 0;
        Instant oldest = null;
        Map<String, Integer> assigned = new TreeMap<>();
        for (Conversation conv : s.active()) {
            if (waitingOnUs(conv)) {
                backlog++;
                SlaState state = conv.slaStateAt(now);
                if (state == SlaState.WARNING) {
                    warning++;
                } else if (state == SlaState.BREACHED) {
                    breached++;
                }
            }
            SlaClock response = conv.response();
            // Waiting on us: an inbound message whose response clock runs and is not paused on the customer.
            if (response != null && response.isRunning() && !response.isPaused()
                    && (oldest == null || response.startedAt().isBefore(oldest))) {
                oldest = response.startedAt();
            }
            if (conv.assigneeId() != null) {
                assigned.merge(conv.assigneeId(), 1, Integer::sum);
            }
        }
        List<AgentLoad> agents = new ArrayList<>();
        for (Agent a : s.agents()) {
            if (a.hasRole(Role.AGENT)) {
                agents.add(new AgentLoad(a.id(), a.name(), a.presence(), assigned.getOrDefault(a.id(), 0), a.capacity()));
            }
        }
        ServiceLevel level = level(s.today(), today, now);
        List<Breakdown> byBrandChannel = breakdown(s.active(), s.today(), today, now,
                conv -> conv.brandId() + "\u0000" + conv.channel().name(),
                row -> row.brandId() + "\u0000" + row.channel().name(),
                (key, parts) -> new Breakdown(parts.brandId, parts.channel, null, null, 0, 0, 0, null));
        List<Breakdown> byQueue = breakdown(s.active(), s.today(), today, now, Conversation::queueId,
                Row::queueId, (key, parts) -> new Breakdown(null, null, key, null, 0, 0, 0, null));
        List<Breakdown> byAgent = breakdown(s.active(), s.today(), today, now, Conversation::assigneeId,
                Row::assigneeId, (key, parts) -> new Breakdown(null, null, null, key, 0, 0, 0, null));
        java.util.function.BiFunction<Instant, Instant, Csat> csat = csatSource;
        return new LiveMetrics(now, level, csat == null ? Csat.noData() : csat.apply(today.from(), today.to()),
                backlog, oldest, warning, breached, agents,
                byBrandChannel, byQueue, byAgent, forecast(s.lastHour(), lastHour));
    }

    /**
     * The backlog and its WARNING / BREACHED counts are the conversations waiting on us, NEW or OPEN,
     * as on the lead's dashboard (docs/dashboard.md): a PENDING conversation waits on the customer
     * and its clocks are paused. Agents' load still counts PENDING conversations.
     */
    private static boolean waitingOnUs(Conversation conv) {
        return conv.status() == es.faro.protocol.model.ConversationStatus.NEW
                || conv.status() == es.faro.protocol.model.ConversationStatus.OPEN;
    }

    /** Fields a breakdown key stands for, filled from the first conversation or row seen with it. */
    private static final class Parts {
        String brandId;
        Channel channel;
    }

    private static List<Breakdown> breakdown(List<Conversation> active, List<Row> rows, Window window, Instant now,
                                             Function<Conversation, String> convKey, Function<Row, String> rowKey,
                                             BiFunction<String, Parts, Breakdown> empty) {
        Map<String, int[]> live = new TreeMap<>();
        Map<String, List<Row>> counted = new TreeMap<>();
        Map<String, Parts> parts = new LinkedHashMap<>();
        for (Conversation conv : active) {
            String key = convKey.apply(conv);
            if (key == null) {
                continue;
            }
            int[] n = live.computeIfAbsent(key, k -> new int[3]);
            if (waitingOnUs(conv)) {
                n[0]++;
                SlaState state = conv.slaStateAt(now);
                if (state == SlaState.WARNING) {
                    n[1]++;
                } else if (state == SlaState.BREACHED) {
                    n[2]++;
                }
            }
            Parts p = parts.computeIfAbsent(key, k -> new Parts());
            p.brandId = conv.brandId();
            p.channel = conv.channel();
        }
        for (Row row : rows) {
            String key = rowKey.apply(row);
            if (key == null) {
                continue;
            }
            counted.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            Parts p = parts.computeIfAbsent(key, k -> new Parts());
            p.brandId = row.brandId();
            p.channel = row.channel();
        }
        List<Breakdown> result = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(parts.keySet())) {
            int[] n = live.getOrDefault(key, new int[3]);
            Breakdown shape = empty.apply(key, parts.get(key));
            result.add(new Breakdown(shape.brandId(), shape.channel(), shape.queueId(), shape.agentId(), n[0], n[1],
                    n[2], level(counted.getOrDefault(key, List.of()), window, now)));
        }
        return result;
    }

    /** Service level over the window from the rows, by the DESIGN definition. */
    public static ServiceLevel level(List<Row> rows, Window window, Instant now) {
        int met = 0;
        int missed = 0;
        int breached = 0;
        for (Row r : rows) {
            if (window.contains(r.firstResponseAt()) && r.firstResponseMet() != null) {
                if (r.firstResponseMet()) {
                    met++;
                } else {
                    missed++;
                }
            } else if (window.contains(r.firstResponseDue()) && r.breachedOpen(now)) {
                breached++;
            }
        }
        return ServiceLevel.of(met, missed, breached);
    }

    private List<StaffingForecast> forecast(List<Row> lastHourRows, Window lastHour) {
        Map<String, Integer> arrivals = new TreeMap<>();
        for (Brand b : reference.get().data().brands()) {
            arrivals.put(b.id(), 0);
        }
        for (Row r : lastHourRows) {
            if (lastHour.contains(r.createdAt())) {
                arrivals.merge(r.brandId(), 1, Integer::sum);
            }
        }
        List<StaffingForecast> result = new ArrayList<>();
        arrivals.forEach((brand, count) -> result.add(
                ErlangC.forecast(brand, count, handleTime, FORECAST_ANSWER_TIME, ServiceLevel.GOAL)));
        return result;
    }

    /** {@code groupBy}: brand, channel, queue, agent, hour or day. */
    public SlaReport sla(Window window, String groupBy) {
        Instant now = clock.instant();
        List<Row> rows = store.read(c -> SlaResultRows.relevant(c, window.from(), window.to()));
        ChronoUnit unit = timeUnit(groupBy);
        Map<String, List<Row>> ended = new TreeMap<>();
        Map<String, List<Row>> due = new TreeMap<>();
        Map<String, Integer> inbound = new TreeMap<>();
        if (unit != null) {
            for (Instant b : window.buckets(unit)) {
                inbound.put(bucketKey(b, unit), 0);
            }
        }
        for (Row r : rows) {
            if (window.contains(r.createdAt())) {
                inbound.merge(key(r, groupBy, unit, r.createdAt()), 1, Integer::sum);
            }
            if (window.contains(r.firstResponseAt())) {
                ended.computeIfAbsent(key(r, groupBy, unit, r.firstResponseAt()), k -> new ArrayList<>()).add(r);
            } else if (window.contains(r.firstResponseDue()) && r.breachedOpen(now)) {
                due.computeIfAbsent(key(r, groupBy, unit, r.firstResponseDue()), k -> new ArrayList<>()).add(r);
            }
        }
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(inbound.keySet());
        keys.addAll(ended.keySet());
        keys.addAll(due.keySet());
        List<SlaReport.Row> result = new ArrayList<>();
        for (String key : keys) {
            List<Row> group = new ArrayList<>(ended.getOrDefault(key, List.of()));
            group.addAll(due.getOrDefault(key, List.of()));
            result.add(new SlaReport.Row(key, level(group, window, now), inbound.getOrDefault(key, 0),
                    median(ended.getOrDefault(key, List.of()))));
        }
        return new SlaReport(window.from(), window.to(), groupBy, result, level(rows, window, now));
    }

    /** A day by its Madrid date, an hour by the instant it starts. */
    private static String bucketKey(Instant bucket, ChronoUnit unit) {
        return unit == ChronoUnit.DAYS ? bucket.atZone(Window.ZONE).toLocalDate().toString() : bucket.toString();
    }

    static ChronoUnit timeUnit(String groupBy) {
        return switch (groupBy) {
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            default -> null;
        };
    }

    /** A row's group key, written as every metrics endpoint writes it (see {@link es.faro.protocol.metrics.GroupKeys}). */
    private static String key(Row r, String groupBy, ChronoUnit unit, Instant at) {
        if (unit != null) {
            return bucketKey(Window.bucketOf(at, unit), unit);
        }
        String key = switch (groupBy) {
            case "brand" -> r.brandId();
            case "channel" -> r.channel().name();
            case "queue" -> r.queueId();
            case "agent" -> r.assigneeId();
            default -> throw new IllegalArgumentException(groupBy);
        };
        return key == null ? es.faro.protocol.metrics.GroupKeys.NONE : key;
    }

    private static Duration median(List<Row> rows) {
        List<Long> values = rows.stream().map(Row::firstResponseWallMs).filter(Objects::nonNull).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        int n = values.size();
        long m = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        return Duration.ofMillis(m);
    }

    /** Conversations created per bucket and brand. */
    public VolumeReport volume(Window window, String groupBy) {
        ChronoUnit unit = timeUnit(groupBy);
        List<Row> rows = store.read(c -> SlaResultRows.relevant(c, window.from(), window.to()));
        Map<Instant, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Instant b : window.buckets(unit)) {
            counts.put(b, new TreeMap<>());
        }
        for (Row r : rows) {
            if (window.contains(r.createdAt())) {
                counts.computeIfAbsent(Window.bucketOf(r.createdAt(), unit), k -> new TreeMap<>())
                        .merge(r.brandId(), 1, Integer::sum);
            }
        }
        List<VolumeReport.Bucket> buckets = new ArrayList<>();
        counts.forEach((start, byBrand) -> buckets.add(new VolumeReport.Bucket(start, Window.next(start, unit),
                byBrand.values().stream().mapToInt(Integer::intValue).sum(), byBrand)));
        buckets.sort(Comparator.comparing(VolumeReport.Bucket::start));
        return new VolumeReport(window.from(), window.to(), groupBy, "brand", buckets);
    }

    /** One group of {@link #volumeGrouped}: its key and {@code inboundMessages}, {@code newConversations}, {@code replies}. */
    public record VolumeRow(String key, Map<String, Long> values) {
    }

    /** Volumes per group in the window (the {@code GroupedMetric} shape of the community metrics). */
    public record GroupedVolume(Instant from, Instant to, String groupBy, List<VolumeRow> rows) {
    }

    /**
     * Per brand, channel, queue, agent (the conversation's assignee, {@code (none)} when unassigned) or
     * Madrid day: inbound messages received, conversations created and replies sent (outbound
     * messages, not internal notes nor the automatic CSAT survey messages) in the window.
     */
    public GroupedVolume volumeGrouped(Window window, String groupBy) {
        return store.read(c -> {
            Map<String, Map<String, Long>> rows = new TreeMap<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT brand_id, channel, queue_id, assignee_id,"
                    + " created_at FROM conversations WHERE created_at >= ? AND created_at < ?")) {
                ps.setLong(1, window.from().toEpochMilli());
                ps.setLong(2, window.to().toEpochMilli());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.computeIfAbsent(groupKey(groupBy, rs), k -> new LinkedHashMap<>())
                                .merge("newConversations", 1L, Long::sum);
                    }
                }
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT cv.brand_id, m.channel, cv.queue_id,"
                    + " cv.assignee_id, m.created_at, m.kind FROM messages m JOIN conversations cv"
                    + " ON cv.id = m.conversation_id WHERE m.created_at >= ? AND m.created_at < ?"
                    + " AND (m.kind = 'IN' OR (m.kind = 'OUT' AND NOT EXISTS"
                    + " (SELECT 1 FROM csat_surveys s WHERE s.message_id = m.id)))")) {
                ps.setLong(1, window.from().toEpochMilli());
                ps.setLong(2, window.to().toEpochMilli());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.computeIfAbsent(groupKey(groupBy, rs), k -> new LinkedHashMap<>())
                                .merge(rs.getString(6).equals("IN") ? "inboundMessages" : "replies", 1L, Long::sum);
                    }
                }
            }
            List<VolumeRow> out = new ArrayList<>();
            rows.forEach((k, v) -> {
                Map<String, Long> values = new LinkedHashMap<>();
                for (String n : List.of("inboundMessages", "newConversations", "replies")) {
                    values.put(n, v.getOrDefault(n, 0L));
                }
                out.add(new VolumeRow(k, values));
            });
            return new GroupedVolume(window.from(), window.to(), groupBy, out);
        });
    }

    /** Columns 1..5: brand, channel, queue, assignee, epoch ms. */
    private static String groupKey(String groupBy, java.sql.ResultSet rs) throws java.sql.SQLException {
        String key = switch (groupBy) {
            case "brand" -> rs.getString(1);
            case "channel" -> rs.getString(2);
            case "queue" -> rs.getString(3);
            case "agent" -> rs.getString(4);
            case "day" -> Window.bucketOf(Instant.ofEpochMilli(rs.getLong(5)), ChronoUnit.DAYS).atZone(Window.ZONE)
                    .toLocalDate().toString();
            default -> throw new IllegalArgumentException(groupBy);
        };
        return key == null ? es.faro.protocol.metrics.GroupKeys.NONE : key;
    }

    /** Bucket bounds of the first-response histogram. */
    static final List<Duration> BOUNDS = List.of(Duration.ZERO, Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8));

    public FirstResponseHistogram firstResponse(Window window) {
        List<Row> rows = store.read(c -> SlaResultRows.relevant(c, window.from(), window.to()));
        List<Row> answered = rows.stream()
                .filter(r -> window.contains(r.firstResponseAt()) && r.firstResponseWallMs() != null).toList();
        int[] counts = new int[BOUNDS.size()];
        for (Row r : answered) {
            long ms = r.firstResponseWallMs();
            int i = BOUNDS.size() - 1;
            while (i > 0 && ms < BOUNDS.get(i).toMillis()) {
                i--;
            }
            counts[i]++;
        }
        List<FirstResponseHistogram.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < BOUNDS.size(); i++) {
            buckets.add(new FirstResponseHistogram.Bucket(BOUNDS.get(i),
                    i + 1 < BOUNDS.size() ? BOUNDS.get(i + 1) : null, counts[i]));
        }
        return new FirstResponseHistogram(window.from(), window.to(), answered.size(), median(answered), buckets);
    }

    /** Streams the export rows (see {@link SlaResultRows#relevant}). */
    public void export(Window window, java.util.function.Consumer<Row> sink) {
        store.read(c -> {
            SlaResultRows.relevant(c, window.from(), window.to(), sink);
            return null;
        });
    }
}
