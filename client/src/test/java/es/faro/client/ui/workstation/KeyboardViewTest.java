package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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

/** The keyboard layer on the real workstation over a temp cache: Ctrl+K palette, ? cheat sheet, e and n. */
@ExtendWith(ApplicationExtension.class)
class KeyboardViewTest {
    private Path dir;
    private WorkstationFixture fx;
    private FxTaskRunner tasks;
    private SharedClock clock;
    private WorkstationView view;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("faro-ui-keys");
        tasks = new FxTaskRunner(2);
        fx = new WorkstationFixture(dir, Instant.now(), tasks);
        clock = new SharedClock();
        clock.start();
        view = new WorkstationView(fx.vm, clock, new I18n());
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
    void ctrlKPaletteSwitchesQueue(FxRobot robot) throws Exception {
        waitFor(() -> fx.vm.loadedProperty().get());
        robot.clickOn("Sin asignar");
        waitFor(() -> fx.vm.sidebar().selectedQueueProperty().get() != null
                && fx.vm.sidebar().selectedQueueProperty().get().id().equals("unassigned"));
        robot.interact(() -> view.conversationList().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#palette-field").tryQuery().map(Node::isVisible).orElse(false));
        waitFor(() -> robot.lookup("#palette-field").queryAs(javafx.scene.control.TextField.class).isFocused());
        robot.write("jazztel");
        ListView<?> results = robot.lookup("#palette-list").queryListView();
        waitFor(() -> !results.getItems().isEmpty());
        assertThat(results.getItems().get(0).toString()).contains("Jazztel").contains("QUEUE");
        robot.type(KeyCode.ENTER);
        waitFor(() -> "jazztel".equals(fx.vm.sidebar().selectedQueueProperty().get().id()));
        assertThat(view.keyboard().palette().isShowing()).isFalse();
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(() -> !list.getItems().isEmpty());
        assertThat(list.getItems()).allMatch(c -> c.brandId().equals("jazztel"));
    }

    @Test
    void questionMarkShowsTheCheatSheetAndTooltipsShowShortcuts(FxRobot robot) throws Exception {
        waitFor(() -> fx.vm.loadedProperty().get());
        robot.interact(() -> view.conversationList().requestFocus());
        robot.write("?");
        waitFor(() -> robot.lookup("#cheat-sheet").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("Paleta de comandos").tryQuery()).isPresent();
        assertThat(robot.lookup("Resolver la conversación").tryQuery()).isPresent();
        assertThat(robot.lookup("Ctrl+K").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !view.keyboard().cheatSheet().isShowing());
        robot.clickOn("Sin asignar");
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(() -> list.getItems().size() == 7);
        robot.clickOn("Elena Ruiz");
        waitFor(() -> "c-tw".equals(fx.vm.thread().openId()));
        waitFor(() -> robot.lookup("#claim-button").queryAs(Button.class).getTooltip() != null);
        assertThat(robot.lookup("#claim-button").queryAs(Button.class).getTooltip().getText())
                .isEqualTo("Asignarme la conversación (C)");
        assertThat(robot.lookup("#send-button").queryAs(Button.class).getTooltip().getText())
                .isEqualTo("Enviar (Ctrl+Enter)");
    }

    @Test
    void nWritesANoteAndEResolvesOnlyOutsideTextFields(FxRobot robot) throws Exception {
        waitFor(() -> fx.vm.loadedProperty().get());
        robot.clickOn("Sin asignar");
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(() -> list.getItems().size() == 7);
        robot.interact(list::requestFocus);
        robot.type(KeyCode.J).type(KeyCode.ENTER);
        waitFor(() -> fx.vm.thread().openId() != null);
        String opened = fx.vm.thread().openId();
        robot.interact(list::requestFocus);
        robot.type(KeyCode.N);
        TextArea composer = robot.lookup("#composer-text").queryAs(TextArea.class);
        waitFor(composer::isFocused);
        assertThat(fx.vm.thread().composer().modeProperty().get()).isEqualTo(ComposerMode.NOTE);
        robot.write("e");
        assertThat(composer.getText()).as("the n that opened the note is not typed; e in a field is text")
                .isEqualTo("e");
        assertThat(fx.vm.thread().conversationProperty().get().status()).isNotEqualTo(ConversationStatus.RESOLVED);
        robot.type(KeyCode.ESCAPE);
        waitFor(list::isFocused);
        robot.type(KeyCode.E);
        waitFor(() -> fx.cache.conversation(opened).map(c -> c.status() == ConversationStatus.RESOLVED).orElse(false));
    }

    @Test
    void rMovesToTheReplyBoxWithoutTypingItsLetter(FxRobot robot) throws Exception {
        waitFor(() -> fx.vm.loadedProperty().get());
        robot.clickOn("Sin asignar");
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(() -> list.getItems().size() == 7);
        robot.interact(list::requestFocus);
        robot.type(KeyCode.J).type(KeyCode.ENTER);
        waitFor(() -> fx.vm.thread().openId() != null);
        robot.interact(list::requestFocus);
        robot.type(KeyCode.R);
        TextArea composer = robot.lookup("#composer-text").queryAs(TextArea.class);
        waitFor(composer::isFocused);
        robot.write("ok");
        assertThat(composer.getText()).as("the r that moved to the reply box is not typed into it").isEqualTo("ok");
    }
}
