package es.faro.protocol.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * SlaClocks (start, pause, resume, stop) against a plain reference that steps minute by minute: a
 * minute counts when the clock is not paused and its local wall-clock time falls in an open period
 * (checked directly on the local time, not through BusinessCalendar). Due is the end of the minute
 * that completes the target, warn the end of the minute that completes the warning share.
 */
class SlaClocksPropertyTest {
    private static final Instant FROM = ZonedDateTime.of(2026, 3, 20, 0, 0, 0, 0, Calendars.MADRID).toInstant();
    private static final Instant TO = ZonedDateTime.of(2026, 12, 20, 0, 0, 0, 0, Calendars.MADRID).toInstant();
    private static final BusinessCalendar TWENTY_FOUR_SEVEN = BusinessCalendar.twentyFourSeven("24x7");

    /** A clock's life: started at {@code start}, paused and resumed at the instants in {@code pauses} (pairs). */
    record Case(BusinessCalendar calendar, Instant start, int targetMinutes, int warnPercent, List<Instant> pauses,
                int probeMinute) {
        SlaPolicy policy() {
            return new SlaPolicy("p", "p", null, null, null, Duration.ofMinutes(targetMinutes), null, null,
                    warnPercent, calendar.id());
        }

        int warnMinutes() {
            return targetMinutes * warnPercent / 100;
        }

        Instant end() {
            return pauses.isEmpty() ? start : pauses.get(pauses.size() - 1);
        }

        /** The probe instant: somewhere from the start to well past the last event. */
        Instant probe() {
            return start.plus(Duration.ofMinutes(probeMinute % (Duration.between(start, end()).toMinutes() + 3_000)));
        }
    }

    @Property(tries = 250)
    void dueAndWarnAfterPausesMatchTheMinuteStepper(@ForAll("cases") Case c) {
        SlaClock clock = SlaClocks.start(SlaClockKind.FIRST_RESPONSE, c.policy(), Duration.ofMinutes(c.targetMinutes()),
                c.calendar(), c.start());
        clock = applyUpTo(c, clock, c.end());
        assertThat(clock.isPaused()).isFalse();
        Reference ref = new Reference(c, c.end().plus(Duration.ofDays(400)));
        assertThat(clock.dueAt()).isEqualTo(ref.reached(c.targetMinutes()));
        assertThat(clock.warnAt()).isEqualTo(ref.reached(c.warnMinutes()));
    }

    @Property(tries = 250)
    void stateAtAnyInstantMatchesTheMinuteStepper(@ForAll("cases") Case c) {
        Instant probe = c.probe();
        SlaClock clock = SlaClocks.start(SlaClockKind.FIRST_RESPONSE, c.policy(), Duration.ofMinutes(c.targetMinutes()),
                c.calendar(), c.start());
        clock = applyUpTo(c, clock, probe);
        long counted = new Reference(c, probe).counted();
        SlaState expected = counted >= c.targetMinutes() ? SlaState.BREACHED
                : counted >= c.warnMinutes() ? SlaState.WARNING : SlaState.OK;
        assertThat(clock.stateAt(probe)).isEqualTo(expected);
        if (counted < c.targetMinutes()) {
            assertThat(SlaClocks.used(clock, Duration.ofMinutes(c.targetMinutes()), c.calendar(), probe))
                    .isEqualTo(Duration.ofMinutes(counted));
        }
    }

    @Property(tries = 200)
    void stoppingIsMetExactlyWhenTheTargetWasNotExceeded(@ForAll("cases") Case c) {
        Instant probe = c.probe();
        SlaClock clock = SlaClocks.start(SlaClockKind.FIRST_RESPONSE, c.policy(), Duration.ofMinutes(c.targetMinutes()),
                c.calendar(), c.start());
        SlaClock stopped = SlaClocks.stop(applyUpTo(c, clock, probe), c.calendar(), probe);
        Reference ref = new Reference(c, probe);
        Instant due = ref.reached(c.targetMinutes());
        boolean met = due == null || !probe.isAfter(due);
        assertThat(stopped.stateAt(probe.plus(Duration.ofDays(30)))).isEqualTo(met ? SlaState.MET : SlaState.MISSED);
    }

