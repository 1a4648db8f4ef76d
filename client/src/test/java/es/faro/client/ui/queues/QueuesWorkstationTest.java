package es.faro.client.ui.queues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.app.FaroApp;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.QueuesApi;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real application in demo mode (embedded server, demo traffic, signed in as ana), headless:
 * Next claims a conversation and opens it; a bulk label on a multi-selection reaches the server;
 * an admin creates a workqueue and it shows up in ana's sidebar live.
 */
class QueuesWorkstationTest {
    @TempDir
    Path dir;
    int port;
    Application app;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void launch() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(FaroApp.class, "--data.dir=" + dir, "--demo.port=" + port,
                "--demo.traffic.rate=30", "--language=es", "--theme=light");
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private ListView<Conversation> allMyBrands() throws Exception {
        // Generous: the embedded server starts (PBKDF2 hashing, migrations) inside the app on a loaded machine.
        waitFor(150, () -> robot.lookup("#conversation-list").tryQuery().isPresent());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        waitFor(60, () -> robot.lookup("Todas mis marcas").tryQuery().isPresent());
        robot.clickOn("Todas mis marcas");
        return list;
    }

    private ApiClient lead() throws Exception {
        ApiClient lead = new ApiClient(URI.create("http://127.0.0.1:" + port), ApiClient.defaultHttpClient());
        lead.login("lucia", "faro-demo");
        return lead;
    }

    private List<String> assignedToAna() throws Exception {
        ApiClient lead = lead();
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/api/v1/conversations?assignee=u-ana&limit=500")
                .header("Authorization", "Bearer " + lead.token()).build();
        try (Response r = lead.http().newCall(request).execute()) {
            List<String> ids = new ArrayList<>();
            Json.read(r.body().bytes(), JsonNode.class).path("items").forEach(c -> ids.add(c.path("id").asText()));
            return ids;
        }
    }

    @Test
    void nextClaimsAConversationAndOpensIt() throws Exception {
        ListView<Conversation> list = allMyBrands();
        waitFor(60, () -> list.getItems().stream().anyMatch(c -> c.assigneeId() == null));
        assertThat(assignedToAna()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        waitFor(20, () -> robot.lookup("#queues-message").queryLabeled().getText().startsWith("Tomada"));
        List<String> mine = assignedToAna();
        assertThat(mine).hasSize(1);
        ListView<ThreadMessage> thread = robot.lookup("#thread-messages").queryListView();
        waitFor(20, () -> !thread.getItems().isEmpty()
                && thread.getItems().stream().allMatch(t -> t.message().conversationId().equals(mine.get(0))));

        // The button does the same: a second conversation, also opened.
        waitFor(60, () -> list.getItems().stream().anyMatch(c -> c.assigneeId() == null));
        robot.clickOn("#queue-next");
        waitFor(20, () -> assignedToAna().size() == 2);
        String second = assignedToAna().stream().filter(id -> !id.equals(mine.get(0))).findFirst().orElseThrow();
        waitFor(20, () -> !thread.getItems().isEmpty()
                && thread.getItems().stream().allMatch(t -> t.message().conversationId().equals(second)));
    }

    @Test
    void aBulkLabelOnAMultiSelectionReachesTheServer() throws Exception {
        ListView<Conversation> list = allMyBrands();
        waitFor(60, () -> list.getItems().stream().filter(c -> !c.labels().contains("roaming")).count() >= 2);
        robot.interact(() -> {
            list.getSelectionModel().clearSelection();
            int picked = 0;
            for (int i = 0; i < list.getItems().size() && picked < 2; i++) {
                if (!list.getItems().get(i).labels().contains("roaming")) {
                    list.getSelectionModel().select(i);
                    picked++;
                }
            }
        });
        List<String> selected = new ArrayList<>();
        robot.interact(() -> list.getSelectionModel().getSelectedItems().forEach(c -> selected.add(c.id())));
        assertThat(selected).hasSize(2);

        robot.clickOn("#bulk-actions");
        robot.clickOn("Añadir etiqueta");
        // The open submenu's own "Roaming", not a label chip of a list row or an item of a menu rebuilt meanwhile.
        java.util.function.Predicate<javafx.scene.Node> roaming = n -> n instanceof javafx.scene.control.Labeled l
                && "Roaming".equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() instanceof javafx.stage.PopupWindow w && w.isShowing();
        waitFor(10, () -> robot.lookup(roaming).tryQuery().isPresent());
        // Straight across into the submenu first: a diagonal path would hover "Prioridad" and close it.
        javafx.scene.Node item = robot.lookup(roaming).query();
        javafx.geometry.Bounds submenu = item.getParent().localToScreen(item.getParent().getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(submenu.getMinX() + 20, robot.point("Añadir etiqueta").query().getY()));
        robot.clickOn(item);

        waitFor(20, () -> robot.lookup("#queues-message").queryLabeled().getText().startsWith("2 "));
        ApiClient lead = lead();
        for (String id : selected) {
            assertThat(lead.conversation(id).labels()).contains("roaming");
        }
    }

    @Test
    void anAdminCreatesAWorkqueueAndItAppearsInAnAgentsSidebarLive() throws Exception {
        allMyBrands();
        assertThat(robot.lookup("Cola Orange Premium").tryQuery()).isEmpty();
        ApiClient admin = new ApiClient(URI.create("http://127.0.0.1:" + port), ApiClient.defaultHttpClient());
        admin.login("admin", "faro-demo");
        AdminViewModel vm = new AdminViewModel(new QueuesApi(admin), new FxTaskRunner(1));
        ReferenceIndex reference = new ReferenceIndex(admin.bootstrap(null).reference(), admin.me());
        AdminWindow[] window = new AdminWindow[1];
        robot.interact(() -> {
            window[0] = new AdminWindow(vm, () -> reference, I18n.forLanguage("es"), null);
            window[0].show();
        });
        robot.clickOn("#admin-queue-name").write("Cola Orange Premium");
        robot.clickOn("#admin-queue-create");
        waitFor(20, () -> robot.lookup("#admin-message").queryLabeled().getText().contains("creada"));
        // ana's window follows the server's event: the queue is in her sidebar without a reload.
        // Looked up on the FX thread: a lookup from the test thread can trip over the sidebar being rebuilt.
        waitFor(20, () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> robot.lookup("Cola Orange Premium")
                .queryAll().stream().anyMatch(n -> n.getScene() != window[0].stage().getScene())).get());
        robot.interact(() -> window[0].stage().close());
    }

