package es.faro.client.metrics;

import es.faro.protocol.metrics.AgentLoad;
import es.faro.protocol.metrics.Breakdown;
import es.faro.protocol.metrics.Csat;
import es.faro.protocol.metrics.LiveMetrics;
import es.faro.protocol.metrics.ServiceLevel;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Role;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The team lead's live figures, computed from the conversations in the lead's cache (which holds
 * every brand, including conversations resolved since bootstrap), following DESIGN.md "SLA
 * arithmetic":
 * <ul>
 *   <li><b>Service level today</b> = first responses met ÷ (met + missed + breached), where met and
 *   missed are first-response clocks that stopped today (Europe/Madrid), and breached are
 *   first-response clocks still running past due on conversations still active. A resolved
 *   conversation whose first-response clock never stopped is not counted: its clock was abandoned.</li>
 *   <li><b>Backlog</b> = conversations waiting on us (NEW or OPEN); PENDING waits on the customer.</li>
 *   <li><b>Oldest waiting</b> = the earliest start of a running response clock in the backlog.</li>
 *   <li><b>WARNING / BREACHED</b> = backlog conversations whose active clock is in that state.</li>
 *   <li><b>Agents' load</b> = active (NEW, OPEN, PENDING) conversations assigned, against capacity.</li>
 * </ul>
 * PENDING clocks are paused: they are read frozen at the conversation's last change ({@link SlaView}).
 *
 * <p>Conversations are kept by id and replaced one by one as they change; a snapshot folds them at
 * an instant, because clocks cross their warn and due instants with time and no event. Not thread
 * safe: one background task at a time uses it.
 */
public final class LiveFigures {
    public static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    private static final int AT_RISK_LIMIT = 200;

    private final ZoneId zone;
    private final Map<String, Conversation> conversations = new HashMap<>();
    /**
     * The first-response clock of conversations whose wire record moved on to a NEXT_RESPONSE clock:
     * the record carries only the latest response clock, so an outcome seen once is kept here.
     */
    private ReferenceData reference = new ReferenceData(null, null, null, null, null, null, null, null);

    public LiveFigures(ZoneId zone) {
        this.zone = zone;
    }

    public LiveFigures() {
        this(ZONE);
    }

    // --- input ---------------------------------------------------------------------------------

    public void reference(ReferenceData data) {
        this.reference = data;
    }

    /** Starts over from a full read of the cache. */
    public void replaceAll(Collection<Conversation> all) {
        conversations.clear();
        all.forEach(this::put);
    }

    /**
     * Applies the current state of the {@code requested} ids: those in {@code found} are replaced,
     * the others were removed from the cache.
     */
    public void apply(Collection<String> requested, Collection<Conversation> found) {
        Set<String> missing = new HashSet<>(requested);
        for (Conversation c : found) {
            missing.remove(c.id());
            put(c);
        }
        for (String id : missing) {
            conversations.remove(id);
        }
    }

    public int size() {
        return conversations.size();
    }

    private void put(Conversation c) {
        conversations.put(c.id(), c);
    }

    // --- output --------------------------------------------------------------------------------

