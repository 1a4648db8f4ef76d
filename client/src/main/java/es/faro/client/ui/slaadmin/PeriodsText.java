package es.faro.client.ui.slaadmin;

import es.faro.protocol.sla.TimeRange;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A weekday's open periods as an admin types them: {@code 09:00-14:00, 16:00-20:00} (a hyphen or an
 * en dash; {@code 24:00} for midnight at the end of the day). Empty is "closed".
 */
final class PeriodsText {
    private static final Pattern PERIOD = Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})\\s*");

    private PeriodsText() {
    }

    /** One period as typed: its ends, or null where unreadable. */
    record Period(String text, LocalTime from, LocalTime to, boolean toMidnight) {
        boolean readable() {
            return from != null && (to != null || toMidnight);
        }

        boolean endsAfterStart() {
            return toMidnight || to.isAfter(from);
        }

        TimeRange range() {
            return new TimeRange(from, toMidnight ? LocalTime.MIDNIGHT : to);
        }
    }

    static List<Period> parse(String text) {
        List<Period> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = PERIOD.matcher(part);
            if (!m.matches()) {
                result.add(new Period(part.strip(), null, null, false));
                continue;
            }
            LocalTime from = time(m.group(1), m.group(2));
            int toHour = Integer.parseInt(m.group(3));
            boolean midnight = (toHour == 24 || toHour == 0) && m.group(4).equals("00");
            LocalTime to = midnight ? null : time(m.group(3), m.group(4));
            result.add(new Period(part.strip(), from, to, midnight));
        }
        return result;
    }

    private static LocalTime time(String h, String m) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    static String format(List<TimeRange> ranges) {
        return ranges == null ? "" : ranges.stream()
                .map(r -> r.from() + "-" + (r.endsAtMidnight() ? "24:00" : r.to().toString()))
                .collect(Collectors.joining(", "));
    }
}
