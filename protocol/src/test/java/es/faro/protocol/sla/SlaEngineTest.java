package es.faro.protocol.sla;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conversation-level rules: which clock starts, pauses, resumes and stops on each event. */
class SlaEngineTest {
    private static final SlaPolicy SOCIAL = new SlaPolicy("social", "social", null, List.of(Channel.TWITTER),
            List.of(Priority.P3), Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofHours(8), 75, "office");
    private static final SlaPolicy URGENT = new SlaPolicy("urgent", "urgent", null, null, List.of(Priority.P1),
            Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(2), 75, "office");
    private final SlaEngine engine = new SlaEngine(new SlaCalculator(List.of(URGENT, SOCIAL),
            Map.of("office", Calendars.office())));

    private static Instant madrid(String local) {
        return LocalDateTime.parse(local).atZone(Calendars.MADRID).toInstant();
    }

    private Conversation conversation(Instant at) {
        SlaClock response = engine.policies().start(SlaClockKind.FIRST_RESPONSE, "orange", Channel.TWITTER,
                Priority.P3, at).orElseThrow();
        SlaClock resolution = engine.policies().start(SlaClockKind.RESOLUTION, "orange", Channel.TWITTER,
                Priority.P3, at).orElseThrow();
        return new Conversation("c-1", "orange", Channel.TWITTER, "cu-1", "Laura", "@laura", ConversationStatus.NEW,
                Priority.P3, List.of(), null, null, "es", "Hola", MessageKind.IN, 1, at, at, at, response, resolution, 1);
    }

    @Test
    void customerMessagesStartFirstThenNextResponseClocks() {
        Instant t0 = madrid("2026-11-24T10:00");
        Conversation conv = conversation(t0);
        assertThat(engine.onCustomerMessage(conv, t0.plusSeconds(60))).isEqualTo(conv.response());
        SlaClock answered = engine.onReply(conv, t0.plusSeconds(600));
        assertThat(answered.stateAt(t0)).isEqualTo(SlaState.MET);
        Conversation replied = conv.toBuilder().response(answered).build();
        SlaClock next = engine.onCustomerMessage(replied, madrid("2026-11-24T13:50"));
        assertThat(next.kind()).isEqualTo(SlaClockKind.NEXT_RESPONSE);
        // 30 min of business time: 10 before the lunch break, 20 after it.
        assertThat(next.dueAt()).isEqualTo(madrid("2026-11-24T16:20"));
        Conversation fresh = conv.toBuilder().response(null).build();
        assertThat(engine.onCustomerMessage(fresh, t0).kind()).isEqualTo(SlaClockKind.FIRST_RESPONSE);
    }

    @Test
    void pendingPausesBothClocksAndResumingKeepsTheBusinessTimeLeft() {
        Conversation conv = conversation(madrid("2026-11-24T10:00"));
        Conversation paused = engine.pause(conv, madrid("2026-11-24T10:20"));
        assertThat(paused.response().isPaused()).isTrue();
        assertThat(paused.resolution().isPaused()).isTrue();
        assertThat(paused.slaStateAt(madrid("2026-11-25T10:00"))).isEqualTo(SlaState.OK);
        Conversation resumed = engine.resume(paused, madrid("2026-11-25T09:00"));
        assertThat(resumed.response().isPaused()).isFalse();
        assertThat(resumed.response().dueAt()).isEqualTo(madrid("2026-11-25T09:40"));
        // A reply while pending is a response: met.
        assertThat(engine.onReply(paused, madrid("2026-11-26T12:00")).stateAt(madrid("2026-11-26T12:00")))
                .isEqualTo(SlaState.MET);
    }

    @Test
    void resolvingStopsEveryRunningClock() {
        Conversation conv = conversation(madrid("2026-11-24T10:00"));
        Conversation resolved = engine.onResolved(conv, madrid("2026-11-24T12:00"));
        assertThat(resolved.response().stateAt(madrid("2026-11-24T12:00"))).isEqualTo(SlaState.MISSED);
        assertThat(resolved.resolution().stateAt(madrid("2026-11-24T12:00"))).isEqualTo(SlaState.MET);
        assertThat(resolved.activeClock()).isNull();
    }

