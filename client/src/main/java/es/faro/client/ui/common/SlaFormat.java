package es.faro.client.ui.common;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a countdown reads: {@code 1 h 05 min}, {@code 12 min}, {@code -12 min} once breached,
 * {@code 2 d 03 h} for long resolution clocks; and the style class of each SLA state.
 */
public final class SlaFormat {
    public static final String OK = "sla-ok";
    public static final String WARNING = "sla-warning";
    public static final String BREACHED = "sla-breached";
    public static final String STOPPED = "sla-stopped";
    /** Every class {@link #styleClass} may return, for removing the old one before adding the new. */
    public static final List<String> ALL = List.of(OK, WARNING, BREACHED, STOPPED);

    private SlaFormat() {
    }

    public static String countdown(Duration remaining) {
        boolean late = remaining.isNegative();
        // Whole minutes, rounded towards "more urgent": 59 s left shows 0 min, 1 s late shows -1 min.
        long seconds = Math.abs(remaining.getSeconds());
        long minutes = late ? (seconds + 59) / 60 : seconds / 60;
        String sign = late && minutes > 0 ? "-" : "";
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return sign + days + " d " + String.format("%02d", hours) + " h";
        }
        if (minutes >= 60) {
            return sign + (minutes / 60) + " h " + String.format("%02d", mins) + " min";
        }
        return sign + minutes + " min";
    }

    /** The countdown of a conversation's active clock, or an empty string when no clock runs. */
    public static String countdown(Conversation conversation, Instant now) {
        SlaClock clock = conversation.activeClock();
        return clock == null ? "" : countdown(clock.remainingAt(now));
    }

    public static String styleClass(SlaState state) {
        if (state == null) {
            return STOPPED;
        }
        return switch (state) {
            case OK -> OK;
            case WARNING -> WARNING;
            case BREACHED -> BREACHED;
            case MET, MISSED -> STOPPED;
        };
    }
}
