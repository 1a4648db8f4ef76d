package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.support.LiveServer;
import es.faro.client.support.RunningFaro;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 5, "search" with no connection, headless against a real server on 127.0.0.1: a customer's
 * tweet arrives, the server stops, the agent presses Ctrl+F, types a word of that tweet, sees the
 * conversation with the word marked and opens it with Enter; a query full of FTS syntax shows the
 * empty state, never an error; Esc brings the queue back.
 */
class OfflineSearchTest {
    @TempDir
    Path dir;
    LiveServer server;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        String orange = server.twitterAccountOf("orange");
        server.tweet(orange, "7401", "Rocío Navarro", "El descodificador parpadea en naranja desde el apagón");
        server.tweet(orange, "7402", "Samuel Ortiz", "Quiero cambiar mi tarifa de móvil");
        faro = RunningFaro.against(server.uri(), dir.resolve("client"));
        robot = faro.robot();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
        server.close();
    }

    @Test
    void offlineTheAgentFindsAConversationByAWordOfItsMessageAndOpensIt() throws Exception {
        faro.signIn("ana");
        waitFor(30, () -> robot.lookup("Rocío Navarro").tryQuery().isPresent());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        int queueSize = list.getItems().size();
        assertThat(queueSize).isGreaterThanOrEqualTo(2);

        server.stop();
        Message banner = robot.lookup("#offline-banner").queryAs(Message.class);
        waitFor(30, banner::isVisible);

        robot.interact(list::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        CustomTextField box = robot.lookup("#conversation-search").queryAs(CustomTextField.class);
        waitFor(5, box::isFocused);
        robot.write("descodif");

        waitFor(10, () -> list.getItems().size() == 1 && list.getItems().get(0).customerName().equals("Rocío Navarro"));
        // The snippet shows the matched word marked.
        waitFor(5, () -> robot.lookup(".search-match").tryQuery()
                .map(n -> ((javafx.scene.text.Text) n).getText().equalsIgnoreCase("descodificador")).orElse(false));
        assertThat(faro.visible("#server-search-offer")).as("no server to search while offline").isFalse();

        robot.type(KeyCode.ENTER); // to the results, first one selected
        waitFor(5, list::isFocused);
        robot.type(KeyCode.ENTER); // opens it
        ListView<ThreadMessage> thread = robot.lookup("#thread-messages").queryListView();
        waitFor(10, () -> thread.getItems().stream()
                .anyMatch(t -> t.message().body().contains("parpadea en naranja")));

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitFor(5, box::isFocused);
        robot.write("\"NEAR(* -:)");
        // Ctrl+F selected the previous words: the new ones replace them.
        Label empty = robot.lookup("#search-empty").queryAs(Label.class);
        waitFor(10, () -> faro.visible("#search-empty") && list.getItems().isEmpty()
                && empty.getText().equals("Sin resultados para «\"NEAR(* -:)»"));
        assertThat(faro.visible("#search-message")).as("no error").isFalse();

        robot.type(KeyCode.ESCAPE);
        waitFor(5, () -> box.getText().isEmpty() && list.isFocused() && list.getItems().size() == queueSize);
    }

    @Test
    void theCheatSheetListsCtrlFAndThePaletteRunsTheSearch() throws Exception {
        faro.signIn("ana");
        waitFor(30, () -> robot.lookup("Rocío Navarro").tryQuery().isPresent());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        robot.interact(list::requestFocus);
        robot.write("?");
        waitFor(5, () -> robot.lookup("Ctrl+F").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("Buscar conversaciones").tryQuery().map(Node::isVisible).orElse(false));
        robot.type(KeyCode.SHIFT); // any key closes the cheat sheet
        waitFor(5, () -> !robot.lookup("Ctrl+F").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(list::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("buscar conv");
        waitFor(5, () -> robot.lookup("Buscar conversaciones").tryQuery().map(Node::isVisible).orElse(false));
        robot.type(KeyCode.ENTER);
        CustomTextField box = robot.lookup("#conversation-search").queryAs(CustomTextField.class);
        waitFor(5, box::isFocused);
        robot.write("tarifa");
        waitFor(10, () -> list.getItems().size() == 1 && list.getItems().get(0).customerName().equals("Samuel Ortiz")
                && robot.lookup(".search-match").tryQuery()
                .map(n -> ((javafx.scene.text.Text) n).getText().equals("tarifa")).orElse(false));
    }
}
