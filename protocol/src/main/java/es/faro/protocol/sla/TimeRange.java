package es.faro.protocol.sla;

import java.time.LocalTime;

/** An open period within a day, e.g. 09:00–14:00. An end of 00:00 means midnight at the end of the day. */
public record TimeRange(LocalTime from, LocalTime to) {
    public TimeRange {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a time range needs both ends");
        }
        if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
            throw new IllegalArgumentException("a time range must end after it starts: " + from + "–" + to);
        }
    }

    public boolean endsAtMidnight() {
        return to.equals(LocalTime.MIDNIGHT);
    }
}
