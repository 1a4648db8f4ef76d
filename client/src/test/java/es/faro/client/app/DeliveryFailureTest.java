package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.support.LiveServer;
import es.faro.client.support.RunningFaro;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Against a real server whose simulated X refuses the next reply for good: the reply shows in the
 * thread as not delivered, with the network's reason and a Retry button; Retry sends it and the
 * thread shows it sent.
 */
class DeliveryFailureTest {
    private static final String REASON = "You are not allowed to create a Tweet with duplicate content.";

    @TempDir
    Path dir;
    LiveServer server;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        server.tweet(server.twitterAccountOf("orange"), "7301", "Nuria Campos", "La factura viene duplicada");
        faro = RunningFaro.against(server.uri(), dir.resolve("client"));
        robot = faro.robot();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
        server.close();
    }

    private boolean visible(String selector) {
        return faro.visible(selector);
    }

    @Test
    void aFailedDeliveryShowsInTheThreadAndRetrySendsIt() throws Exception {
        faro.signIn("ana");
        waitFor(30, () -> robot.lookup("Nuria Campos").tryQuery().isPresent());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(10, () -> robot.from(list).lookup("Nuria Campos").match(n -> n.getScene() != null).tryQuery().isPresent());
        robot.clickOn(robot.from(list).lookup("Nuria Campos").match(n -> n.getScene() != null).<Node>query());
        waitFor(10, () -> list.getSelectionModel().getSelectedItem() != null);
        String conversationId = list.getSelectionModel().getSelectedItem().id();

        server.failNextDeliveries(1, 403, REASON);
        robot.clickOn("#composer-text").write("Hola Nuria, revisamos la factura");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitFor(30, () -> visible(".delivery-failed"));
        Label failed = robot.lookup(".delivery-failed").match(Node::isVisible).queryAs(Label.class);
        assertThat(failed.getText()).isEqualTo("No entregada: HTTP 403: " + REASON);
        assertThat(failed.getTooltip().getText()).contains("Reintentar");
        assertThat(delivery(conversationId)).isEqualTo("FAILED");

        Button retry = robot.lookup(".delivery-retry").match(Node::isVisible).queryAs(Button.class);
        assertThat(retry.getText()).isEqualTo("Reintentar");
        robot.clickOn(retry);

        waitFor(30, () -> visible(".delivery-sent"));
        assertThat(robot.lookup(".delivery-sent").match(Node::isVisible).queryAs(Label.class).getText())
                .isEqualTo("Enviada");
        assertThat(visible(".delivery-failed")).isFalse();
        assertThat(visible(".delivery-retry")).isFalse();
        assertThat(delivery(conversationId)).isEqualTo("SENT");
    }

    /** The delivery state of the conversation's reply, as the server has it. */
    private String delivery(String conversationId) throws Exception {
        for (JsonNode m : server.messages(conversationId)) {
            if ("OUT".equals(m.path("kind").asText())) {
                return m.path("delivery").asText();
            }
        }
        return null;
    }
}
