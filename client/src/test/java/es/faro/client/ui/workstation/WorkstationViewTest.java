package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.cache.ThreadMessage;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.protocol.model.Conversation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole workstation over a real temp cache: pick a queue, open a conversation, reply with Ctrl+Enter. */
@ExtendWith(ApplicationExtension.class)
class WorkstationViewTest {
    private Path dir;
    private WorkstationFixture fx;
    private FxTaskRunner tasks;
    private SharedClock clock;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("faro-ui-view");
        tasks = new FxTaskRunner(2);
        fx = new WorkstationFixture(dir, Instant.now(), tasks);
        clock = new SharedClock();
        clock.start();
        WorkstationView view = new WorkstationView(fx.vm, clock, new I18n());
        // Monocle's headless screen is 1280x800: a larger window overflows its framebuffer.
        Scene scene = new Scene(view.root(), 1200, 760);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        fx.vm.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(clock::stop).get();
        fx.close();
        tasks.close();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @Test
    void replyingWithCtrlEnterShowsThePendingMessageInTheThread(FxRobot robot) throws Exception {
        waitFor(() -> fx.vm.loadedProperty().get());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();

        robot.clickOn("Sin asignar");
        waitFor(() -> list.getItems().size() == 7);
        assertThat(list.getItems().get(0).id()).isEqualTo("c-breached");

        robot.clickOn("Elena Ruiz");
        waitFor(() -> "c-tw".equals(fx.vm.thread().openId()));
        ListView<ThreadMessage> thread = robot.lookup("#thread-messages").queryListView();
        waitFor(() -> thread.getItems().size() == 1);

        robot.clickOn("#composer-text");
        robot.write("Hola Elena, ya lo estamos mirando.");
        Label counter = robot.lookup("#composer-counter").queryAs(Label.class);
        assertThat(counter.getText()).isEqualTo("34 / 280");
        assertThat(robot.lookup("#send-button").queryAs(Button.class).isDisabled()).isFalse();

        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);

        waitFor(() -> thread.getItems().size() == 2 && thread.getItems().get(1).pending());
        waitFor(() -> robot.lookup("#composer-text").queryAs(TextArea.class).getText().isEmpty());
        waitFor(() -> robot.lookup(".delivery-pending").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup(".delivery-pending").queryAs(Label.class).getText()).isEqualTo("Pendiente de envío");
        assertThat(robot.lookup("Hola Elena, ya lo estamos mirando.").tryQuery()).isPresent();
    }

    @Test
    void keyboardMovesWithJAndKAndOpensWithEnter(FxRobot robot) throws Exception {
        waitFor(() -> fx.vm.loadedProperty().get());
        robot.clickOn("Sin asignar");
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(() -> list.getItems().size() == 7);
        robot.interact(list::requestFocus);
        robot.type(KeyCode.J).type(KeyCode.J).type(KeyCode.K).type(KeyCode.J);
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo("c-warn");
        robot.type(KeyCode.ENTER);
        waitFor(() -> "c-warn".equals(fx.vm.thread().openId()));
        robot.clickOn("#claim-button");
        waitFor(() -> robot.lookup("#claim-button").queryAs(Button.class).isDisabled());
        assertThat(fx.vm.thread().conversationProperty().get().assigneeId()).isEqualTo("u-ana");
    }
}