    /** Applies the pause/resume events at or before {@code at}, in order. */
    private static SlaClock applyUpTo(Case c, SlaClock clock, Instant at) {
        for (int i = 0; i < c.pauses().size(); i++) {
            Instant event = c.pauses().get(i);
            if (event.isAfter(at)) {
                break;
            }
            clock = i % 2 == 0 ? SlaClocks.pause(clock, event) : SlaClocks.resume(clock, c.calendar(), event);
        }
        return clock;
    }

    /** Steps minute by minute from the start up to {@code until}. */
    private static final class Reference {
        private final List<Instant> completions = new ArrayList<>();

        Reference(Case c, Instant until) {
            int next = 0;
            boolean paused = false;
            for (Instant t = c.start(); t.isBefore(until) && completions.size() < c.targetMinutes() + 1;
                 t = t.plusSeconds(60)) {
                while (next < c.pauses().size() && !c.pauses().get(next).isAfter(t)) {
                    paused = next % 2 == 0;
                    next++;
                }
                if (!paused && open(c.calendar(), t)) {
                    completions.add(t.plusSeconds(60));
                }
            }
        }

        long counted() {
            return completions.size();
        }

        /** The instant the clock had counted {@code minutes}, or null if not by the end of the stepping. */
        Instant reached(int minutes) {
            if (minutes == 0) {
                return null;
            }
            return completions.size() >= minutes ? completions.get(minutes - 1) : null;
        }
    }

    private static boolean open(BusinessCalendar calendar, Instant minute) {
        if (calendar.alwaysOpen()) {
            return true;
        }
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

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<BusinessCalendar> calendars = Arbitraries.of(Calendars.office(), Calendars.weekdaysOnly(),
                Calendars.nights(), Calendars.extended(), TWENTY_FOUR_SEVEN);
        Arbitrary<Instant> anywhere = Arbitraries.longs().between(0, Duration.between(FROM, TO).toMinutes())
                .map(m -> FROM.plus(Duration.ofMinutes(m)));
        // A third of the starts fall in the two days before a DST change or the December holidays.
        Arbitrary<Instant> critical = Arbitraries.of(
                        ZonedDateTime.of(2026, 3, 27, 12, 0, 0, 0, Calendars.MADRID).toInstant(),
                        ZonedDateTime.of(2026, 10, 23, 12, 0, 0, 0, Calendars.MADRID).toInstant(),
                        ZonedDateTime.of(2026, 12, 4, 12, 0, 0, 0, Calendars.MADRID).toInstant())
                .flatMap(base -> Arbitraries.longs().between(0, 3 * 24 * 60).map(m -> base.plus(Duration.ofMinutes(m))));
        Arbitrary<Instant> starts = Arbitraries.frequencyOf(Tuple.of(2, anywhere), Tuple.of(1, critical));
        // Targets in steps of 20 minutes so every warning share below is a whole number of minutes.
        Arbitrary<Integer> targets = Arbitraries.integers().between(1, 36).map(k -> k * 20);
        Arbitrary<Integer> warns = Arbitraries.of(50, 75, 80, 90);
        Arbitrary<List<Integer>> gaps = Arbitraries.integers().between(0, 1_500).list().ofMaxSize(3)
                .flatMap(firsts -> Arbitraries.integers().between(1, 1_500).list().ofSize(firsts.size())
                        .map(lengths -> interleave(firsts, lengths)));
        Arbitrary<Integer> probes = Arbitraries.integers().between(0, 100_000);
        return Combinators.combine(calendars, starts, targets, warns, gaps, probes)
                .as((cal, start, target, warn, g, probe) -> new Case(cal, start, target, warn, instants(start, g), probe));
    }

    private static List<Integer> interleave(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i));
            out.add(b.get(i));
        }
        return out;
    }

    /** Pause, resume, pause, resume… each after the previous by the given minutes. */
    private static List<Instant> instants(Instant start, List<Integer> gaps) {
        List<Instant> out = new ArrayList<>();
        Instant t = start;
        for (int gap : gaps) {
            t = t.plus(Duration.ofMinutes(gap));
            out.add(t);
        }
        return out;
    }
}
