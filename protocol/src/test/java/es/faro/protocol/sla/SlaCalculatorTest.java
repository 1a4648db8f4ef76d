package es.faro.protocol.sla;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.Samples;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaCalculatorTest {
    private static final SlaPolicy URGENT = new SlaPolicy("p1", "P1", null, null, List.of(Priority.P1),
            Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(8), 75, "24x7");
    private static final SlaPolicy SOCIAL = new SlaPolicy("social", "Social", null,
            List.of(Channel.TWITTER, Channel.FACEBOOK, Channel.INSTAGRAM), null,
            Duration.ofHours(2), null, Duration.ofDays(1), 75, "madrid-oficina");
    private static final SlaPolicy ORANGE_FORUM = new SlaPolicy("orange-forum", "Foro Orange", List.of("orange"),
            List.of(Channel.FORUM), null, Duration.ofHours(4), Duration.ofHours(8), null, 50, "missing-calendar");
    private static final SlaPolicy CATCH_ALL = new SlaPolicy("general", "General", null, null, null,
            Duration.ofHours(8), Duration.ofHours(8), Duration.ofDays(3), 75, "madrid-oficina");

    private final SlaCalculator sla = new SlaCalculator(List.of(URGENT, SOCIAL, ORANGE_FORUM, CATCH_ALL),
            Map.of("madrid-oficina", Samples.office(), "24x7", BusinessCalendar.twentyFourSeven("24x7")));

    @Test
    void picksTheFirstMatchingPolicyInOrder() {
        assertThat(sla.policyFor("orange", Channel.TWITTER, Priority.P1)).contains(URGENT);
        assertThat(sla.policyFor("orange", Channel.TWITTER, Priority.P3)).contains(SOCIAL);
        assertThat(sla.policyFor("orange", Channel.FORUM, Priority.P3)).contains(ORANGE_FORUM);
        assertThat(sla.policyFor("amena", Channel.FORUM, Priority.P3)).contains(CATCH_ALL);
        assertThat(sla.policyFor("amena", Channel.GOOGLE_PLAY, Priority.P4)).contains(CATCH_ALL);
        assertThat(new SlaCalculator(List.of(SOCIAL), Map.of()).policyFor("amena", Channel.FORUM, Priority.P3)).isEmpty();
    }

    @Test
    void startsClocksOnThePolicysCalendarWithItsWarning() {
        Instant mondayOnePm = BusinessCalendarTest.madrid("2026-11-23T13:00");
        SlaClock clock = sla.start(SlaClockKind.FIRST_RESPONSE, "jazztel", Channel.FACEBOOK, Priority.P3, mondayOnePm)
                .orElseThrow();
        assertThat(clock.kind()).isEqualTo(SlaClockKind.FIRST_RESPONSE);
        assertThat(clock.startedAt()).isEqualTo(mondayOnePm);
        assertThat(clock.dueAt()).isEqualTo(BusinessCalendarTest.madrid("2026-11-23T17:00"));
        // 75 % of 2 h = 90 min: 60 before lunch, 30 after.
        assertThat(clock.warnAt()).isEqualTo(BusinessCalendarTest.madrid("2026-11-23T16:30"));
        assertThat(clock.stoppedAt()).isNull();
        SlaClock urgent = sla.start(SlaClockKind.FIRST_RESPONSE, "jazztel", Channel.FACEBOOK, Priority.P1,
                BusinessCalendarTest.madrid("2026-11-29T03:00")).orElseThrow();
        assertThat(urgent.dueAt()).isEqualTo(BusinessCalendarTest.madrid("2026-11-29T03:30"));
    }

    @Test
    void noClockWhenThePolicyHasNoTargetOfThatKind() {
        Instant t = BusinessCalendarTest.madrid("2026-11-23T10:00");
        assertThat(sla.start(SlaClockKind.NEXT_RESPONSE, "orange", Channel.TWITTER, Priority.P3, t)).isEmpty();
        assertThat(sla.start(SlaClockKind.RESOLUTION, "orange", Channel.TWITTER, Priority.P3, t)).isPresent();
        assertThat(new SlaCalculator(List.of(), Map.of())
                .start(SlaClockKind.FIRST_RESPONSE, "orange", Channel.TWITTER, Priority.P3, t)).isEmpty();
    }

    @Test
    void anUnknownCalendarCountsAroundTheClock() {
        Instant sundayNight = BusinessCalendarTest.madrid("2026-11-29T23:00");
        SlaClock clock = sla.start(SlaClockKind.FIRST_RESPONSE, "orange", Channel.FORUM, Priority.P2, sundayNight)
                .orElseThrow();
        assertThat(clock.dueAt()).isEqualTo(sundayNight.plus(Duration.ofHours(4)));
        assertThat(clock.warnAt()).isEqualTo(sundayNight.plus(Duration.ofHours(2)));
    }
}
