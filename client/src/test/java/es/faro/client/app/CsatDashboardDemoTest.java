package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import es.faro.protocol.model.Conversation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * CSAT on the lead's dashboard, headless, against the real demo application: a customer DMs Orange
 * on X, the lead resolves the conversation in the workstation (E), the embedded server sends the
 * survey (demo delay: seconds), the customer answers "5" by DM, and the CSAT tile goes from "no data
 * yet" to 100 % with a 100 % response rate.
 */
class CsatDashboardDemoTest {
    private static final String TWITTER_SECRET = "demo-twitter-secret";
    private static final String ORANGE_X = "1000001";
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;
    int port;
    RunningFaro faro;
    ApiClient api;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        faro = RunningFaro.demo(dir, "--demo.user=lucia", "--demo.traffic.rate=0.005");
        robot = faro.robot();
        port = faro.demoPort();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
    }

    private Label csatValue() {
        return robot.lookup("#tile-csat-value").queryAs(Label.class);
    }

    @Test
    void aResolvedConversationsSurveyAnswerMovesTheCsatTile() throws Exception {
        waitFor(60, () -> robot.lookup("#open-dashboard").match(n -> n.getScene() != null).tryQuery().isPresent());
        api = new ApiClient(URI.create("http://127.0.0.1:" + port), ApiClient.defaultHttpClient());
        api.login("lucia", "faro-demo");
        dm("csat-dm-1", "Se me ha cortado la línea");
        String id = conversationWith("csat-dm-1");

        // Lucía resolves it in the workstation: Orange's queue, the conversation in the list, then E (resolve).
        ListView<es.faro.client.ui.workstation.QueueEntry> queues = robot.lookup("#queue-list").queryListView();
        waitFor(30, () -> queues.getItems().stream().anyMatch(e -> e.queue().id().equals("q-orange")));
        robot.interact(() -> queues.getSelectionModel().select(queues.getItems().stream()
                .filter(e -> e.queue().id().equals("q-orange")).findFirst().orElseThrow()));
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(30, () -> robot.from(list).lookup("Marta Encuesta").match(n -> n.getScene() != null).tryQuery()
                .isPresent());
        robot.clickOn(robot.from(list).lookup("Marta Encuesta").match(n -> n.getScene() != null).<Node>query());
        waitFor(10, () -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().id().equals(id));
        robot.press(KeyCode.E).release(KeyCode.E);
        waitFor(20, () -> "RESOLVED".equals(get("/api/v1/conversations/" + id).get("status").asText()));

        robot.clickOn(robot.lookup("#open-dashboard").match(n -> n.getScene() != null).<Node>query());
        waitFor(30, () -> robot.lookup("#tile-csat-value").tryQuery().isPresent());

        // The survey goes out a few seconds later (demo delay), as a DM of the conversation.
        waitFor(30, () -> survey(id) != null);
        assertThat(survey(id).get("public").asBoolean()).isFalse();
        assertThat(csatValue().getText()).isEqualTo("—"); // sent, not answered: still no data
        waitFor(20, () -> csatDetail().getText().equals("1 encuestas enviadas, ninguna respondida aún"));

        dm("csat-dm-2", "5 muy bien");
        waitFor(20, () -> csatValue().getText().startsWith("100"));
        // One survey sent and answered: a 100 % response rate under the CSAT.
        waitFor(20, () -> csatDetail().getText().matches("1 valoraciones · 100.%"
                + " de encuestas respondidas · objetivo 67.%"));
    }

    private Label csatDetail() {
        return robot.lookup("#tile-csat-detail").queryAs(Label.class);
    }

    private JsonNode survey(String conversationId) throws Exception {
        for (JsonNode m : get("/api/v1/conversations/" + conversationId + "/messages")) {
            if (m.path("survey").asBoolean(false) && m.get("kind").asText().equals("OUT")) {
                return m;
            }
        }
        return null;
    }

    private String conversationWith(String channelMessageId) throws Exception {
        for (JsonNode c : get("/api/v1/conversations?limit=200&channel=twitter").get("items")) {
            for (JsonNode m : get("/api/v1/conversations/" + c.get("id").asText() + "/messages")) {
                if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                    return c.get("id").asText();
                }
            }
        }
        throw new AssertionError("no conversation holds " + channelMessageId);
    }

    private JsonNode get(String path) throws Exception {
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + path)
                .header("Authorization", "Bearer " + api.token()).get().build();
        try (Response r = api.http().newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            return Json.MAPPER.readTree(r.body().bytes());
        }
    }

    /** A customer's direct message to Orange through the signed X webhook. */
    private void dm(String id, String text) throws Exception {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("for_user_id", ORANGE_X);
        ArrayNode events = payload.putArray("direct_message_events");
        ObjectNode e = events.addObject();
        e.put("type", "message_create");
        e.put("id", id);
        e.put("created_timestamp", Long.toString(Instant.now().toEpochMilli()));
        ObjectNode create = e.putObject("message_create");
        create.putObject("target").put("recipient_id", ORANGE_X);
        create.put("sender_id", "csat-customer");
        create.putObject("message_data").put("text", text);
        ObjectNode user = payload.putObject("users").putObject("csat-customer");
        user.put("id", "csat-customer");
        user.put("name", "Marta Encuesta");
        user.put("screen_name", "marta_encuesta");
        byte[] body = Json.writeBytes(payload);
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/api/v1/channels/twitter/webhook")
                .header(Signatures.TWITTER_HEADER, Signatures.base64Header(TWITTER_SECRET, body))
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response r = api.http().newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
    }
}
