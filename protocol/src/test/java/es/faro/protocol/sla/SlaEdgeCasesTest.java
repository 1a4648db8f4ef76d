package es.faro.protocol.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The named edge cases of the SLA issue, each worked out by hand on Madrid wall-clock times. */
class SlaEdgeCasesTest {
    private static SlaPolicy policy(Duration target) {
        return new SlaPolicy("p", "p", null, null, null, target, target, target, 75, "office");
    }

    private static Instant madrid(String local) {
        return LocalDateTime.parse(local).atZone(Calendars.MADRID).toInstant();
    }

    private static SlaClock start(BusinessCalendar calendar, Duration target, Instant at) {
        return SlaClocks.start(SlaClockKind.FIRST_RESPONSE, policy(target), target, calendar, at);
    }

    @Test
    void messageAt1359WithOneHourTargetOnASplitShiftDayIsDueAt1659() {
        // Tuesday 24 Nov 2026: one minute before the lunch break, 59 after it reopens at 16:00.
        SlaClock clock = start(Calendars.office(), Duration.ofHours(1), madrid("2026-11-24T13:59"));
        assertThat(clock.dueAt()).isEqualTo(madrid("2026-11-24T16:59"));
        assertThat(clock.warnAt()).isEqualTo(madrid("2026-11-24T16:44"));
        assertThat(clock.stateAt(madrid("2026-11-24T15:30"))).isEqualTo(SlaState.OK);
    }

    @Test
    void fridayEveningRunsToMondayMorning() {
        SlaClock clock = start(Calendars.weekdaysOnly(), Duration.ofHours(2), madrid("2026-11-20T19:30"));
        assertThat(clock.dueAt()).isEqualTo(madrid("2026-11-23T10:30"));
        // With the Saturday morning shift it is due on Saturday instead.
        SlaClock office = start(Calendars.office(), Duration.ofHours(2), madrid("2026-11-20T19:30"));
        assertThat(office.dueAt()).isEqualTo(madrid("2026-11-21T11:30"));
    }

    @Test
    void holidaysAreSkipped() {
        // Friday 4 Dec 19:00; Monday 7 and Tuesday 8 December are holidays: 1 h on Friday, 1 h on Wednesday.
        SlaClock clock = start(Calendars.weekdaysOnly(), Duration.ofHours(2), madrid("2026-12-04T19:00"));
        assertThat(clock.dueAt()).isEqualTo(madrid("2026-12-09T10:00"));
    }

    @Test
    void springForwardSkipsTheMissingHour() {
        // Sunday 29 Mar 2026, 02:00 → 03:00. Open 00–06: 01:30–02:00 then 03:00–04:30 local.
        SlaClock clock = start(Calendars.nights(), Duration.ofHours(2), madrid("2026-03-29T01:30"));
        assertThat(clock.dueAt()).isEqualTo(madrid("2026-03-29T04:30"));
        assertThat(Duration.between(clock.startedAt(), clock.dueAt())).isEqualTo(Duration.ofHours(2));
        // Business hours are wall-clock hours: a 09–14 day on the change day is still five hours long.
        assertThat(Calendars.extended().between(madrid("2026-03-29T08:00"), madrid("2026-03-29T22:00")))
                .isEqualTo(Duration.ofHours(14));
    }

    @Test
    void fallBackCountsTheRepeatedHourTwice() {
        // Sunday 25 Oct 2026, 03:00 → 02:00: the 02:00–03:00 hour happens twice and is open both times.
        Instant start = LocalDateTime.parse("2026-10-25T01:30").atOffset(ZoneOffset.ofHours(2)).toInstant();
        SlaClock clock = start(Calendars.nights(), Duration.ofHours(2), start);
        Instant expected = LocalDateTime.parse("2026-10-25T02:30").atOffset(ZoneOffset.ofHours(1)).toInstant();
        assertThat(clock.dueAt()).isEqualTo(expected);
        assertThat(Calendars.nights().between(madrid("2026-10-25T00:00"), madrid("2026-10-25T06:00")))
                .isEqualTo(Duration.ofHours(7));
    }

