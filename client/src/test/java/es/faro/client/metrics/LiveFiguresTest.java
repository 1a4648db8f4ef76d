package es.faro.client.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.TestData;
import es.faro.protocol.metrics.AgentLoad;
import es.faro.protocol.metrics.Breakdown;
import es.faro.protocol.metrics.LiveMetrics;
import es.faro.protocol.metrics.ServiceLevel;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Priority;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed fixtures for the lead's live figures. "Now" is 11:00 in Madrid (10:00 UTC), so
 * today in Madrid began at 23:00 UTC the day before: a first response stopped at 22:59:59 UTC
 * belongs to yesterday, one stopped at 23:00:00 UTC to today.
 */
class LiveFiguresTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant DAY_START = Instant.parse("2026-11-25T23:00:00Z");

    LiveFigures figures;

    @BeforeEach
    void setUp() {
        figures = new LiveFigures();
        figures.reference(TestData.reference());
    }

    static Conversation conv(String id, ConversationStatus status, String brand, Channel channel, String queue,
                             String assignee, SlaClock response, SlaClock resolution, Instant updatedAt) {
        Instant created = NOW.minus(Duration.ofHours(6));
        return new Conversation(id, brand, channel, "cust-" + id, "Cliente " + id, "@" + id, status, Priority.P3,
                List.of(), queue, assignee, "es", "…", MessageKind.IN, 1, created, updatedAt, created, response,
                resolution, 1);
    }

    static SlaClock first(Instant started, Instant due, Instant stopped) {
        return new SlaClock(SlaClockKind.FIRST_RESPONSE, started, due, due.minus(Duration.ofMinutes(30)), stopped);
    }

    static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    static Instant in(int minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    /** The floor described in the class comment of each line. */
    List<Conversation> floor() {
        return List.of(
                // OK, in the backlog, Ana's.
                conv("c1", ConversationStatus.OPEN, "orange", Channel.TWITTER, "q-orange", "u-ana",
                        first(ago(60), in(60), null), null, ago(60)),
                // WARNING (warn 10 min ago, due in 20), Ana's.
                conv("c2", ConversationStatus.OPEN, "orange", Channel.TWITTER, "q-orange", "u-ana",
                        first(ago(100), in(20), null), null, ago(100)),
                // BREACHED 5 min ago and waiting for 3 h: the oldest, counts as breached in the service level.
                conv("c3", ConversationStatus.NEW, "jazztel", Channel.FACEBOOK, "q-jazztel", "u-pablo",
                        first(ago(180), ago(5), null), null, ago(180)),
                // MET today at 08:00 UTC, resolved.
                conv("c4", ConversationStatus.RESOLVED, "orange", Channel.FACEBOOK, "q-orange", null,
                        first(ago(200), ago(60), ago(120)), null, ago(100)),
                // MISSED (answered 30 min ago, 10 min late); still open on its resolution clock (OK).
                conv("c5", ConversationStatus.OPEN, "jazztel", Channel.FACEBOOK, "q-jazztel", null,
                        first(ago(200), ago(40), ago(30)),
                        new SlaClock(SlaClockKind.RESOLUTION, ago(200), in(600), in(500), null), ago(30)),
                // MET at 23:59:59 yesterday in Madrid: not today.
                conv("c6", ConversationStatus.RESOLVED, "orange", Channel.TWITTER, null, null,
                        first(Instant.parse("2026-11-25T22:00:00Z"), Instant.parse("2026-11-26T01:00:00Z"),
                                Instant.parse("2026-11-25T22:59:59Z")), null, ago(300)),
                // MISSED at 00:00:00 today in Madrid: today.
                conv("c7", ConversationStatus.RESOLVED, "orange", Channel.TWITTER, null, null,
                        first(Instant.parse("2026-11-25T20:00:00Z"), Instant.parse("2026-11-25T22:00:00Z"),
                                DAY_START), null, ago(300)),
                // PENDING since 2 h ago, due 1 h ago: paused before its due instant, so neither breached nor backlog.
                conv("c8", ConversationStatus.PENDING, "amena", Channel.INSTAGRAM, null, "u-ana",
                        first(ago(200), ago(60), null), null, ago(120)),
                // PENDING since 2 h ago, already past due 3 h ago when it paused: breached in the service level.
                conv("c9", ConversationStatus.PENDING, "amena", Channel.INSTAGRAM, null, null,
                        first(ago(400), ago(180), null), null, ago(120)),
                // Resolved without a reply: its first-response clock was abandoned, not counted.
                conv("c10", ConversationStatus.RESOLVED, "amena", Channel.INSTAGRAM, null, null,
                        first(ago(400), ago(180), null), null, ago(60)));
    }

    @Test
    void countsServiceLevelBacklogAndClocksPerDesign() {
        figures.replaceAll(floor());
        LiveMetrics m = figures.snapshot(NOW).metrics();

        // met c4 · missed c5, c7 · breached c3, c9 → 1 / 5
        assertThat(m.serviceLevel()).isEqualTo(ServiceLevel.of(1, 2, 2));
        assertThat(m.serviceLevel().ratio()).isEqualTo(0.2);
        assertThat(m.backlog()).isEqualTo(4); // c1, c2, c3, c5
        assertThat(m.warning()).isEqualTo(1); // c2
        assertThat(m.breached()).isEqualTo(1); // c3 (c9 is paused, c10 resolved)
        assertThat(m.oldestWaitingSince()).isEqualTo(ago(180)); // c3; c5's response clock stopped
        assertThat(m.csat().ratio()).isNull();
        assertThat(figures.snapshot(NOW).atRisk()).extracting(Conversation::id).containsExactly("c2");
        assertThat(figures.snapshot(NOW).dayStart()).isEqualTo(DAY_START);
    }

    @Test
    void breaksDownByBrandAndChannelQueueAndAgent() {
        figures.replaceAll(floor());
        LiveMetrics m = figures.snapshot(NOW).metrics();

        assertThat(m.byBrandChannel()).containsExactly(
                new Breakdown("amena", Channel.INSTAGRAM, null, null, 0, 0, 0, ServiceLevel.of(0, 0, 1)),
                new Breakdown("jazztel", Channel.FACEBOOK, null, null, 2, 0, 1, ServiceLevel.of(0, 1, 1)),
                new Breakdown("orange", Channel.FACEBOOK, null, null, 0, 0, 0, ServiceLevel.of(1, 0, 0)),
                new Breakdown("orange", Channel.TWITTER, null, null, 2, 1, 0, ServiceLevel.of(0, 1, 0)));
        assertThat(m.byQueue()).containsExactly(
                new Breakdown(null, null, "q-jazztel", null, 2, 0, 1, ServiceLevel.of(0, 1, 1)),
                new Breakdown(null, null, "q-orange", null, 2, 1, 0, ServiceLevel.of(1, 0, 0)));
        assertThat(m.byAgent()).containsExactly(
                new Breakdown(null, null, null, "u-ana", 2, 1, 0, ServiceLevel.of(0, 0, 0)),
                new Breakdown(null, null, null, "u-pablo", 1, 0, 1, ServiceLevel.of(0, 0, 1)));
        assertThat(m.agents()).containsExactly(
                new AgentLoad("u-ana", "Ana García", Presence.ONLINE, 3, 8), // c1, c2 and the pending c8
                new AgentLoad("u-pablo", "Pablo Ruiz", Presence.AWAY, 1, 8));
        assertThat(figures.snapshot(NOW).agentsOnline()).isEqualTo(1);
        assertThat(figures.snapshot(NOW).agentsAway()).isEqualTo(1);
    }

    @Test
    void clocksCrossTheirInstantsWithTimeAlone() {
        figures.replaceAll(floor());
        LiveMetrics later = figures.snapshot(in(30)).metrics();
        // c1 warns at +30; c2 breaches at +20.
        assertThat(later.warning()).isEqualTo(1);
        assertThat(later.breached()).isEqualTo(2);
        assertThat(later.serviceLevel()).isEqualTo(ServiceLevel.of(1, 2, 3));
    }

    @Test
    void theDayRollsOverAtMidnightInMadrid() {
        figures.replaceAll(floor());
        // 23:00 UTC is midnight in Madrid on the 27th: yesterday's met and missed leave the window.
        ServiceLevel tomorrow = figures.snapshot(Instant.parse("2026-11-26T23:00:00Z")).metrics().serviceLevel();
        assertThat(tomorrow.met()).isZero();
        assertThat(tomorrow.missed()).isZero();
        // Still-running breached clocks stay breached: c1, c2, c3 (and c9 paused past due).
        assertThat(tomorrow.breached()).isEqualTo(4);
    }

    @Test
    void changesApplyByIdAndAFirstResponseOutcomeSurvivesANextResponseClock() {
        figures.replaceAll(floor());
        Conversation c1 = floor().get(0);
        // Ana answers c1 in time...
        Conversation answered = c1.toBuilder().response(c1.response().stop(ago(1))).updatedAt(ago(1)).build();
        figures.apply(Set.of("c1"), List.of(answered));
        assertThat(figures.snapshot(NOW).metrics().serviceLevel()).isEqualTo(ServiceLevel.of(2, 2, 2));
        // ...then the customer writes again: the wire record now carries a NEXT_RESPONSE clock only.
        Conversation followUp = answered.toBuilder()
                .response(new SlaClock(SlaClockKind.NEXT_RESPONSE, NOW, in(120), in(90), null)).updatedAt(NOW).build();
        figures.apply(Set.of("c1"), List.of(followUp));
        LiveMetrics m = figures.snapshot(NOW).metrics();
        assertThat(m.serviceLevel()).isEqualTo(ServiceLevel.of(2, 2, 2));
        assertThat(m.backlog()).isEqualTo(4);
        // A dashboard opened only now, that never saw the answered state, counts it the same:
        // the wire record carries the first-response clock next to the next-response one.
        assertThat(followUp.firstResponse().stoppedAt()).isEqualTo(ago(1));
        LiveFigures openedLater = new LiveFigures();
        List<Conversation> later = new java.util.ArrayList<>(floor());
        later.set(0, followUp);
        openedLater.replaceAll(later);
        assertThat(openedLater.snapshot(NOW).metrics().serviceLevel()).isEqualTo(ServiceLevel.of(2, 2, 2));

        // A removed conversation leaves every figure.
        figures.apply(Set.of("c1", "c3"), List.of(followUp));
        m = figures.snapshot(NOW).metrics();
        assertThat(m.serviceLevel()).isEqualTo(ServiceLevel.of(2, 2, 1));
        assertThat(m.backlog()).isEqualTo(3);
        assertThat(m.breached()).isZero();
        assertThat(m.oldestWaitingSince()).isEqualTo(ago(100));
    }

    @Test
    void noConversationsMeansNoServiceLevelRatherThanAMadeUpOne() {
        LiveMetrics m = figures.snapshot(NOW).metrics();
        assertThat(m.serviceLevel().ratio()).isNull();
        assertThat(m.backlog()).isZero();
        assertThat(m.oldestWaitingSince()).isNull();
    }
}
