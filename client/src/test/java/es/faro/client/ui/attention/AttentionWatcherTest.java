package es.faro.client.ui.attention;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.TestData;
import es.faro.client.ui.common.Notice;
import es.faro.client.ui.common.NotificationCenter;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.workstation.AlertsViewModel;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The warning count follows the clock; each alert becomes exactly one notice for the agent. */
class AttentionWatcherTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    final ObservableList<Conversation> active = FXCollections.observableArrayList();
    final SimpleBooleanProperty loaded = new SimpleBooleanProperty();
    final SimpleObjectProperty<Instant> now = new SimpleObjectProperty<>(NOW);
    final List<Notice> shown = new ArrayList<>();

    static Conversation mine(String id, int dueInMinutes) {
        return TestData.conversation(id, "orange", Channel.TWITTER, "Cliente " + id, "@" + id, Priority.P3, "u-ana",
                Duration.ofMinutes(dueInMinutes), NOW, "…");
    }

    @Test
    void countsMyWarningsAndTurnsEachAlertIntoOneNotice() {
        SameThreadTaskRunner ui = new SameThreadTaskRunner();
        NotificationCenter notices = new NotificationCenter(ui);
        notices.addListener(shown::add);
        AlertsViewModel alerts = new AlertsViewModel("u-ana", active, loaded, new SimpleObjectProperty<>(), now);
        AttentionWatcher watcher = new AttentionWatcher(active, "u-ana", now, alerts, notices);

        active.setAll(mine("c1", 40), mine("c2", 120), mine("other", 10).toBuilder().assigneeId("u-pablo").build());
        loaded.set(true);
        now.set(NOW.plusSeconds(1));
        watcher.recount(now.get());
        assertThat(watcher.warningCountProperty().get()).isZero();

        now.set(NOW.plus(Duration.ofMinutes(10))); // c1 crosses its warn instant (30 min before due)
        watcher.recount(now.get());
        now.set(NOW.plus(Duration.ofMinutes(11)));
        watcher.recount(now.get());
        ui.drain();
        assertThat(watcher.warningCountProperty().get()).isEqualTo(1);
        assertThat(shown).singleElement().satisfies(n -> {
            assertThat(n.level()).isEqualTo(Notice.Level.WARNING);
            assertThat(n.title().key()).isEqualTo("notice.warning");
        });

        watcher.close();
        now.set(NOW.plus(Duration.ofMinutes(95)));
        ui.drain();
        assertThat(shown).hasSize(1);
    }
}
