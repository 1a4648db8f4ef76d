package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import java.net.URI;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The newcomer's path, headless: the real application in demo mode (embedded server, demo traffic,
 * signed in as ana), pick a queue, open a conversation, reply, and find the reply in the thread and
 * on the server.
 */
class DemoModeWorkstationTest {
    @TempDir
    Path dir;
    int port;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        faro = RunningFaro.demo(dir, "--demo.traffic.rate=300");
        robot = faro.robot();
        port = faro.demoPort();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
    }

    @Test
    void aNewcomerAnswersALiveConversationAndTheReplyReachesTheServer() throws Exception {
        waitFor(60, () -> robot.lookup("#conversation-list").tryQuery().isPresent());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(60, () -> robot.lookup("Todas mis marcas").tryQuery().isPresent());
        robot.clickOn("Todas mis marcas");
        waitFor(60, () -> !list.getItems().isEmpty());
        assertThat(list.getItems()).allMatch(c -> c.brandId().equals("orange") || c.brandId().equals("jazztel"));
        // An agent has neither the lead's dashboard nor the SLA admin screen: no button, and Ctrl+D opens nothing.
        assertThat(robot.lookup("#open-dashboard").tryQuery()).isEmpty();
        assertThat(robot.lookup("#open-sla-admin").tryQuery()).isEmpty();
        robot.clickOn(list);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        Thread.sleep(500);
        assertThat(robot.lookup("#dashboard").tryQuery()).isEmpty();
        assertThat(javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage && w.isShowing())).hasSize(1);

        Node firstRow = robot.from(list).lookup(".list-cell").nth(0).query();
        robot.clickOn(firstRow);
        waitFor(10, () -> list.getSelectionModel().getSelectedItem() != null);
        Conversation opened = list.getSelectionModel().getSelectedItem();
        ListView<ThreadMessage> thread = robot.lookup("#thread-messages").queryListView();
        waitFor(10, () -> !thread.getItems().isEmpty());

        String reply = "Hola, soy Ana de atención al cliente: lo revisamos ahora mismo.";
        robot.clickOn("#composer-text").write(reply);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitFor(15, () -> thread.getItems().stream()
                .anyMatch(t -> t.message().body().equals(reply) && !t.pending()));
        assertThat(repliesOnServer(opened.id())).containsOnlyOnce(reply);
    }

    private java.util.List<String> repliesOnServer(String conversationId) throws Exception {
        ApiClient lead = new ApiClient(URI.create("http://127.0.0.1:" + port), ApiClient.defaultHttpClient());
        lead.login("lucia", "faro-demo");
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/api/v1/conversations/" + conversationId + "/messages")
                .header("Authorization", "Bearer " + lead.token())
                .build();
        try (Response r = lead.http().newCall(request).execute()) {
            JsonNode json = Json.read(r.body().bytes(), JsonNode.class);
            JsonNode items = json.isArray() ? json : json.path("items").isArray() ? json.path("items") : json.path("messages");
            java.util.List<String> bodies = new java.util.ArrayList<>();
            items.forEach(m -> bodies.add(m.path("body").asText()));
            return bodies;
        }
    }
}
