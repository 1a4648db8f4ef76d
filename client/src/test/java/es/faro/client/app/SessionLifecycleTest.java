package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.settings.UserSettings;
import es.faro.client.support.LiveServer;
import es.faro.client.support.RunningFaro;
import es.faro.protocol.model.Conversation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Against a real server: the token expires while a reply waits in the outbox; Faro asks to sign in
 * again (user and server filled in), carries on with the same session and cache, and the reply
 * reaches the server. Signing out returns to the login screen with the server remembered.
 */
class SessionLifecycleTest {
    @TempDir
    Path dir;
    LiveServer server;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        server.tweet(server.twitterAccountOf("orange"), "7101", "Rosa Vidal", "Sigo sin fibra desde el lunes");
        faro = RunningFaro.against(server.uri(), dir.resolve("client"));
        robot = faro.robot();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
        server.close();
    }

    private void signIn(String password) throws Exception {
        robot.clickOn("#login-password").write(password);
        robot.clickOn("#login-submit");
    }

    @Test
    void anExpiredTokenAsksToSignInAgainAndTheOutboxStillDelivers() throws Exception {
        waitFor(20, () -> robot.lookup("#login-username").tryQuery().isPresent());
        robot.clickOn("#login-username").write("ana");
        signIn("faro-demo");
        waitFor(30, () -> robot.lookup("Rosa Vidal").tryQuery().isPresent());
        assertThat(Files.readString(dir.resolve("client").resolve("config").resolve(UserSettings.FILE_NAME)))
                .contains("server.url=http\\://127.0.0.1\\:" + server.uri().getPort(), "last.user=ana");

        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        // The row, not a stale label of a cell the list has just re-rendered.
        waitFor(10, () -> robot.from(list).lookup("Rosa Vidal").match(n -> n.getScene() != null).tryQuery().isPresent());
        robot.clickOn(robot.from(list).lookup("Rosa Vidal").match(n -> n.getScene() != null).<javafx.scene.Node>query());
        waitFor(10, () -> list.getSelectionModel().getSelectedItem() != null);
        String conversationId = list.getSelectionModel().getSelectedItem().id();

        String reply = "Hola Rosa, lo revisamos ahora mismo.";
        robot.clickOn("#composer-text").write(reply);

        // Every token of the server runs out, as one does after token.ttl. The reply is typed first:
        // the server also ends the event stream of an expired token by itself (within seconds), which
        // brings the sign-in screen without waiting for a request.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("server").resolve("faro.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            s.executeUpdate("UPDATE tokens SET expires_at = 0");
        }
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitFor(40, () -> robot.lookup("#login-password").tryQuery().isPresent());
        assertThat(robot.lookup("#login-username").queryAs(TextField.class).getText()).isEqualTo("ana");
        assertThat(robot.lookup("#login-server").queryAs(TextField.class).getText()).isEqualTo(server.uri().toString());
        assertThat(replies(conversationId)).doesNotContain(reply);

        signIn("faro-demo");
        waitFor(40, () -> replies(conversationId).contains(reply));
        assertThat(replies(conversationId)).containsOnlyOnce(reply);
        waitFor(10, () -> robot.lookup("#conversation-list").tryQuery().isPresent());

        // Sign out (Ctrl+Shift+L): back to the login screen, server and user remembered.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(20, () -> robot.lookup("#login-password").tryQuery().isPresent());
        assertThat(robot.lookup("#login-server").queryAs(TextField.class).getText()).isEqualTo(server.uri().toString());
        assertThat(robot.lookup("#login-username").queryAs(TextField.class).getText()).isEqualTo("ana");
        assertThat(robot.lookup("#conversation-list").tryQuery()).isEmpty();
    }

    private java.util.List<String> replies(String conversationId) throws Exception {
        java.util.List<String> bodies = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode json = server.messages(conversationId);
        com.fasterxml.jackson.databind.JsonNode items = json.isArray() ? json
                : json.path("items").isArray() ? json.path("items") : json.path("messages");
        items.forEach(m -> bodies.add(m.path("body").asText()));
        return bodies;
    }
}
