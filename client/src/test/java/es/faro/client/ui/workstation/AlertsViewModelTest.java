package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.TestData;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Priority;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each transition notifies once: entering WARNING, and becoming assigned to me; ticks alone repeat nothing. */
class AlertsViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    final ObservableList<Conversation> active = FXCollections.observableArrayList();
    final SimpleBooleanProperty loaded = new SimpleBooleanProperty();
    final SimpleObjectProperty<Conversation> open = new SimpleObjectProperty<>();
    final SimpleObjectProperty<Instant> now = new SimpleObjectProperty<>(NOW);
    AlertsViewModel vm;

    /** Ana's conversation due in {@code dueIn} minutes; TestData puts the warn instant 30 min before due. */
    static Conversation mine(String id, int dueIn) {
        return TestData.conversation(id, "orange", Channel.TWITTER, "Cliente " + id, "@" + id, Priority.P3, "u-ana",
                Duration.ofMinutes(dueIn), NOW, "…");
    }

    @BeforeEach
    void setUp() {
        vm = new AlertsViewModel("u-ana", active, loaded, open, now);
    }

    void at(int minutes) {
        now.set(NOW.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void whatIsTrueAtLoadIsTheBaselineNotNews() {
        active.setAll(mine("c-warn-already", 10), mine("c-ok", 60));
        loaded.set(true);
        at(0);
        at(1);
        assertThat(vm.alerts()).isEmpty();
    }

    @Test
    void enteringWarningNotifiesOnceNotOnEveryTick() {
        active.setAll(mine("c1", 40));
        loaded.set(true);
        at(0);
        at(9);
        assertThat(vm.alerts()).isEmpty();
        at(10); // warn instant: due in 30
        at(11);
        at(12);
        assertThat(vm.alerts()).extracting(Alert::kind, a -> a.conversation().id())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Alert.Kind.WARNING, "c1"));
        at(45); // breached: not a warning again
        assertThat(vm.alerts()).hasSize(1);
    }

    @Test
    void aNewClockMayWarnAgainButAPausedOneDoesNot() {
        Conversation c = mine("c1", 40);
        active.setAll(c);
        loaded.set(true);
        at(1);
        at(10);
        assertThat(vm.alerts()).hasSize(1);
        // The agent answered; the customer wrote again: a next-response clock, warning at +70.
        Conversation next = c.toBuilder().response(new SlaClock(SlaClockKind.NEXT_RESPONSE, NOW.plus(Duration.ofMinutes(20)),
                NOW.plus(Duration.ofMinutes(100)), NOW.plus(Duration.ofMinutes(70)), null)).build();
        active.set(0, next);
        at(69);
        assertThat(vm.alerts()).hasSize(1);
        at(70);
        assertThat(vm.alerts()).hasSize(2);

        Conversation pending = mine("c2", 130).toBuilder().status(ConversationStatus.PENDING).updatedAt(NOW).build();
        active.add(pending);
        at(110); // c2 would be past its warn instant, but its clock is paused
        assertThat(vm.alerts()).extracting(Alert::kind)
                .containsExactly(Alert.Kind.WARNING, Alert.Kind.WARNING, Alert.Kind.ASSIGNED);
    }

    @Test
    void beingAssignedNotifiesOnceUnlessIClaimedTheOpenConversation() {
        Conversation unassigned = mine("c1", 120).toBuilder().assigneeId(null).build();
        Conversation other = mine("c2", 120).toBuilder().assigneeId(null).build();
        active.setAll(unassigned, other);
        loaded.set(true);

        active.set(0, unassigned.toBuilder().assigneeId("u-ana").version(2).build());
        active.set(0, unassigned.toBuilder().assigneeId("u-ana").labels(java.util.List.of("fibra")).version(3).build());
        assertThat(vm.alerts()).extracting(Alert::kind).containsExactly(Alert.Kind.ASSIGNED);

        open.set(other);
        active.set(1, other.toBuilder().assigneeId("u-ana").version(2).build());
        assertThat(vm.alerts()).hasSize(1);

        // Taken away and given back: news again.
        active.set(0, unassigned.toBuilder().assigneeId("u-pablo").version(4).build());
        active.set(0, unassigned.toBuilder().assigneeId("u-ana").version(5).build());
        assertThat(vm.alerts()).hasSize(2);
    }
}
