package es.faro.protocol.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaClockTest {
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant WARN = START.plus(Duration.ofMinutes(90));
    private static final Instant DUE = START.plus(Duration.ofHours(2));
    private final SlaClock clock = new SlaClock(SlaClockKind.FIRST_RESPONSE, START, DUE, WARN, null);

    @Test
    void runningClockGoesOkWarningBreached() {
        assertThat(clock.stateAt(START)).isEqualTo(SlaState.OK);
        assertThat(clock.stateAt(WARN.minusMillis(1))).isEqualTo(SlaState.OK);
        assertThat(clock.stateAt(WARN)).isEqualTo(SlaState.WARNING);
        assertThat(clock.stateAt(DUE.minusMillis(1))).isEqualTo(SlaState.WARNING);
        assertThat(clock.stateAt(DUE)).isEqualTo(SlaState.BREACHED);
        assertThat(clock.stateAt(DUE.plus(Duration.ofDays(1)))).isEqualTo(SlaState.BREACHED);
        assertThat(clock.isRunning()).isTrue();
        assertThat(SlaState.BREACHED.isRunning()).isTrue();
    }

    @Test
    void stoppedClockIsMetOrMissedWhateverTheTime() {
        SlaClock met = clock.stop(WARN.plusSeconds(1));
        assertThat(met.stateAt(DUE.plus(Duration.ofDays(10)))).isEqualTo(SlaState.MET);
        assertThat(clock.stop(DUE).stateAt(DUE)).isEqualTo(SlaState.MET);
        SlaClock missed = clock.stop(DUE.plusSeconds(1));
        assertThat(missed.stateAt(START)).isEqualTo(SlaState.MISSED);
        assertThat(missed.isRunning()).isFalse();
        assertThat(SlaState.MET.isRunning()).isFalse();
        assertThat(SlaState.MISSED.isRunning()).isFalse();
    }

    @Test
    void stoppingTwiceKeepsTheFirstStop() {
        SlaClock once = clock.stop(WARN);
        assertThat(once.stop(DUE.plusSeconds(60))).isEqualTo(once);
    }

    @Test
    void remainingTimeGoesNegativeAfterDue() {
        assertThat(clock.remainingAt(START)).isEqualTo(Duration.ofHours(2));
        assertThat(clock.remainingAt(DUE.plus(Duration.ofMinutes(5)))).isEqualTo(Duration.ofMinutes(-5));
    }

    @Test
    void pausedClockKeepsTheStateItHadWhenPaused() {
        SlaClock pausedOk = new SlaClock(SlaClockKind.FIRST_RESPONSE, START, DUE, WARN, null, START.plusSeconds(60));
        assertThat(pausedOk.isPaused()).isTrue();
        assertThat(pausedOk.isRunning()).isTrue();
        assertThat(pausedOk.stateAt(DUE.plus(Duration.ofDays(3)))).isEqualTo(SlaState.OK);
        SlaClock pausedWarning = new SlaClock(SlaClockKind.FIRST_RESPONSE, START, DUE, WARN, null, WARN);
        assertThat(pausedWarning.stateAt(DUE.plus(Duration.ofDays(3)))).isEqualTo(SlaState.WARNING);
        SlaClock pausedBreached = new SlaClock(SlaClockKind.FIRST_RESPONSE, START, DUE, WARN, null, DUE.plusSeconds(1));
        assertThat(pausedBreached.stateAt(DUE.plus(Duration.ofDays(3)))).isEqualTo(SlaState.BREACHED);
        assertThat(pausedOk.stop(DUE).isPaused()).isFalse();
    }

    @Test
    void pausedClockWritesItsComponentsOnly() {
        SlaClock paused = new SlaClock(SlaClockKind.FIRST_RESPONSE, START, DUE, WARN, null, WARN);
        com.fasterxml.jackson.databind.JsonNode tree = es.faro.protocol.json.Json.tree(paused);
        java.util.List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("kind", "startedAt", "dueAt", "warnAt", "pausedAt");
        assertThat(es.faro.protocol.json.Json.read(es.faro.protocol.json.Json.write(paused), SlaClock.class))
                .isEqualTo(paused);
        // A clock written before pausedAt existed reads as not paused.
        SlaClock old = es.faro.protocol.json.Json.read("{\"kind\":\"FIRST_RESPONSE\",\"startedAt\":\"" + START
                + "\",\"dueAt\":\"" + DUE + "\",\"warnAt\":\"" + WARN + "\"}", SlaClock.class);
        assertThat(old).isEqualTo(clock);
    }
}
