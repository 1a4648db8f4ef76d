package es.faro.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkqueueTest {
    private static Workqueue queue(List<String> brands, List<Channel> channels, List<String> labels,
                                   List<Priority> priorities, List<ConversationStatus> statuses, String assignee) {
        return new Workqueue("q", "Q", brands, channels, labels, priorities, statuses, assignee, null, 1);
    }

    private static Workqueue all() {
        return queue(null, null, null, null, null, null);
    }

    // Samples.conversation(): orange, TWITTER, OPEN, P2, labels averia+fibra, assignee u-ana.
    private final Conversation c = Samples.conversation();

    @Test
    void emptyFiltersMatchEveryActiveConversation() {
        assertThat(all().matches(c, null)).isTrue();
        assertThat(all().matches(c.toBuilder().status(ConversationStatus.NEW).build(), "u-x")).isTrue();
        assertThat(all().matches(c.toBuilder().status(ConversationStatus.PENDING).build(), "u-x")).isTrue();
        assertThat(all().matches(c.toBuilder().status(ConversationStatus.RESOLVED).build(), "u-x")).isFalse();
        assertThat(all().matches(c.toBuilder().status(ConversationStatus.CLOSED).build(), "u-x")).isFalse();
    }

    @Test
    void explicitStatusesReplaceTheDefault() {
        Workqueue resolved = queue(null, null, null, null, List.of(ConversationStatus.RESOLVED), null);
        assertThat(resolved.matches(c, null)).isFalse();
        assertThat(resolved.matches(c.toBuilder().status(ConversationStatus.RESOLVED).build(), null)).isTrue();
    }

    @Test
    void filtersByBrandChannelAndPriority() {
        assertThat(queue(List.of("orange", "jazztel"), null, null, null, null, null).matches(c, null)).isTrue();
        assertThat(queue(List.of("amena"), null, null, null, null, null).matches(c, null)).isFalse();
        assertThat(queue(null, List.of(Channel.TWITTER), null, null, null, null).matches(c, null)).isTrue();
        assertThat(queue(null, List.of(Channel.GOOGLE_PLAY, Channel.APP_STORE), null, null, null, null)
                .matches(c, null)).isFalse();
        assertThat(queue(null, null, null, List.of(Priority.P1, Priority.P2), null, null).matches(c, null)).isTrue();
        assertThat(queue(null, null, null, List.of(Priority.P1), null, null).matches(c, null)).isFalse();
    }

    @Test
    void anyOfTheLabelsIsEnough() {
        assertThat(queue(null, null, List.of("averia"), null, null, null).matches(c, null)).isTrue();
        assertThat(queue(null, null, List.of("tv", "fibra"), null, null, null).matches(c, null)).isTrue();
        assertThat(queue(null, null, List.of("tv"), null, null, null).matches(c, null)).isFalse();
        assertThat(queue(null, null, List.of("averia"), null, null, null)
                .matches(c.toBuilder().labels(List.of()).build(), null)).isFalse();
    }

    @Test
    void assigneeMeUnassignedOrAnAgent() {
        Workqueue mine = queue(null, null, null, null, null, Workqueue.ME);
        assertThat(mine.matches(c, "u-ana")).isTrue();
        assertThat(mine.matches(c, "u-pablo")).isFalse();
        assertThat(mine.matches(c, null)).isFalse();
        assertThat(mine.matches(c.toBuilder().assigneeId(null).build(), null)).isFalse();
        Workqueue unassigned = queue(null, null, null, null, null, Workqueue.UNASSIGNED);
        assertThat(unassigned.matches(c, "u-ana")).isFalse();
        assertThat(unassigned.matches(c.toBuilder().assigneeId(null).build(), "u-ana")).isTrue();
        Workqueue pablos = queue(null, null, null, null, null, "u-pablo");
        assertThat(pablos.matches(c, "u-ana")).isFalse();
        assertThat(pablos.matches(c.toBuilder().assigneeId("u-pablo").build(), "u-ana")).isTrue();
    }

    @Test
    void allFiltersMustHoldTogether() {
        Workqueue urgent = queue(List.of("orange"), List.of(Channel.TWITTER), List.of("averia"),
                List.of(Priority.P1, Priority.P2), null, null);
        assertThat(urgent.matches(c, null)).isTrue();
        assertThat(urgent.matches(c.toBuilder().priority(Priority.P3).build(), null)).isFalse();
        assertThat(urgent.matches(c.toBuilder().labels(List.of("fibra")).build(), null)).isFalse();
    }
}
