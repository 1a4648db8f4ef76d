package es.faro.protocol.sla;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock stored as absolute instants, so every client renders the same countdown without a
 * server tick. {@code stoppedAt} is set when the clock ended (the reply went out, or the conversation
 * was resolved). {@code pausedAt} is set while the conversation waits on the customer (PENDING): the
 * clock is frozen at that instant, and on resume {@link SlaClocks#resume} moves due and warn later by
 * the business time that was still left to them.
 */
public record SlaClock(SlaClockKind kind, Instant startedAt, Instant dueAt, Instant warnAt, Instant stoppedAt,
                       Instant pausedAt) {

    /** A clock that is not paused. */
    public SlaClock(SlaClockKind kind, Instant startedAt, Instant dueAt, Instant warnAt, Instant stoppedAt) {
        this(kind, startedAt, dueAt, warnAt, stoppedAt, null);
    }

    /**
     * The state at {@code now}. A paused clock keeps the state it had when it was paused: one already
     * breached stays BREACHED, one that was OK stays OK however long the customer takes.
     */
    public SlaState stateAt(Instant now) {
        if (stoppedAt != null) {
            return stoppedAt.isAfter(dueAt) ? SlaState.MISSED : SlaState.MET;
        }
        Instant at = pausedAt != null && pausedAt.isBefore(now) ? pausedAt : now;
        if (!at.isBefore(dueAt)) {
            return SlaState.BREACHED;
        }
        if (!at.isBefore(warnAt)) {
            return SlaState.WARNING;
        }
        return SlaState.OK;
    }

    /** Wall-clock time left until due; negative once breached. Frozen at the pause while paused. */
    public Duration remainingAt(Instant now) {
        Instant at = pausedAt != null && pausedAt.isBefore(now) ? pausedAt : now;
        return Duration.between(at, dueAt);
    }

    @JsonIgnore
    public boolean isRunning() {
        return stoppedAt == null;
    }

    /** Running but frozen while the conversation waits on the customer. */
    @JsonIgnore
    public boolean isPaused() {
        return stoppedAt == null && pausedAt != null;
    }

    /**
     * Stops at {@code at} by wall time. A paused clock should be stopped through
     * {@link SlaClocks#stop}, which resumes it on its calendar first.
     */
    public SlaClock stop(Instant at) {
        return stoppedAt != null ? this : new SlaClock(kind, startedAt, dueAt, warnAt, at, null);
    }
}
