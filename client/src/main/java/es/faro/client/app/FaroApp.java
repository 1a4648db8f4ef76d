package es.faro.client.app;

import atlantafx.base.theme.Styles;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.MetricsApi;
import es.faro.client.ui.dashboard.DashboardViewModel;
import es.faro.client.ui.dashboard.DashboardWindow;
import es.faro.client.ui.workstation.AlertsOverlay;
import es.faro.client.ui.workstation.AlertsViewModel;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.client.ui.login.LoginView;
import es.faro.client.ui.login.LoginViewModel;
import es.faro.client.ui.workstation.WorkstationView;
import es.faro.client.ui.workstation.WorkstationViewModel;
import es.faro.protocol.model.Agent;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the cache, the sync engine, the executors and the view models and
 * wires them (no DI framework). Demo mode starts an embedded server and signs in as a demo agent;
 * with a server configured it shows the login screen.
 */
public final class FaroApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(FaroApp.class);

    private ClientConfig config;
    private AppDirs dirs;
    private I18n i18n;
    private FxTaskRunner tasks;
    private SharedClock clock;
    private Scene scene;
    private DemoBackend demo;
    private ClientSession session;
    private WorkstationViewModel workstation;
    private DashboardWindow dashboard;
    private volatile boolean stopping;

    @Override
    public void init() {
        String[] args = getParameters().getRaw().toArray(String[]::new);
        AppDirs defaults = AppDirs.forCurrentUser();
        config = ClientConfig.load(args, defaults, System.getenv());
        dirs = config.get(ClientConfig.DATA_DIR).map(d -> new AppDirs(Path.of(d), defaults.config())).orElse(defaults);
    }

    @Override
    public void start(Stage stage) {
        i18n = new I18n(config.locale());
        tasks = new FxTaskRunner(2);
        clock = new SharedClock();
        clock.start();
        StartupView startup = new StartupView(i18n);
        String demoUser = config.get(ClientConfig.DEMO_USER).orElse("ana");
        scene = new Scene(startup.progress(config.demoMode() ? i18n.get("startup.demo", demoUser)
                : i18n.get("startup.opening")), 1440, 900);
        Theme.fromConfig(config.get(ClientConfig.THEME).orElse("light")).apply(scene);
        stage.setTitle(i18n.get("app.name"));
        addIcons(stage);
        stage.setScene(scene);
        stage.show();
        if (!config.get("open").filter("dashboard"::equals).isPresent()) {
            ScreenshotTaker.schedule(config, scene);
        }

        if (config.demoMode()) {
            double rate = config.get(ClientConfig.DEMO_RATE).map(Double::parseDouble).orElse(20.0);
            tasks.run(() -> {
                int port = config.get(ClientConfig.DEMO_PORT).map(Integer::parseInt).orElse(0);
                demo = DemoBackend.start(dirs.data().resolve("demo-server"), port, demoUser, rate);
                if (stopping) {
                    demo.close();
                    return null;
                }
                return ClientSession.start(demo.api(), demo.login().agent(), dirs.caches(), "demo");
            }, this::openWorkstation, e -> showFailure(startup, e));
        } else {
            showLogin(startup);
        }
    }

    private void showLogin(StartupView startup) {
        AtomicReference<ApiClient> signedInApi = new AtomicReference<>();
        LoginViewModel login = new LoginViewModel(
                new ServerAuthenticator((api, agent) -> signedInApi.set(api)),
                tasks);
        config.get(ClientConfig.SERVER_URL).ifPresent(login.serverUrlProperty()::set);
        login.signedInProperty().subscribe(agent -> {
            if (agent != null) {
                scene.setRoot(startup.progress(i18n.get("startup.opening")));
                ApiClient api = signedInApi.get();
                tasks.run(() -> ClientSession.start(api, agent, dirs.caches(), ClientSession.serverKey(api)),
                        this::openWorkstation, e -> showFailure(startup, e));
            }
        });
        scene.setRoot(new LoginView(login, i18n).root());
    }

    private void openWorkstation(ClientSession opened) {
        if (opened == null) {
            return;
        }
        if (stopping) {
            opened.close();
            return;
        }
        session = opened;
        Agent me = opened.me();
        workstation = new WorkstationViewModel(me, opened.cache(), opened.commands(), opened.sync(), tasks);
        WorkstationView view = new WorkstationView(workstation, clock, i18n);
        scene.setRoot(new AlertsOverlay(view.root(), new AlertsViewModel(me.id(),
                workstation.activeConversations(), workstation.loadedProperty(),
                workstation.thread().conversationProperty(), clock.nowProperty()), workstation, clock,
                i18n).root());
        if (DashboardViewModel.allowedFor(me)) {
            addDashboard(opened, view);
        }
        workstation.loadedProperty().subscribe(loaded -> {
            if (loaded) {
                long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                log.info("workstation ready for {} after {} ms", me.username(), sinceJvmStart);
            }
        });
        workstation.start();
    }

    /** Leads and admins open the dashboard from the status bar or with Ctrl+D, in a window of its own. */
    private void addDashboard(ClientSession opened, WorkstationView view) {
        Button button = new Button(i18n.get("dashboard.open"), new FontIcon(Material2OutlinedAL.DASHBOARD));
        button.setId("open-dashboard");
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setOnAction(e -> openDashboard(opened));
        view.addStatusAction(button);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                () -> openDashboard(opened));
        if (config.get("open").filter("dashboard"::equals).isPresent()) {
            openDashboard(opened);
        }
    }

    private void openDashboard(ClientSession opened) {
        if (dashboard != null && dashboard.stage().isShowing()) {
            dashboard.stage().toFront();
            return;
        }
        DashboardViewModel vm = new DashboardViewModel(opened.me(), opened.cache(), opened.commands(),
                new MetricsApi(opened.api()), tasks, clock.nowProperty());
        dashboard = new DashboardWindow(vm, clock, i18n, Theme.fromConfig(config.get(ClientConfig.THEME).orElse("light")),
                scene.getWindow());
        dashboard.show();
        vm.wallboardProperty().set(config.get("wallboard").map(Boolean::parseBoolean).orElse(false));
        if (config.get("open").filter("dashboard"::equals).isPresent()) {
            ScreenshotTaker.schedule(config, dashboard.stage().getScene());
        }
    }

    private void showFailure(StartupView startup, Throwable error) {
        log.error("Faro could not start", error);
        scene.setRoot(startup.failure(error));
    }

    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = FaroApp.class.getResourceAsStream("/es/faro/client/icons/faro-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                log.debug("icon {} not loaded", size, e);
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        if (dashboard != null) {
            dashboard.stage().hide();
        }
        if (workstation != null) {
            workstation.close();
        }
        if (session != null) {
            session.close();
        }
        if (demo != null) {
            demo.close();
        }
        if (clock != null) {
            clock.stop();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
