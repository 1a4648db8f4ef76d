package es.faro.protocol.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.protocol.Samples;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business-time arithmetic on plain cases. Samples.office(): Europe/Madrid, Mon–Fri 09–14 and 16–20,
 * Sat 10–14, holidays 2026-12-08 and 2026-12-25. 2026-11-23 is a Monday.
 */
class BusinessCalendarTest {
    private final BusinessCalendar office = Samples.office();

    static Instant madrid(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), Samples.MADRID).toInstant();
    }

    private static BusinessCalendar daily(LocalTime from, LocalTime to, DayOfWeek... days) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : days.length == 0 ? DayOfWeek.values() : days) {
            hours.put(d, List.of(new TimeRange(from, to)));
        }
        return new BusinessCalendar("c", "c", Samples.MADRID, false, hours, Set.of());
    }

    @Test
    void twentyFourSevenIsPlainTime() {
        BusinessCalendar always = BusinessCalendar.twentyFourSeven("24x7");
        Instant t = madrid("2026-12-25T03:17");
        assertThat(always.plus(t, Duration.ofMinutes(30))).isEqualTo(t.plus(Duration.ofMinutes(30)));
        assertThat(always.between(t, t.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofDays(3));
        assertThat(always.isOpen(t)).isTrue();
    }

    @Test
    void weekdayInsideHours() {
        assertThat(office.plus(madrid("2026-11-23T10:00"), Duration.ofHours(2))).isEqualTo(madrid("2026-11-23T12:00"));
        assertThat(office.plus(madrid("2026-11-23T10:00"), Duration.ofHours(4))).isEqualTo(madrid("2026-11-23T14:00"));
        assertThat(office.between(madrid("2026-11-23T10:00"), madrid("2026-11-23T12:30")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void crossesTheLunchBreakOfASplitShift() {
        assertThat(office.plus(madrid("2026-11-23T13:00"), Duration.ofHours(2))).isEqualTo(madrid("2026-11-23T17:00"));
        assertThat(office.between(madrid("2026-11-23T13:00"), madrid("2026-11-23T17:00"))).isEqualTo(Duration.ofHours(2));
        // Starting during lunch counts from 16:00.
        assertThat(office.plus(madrid("2026-11-23T14:30"), Duration.ofMinutes(30))).isEqualTo(madrid("2026-11-23T16:30"));
    }

    @Test
    void fridayEveningRollsToMonday() {
        BusinessCalendar weekdays = daily(LocalTime.of(9, 0), LocalTime.of(18, 0), DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(weekdays.plus(madrid("2026-11-27T17:30"), Duration.ofHours(1))).isEqualTo(madrid("2026-11-30T09:30"));
        assertThat(weekdays.between(madrid("2026-11-27T17:30"), madrid("2026-11-30T09:30"))).isEqualTo(Duration.ofHours(1));
        // The office calendar also opens Saturday morning.
        assertThat(office.plus(madrid("2026-11-27T19:30"), Duration.ofHours(5))).isEqualTo(madrid("2026-11-30T09:30"));
    }

    @Test
    void skipsHolidays() {
        // Monday 7 Dec 19:00, Tuesday 8 Dec is a holiday.
        assertThat(office.plus(madrid("2026-12-07T19:00"), Duration.ofHours(2))).isEqualTo(madrid("2026-12-09T10:00"));
        assertThat(office.isOpen(madrid("2026-12-08T10:00"))).isFalse();
        assertThat(office.between(madrid("2026-12-08T00:00"), madrid("2026-12-09T00:00"))).isEqualTo(Duration.ZERO);
        // Thursday 24 Dec 19:00: Christmas Friday is closed, Saturday 26 opens at 10:00.
        assertThat(office.plus(madrid("2026-12-24T19:00"), Duration.ofHours(2))).isEqualTo(madrid("2026-12-26T11:00"));
    }

    @Test
    void closedStartWaitsForTheNextOpening() {
        assertThat(office.plus(madrid("2026-11-23T07:00"), Duration.ofHours(1))).isEqualTo(madrid("2026-11-23T10:00"));
        assertThat(office.plus(madrid("2026-11-29T12:00"), Duration.ZERO)).isEqualTo(madrid("2026-11-30T09:00"));
        assertThat(office.plus(madrid("2026-11-23T10:00"), Duration.ZERO)).isEqualTo(madrid("2026-11-23T10:00"));
    }

    @Test
    void opensAtTheStartAndClosesAtTheEndOfEachPeriod() {
        assertThat(office.isOpen(madrid("2026-11-23T09:00"))).isTrue();
        assertThat(office.isOpen(madrid("2026-11-23T08:59:59"))).isFalse();
        assertThat(office.isOpen(madrid("2026-11-23T13:59:59"))).isTrue();
        assertThat(office.isOpen(madrid("2026-11-23T14:00"))).isFalse();
        assertThat(office.isOpen(madrid("2026-11-28T10:30"))).isTrue();    // Saturday
        assertThat(office.isOpen(madrid("2026-11-28T16:30"))).isFalse();
        assertThat(office.isOpen(madrid("2026-11-29T10:30"))).isFalse();   // Sunday
    }

    @Test
    void betweenIsZeroWhenTheEndIsNotAfterTheStart() {
        Instant t = madrid("2026-11-23T10:00");
        assertThat(office.between(t, t)).isEqualTo(Duration.ZERO);
        assertThat(office.between(t, t.minusSeconds(60))).isEqualTo(Duration.ZERO);
    }

    @Test
    void springForwardIsHonoured() {
        // 29 March 2026: 02:00 CET becomes 03:00 CEST.
        BusinessCalendar extended = daily(LocalTime.of(8, 0), LocalTime.of(22, 0));
        assertThat(extended.plus(madrid("2026-03-28T21:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));   // 09:00 CEST
        BusinessCalendar allDay = daily(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertThat(allDay.between(madrid("2026-03-29T00:00"), madrid("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(allDay.plus(madrid("2026-03-28T23:00"), Duration.ofHours(3)))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));   // 03:00 CEST
    }

    @Test
    void fallBackIsHonoured() {
        // 25 October 2026: 03:00 CEST becomes 02:00 CET.
        BusinessCalendar extended = daily(LocalTime.of(8, 0), LocalTime.of(22, 0));
        assertThat(extended.plus(madrid("2026-10-24T21:00"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));   // 09:00 CET
        BusinessCalendar allDay = daily(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertThat(allDay.between(madrid("2026-10-25T00:00"), madrid("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
        assertThat(office.between(madrid("2026-10-24T00:00"), madrid("2026-10-27T00:00")))
                .isEqualTo(Duration.ofHours(4 + 9));   // Saturday, closed Sunday, Monday
    }

    /**
     * A period that ends inside the spring-forward gap (00:00–02:30 on 29 March 2026, when 02:00–03:00 does
     * not exist in Madrid) should close when the gap starts (03:00 CEST = 01:00Z), after 2 h. It stays open
     * until 03:30 CEST: ZonedDateTime.of shifts a gap time forward by the gap's length, adding 30 min.
     */
    @Test
    void periodEndingInsideTheSpringForwardGapClosesAtTheGap() {
        BusinessCalendar night = daily(LocalTime.MIDNIGHT, LocalTime.of(2, 30), DayOfWeek.SUNDAY);
        Instant sundayMidnight = madrid("2026-03-29T00:00");
        assertThat(night.isOpen(Instant.parse("2026-03-29T01:15:00Z"))).isFalse();  // 03:15 CEST, after 02:30
        assertThat(night.between(sundayMidnight, sundayMidnight.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(2));
        // A period starting inside the gap (02:30–05:00) should open at 03:00 CEST, not 03:30.
        BusinessCalendar early = daily(LocalTime.of(2, 30), LocalTime.of(5, 0), DayOfWeek.SUNDAY);
        assertThat(early.isOpen(Instant.parse("2026-03-29T01:15:00Z"))).isTrue();   // 03:15 CEST
    }

    @Test
    void rejectsNegativeAmountsAndCalendarsThatNeverOpen() {
        assertThatThrownBy(() -> office.plus(Instant.now(), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessCalendar("x", "x", Samples.MADRID, false, Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(LocalTime.of(14, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
