package es.faro.protocol.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock arithmetic, one implementation for server and client: start, pause, resume, stop. All
 * durations are business time of the clock's calendar; every result is again absolute instants.
 */
public final class SlaClocks {
    private SlaClocks() {
    }

    /** A clock of {@code kind} started at {@code at} with {@code target} business time and the policy's warning share. */
    public static SlaClock start(SlaClockKind kind, SlaPolicy policy, Duration target, BusinessCalendar calendar,
                                 Instant at) {
        Instant warn = calendar.plus(at, policy.warnAfter(target));
        Instant due = calendar.plus(at, target);
        return new SlaClock(kind, at, due, warn, null, null);
    }

    /** Freezes a running clock at {@code at}; a stopped or already paused clock is returned unchanged. */
    public static SlaClock pause(SlaClock clock, Instant at) {
        if (clock == null || !clock.isRunning() || clock.isPaused()) {
            return clock;
        }
        return new SlaClock(clock.kind(), clock.startedAt(), clock.dueAt(), clock.warnAt(), null, at);
    }

    /**
     * Unfreezes a paused clock at {@code at}: an instant still ahead when the pause began keeps the
     * business time that was left to it (so a clock paused while OK can still be met), an instant
     * already passed stays where it was (a clock breached before the pause stays breached).
     */
    public static SlaClock resume(SlaClock clock, BusinessCalendar calendar, Instant at) {
        if (clock == null || !clock.isPaused()) {
            return clock;
        }
        Instant since = clock.pausedAt();
        Instant resumeAt = at.isBefore(since) ? since : at;
        return new SlaClock(clock.kind(), clock.startedAt(), shift(calendar, clock.dueAt(), since, resumeAt),
                shift(calendar, clock.warnAt(), since, resumeAt), null, null);
    }

    /** Stops at {@code at}; a paused clock resumes at {@code at} first, so it is MET unless it was breached when paused. */
    public static SlaClock stop(SlaClock clock, BusinessCalendar calendar, Instant at) {
        if (clock == null || !clock.isRunning()) {
            return clock;
        }
        SlaClock running = clock.isPaused() ? resume(clock, calendar, at) : clock;
        Instant stopAt = clock.isPaused() && at.isBefore(clock.pausedAt()) ? clock.pausedAt() : at;
        return running.stop(stopAt);
    }

    /**
     * Business time the clock has used by {@code at} (or by its stop or pause, if earlier), pauses
     * excluded: the target minus the business time still left to due, or plus the business time past
     * it. Derived from the instants, because pauses are folded into them.
     */
    public static Duration used(SlaClock clock, Duration target, BusinessCalendar calendar, Instant at) {
        Instant end = at;
        if (clock.stoppedAt() != null && clock.stoppedAt().isBefore(end)) {
            end = clock.stoppedAt();
        }
        if (clock.pausedAt() != null && clock.pausedAt().isBefore(end)) {
            end = clock.pausedAt();
        }
        if (end.isAfter(clock.dueAt())) {
            return target.plus(calendar.between(clock.dueAt(), end));
        }
        Duration left = calendar.between(end, clock.dueAt());
        return left.compareTo(target) >= 0 ? Duration.ZERO : target.minus(left);
    }

    private static Instant shift(BusinessCalendar calendar, Instant target, Instant since, Instant at) {
        if (target == null || !target.isAfter(since)) {
            return target;
        }
        return calendar.plus(at, calendar.between(since, target));
    }
}
