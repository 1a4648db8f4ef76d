package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.support.LiveServer;
import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real application against a real server: in the reply box, {@code /pedi} + Enter picks the
 * a lead's new response (synced live), its prompted variable is asked in a dialog, a second response is stacked with
 * {@code /salu}, the placeholders are filled, and the reply (and both counted uses) reach the server.
 */
class CannedPickerLiveTest {
    @TempDir
    Path dir;
    LiveServer server;
    RunningFaro faro;
    es.faro.protocol.model.CannedResponse created;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        server.tweet(server.twitterAccountOf("orange"), "7301", "Rosa Vidal", "Sigo sin fibra desde el lunes");
        // A lead writes a short one with a prompted variable (the seeded ones are near a public X reply's 280).
        created = new es.faro.client.sync.CannedApi(server.signedIn("lucia")).create(
                new es.faro.protocol.api.CannedResponseRequest("orange", "es", "Envíos", "Pedido en camino", "pedido",
                        "{{customer.first_name}}, tu pedido {{ask:Número de pedido}} ya está en camino.", null, null));
        faro = RunningFaro.against(server.uri(), dir.resolve("client"));
        robot = faro.robot();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
        server.close();
    }

    @Test
    void slashPickerWithAPromptedVariableInsertsTheFilledTextAndTheReplyReachesTheServer() throws Exception {
        faro.signIn("ana");
        waitFor(30, () -> robot.lookup("Rosa Vidal").tryQuery().isPresent());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(10, () -> robot.from(list).lookup("Rosa Vidal").match(n -> n.getScene() != null).tryQuery().isPresent());
        robot.clickOn(robot.from(list).lookup("Rosa Vidal").match(n -> n.getScene() != null).<Node>query());
        waitFor(10, () -> list.getSelectionModel().getSelectedItem() != null);
        String conversationId = list.getSelectionModel().getSelectedItem().id();

        TextArea composer = robot.lookup("#composer-text").queryAs(TextArea.class);
        robot.clickOn(composer).write("/pedi");
        ListView<?> picker = robot.lookup("#canned-list").queryListView();
        waitFor(10, () -> picker.isVisible() && !picker.getItems().isEmpty());
        assertThat(picker.getItems().get(0).toString()).contains(created.id());
        robot.type(KeyCode.ENTER);

        waitFor(10, () -> robot.lookup("#canned-ask-0").tryQuery().map(Node::isFocused).orElse(false));
        robot.clickOn("#canned-ask-0").write("PED-4711");
        robot.type(KeyCode.ENTER);
        waitFor(10, () -> composer.getText().contains("PED-4711"));
        assertThat(composer.getText()).isEqualTo("Rosa, tu pedido PED-4711 ya está en camino.");

        robot.targetWindow(composer.getScene().getWindow());
        waitFor(10, composer::isFocused);
        assertThat(composer.getCaretPosition()).as("the caret is after the inserted text").isEqualTo(composer.getLength());
        robot.write(" /salu");
        waitFor(10, () -> picker.isVisible() && !picker.getItems().isEmpty());
        robot.type(KeyCode.TAB);
        waitFor(10, () -> composer.getText().contains("¡Hola, Rosa Vidal!"));
        String reply = composer.getText();
        assertThat(reply).contains("Soy Ana García Martín, del equipo de atención de Orange.")
                .doesNotContain("/salu").doesNotContain("{{");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(20, () -> bodiesOnServer(conversationId).contains(reply));
        waitFor(20, () -> usage(created.id()) == 1 && usage("cr-es-saludo") == 1);
    }

    private List<String> bodiesOnServer(String conversationId) throws Exception {
        JsonNode json = server.messages(conversationId);
        JsonNode items = json.isArray() ? json : json.path("items").isArray() ? json.path("items") : json.path("messages");
        List<String> bodies = new ArrayList<>();
        items.forEach(m -> bodies.add(m.path("body").asText()));
        return bodies;
    }

    private int usage(String id) throws Exception {
        ApiClient lead = server.signedIn("lucia");
        Request request = new Request.Builder().url(server.uri().resolve("/api/v1/canned-responses/" + id).toString())
                .header("Authorization", "Bearer " + lead.token()).build();
        try (Response r = lead.http().newCall(request).execute()) {
            return Json.read(r.body().bytes(), JsonNode.class).path("usageCount").asInt();
        }
    }
}
