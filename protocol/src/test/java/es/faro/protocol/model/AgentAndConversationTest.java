package es.faro.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.Samples;
import es.faro.protocol.sla.SlaState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentAndConversationTest {
    @Test
    void agentsSeeTheirBrandsOnTheirChannelsAndLeadsSeeEverything() {
        Agent ana = new Agent("u-ana", "ana", "Ana", Set.of(Role.AGENT), List.of("orange"), List.of(Channel.TWITTER),
                List.of("es"), 8, null);
        assertThat(ana.presence()).isEqualTo(Presence.OFFLINE);
        assertThat(ana.canSee("orange", Channel.TWITTER)).isTrue();
        assertThat(ana.canSee("orange", Channel.FACEBOOK)).isFalse();
        assertThat(ana.canSee("amena", Channel.TWITTER)).isFalse();
        Agent anyChannel = new Agent("u-p", "p", "P", Set.of(Role.AGENT), List.of("amena"), List.of(), List.of(), 8, null);
        assertThat(anyChannel.canSee("amena", Channel.FORUM)).isTrue();
        for (Role role : List.of(Role.LEAD, Role.ADMIN, Role.ANALYST)) {
            Agent boss = new Agent("u", "u", "U", Set.of(role), List.of(), List.of(), List.of(), 0, Presence.ONLINE);
            assertThat(boss.canSee("simyo", Channel.APP_STORE)).isTrue();
        }
        assertThat(ana.withPresence(Presence.ONLINE).presence()).isEqualTo(Presence.ONLINE);
    }

    @Test
    void conversationLabelsAreSortedAndDeduplicated() {
        Conversation c = Samples.conversation().toBuilder().labels(List.of("tv", "averia", "tv")).build();
        assertThat(c.labels()).containsExactly("averia", "tv");
    }

    @Test
    void theActiveClockIsTheRunningResponseClockElseTheResolutionClock() {
        Conversation c = Samples.conversation();
        assertThat(c.activeClock()).isEqualTo(Samples.runningClock());
        assertThat(c.slaStateAt(Samples.T0.plus(Duration.ofMinutes(95)))).isEqualTo(SlaState.WARNING);
        Conversation answered = c.toBuilder().response(Samples.runningClock().stop(Samples.T0.plusSeconds(60)))
                .resolution(Samples.runningClock()).build();
        assertThat(answered.activeClock()).isEqualTo(Samples.runningClock());
        Conversation done = c.toBuilder().response(Samples.runningClock().stop(Samples.T0.plusSeconds(60)))
                .resolution(Samples.stoppedClock()).build();
        assertThat(done.activeClock()).isNull();
        assertThat(done.slaStateAt(Samples.T0.plus(Duration.ofDays(3)))).isEqualTo(SlaState.MET);
        assertThat(c.toBuilder().response(null).resolution(null).build().slaStateAt(Samples.T0)).isNull();
    }
}
