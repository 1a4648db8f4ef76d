package es.faro.protocol.sla;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock stored as absolute instants, so every client renders the same countdown without a
 * server tick. {@code stoppedAt} is set when the clock ended (the reply went out, or the conversation
 * was resolved).
 */
public record SlaClock(SlaClockKind kind, Instant startedAt, Instant dueAt, Instant warnAt, Instant stoppedAt) {

    public SlaState stateAt(Instant now) {
        if (stoppedAt != null) {
            return stoppedAt.isAfter(dueAt) ? SlaState.MISSED : SlaState.MET;
        }
        if (!now.isBefore(dueAt)) {
            return SlaState.BREACHED;
        }
        if (!now.isBefore(warnAt)) {
            return SlaState.WARNING;
        }
        return SlaState.OK;
    }

    /** Wall-clock time left until due; negative once breached. */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, dueAt);
    }

    @JsonIgnore
    public boolean isRunning() {
        return stoppedAt == null;
    }

    public SlaClock stop(Instant at) {
        return stoppedAt != null ? this : new SlaClock(kind, startedAt, dueAt, warnAt, at);
    }
}
