package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.community.CommunityPost;
import es.faro.protocol.community.LeaderboardEntry;
import es.faro.protocol.community.PostState;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The moderator's path, headless: the real application in demo mode signed in as the lead lucia.
 * Two community threads arrive through the signed community webhook; the leaderboard shows the
 * member "rival" (8 kudos) ahead of "pepe" (2 kudos). From the workstation's moderation panel the
 * lead approves a topic and accepts pepe's reply as its solution (+10 points); the dashboard opened
 * again shows pepe first. Then the topic is edited and the thread moved to another board from the
 * panel, and rival's topic marked as spam takes rival off the leaderboard.
 */
class CommunityModerationDemoTest {
    /** The community webhook secret of the bundled demo configuration (config/server.properties). */
    private static final String COMMUNITY_SECRET = "demo-community-secret";

    @TempDir
    Path dir;
    int port;
    RunningFaro faro;
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

    @Test
    void aLeadModeratesAThreadAcceptsTheSolutionAndTheMemberClimbsTheLeaderboard() throws Exception {
        waitFor(60, () -> robot.lookup("#open-dashboard").match(n -> n.getScene() != null).tryQuery().isPresent());
        String now = Instant.now().minusSeconds(60).toString();
        post(message("t-1", "u-maria", "maria", "Sin fibra en casa", "No tengo fibra desde ayer", null, 0, 250, now),
                message("r-1", "u-pepe", "pepe", "Re: Sin fibra en casa", "Reinicia la ONT y espera cinco minutos",
                        "t-1", 2, 0, now),
                message("t-2", "u-rival", "rival", "Roaming", "El roaming funciona en Andorra", null, 8, 40, now));

        // Before: rival leads with 8 points, pepe follows with 2.
        List<LeaderboardEntry> before = openDashboardLeaderboard(2);
        assertThat(before).extracting(LeaderboardEntry::authorName).containsExactly("rival", "pepe");
        assertThat(before.get(1).points()).isEqualTo(2);
        assertThat(robot.lookup("#leaderboard-figures").queryLabeled().getText())
                .isEqualTo("Soluciones aprobadas: 0 · Lecturas de hilos resueltos: 0");
        closeDashboard();

        // The moderation queue has the new threads; open maria's.
        robot.clickOn("Moderación de comunidad y foros");
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(30, () -> list.getItems().stream().anyMatch(c -> "maria".equals(c.customerName())));
        Conversation maria = list.getItems().stream().filter(c -> "maria".equals(c.customerName())).findFirst()
                .orElseThrow();
        Node row = robot.from(list).lookup(".list-cell")
                .match((ListCell<Conversation> cell) -> cell.getItem() == maria).query();
        robot.clickOn(row);
        ListView<CommunityPost> posts = robot.lookup("#moderation-posts").queryListView();
        waitFor(15, () -> posts.getItems().size() == 2 && posts.isVisible());

        // Approve the topic.
        robot.clickOn(robot.from(posts).lookup(".list-cell").nth(0).<Node>query());
        robot.clickOn("#moderation-approve");
        waitFor(15, () -> posts.getItems().get(0).state() == PostState.APPROVED);

        // Rejecting without a reason is refused in place; nothing reaches the server.
        robot.clickOn(robot.from(posts).lookup(".list-cell").nth(1).<Node>query());
        robot.clickOn("#moderation-reject");
        waitFor(5, () -> robot.lookup("#moderation-message").queryLabeled().getText()
                .equals("Escribe el motivo del rechazo."));
        assertThat(posts.getItems().get(1).state()).isEqualTo(PostState.PENDING);

        // Accept pepe's reply as the solution.
        robot.clickOn("#moderation-solution");
        waitFor(15, () -> posts.getItems().get(1).solution());
        assertThat(posts.getItems().get(1).state()).isEqualTo(PostState.APPROVED);
        assertThat(robot.lookup("#moderation-message").queryLabeled().getText()).isEqualTo("Solución aceptada.");

        // After: pepe has 2 kudos + 10 for the solution and leads the leaderboard.
        List<LeaderboardEntry> after = openDashboardLeaderboard(2);
        assertThat(after).extracting(LeaderboardEntry::authorName).containsExactly("pepe", "rival");
        assertThat(after.get(0).points()).isEqualTo(12);
        assertThat(after.get(0).solutions()).isEqualTo(1);
        assertThat(after.get(0).level()).isEqualTo("Novato");
        // The programme's figures beside it: maria's thread, read 250 times, is solved.
        waitFor(15, () -> robot.lookup("#leaderboard-figures").queryLabeled().getText()
                .equals("Soluciones aprobadas: 1 · Lecturas de hilos resueltos: 250"));
        closeDashboard();

        // Edit the topic's text from the panel (the field starts from it): the thread shows the edited message.
        robot.clickOn(robot.from(posts).lookup(".list-cell").nth(0).<Node>query());
        waitFor(5, () -> robot.lookup("#moderation-edit").queryTextInputControl().getText()
                .equals("No tengo fibra desde ayer"));
        javafx.scene.control.TextInputControl edit = robot.lookup("#moderation-edit").queryTextInputControl();
        robot.clickOn(edit);
        robot.interact(edit::end); // the caret after the text (where the click put it depends on the layout)
        robot.write(" por la tarde");
        assertThat(robot.lookup("#moderation-edit").queryTextInputControl().getText())
                .isEqualTo("No tengo fibra desde ayer por la tarde");
        robot.clickOn("#moderation-edit-button");
        waitFor(15, () -> robot.lookup("#moderation-message").queryLabeled().getText().equals("Mensaje editado."));
        waitFor(15, () -> robot.lookup(n -> shows(n, "desde ayer por la tarde")).tryQuery().isPresent());

        // Move the thread to another board: every post shows it.
        robot.clickOn("#moderation-board").write("averias");
        robot.clickOn("#moderation-move");
        waitFor(15, () -> posts.getItems().stream().allMatch(p -> "averias".equals(p.board())));
        assertThat(robot.lookup("#moderation-message").queryLabeled().getText()).isEqualTo("Hilo movido.");

        // Mark rival's topic as spam: its kudos no longer count and rival leaves the leaderboard.
        Conversation rival = list.getItems().stream().filter(c -> "rival".equals(c.customerName())).findFirst()
                .orElseThrow();
        robot.clickOn(robot.from(list).lookup(".list-cell")
                .match((ListCell<Conversation> cell) -> cell.getItem() == rival).<Node>query());
        waitFor(15, () -> posts.getItems().size() == 1 && "rival".equals(posts.getItems().get(0).authorName()));
        robot.clickOn("#moderation-spam");
        waitFor(15, () -> posts.getItems().get(0).state() == PostState.SPAM);
        List<LeaderboardEntry> last = openDashboardLeaderboard(1);
        assertThat(last).extracting(LeaderboardEntry::authorName).containsExactly("pepe");
    }