    /** The start of the Madrid day that contains {@code now}. */
    public Instant dayStart(Instant now) {
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    public LiveSnapshot snapshot(Instant now) {
        Instant dayStart = dayStart(now);
        Instant dayEnd = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Tally total = new Tally();
        Map<String, Tally> byBrandChannel = new TreeMap<>();
        Map<String, Tally> byQueue = new TreeMap<>();
        Map<String, Tally> byAgent = new TreeMap<>();
        Map<String, Integer> assigned = new HashMap<>();
        Instant oldest = null;
        List<Conversation> atRisk = new ArrayList<>();

        for (Conversation c : conversations.values()) {
            ConversationStatus status = c.status();
            boolean active = status != null && status.isActive();
            boolean waitingOnUs = status == ConversationStatus.NEW || status == ConversationStatus.OPEN;
            SlaState state = waitingOnUs ? c.slaStateAt(now) : null;
            SlaState firstResponse = firstResponseOutcome(c, now, dayStart, dayEnd);

            List<Tally> tallies = new ArrayList<>(4);
            tallies.add(total);
            tallies.add(byBrandChannel.computeIfAbsent(c.brandId() + "|" + c.channel(), k -> new Tally()));
            if (c.queueId() != null) {
                tallies.add(byQueue.computeIfAbsent(c.queueId(), k -> new Tally()));
            }
            if (c.assigneeId() != null) {
                tallies.add(byAgent.computeIfAbsent(c.assigneeId(), k -> new Tally()));
            }
            for (Tally t : tallies) {
                t.add(waitingOnUs, state, firstResponse);
            }

            if (active && c.assigneeId() != null) {
                assigned.merge(c.assigneeId(), 1, Integer::sum);
            }
            if (waitingOnUs) {
                SlaClock response = c.response();
                if (response != null && response.isRunning()
                        && (oldest == null || response.startedAt().isBefore(oldest))) {
                    oldest = response.startedAt();
                }
                if (state == SlaState.WARNING) {
                    atRisk.add(c);
                }
            }
        }

        atRisk.sort(Comparator.comparing((Conversation c) -> c.activeClock().dueAt()).thenComparing(Conversation::id));
        List<AgentLoad> agents = new ArrayList<>();
        int online = 0;
        int away = 0;
        for (Agent a : reference.agents()) {
            if (!a.hasRole(Role.AGENT)) {
                continue;
            }
            agents.add(new AgentLoad(a.id(), a.name(), a.presence(), assigned.getOrDefault(a.id(), 0), a.capacity()));
            if (a.presence() == Presence.ONLINE) {
                online++;
            } else if (a.presence() == Presence.AWAY) {
                away++;
            }
        }
        agents.sort(Comparator.comparing(AgentLoad::name, String.CASE_INSENSITIVE_ORDER));

        List<Breakdown> brandChannel = new ArrayList<>();
        byBrandChannel.forEach((key, t) -> {
            int bar = key.indexOf('|');
            String channel = key.substring(bar + 1);
            brandChannel.add(t.breakdown(key.substring(0, bar), "null".equals(channel) ? null : Channel.valueOf(channel),
                    null, null));
        });
        List<Breakdown> queues = new ArrayList<>();
        byQueue.forEach((id, t) -> queues.add(t.breakdown(null, null, id, null)));
        List<Breakdown> agentRows = new ArrayList<>();
        byAgent.forEach((id, t) -> agentRows.add(t.breakdown(null, null, null, id)));

        LiveMetrics metrics = new LiveMetrics(now, total.serviceLevel(), Csat.noData(), total.backlog, oldest,
                total.warning, total.breached, agents, brandChannel, queues, agentRows, List.of());
        return new LiveSnapshot(metrics, dayStart, online, away,
                atRisk.size() > AT_RISK_LIMIT ? atRisk.subList(0, AT_RISK_LIMIT) : atRisk);
    }

    /** MET or MISSED for a first response that ended today, BREACHED for one still running past due, else null. */
    private SlaState firstResponseOutcome(Conversation c, Instant now, Instant dayStart, Instant dayEnd) {
        SlaClock clock = c.firstResponse();
        if (clock == null) {
            return null;
        }
        if (!clock.isRunning()) {
            Instant stopped = clock.stoppedAt();
            boolean today = !stopped.isBefore(dayStart) && stopped.isBefore(dayEnd);
            return today ? clock.stateAt(now) : null;
        }
        if (c.status() == null || !c.status().isActive()) {
            return null;
        }
        return SlaView.state(c, clock, now) == SlaState.BREACHED ? SlaState.BREACHED : null;
    }

    /** Running counts for one group. */
    private static final class Tally {
        int backlog;
        int warning;
        int breached;
        int met;
        int missed;
        int slBreached;

        void add(boolean waitingOnUs, SlaState state, SlaState firstResponse) {
            if (waitingOnUs) {
                backlog++;
                if (state == SlaState.WARNING) {
                    warning++;
                } else if (state == SlaState.BREACHED) {
                    breached++;
                }
            }
            if (firstResponse == SlaState.MET) {
                met++;
            } else if (firstResponse == SlaState.MISSED) {
                missed++;
            } else if (firstResponse == SlaState.BREACHED) {
                slBreached++;
            }
        }

        ServiceLevel serviceLevel() {
            return ServiceLevel.of(met, missed, slBreached);
        }

        Breakdown breakdown(String brandId, Channel channel, String queueId, String agentId) {
            return new Breakdown(brandId, channel, queueId, agentId, backlog, warning, breached, serviceLevel());
        }
    }
}
