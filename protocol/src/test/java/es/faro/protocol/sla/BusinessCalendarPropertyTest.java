package es.faro.protocol.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * BusinessCalendar.plus and between against a naive reference that steps minute by minute and asks,
 * for each minute, whether its local wall-clock time falls in an open period. Period boundaries are
 * quarter hours (midnight included) except those strictly inside 02:00–03:00, the hour Madrid skips or
 * repeats; starts cover both 2026 DST changes.
 */
class BusinessCalendarPropertyTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant FROM = ZonedDateTime.of(2026, 3, 20, 0, 0, 0, 0, MADRID).toInstant();
    private static final Instant TO = ZonedDateTime.of(2026, 11, 5, 0, 0, 0, 0, MADRID).toInstant();

    record Case(BusinessCalendar calendar, Instant start, Duration amount) {
    }

    @Property(tries = 300)
    void plusMatchesMinuteByMinuteStepping(@ForAll("cases") Case c) {
        assertThat(c.calendar().plus(c.start(), c.amount())).isEqualTo(naivePlus(c.calendar(), c.start(), c.amount()));
    }

    @Property(tries = 200)
    void betweenMeasuresWhatPlusAdded(@ForAll("cases") Case c) {
        Instant end = c.calendar().plus(c.start(), c.amount());
        assertThat(c.calendar().between(c.start(), end)).isEqualTo(c.amount());
        Instant later = end.plus(Duration.ofMinutes(137));
        assertThat(c.calendar().between(c.start(), later)).isEqualTo(naiveBetween(c.calendar(), c.start(), later));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Instant> starts = Arbitraries.longs().between(0, Duration.between(FROM, TO).toMinutes())
                .map(m -> FROM.plus(Duration.ofMinutes(m)));
        // Bias towards the DST nights: a third of the starts fall within two days before a change.
        Arbitrary<Instant> nearDst = Arbitraries.of(
                        ZonedDateTime.of(2026, 3, 27, 12, 0, 0, 0, MADRID).toInstant(),
                        ZonedDateTime.of(2026, 10, 23, 12, 0, 0, 0, MADRID).toInstant())
                .flatMap(base -> Arbitraries.longs().between(0, 3 * 24 * 60).map(m -> base.plus(Duration.ofMinutes(m))));
        Arbitrary<Instant> start = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, starts), net.jqwik.api.Tuple.of(1, nearDst));
        Arbitrary<Duration> amount = Arbitraries.longs().between(0, 900).map(Duration::ofMinutes);
        return Combinators.combine(calendars(), start, amount).as(Case::new);
    }

    private Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<List<TimeRange>> day = dayRanges();
        Arbitrary<List<TimeRange>> nonEmptyDay = day.filter(l -> !l.isEmpty());
        Arbitrary<Set<Integer>> holidayOffsets = Arbitraries.integers().between(0, 60).set().ofMaxSize(4);
        Arbitrary<Boolean> holidaysNearDst = Arbitraries.of(true, false);
        return Combinators.combine(nonEmptyDay, day.list().ofSize(6), holidayOffsets, holidaysNearDst)
                .as((monday, others, offsets, spring) -> {
                    Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
                    hours.put(DayOfWeek.MONDAY, monday);
                    for (int i = 0; i < 6; i++) {
                        hours.put(DayOfWeek.of(i + 2), others.get(i));
                    }
                    LocalDate base = spring ? LocalDate.of(2026, 3, 15) : LocalDate.of(2026, 10, 10);
                    Set<LocalDate> holidays = new HashSet<>();
                    offsets.forEach(o -> holidays.add(base.plusDays(o)));
                    return new BusinessCalendar("prop", "prop", MADRID, false, hours, holidays);
                });
    }

    /** Zero to three disjoint periods from sorted distinct quarter-hour boundaries; 96 stands for midnight. */
    private Arbitrary<List<TimeRange>> dayRanges() {
        Arbitrary<Integer> quarter = Arbitraries.integers().between(0, 96).filter(q -> q <= 8 || q >= 12);
        return Arbitraries.integers().between(0, 3).flatMap(n -> quarter.set().ofSize(2 * n).map(points -> {
            List<Integer> sorted = new ArrayList<>(new TreeSet<>(points));
            List<TimeRange> ranges = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                ranges.add(new TimeRange(time(sorted.get(i)), time(sorted.get(i + 1))));
            }
            return ranges;
        })).filter(l -> l.stream().noneMatch(r -> r.from().equals(LocalTime.MIDNIGHT) && r.to().equals(LocalTime.MIDNIGHT)))
                .map(l -> l);
    }

    private static LocalTime time(int quarter) {
        return quarter == 96 ? LocalTime.MIDNIGHT : LocalTime.of(quarter / 4, (quarter % 4) * 15);
    }

    private static boolean naiveOpen(BusinessCalendar calendar, Instant minute) {
        ZonedDateTime local = minute.atZone(calendar.zone());
        if (calendar.holidays().contains(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        for (TimeRange r : calendar.hours().getOrDefault(local.getDayOfWeek(), List.of())) {
            if (!t.isBefore(r.from()) && (r.endsAtMidnight() || t.isBefore(r.to()))) {
                return true;
            }
        }
        return false;
    }

    private static Instant naivePlus(BusinessCalendar calendar, Instant start, Duration amount) {
        Instant t = start;
        long left = amount.toMinutes();
        if (left == 0) {
            while (!naiveOpen(calendar, t)) {
                t = t.plusSeconds(60);
            }
            return t;
        }
        while (true) {
            if (naiveOpen(calendar, t)) {
                left--;
                t = t.plusSeconds(60);
                if (left == 0) {
                    return t;
                }
            } else {
                t = t.plusSeconds(60);
            }
        }
    }

    private static Duration naiveBetween(BusinessCalendar calendar, Instant from, Instant to) {
        long minutes = 0;
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
            if (naiveOpen(calendar, t)) {
                minutes++;
            }
        }
        return Duration.ofMinutes(minutes);
    }
}