    private static boolean shows(Node n, String text) {
        return n instanceof javafx.scene.control.Labeled l && l.getText() != null && l.getText().contains(text)
                || n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().contains(text);
    }

    private List<LeaderboardEntry> openDashboardLeaderboard(int rows) throws Exception {
        robot.clickOn(robot.lookup("#open-dashboard").match(n -> n.getScene() != null).<Node>query());
        waitFor(30, () -> robot.lookup("#leaderboard-table").tryQuery().isPresent());
        TableView<LeaderboardEntry> table = robot.lookup("#leaderboard-table").queryTableView();
        try {
            waitFor(30, () -> table.getItems().size() == rows);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the leaderboard should have " + rows + " rows: " + table.getItems(), e);
        }
        return List.copyOf(table.getItems());
    }

    private void closeDashboard() throws Exception {
        Window dashboard = Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#dashboard") != null).findFirst()
                .orElseThrow();
        robot.interact(() -> ((Stage) dashboard).close());
        waitFor(10, () -> Window.getWindows().size() == 1);
    }

    private static Map<String, Object> message(String id, String authorId, String login, String subject, String body,
                                               String parent, long kudos, long views, String at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("id", id);
        m.put("subject", subject);
        m.put("body", "<p>" + body + "</p>");
        m.put("author", Map.of("type", "user", "id", authorId, "login", login));
        m.put("board", Map.of("type", "board", "id", "fibra"));
        if (parent != null) {
            m.put("parent", Map.of("type", "message", "id", parent));
        }
        m.put("post_time", at);
        m.put("kudos", Map.of("sum", Map.of("weight", kudos)));
        m.put("metrics", Map.of("views", views));
        return m;
    }

    @SafeVarargs
    private void post(Map<String, Object>... items) throws Exception {
        byte[] body = Json.writeBytes(Map.of("data", Map.of("type", "messages", "items", List.of(items))));
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/api/v1/channels/community/webhook?account=comunidad-orange")
                .header(Signatures.FARO_HEADER, Signatures.hexHeader(COMMUNITY_SECRET, body))
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build();
        try (Response r = ApiClient.defaultHttpClient().newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
    }
}
