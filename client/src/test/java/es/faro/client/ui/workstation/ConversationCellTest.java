package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.TestData;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A row's countdown follows the one shared clock: text and ok → warning → breached colouring. */
@ExtendWith(ApplicationExtension.class)
class ConversationCellTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock time = new ManualClock();
    private SharedClock clock;

    @Start
    void start(Stage stage) {
        clock = new SharedClock(time);
        Conversation c = TestData.conversation("c1", "orange", Channel.TWITTER, "Elena Ruiz", "@elenaruiz_",
                Priority.P2, null, Duration.ofMinutes(45), T0, "¿Cuándo llega la portabilidad?", "portabilidad");
        ReferenceIndex ref = new ReferenceIndex(TestData.reference(), TestData.ANA);
        ListView<Conversation> list = new ListView<>(FXCollections.observableArrayList(c));
        list.setFixedCellSize(ConversationCell.HEIGHT);
        list.setCellFactory(l -> new ConversationCell(() -> ref, new I18n(), clock));
        Scene scene = new Scene(list, 600, 300);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void advanceTo(Duration sinceStart) throws Exception {
        time.now = T0.plus(sinceStart);
        WaitForAsyncUtils.asyncFx(clock::tick).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void countdownTicksWithTheSharedClockAndChangesColour(FxRobot robot) throws Exception {
        Label sla = robot.lookup(".conversation-cell .sla").queryAs(Label.class);
        assertThat(sla.getText()).isEqualTo("45 min");
        assertThat(sla.getStyleClass()).contains("sla-ok");

        advanceTo(Duration.ofMinutes(20));
        assertThat(sla.getText()).isEqualTo("25 min");
        assertThat(sla.getStyleClass()).contains("sla-warning").doesNotContain("sla-ok");

        advanceTo(Duration.ofMinutes(57));
        assertThat(sla.getText()).isEqualTo("-12 min");
        assertThat(sla.getStyleClass()).contains("sla-breached").doesNotContain("sla-warning");

        assertThat(robot.lookup(".conversation-cell .tag").queryAs(Label.class).getText()).isEqualTo("Portabilidad");
        assertThat(robot.lookup(".conversation-cell .priority-badge").queryAs(Label.class).getText()).isEqualTo("P2");
    }
}
