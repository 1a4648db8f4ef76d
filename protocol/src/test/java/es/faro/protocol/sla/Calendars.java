package es.faro.protocol.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars shaped like config/reference/calendars.json, for the SLA tests. */
final class Calendars {
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final List<TimeRange> SPLIT = List.of(range(9, 14), range(16, 20));

    private Calendars() {
    }

    static TimeRange range(int from, int to) {
        return new TimeRange(LocalTime.of(from, 0), to == 24 ? LocalTime.MIDNIGHT : LocalTime.of(to, 0));
    }

    /** Mon–Fri 09–14 and 16–20, Sat 10–14, with the Madrid holidays around December 2026. */
    static BusinessCalendar office() {
        Map<DayOfWeek, List<TimeRange>> hours = weekdays(SPLIT);
        hours.put(DayOfWeek.SATURDAY, List.of(range(10, 14)));
        return new BusinessCalendar("office", "office", MADRID, false, hours,
                Set.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 25)));
    }

    /** Mon–Fri 09–14 and 16–20 only, same holidays. */
    static BusinessCalendar weekdaysOnly() {
        return new BusinessCalendar("weekdays", "weekdays", MADRID, false, weekdays(SPLIT),
                Set.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 25)));
    }

    /** Every day 00–06: covers the hours Madrid skips (spring) and repeats (autumn). */
    static BusinessCalendar nights() {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(range(0, 6)));
        }
        return new BusinessCalendar("nights", "nights", MADRID, false, hours, Set.of());
    }

    /** Every day 08–22. */
    static BusinessCalendar extended() {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(range(8, 22)));
        }
        return new BusinessCalendar("extended", "extended", MADRID, false, hours, Set.of(LocalDate.of(2026, 10, 12)));
    }

    private static Map<DayOfWeek, List<TimeRange>> weekdays(List<TimeRange> ranges) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(d, ranges);
        }
        return hours;
    }
}
