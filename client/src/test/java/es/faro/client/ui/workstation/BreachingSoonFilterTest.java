package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.TestData;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Workqueue;
import java.time.Duration;
import java.time.Instant;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The "breaching soon" toggle keeps only WARNING and BREACHED clocks of the queue, and counts them live. */
class BreachingSoonFilterTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void narrowsTheQueueToClocksInWarningOrBreachedAndFollowsTheClock() {
        ObservableList<Conversation> all = FXCollections.observableArrayList(TestData.conversations(NOW));
        SidebarViewModel sidebar = new SidebarViewModel(TestData.ANA);
        sidebar.setReference(new ReferenceIndex(TestData.reference(), TestData.ANA));
        Workqueue orange = TestData.reference().queues().stream().filter(q -> q.id().equals("orange")).findFirst()
                .orElseThrow();
        sidebar.selectQueue(orange);
        ConversationListViewModel list = new ConversationListViewModel(all, "u-ana", sidebar);
        int orangeRows = list.items().size();

        list.tick(NOW);
        long expected = all.stream().filter(c -> c.brandId().equals("orange"))
                .filter(c -> c.activeClock() != null && !c.activeClock().dueAt().isAfter(NOW.plus(Duration.ofMinutes(30))))
                .count();
        assertThat(list.breachingSoonCountProperty().get()).isEqualTo((int) expected).isPositive();
        assertThat(list.items()).hasSize(orangeRows);

        list.breachingSoonOnlyProperty().set(true);
        assertThat(list.items()).hasSize((int) expected)
                .allMatch(c -> !c.activeClock().dueAt().isAfter(NOW.plus(Duration.ofMinutes(30))));

        // Five hours later every running clock of the queue is past its warn instant.
        Instant later = NOW.plus(Duration.ofHours(5));
        list.tick(later);
        assertThat(list.breachingSoonCountProperty().get()).isGreaterThan((int) expected);
        assertThat(list.items()).allMatch(c -> c.activeClock() != null && !c.activeClock().warnAt().isAfter(later));

        list.breachingSoonOnlyProperty().set(false);
        assertThat(list.items()).hasSize(orangeRows);
    }
}
