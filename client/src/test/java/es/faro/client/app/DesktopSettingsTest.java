package es.faro.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.settings.UserSettings;
import es.faro.client.ui.common.Theme;
import es.faro.client.ui.workstation.QueueEntry;
import es.faro.protocol.model.Conversation;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application in demo mode: switch theme, language and text size live from the settings
 * dialog (Ctrl+,), resize the window, pick a queue and leave a draft; close Faro, start it again on
 * the same folders, and find everything as it was.
 */
class DesktopSettingsTest {
    @TempDir
    Path dir;
    Application app;
    final FxRobot robot = new FxRobot();

    private Application launch() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FxToolkit.registerPrimaryStage();
        return FxToolkit.setupApplication(FaroApp.class, "--data.dir=" + dir, "--demo.port=" + port,
                "--demo.traffic.rate=120");
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        // The theme is application-wide: leave the next test the light one it expects.
        robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet()));
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private Stage mainStage() {
        return (Stage) robot.lookup("#faro-root").query().getScene().getWindow();
    }

    private ListView<Conversation> waitForQueue() throws Exception {
        waitFor(60, () -> robot.lookup("#conversation-list").tryQuery().isPresent());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(60, () -> !list.getItems().isEmpty());
        return list;
    }

    @Test
    void themeLanguageAndSizeSwitchLiveAndEverythingComesBackAfterARestart() throws Exception {
        app = launch();
        ListView<Conversation> list = waitForQueue();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.LIGHT.userAgentStylesheet());
        assertThat(robot.lookup("COLAS").tryQuery()).isPresent();

        // A queue other than the first, and a draft in a conversation.
        ListView<QueueEntry> queues = robot.lookup("#queue-list").queryListView();
        waitFor(30, () -> queues.getItems().stream().skip(1).anyMatch(e -> e.count() > 0));
        QueueEntry chosen = queues.getItems().stream().skip(1).filter(e -> e.count() > 0).findFirst().orElseThrow();
        robot.interact(() -> queues.getSelectionModel().select(chosen));
        waitFor(30, () -> !list.getItems().isEmpty());
        robot.clickOn(robot.from(list).lookup(".list-cell").nth(0).<Node>query());
        waitFor(10, () -> list.getSelectionModel().getSelectedItem() != null);
        String draftFor = list.getSelectionModel().getSelectedItem().id();
        robot.clickOn("#composer-text").write("Borrador a medias");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        // Ctrl+, opens the settings; each change shows at once.
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        waitFor(10, () -> robot.lookup("#settings").tryQuery().isPresent());
        robot.clickOn("#settings-theme-dark");
        waitFor(5, () -> Theme.DARK.userAgentStylesheet().equals(Application.getUserAgentStylesheet()));

        Spinner<Integer> font = robot.lookup("#settings-font-size").queryAs(Spinner.class);
        robot.interact(() -> font.getValueFactory().setValue(18));
        assertThat(robot.lookup("#faro-root").query().getStyle()).contains("-fx-font-size: 18px");

        ComboBox<String> language = robot.lookup("#settings-language").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue("en"));
        waitFor(10, () -> robot.lookup("QUEUES").tryQuery().isPresent());
        assertThat(robot.lookup("COLAS").tryQuery()).isEmpty();
        // The open conversation and its draft survive the rebuild of the screen.
        waitFor(10, () -> robot.lookup("#composer-text").tryQuery().isPresent());
        assertThat(robot.lookup("#composer-text").queryAs(TextArea.class).getText()).isEqualTo("Borrador a medias");
        // The settings dialog reopened in English.
        waitFor(10, () -> robot.lookup("Text size").tryQuery().isPresent());
        robot.interact(() -> robot.listWindows().stream()
                .filter(w -> w != mainStage()).filter(Window::isShowing).toList().forEach(Window::hide));

        robot.interact(() -> {
            Stage stage = mainStage();
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1280);
            stage.setHeight(820);
        });

        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        app = null;
        Path saved = dir.resolve("config").resolve(UserSettings.FILE_NAME);
        assertThat(Files.readString(saved)).contains("theme=dark", "language=en", "font.size=18",
                "window.width=1280", "last.queue=" + chosen.queue().id());
        robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet()));

        app = launch();
        ListView<Conversation> again = waitForQueue();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.DARK.userAgentStylesheet());
        assertThat(robot.lookup("QUEUES").tryQuery()).isPresent();
        assertThat(robot.lookup("#faro-root").query().getStyle()).contains("-fx-font-size: 18px");
        Stage stage = mainStage();
        assertThat(stage.getWidth()).isEqualTo(1280);
        assertThat(stage.getHeight()).isEqualTo(820);
        assertThat(robot.lookup(".pane-header .title-4").queryLabeled().getText()).isEqualTo(chosen.queue().name());

        // The draft was kept in the cache across the restart.
        robot.interact(() -> again.getItems().stream().filter(c -> c.id().equals(draftFor)).findFirst()
                .ifPresent(c -> {
                    again.getSelectionModel().select(c);
                    again.requestFocus();
                }));
        waitFor(10, () -> again.getSelectionModel().getSelectedItem() != null);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitFor(10, () -> "Borrador a medias".equals(robot.lookup("#composer-text").queryAs(TextArea.class).getText()));
    }
}
