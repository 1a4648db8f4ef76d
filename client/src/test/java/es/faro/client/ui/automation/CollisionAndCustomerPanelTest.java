package es.faro.client.ui.automation;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.support.LiveServer;
import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.AutomationApi;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application against a real server, headless: ana writes a reply while lucía (a second
 * agent, through the API) views the conversation and replies first; ana is warned and sends anyway.
 * And the customer panel shows the merged history after ana merges two identities, then undoes it.
 */
class CollisionAndCustomerPanelTest {
    @TempDir
    Path dir;
    LiveServer server;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        String orange = server.twitterAccountOf("orange");
        server.tweet(orange, "7101", "Elena Prieto", "Hola, ¿me devolvéis el recargo del roaming?");
        server.tweet(orange, "7102", "Elena P. (trabajo)", "Os escribo desde la cuenta del trabajo");
        faro = RunningFaro.against(server.uri(), dir.resolve("client"));
        robot = faro.robot();
        faro.signIn("ana");
        waitFor(30, () -> robot.lookup("Elena Prieto").tryQuery().isPresent());
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
        server.close();
    }

    private Conversation open(String customerName) throws Exception {
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        // List cells are recycled while events land: look the row up again if it left the scene meanwhile.
        for (int attempt = 0; ; attempt++) {
            try {
                robot.clickOn(customerName);
                break;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
                WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            }
        }
        waitFor(10, () -> list.getSelectionModel().getSelectedItem() != null
                && customerName.equals(list.getSelectionModel().getSelectedItem().customerName()));
        ListView<ThreadMessage> thread = robot.lookup("#thread-messages").queryListView();
        waitFor(10, () -> !thread.getItems().isEmpty());
        return list.getSelectionModel().getSelectedItem();
    }

    @Test
    void anotherAgentsReplyWhileWritingIsShownAndTheAgentChoosesToSendAnyway() throws Exception {
        Conversation conv = open("Elena Prieto");
        ApiClient lucia = server.signedIn("lucia");
        new AutomationApi(lucia).presence(conv.id(), true, false);
        waitFor(15, () -> robot.lookup("#presence-others").tryQueryAs(Label.class)
                .map(l -> l.isVisible() && l.getText().contains("Lucía")).orElse(false));

        String mine = "Hola Elena, te devolvemos el recargo hoy mismo.";
        robot.clickOn("#composer-text").write(mine);
        lucia.postMessage(conv.id(), UUID.randomUUID().toString(),
                new PostMessageRequest(PostMessageRequest.REPLY, "Hola Elena, ya está tramitado.", true));
        ListView<ThreadMessage> thread = robot.lookup("#thread-messages").queryListView();
        waitFor(15, () -> thread.getItems().stream().anyMatch(t -> t.message().body().startsWith("Hola Elena, ya")));

        robot.clickOn("#composer-text");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(10, () -> robot.lookup("#collision-banner").query().isVisible());
        assertThat(robot.lookup("#collision-title").queryAs(Label.class).getText()).contains("Lucía");
        assertThat(bodies(server.messages(conv.id()))).doesNotContain(mine);

        robot.clickOn("#collision-send");
        waitFor(15, () -> bodies(server.messages(conv.id())).contains(mine));
        assertThat(robot.lookup("#collision-banner").query().isVisible()).isFalse();
        assertThat(bodies(server.messages(conv.id()))).containsOnlyOnce(mine);
    }

    @Test
    void theCustomerPanelShowsTheMergedHistoryAndTheMergeCanBeUndone() throws Exception {
        open("Elena Prieto");
        VBox conversations = robot.lookup("#customer-conversations").queryAs(VBox.class);
        waitFor(10, () -> conversations.getChildren().size() == 1);
        assertThat(robot.lookup("#customer-csat").queryAs(Label.class).getText()).contains("sin datos");

        robot.clickOn("#customer-search").write("7102").type(KeyCode.ENTER);
        waitFor(10, () -> robot.lookup(".button").match(n -> n.getId() != null
                && n.getId().startsWith("customer-merge-")).tryQuery().isPresent());
        Node merge = robot.lookup(".button").match(n -> n.getId() != null && n.getId().startsWith("customer-merge-"))
                .query();
        // Cells rebuild their buttons as the list settles: fire the one found rather than aim at its pixels.
        robot.interact(((javafx.scene.control.Button) merge)::fire);
        waitFor(10, () -> conversations.getChildren().size() == 2);
        VBox identities = robot.lookup("#customer-identities").queryAs(VBox.class);
        assertThat(identities.getChildren()).hasSize(2);
        assertThat(conversations.getChildren().stream().map(n -> ((Label) n).getText()).toList())
                .anyMatch(t -> t.contains("cuenta del trabajo"));

        VBox merges = robot.lookup("#customer-merges").queryAs(VBox.class);
        waitFor(10, () -> !merges.getChildren().isEmpty());
        Node undo = robot.lookup(".button").match(n -> n.getId() != null && n.getId().startsWith("customer-undo-"))
                .query();
        robot.interact(((javafx.scene.control.Button) undo)::fire);
        waitFor(10, () -> conversations.getChildren().size() == 1);
        assertThat(identities.getChildren()).hasSize(1);
    }

    private static List<String> bodies(JsonNode messages) {
        List<String> result = new ArrayList<>();
        (messages.isArray() ? messages : messages.path("items")).forEach(m -> result.add(m.path("body").asText()));
        return result;
    }
}
