package es.faro.client.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.SearchApi;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: with few local results and a connection, "Buscar también en el servidor" appears; clicking it
 * lists the server's hits with the matched words marked; clicking a hit opens its conversation; offline,
 * the offer is gone.
 */
class ServerSearchViewTest {
    @TempDir
    Path dir;
    LiveServer server;
    FxTaskRunner tasks;
    ServerSearchViewModel vm;
    final List<String> opened = new CopyOnWriteArrayList<>();
    final FxRobot robot = new FxRobot();
    ApiClient ana;

    @BeforeEach
    void show() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        server.tweet(server.twitterAccountOf("orange"), "9101", "Aurora Medina", "El router pierde la conexión cada noche");
        ana = server.signedIn("ana");
        tasks = new FxTaskRunner(1);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> {
            vm = new ServerSearchViewModel(new SearchApi(ana), tasks, opened::add);
            ServerSearchView view = new ServerSearchView(vm, new I18n(I18n.SPANISH));
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(view.node());
            root.setPrefSize(600, 400);
            return root;
        });
        FxToolkit.showStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        server.close();
    }

    @Test
    void offersTheServerListsMarkedHitsAndOpensOne() throws Exception {
        robot.interact(() -> {
            vm.onlineProperty().set(true);
            vm.localResultsProperty().set(0);
            vm.queryProperty().set("conexion");
        });
        Node offer = robot.lookup("#server-search-offer").query();
        assertThat(offer.isVisible()).isTrue();
        assertThat(robot.lookup("Buscar también en el servidor").tryQuery()).isPresent();
        robot.clickOn("#server-search-offer");
        ListView<SearchApi.Hit> list = robot.lookup("#server-search-results").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.isVisible() && list.getItems().size() == 1);
        assertThat(offer.isVisible()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> marked = robot.lookup(".search-hit-mark").queryAllAs(Text.class).stream().map(Text::getText).toList();
        assertThat(marked).containsExactly("conexión");

        robot.clickOn("Aurora Medina");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> opened.size() == 1);
        assertThat(ana.conversation(opened.get(0)).customerName()).isEqualTo("Aurora Medina");

        robot.interact(() -> {
            vm.queryProperty().set("router");
            vm.onlineProperty().set(false);
        });
        assertThat(offer.isVisible()).isFalse();
        assertThat(list.isVisible()).isFalse();
    }
}
