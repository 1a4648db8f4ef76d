package es.faro.server.sla;

import es.faro.protocol.event.EventType;
import es.faro.protocol.metrics.SlaAlert;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaCalculator;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaEngine;
import es.faro.protocol.sla.SlaState;
import es.faro.server.store.EventLog;
import es.faro.server.store.SlaResults;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Runs inside every write that changes a conversation: keeps its sla_results row current, writes
 * {@code sla.met} / {@code sla.missed} when a clock stopped in this change, and tells the scheduler
 * the clock's new warn and due instants.
 */
public final class SlaTracker {
    private final SlaScheduler scheduler;

    public SlaTracker(SlaScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Other work that must happen in the same write as a conversation change (e.g. scheduling a CSAT survey). */
    @FunctionalInterface
    public interface ChangeHook {
        void onChange(Connection c, Conversation before, Conversation after, Instant now) throws SQLException;
    }

    private final java.util.List<ChangeHook> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void addHook(ChangeHook hook) {
        hooks.add(hook);
    }

    /** {@code before} is null for a new conversation. */
    public void onChange(Connection c, SlaCalculator sla, Conversation before, Conversation after, Instant now)
            throws SQLException {
        SlaResults.record(c, after, new SlaEngine(sla));
        stopped(c, before == null ? null : before.response(), after.response(), after, now);
        stopped(c, before == null ? null : before.resolution(), after.resolution(), after, now);
        // Scheduled before commit: if the transaction rolls back, the firing finds no such clock and writes nothing.
        scheduler.schedule(after);
        for (ChangeHook hook : hooks) {
            hook.onChange(c, before, after, now);
        }
    }

    private static void stopped(Connection c, SlaClock was, SlaClock is, Conversation conv, Instant now)
            throws SQLException {
        if (was == null || !was.isRunning() || is == null || is.isRunning() || is.kind() != was.kind()
                || !is.startedAt().equals(was.startedAt())) {
            return;
        }
        String type = is.stateAt(is.stoppedAt()) == SlaState.MET ? EventType.SLA_MET : EventType.SLA_MISSED;
        EventLog.append(c, type, now, conv.brandId(), conv.channel(),
                new SlaAlert(conv.id(), is.kind(), is.stoppedAt(), conv.brandId(), conv.channel()));
    }
}
