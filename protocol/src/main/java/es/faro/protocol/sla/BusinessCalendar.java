package es.faro.protocol.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.TreeSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business hours in one time zone: open periods per weekday (several a day for split shifts) and
 * holidays, or always open (24/7). {@code namedHolidays} (optional on the wire) gives holidays a name
 * and a scope (national or regional); their dates are closed days too, merged into {@code holidays}. SLA clocks count only the open time of their policy's calendar.
 * Local times are resolved through {@link ZonedDateTime}, so the DST changes of the zone are honoured.
 */
public record BusinessCalendar(String id, String name, ZoneId zone, boolean alwaysOpen,
                               Map<DayOfWeek, List<TimeRange>> hours, Set<LocalDate> holidays,
                               List<Holiday> namedHolidays) {

    /** Far enough to cross any realistic run of holidays; a calendar that never opens is a configuration error. */
    private static final int MAX_DAYS_SCANNED = 3_700;

    public BusinessCalendar {
        zone = zone == null ? ZoneId.of("Europe/Madrid") : zone;
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        if (hours != null) {
            hours.forEach((day, ranges) -> {
                List<TimeRange> sorted = new ArrayList<>(ranges);
                sorted.sort(Comparator.comparing(TimeRange::from));
                copy.put(day, List.copyOf(sorted));
            });
        }
        hours = Collections.unmodifiableMap(copy);
        List<Holiday> named = new ArrayList<>(namedHolidays == null ? List.of() : namedHolidays);
        named.sort(Comparator.comparing(Holiday::date));
        namedHolidays = List.copyOf(named);
        TreeSet<LocalDate> closed = new TreeSet<>(holidays == null ? Set.of() : holidays);
        named.forEach(h -> closed.add(h.date()));
        holidays = Collections.unmodifiableSortedSet(closed);
        if (!alwaysOpen && hours.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("calendar " + id + " has no open hours");
        }
    }

    /** A calendar without named holidays (the shape before names and scopes existed). */
    public BusinessCalendar(String id, String name, ZoneId zone, boolean alwaysOpen,
                            Map<DayOfWeek, List<TimeRange>> hours, Set<LocalDate> holidays) {
        this(id, name, zone, alwaysOpen, hours, holidays, List.of());
    }

    public static BusinessCalendar twentyFourSeven(String id) {
        return new BusinessCalendar(id, "24/7", ZoneId.of("UTC"), true, Map.of(), Set.of());
    }

    /** The instant when {@code amount} of business time has passed after {@code start}. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business duration");
        }
        if (alwaysOpen) {
            return start.plus(amount);
        }
        Duration left = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, day = day.plusDays(1)) {
            for (Instant[] open : openIntervals(day)) {
                Instant from = open[0].isBefore(start) ? start : open[0];
                if (!from.isBefore(open[1])) {
                    continue;
                }
                Duration available = Duration.between(from, open[1]);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + id + " is not open within " + MAX_DAYS_SCANNED + " days");
    }

    /** Business time elapsed in [from, to); zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] open : openIntervals(day)) {
                Instant a = open[0].isBefore(from) ? from : open[0];
                Instant b = open[1].isAfter(to) ? to : open[1];
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** Whether the calendar is open at the instant. */
    public boolean isOpen(Instant at) {
        if (alwaysOpen) {
            return true;
        }
        for (Instant[] open : openIntervals(at.atZone(zone).toLocalDate())) {
            if (!at.isBefore(open[0]) && at.isBefore(open[1])) {
                return true;
            }
        }
        return false;
    }

    private List<Instant[]> openIntervals(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<TimeRange> ranges = hours.getOrDefault(day.getDayOfWeek(), List.of());
        List<Instant[]> result = new ArrayList<>(ranges.size());
        for (TimeRange r : ranges) {
            Instant from = instantOf(day, r.from());
            Instant to = r.endsAtMidnight() ? day.plusDays(1).atStartOfDay(zone).toInstant() : instantOf(day, r.to());
            if (to.isAfter(from)) {
                result.add(new Instant[] {from, to});
            }
        }
        return result;
    }

    /**
     * A wall-clock time that falls in a spring-forward gap is taken as the instant of the change
     * (the period opens or closes when the clocks jump), not shifted later by the gap's length as
     * {@link ZonedDateTime#of} would; in an autumn overlap the earlier offset applies.
     */
    private Instant instantOf(LocalDate day, java.time.LocalTime time) {
        java.time.LocalDateTime local = java.time.LocalDateTime.of(day, time);
        java.time.zone.ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }
}
