package es.faro.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.support.LiveServer;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Offline work, headless, against a real server on 127.0.0.1: the server stops, the offline banner
 * says since when and how many changes wait, a reply written meanwhile shows as pending in the
 * thread, the server comes back on its port, the reply is delivered exactly once and the banner goes.
 */
class OfflineWorkTest {
    @TempDir
    Path dir;
    LiveServer server;
    Application app;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void launch() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        server.tweet(server.twitterAccountOf("orange"), "7301", "Irene Sáez", "Mi fibra va lentísima desde ayer");
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(FaroApp.class, "--data.dir=" + dir.resolve("client"),
                "--server.url=" + server.uri(), "--language=es");
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        server.close();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private Message banner() {
        return robot.lookup("#offline-banner").queryAs(Message.class);
    }

    @Test
    void aReplyWrittenOfflineWaitsAsPendingAndIsDeliveredOnceWhenTheServerIsBack() throws Exception {
        waitFor(20, () -> robot.lookup("#login-username").tryQuery().isPresent());
        robot.clickOn("#login-username").write("ana");
        robot.clickOn("#login-password").write("faro-demo");
        robot.clickOn("#login-submit");
        waitFor(30, () -> robot.lookup("Irene Sáez").tryQuery().isPresent());
        assertThat(banner().isVisible()).isFalse();

        robot.clickOn("Irene Sáez");
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(10, () -> list.getSelectionModel().getSelectedItem() != null);
        Conversation opened = list.getSelectionModel().getSelectedItem();
        ListView<ThreadMessage> thread = robot.lookup("#thread-messages").queryListView();
        waitFor(10, () -> !thread.getItems().isEmpty());

        int port = server.uri().getPort();
        server.stop();
        waitFor(30, () -> banner().isVisible() && banner().getDescription().startsWith("Sin conexión desde "));
        assertThat(banner().getDescription()).matches("Sin conexión desde \\d\\d:\\d\\d · ningún cambio pendiente");

        String reply = "Estamos revisando la línea, Irene: te escribimos en cuanto sepamos algo.";
        // Keyboard first: r goes to the reply box (the banner takes some height in the small headless window).
        robot.interact(() -> list.requestFocus());
        robot.type(KeyCode.R);
        javafx.scene.control.TextArea composer = robot.lookup("#composer-text").queryAs(javafx.scene.control.TextArea.class);
        waitFor(5, composer::isFocused);
        // The r that moved the focus also arrives as typed text in the reply box: start from empty.
        robot.interact(composer::clear);
        robot.write(reply);
        assertThat(composer.getText()).isEqualTo(reply);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        try {
            waitFor(10, () -> thread.getItems().stream()
                    .anyMatch(t -> t.message().body().equals(reply) && t.pending()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("thread: " + thread.getItems() + " composer: " + composer.getText(), e);
        }
        waitFor(10, () -> robot.lookup("Pendiente de envío").tryQuery().isPresent());
        waitFor(10, () -> banner().getDescription().endsWith("· 1 cambio pendiente"));

        server.restartOnSamePort(port);
        waitFor(40, () -> !banner().isVisible());
        waitFor(10, () -> thread.getItems().stream()
                .anyMatch(t -> t.message().body().equals(reply) && !t.pending()));
        JsonNode onServer = server.messages(opened.id());
        int copies = 0;
        JsonNode items = onServer.isArray() ? onServer
                : onServer.path("items").isArray() ? onServer.path("items") : onServer.path("messages");
        for (JsonNode m : items) {
            if (reply.equals(m.path("body").asText())) {
                copies++;
            }
        }
        assertThat(copies).as("the reply on the server").isEqualTo(1);
        assertThat(thread.getItems().stream().filter(t -> t.message().body().equals(reply)).count()).isEqualTo(1);
    }
}
