package es.faro.client.ui.tools;

import es.faro.client.cache.SqliteCache;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.OutboxCommands;
import es.faro.client.sync.SyncEngine;
import es.faro.client.ui.TestData;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.client.ui.login.LoginView;
import es.faro.client.ui.login.LoginViewModel;
import es.faro.client.ui.workstation.WorkstationView;
import es.faro.client.ui.workstation.WorkstationViewModel;
import es.faro.protocol.model.Conversation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the workstation (light and dark) and the login screen to PNG files over a temp cache with
 * realistic data, to look at the layout without a display: {@code java ... WorkstationScreenshot OUTDIR}.
 * Runs on Monocle's headless screen.
 */
public final class WorkstationScreenshot {
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationScreenshot.class);
    private static final int W = 1560;
    private static final int H = 960;

    private WorkstationScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        HeadlessScreens.useMonocle();
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("faro-shot");
        SqliteCache cache = SqliteCache.open(dir.resolve("cache.db"));
        cache.applyBootstrap(TestData.bootstrap(Instant.now()));
        OutboxCommands commands = new OutboxCommands(cache, TestData.ANA);
        SyncEngine sync = new SyncEngine(new ApiClient(URI.create("http://127.0.0.1:9/"), ApiClient.defaultHttpClient()), cache);
        FxTaskRunner tasks = new FxTaskRunner(2);
        I18n i18n = new I18n();

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        WorkstationViewModel vm = new WorkstationViewModel(TestData.ANA, cache, commands, sync, tasks);
        CompletableFuture<Scene> sceneFuture = new CompletableFuture<>();
        Platform.runLater(() -> {
            SharedClock clock = new SharedClock();
            clock.start();
            WorkstationView view = new WorkstationView(vm, clock, i18n);
            Scene scene = new Scene(view.root(), W, H);
            Theme.LIGHT.apply(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            vm.start();
            sceneFuture.complete(scene);
        });
        Scene scene = sceneFuture.get(10, TimeUnit.SECONDS);
        waitUntil(() -> vm.loadedProperty().get());
        onFx(() -> {
            vm.sidebar().selectQueue(vm.sidebar().queues().get(1).queue());
            Conversation first = vm.list().items().get(0);
            vm.open(first);
        });
        commands.note("c-breached", "Escalado a averías (INC-20931). Si vuelve a escribir, ofrecer técnico en 24 h.").get();
        Thread.sleep(800);
        onFx(() -> vm.thread().composer().textProperty().set("Te escribimos por DM en cuanto tengamos novedades."));
        Thread.sleep(300);
        snapshot(scene, out.resolve("workstation-light.png"));
        onFx(() -> Theme.DARK.apply(scene));
        Thread.sleep(300);
        snapshot(scene, out.resolve("workstation-dark.png"));

        onFx(() -> {
            LoginViewModel login = new LoginViewModel((url, user, pass) -> new CompletableFuture<>(), tasks);
            login.serverUrlProperty().set("https://faro.example.com");
            login.usernameProperty().set("ana");
            Parent root = new LoginView(login, i18n).root();
            Scene loginScene = new Scene(root, 900, 640);
            Theme.LIGHT.apply(loginScene);
            Stage stage = new Stage();
            stage.setScene(loginScene);
            stage.show();
            scene.getWindow().hide();
            sceneFuture.obtrudeValue(loginScene);
        });
        Thread.sleep(300);
        snapshot(sceneFuture.get(), out.resolve("login-light.png"));
        LOG.info("screenshots written to {}", out.toAbsolutePath());
        vm.close();
        tasks.close();
        sync.close();
        cache.close();
        Platform.exit();
        System.exit(0);
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        HeadlessScreens.snapshot(scene, file);
    }
}