    @Test
    void aNewPriorityAppliesItsTargetToTheBusinessTimeUsedAndKeepsAPause() {
        Conversation conv = conversation(madrid("2026-11-24T10:00"));
        SlaClock urgent = engine.reprioritized(conv, conv.response(), Priority.P1, madrid("2026-11-24T10:00"));
        assertThat(urgent.dueAt()).isEqualTo(madrid("2026-11-24T10:15"));
        Conversation paused = engine.pause(conv, madrid("2026-11-24T10:05"));
        SlaClock pausedUrgent = engine.reprioritized(paused, paused.response(), Priority.P1, madrid("2026-11-24T10:30"));
        assertThat(pausedUrgent.pausedAt()).isEqualTo(madrid("2026-11-24T10:05"));
        assertThat(pausedUrgent.dueAt()).isEqualTo(madrid("2026-11-24T10:15"));
        assertThat(pausedUrgent.stateAt(madrid("2026-11-24T10:30"))).isEqualTo(SlaState.OK);
        // Resumed at 11:00 under the new priority: the 10 minutes left run from then.
        Conversation resumed = engine.resume(paused.toBuilder().priority(Priority.P1).response(pausedUrgent).build(),
                madrid("2026-11-24T11:00"));
        assertThat(resumed.response().dueAt()).isEqualTo(madrid("2026-11-24T11:10"));
        assertThat(engine.calendarOf(conv).id()).isEqualTo("office");
        assertThat(engine.targetOf(conv, SlaClockKind.NEXT_RESPONSE)).contains(Duration.ofMinutes(30));
    }

    /** A pause that already ended is not counted against the new target (it was, when clocks restarted from their start). */
    @Test
    void aNewPriorityAfterAPauseDoesNotCountThePause() {
        // 09:00 first message (1 h), 09:10–12:00 pending, 12:02 raised to P1 (15 min): 12 minutes used, 3 left.
        Conversation conv = conversation(madrid("2026-11-24T09:00"));
        Conversation back = engine.resume(engine.pause(conv, madrid("2026-11-24T09:10")), madrid("2026-11-24T12:00"));
        assertThat(back.response().dueAt()).isEqualTo(madrid("2026-11-24T12:50"));
        SlaClock urgent = engine.reprioritized(back, back.response(), Priority.P1, madrid("2026-11-24T12:02"));
        assertThat(urgent.dueAt()).isEqualTo(madrid("2026-11-24T12:05"));
        assertThat(urgent.startedAt()).isEqualTo(madrid("2026-11-24T09:00"));
        // Its warning share (11 min 15 s) was already used up: in WARNING now, due at 12:05.
        assertThat(urgent.stateAt(madrid("2026-11-24T12:03"))).isEqualTo(SlaState.WARNING);
        assertThat(urgent.stateAt(madrid("2026-11-24T12:05"))).isEqualTo(SlaState.BREACHED);
        // Raised at 12:20 instead: 30 minutes used, more than 15: breached, due where it was from the start.
        SlaClock late = engine.reprioritized(back, back.response(), Priority.P1, madrid("2026-11-24T12:20"));
        assertThat(late.dueAt()).isEqualTo(madrid("2026-11-24T09:15"));
        assertThat(late.stateAt(madrid("2026-11-24T12:20"))).isEqualTo(SlaState.BREACHED);
        // And back down to P3 from the urgent clock: 12 minutes used of the hour, 48 left from 12:02.
        Conversation raised = back.toBuilder().priority(Priority.P1).response(urgent).build();
        SlaClock calmer = engine.reprioritized(raised, urgent, Priority.P3, madrid("2026-11-24T12:02"));
        assertThat(calmer.dueAt()).isEqualTo(madrid("2026-11-24T12:50"));
    }
}