    /** The live count of a queue in ana's sidebar, read from what the sidebar's list shows. */
    private int sidebarCount(String queueId) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListView<es.faro.client.ui.workstation.QueueEntry> queues = robot.lookup("#queue-list").queryListView();
            return queues.getItems().stream().filter(e -> e.queue().id().equals(queueId)).findFirst()
                    .map(es.faro.client.ui.workstation.QueueEntry::count).orElse(-1);
        }).get();
    }

    /** Clicks the item named {@code text} in an open check-combo popup (not in the main window). */
    private void clickPopupItem(String text) {
        javafx.scene.Node item = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && text.equals(c.getText()) && n.getScene() != null
                && n.getScene().getWindow() instanceof javafx.stage.PopupWindow).query();
        robot.clickOn(item);
    }

    @Test
    void anAdminEditsAnExistingQueuesFilterTheServerHasItAndItsLiveCountChanges() throws Exception {
        allMyBrands();
        ApiClient admin = new ApiClient(URI.create("http://127.0.0.1:" + port), ApiClient.defaultHttpClient());
        admin.login("admin", "faro-demo");
        QueuesApi api = new QueuesApi(admin);
        // Only closed conversations: nothing in the demo's live traffic, so ana's sidebar reads 0.
        es.faro.protocol.model.Workqueue created = api.createWorkqueue(new es.faro.protocol.model.Workqueue(null,
                "Cola editable", null, null, null, null, List.of(es.faro.protocol.model.ConversationStatus.CLOSED),
                null, null, 5, null, false));
        waitFor(20, () -> sidebarCount(created.id()) == 0);
        AdminViewModel vm = new AdminViewModel(api, new FxTaskRunner(1));
        ReferenceIndex reference = new ReferenceIndex(admin.bootstrap(null).reference(), admin.me());
        AdminWindow[] window = new AdminWindow[1];
        robot.interact(() -> {
            window[0] = new AdminWindow(vm, () -> reference, I18n.forLanguage("es"), null);
            window[0].show();
        });
        ListView<es.faro.protocol.model.Workqueue> queues = robot.lookup("#admin-workqueues").queryListView();
        waitFor(20, () -> queues.getItems().stream().anyMatch(q -> q.id().equals(created.id())));
        robot.clickOn(robot.from(queues).lookup("Cola editable").queryLabeled());
        waitFor(10, () -> robot.lookup("#admin-queue-name").queryTextInputControl().getText().equals("Cola editable"));

        robot.doubleClickOn("#admin-queue-name").eraseText(13).write("Cola abierta");
        robot.clickOn("#admin-queue-statuses");
        clickPopupItem("Cerrada");
        clickPopupItem("Nueva");
        clickPopupItem("Abierta");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.clickOn("#admin-queue-ordering");
        robot.clickOn("Más antiguas primero");
        robot.clickOn("#admin-queue-save");

        waitFor(20, () -> robot.lookup("#admin-message").queryLabeled().getText().contains("guardada"));
        es.faro.protocol.model.Workqueue stored = api.workqueues().stream().filter(q -> q.id().equals(created.id()))
                .findFirst().orElseThrow();
        assertThat(stored.name()).isEqualTo("Cola abierta");
        assertThat(stored.statuses()).containsExactlyInAnyOrder(es.faro.protocol.model.ConversationStatus.NEW,
                es.faro.protocol.model.ConversationStatus.OPEN);
        assertThat(stored.ordering()).isEqualTo(es.faro.protocol.model.Workqueue.Ordering.OLDEST);
        // ana's window follows the server's event: the same queue now counts the live new and open work.
        waitFor(30, () -> sidebarCount(created.id()) > 0);
        robot.interact(() -> window[0].stage().close());
    }
}