    @Test
    void pauseAndResumeAcrossTheLunchBreakKeepsTheBusinessTimeLeft() {
        // Tuesday 13:00, 2 h target (warn at 90 min): 30 min used when paused at 13:30.
        SlaClock clock = start(Calendars.office(), Duration.ofHours(2), madrid("2026-11-24T13:00"));
        assertThat(clock.dueAt()).isEqualTo(madrid("2026-11-24T17:00"));
        SlaClock paused = SlaClocks.pause(clock, madrid("2026-11-24T13:30"));
        assertThat(paused.isPaused()).isTrue();
        // Resumed at 15:00, while closed: the 90 minutes left run from 16:00.
        SlaClock resumed = SlaClocks.resume(paused, Calendars.office(), madrid("2026-11-24T15:00"));
        assertThat(resumed.isPaused()).isFalse();
        assertThat(resumed.dueAt()).isEqualTo(madrid("2026-11-24T17:30"));
        assertThat(resumed.warnAt()).isEqualTo(madrid("2026-11-24T17:00"));
    }

    @Test
    void pauseOverNightAndWeekendResumesAtTheNextOpening() {
        // Friday 19:30 with 1 h: paused at 19:45 (45 min left), resumed Sunday (closed): Monday 09:45.
        SlaClock clock = start(Calendars.weekdaysOnly(), Duration.ofHours(1), madrid("2026-11-20T19:30"));
        SlaClock paused = SlaClocks.pause(clock, madrid("2026-11-20T19:45"));
        SlaClock resumed = SlaClocks.resume(paused, Calendars.weekdaysOnly(), madrid("2026-11-22T12:00"));
        assertThat(resumed.dueAt()).isEqualTo(madrid("2026-11-23T09:45"));
    }

    @Test
    void aClockAlreadyBreachedWhenPausedStaysBreached() {
        SlaClock clock = start(Calendars.office(), Duration.ofHours(1), madrid("2026-11-24T09:00"));
        SlaClock paused = SlaClocks.pause(clock, madrid("2026-11-24T10:30"));
        assertThat(paused.stateAt(madrid("2026-11-24T12:00"))).isEqualTo(SlaState.BREACHED);
        assertThat(paused.stateAt(madrid("2026-11-30T12:00"))).isEqualTo(SlaState.BREACHED);
        SlaClock resumed = SlaClocks.resume(paused, Calendars.office(), madrid("2026-11-24T17:00"));
        assertThat(resumed.dueAt()).isEqualTo(madrid("2026-11-24T10:00"));
        assertThat(resumed.stateAt(madrid("2026-11-24T17:00"))).isEqualTo(SlaState.BREACHED);
        assertThat(SlaClocks.stop(paused, Calendars.office(), madrid("2026-11-24T17:00"))
                .stateAt(madrid("2026-11-24T17:00"))).isEqualTo(SlaState.MISSED);
    }

    @Test
    void aClockPausedWhileOkStaysOkAndFrozen() {
        SlaClock clock = start(Calendars.office(), Duration.ofHours(1), madrid("2026-11-24T09:00"));
        SlaClock paused = SlaClocks.pause(clock, madrid("2026-11-24T09:10"));
        assertThat(paused.stateAt(madrid("2026-11-26T18:00"))).isEqualTo(SlaState.OK);
        assertThat(paused.remainingAt(madrid("2026-11-26T18:00"))).isEqualTo(Duration.ofMinutes(50));
        // Stopped while paused (a reply to a pending conversation): met.
        SlaClock stopped = SlaClocks.stop(paused, Calendars.office(), madrid("2026-11-26T18:00"));
        assertThat(stopped.stateAt(madrid("2026-11-26T18:00"))).isEqualTo(SlaState.MET);
        assertThat(stopped.isPaused()).isFalse();
        assertThat(SlaClocks.used(stopped, Duration.ofHours(1), Calendars.office(), madrid("2026-11-26T18:00")))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void pausingTwiceKeepsTheFirstPauseAndResumingARunningClockChangesNothing() {
        SlaClock clock = start(Calendars.office(), Duration.ofHours(1), madrid("2026-11-24T09:00"));
        SlaClock paused = SlaClocks.pause(clock, madrid("2026-11-24T09:10"));
        assertThat(SlaClocks.pause(paused, madrid("2026-11-24T09:40"))).isEqualTo(paused);
        assertThat(SlaClocks.resume(clock, Calendars.office(), madrid("2026-11-24T10:00"))).isEqualTo(clock);
        assertThat(SlaClocks.pause(clock.stop(madrid("2026-11-24T09:20")), madrid("2026-11-24T09:30")).isPaused()).isFalse();
    }
}
