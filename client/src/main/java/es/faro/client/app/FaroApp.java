package es.faro.client.app;

import es.faro.client.settings.UserSettings;
import atlantafx.base.theme.Styles;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.CommunityApi;
import es.faro.client.sync.MetricsApi;
import es.faro.client.ui.community.LeaderboardView;
import es.faro.client.ui.community.LeaderboardViewModel;
import es.faro.client.ui.community.ModerationView;
import es.faro.client.ui.community.ModerationViewModel;
import es.faro.client.ui.about.AboutInfo;
import es.faro.client.ui.about.AboutView;
import es.faro.client.ui.attention.AttentionWatcher;
import es.faro.client.ui.common.NotificationCenter;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.client.ui.dashboard.DashboardViewModel;
import es.faro.client.ui.dashboard.DashboardWindow;
import es.faro.client.ui.login.LoginView;
import es.faro.client.ui.login.LoginViewModel;
import es.faro.client.ui.settings.SettingsViewModel;
import es.faro.client.ui.slaadmin.SlaAdminViewModel;
import es.faro.client.ui.slaadmin.SlaAdminWindow;
import es.faro.client.ui.workstation.AlertsViewModel;
import es.faro.client.ui.workstation.WorkstationView;
import es.faro.client.ui.workstation.WorkstationViewModel;
import es.faro.protocol.model.Agent;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
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
    private es.faro.client.ui.queues.QueuesViewModel queues;
    private es.faro.client.ui.reliability.OfflineViewModel offline;
    private es.faro.client.ui.automation.AutomationFeature automation;
    private DashboardWindow dashboard;
    private SlaAdminWindow slaAdmin;
    private es.faro.client.ui.accounts.ChannelAccountsWindow accountsAdmin;
    /** The moderation panel's model for community and forum threads. */
    private ModerationViewModel moderation;
    private volatile boolean stopping;
    // Desktop: per-user settings, the window frame, notices, the tray badge (see DesktopShell).
    private UserSettings userSettings;
    private SettingsResolver resolved;
    private SettingsViewModel settings;
    private NotificationCenter notices;
    private DesktopShell shell;
    private TrayBadge tray;
    private Stage stage;
    private AttentionWatcher attention;
    private boolean reauthenticating;
    private InstanceLock instanceLock;

    @Override
    public void init() {
        String[] args = getParameters().getRaw().toArray(String[]::new);
        AppDirs defaults = AppDirs.forCurrentUser();
        config = ClientConfig.load(args, defaults, System.getenv());
        dirs = config.get(ClientConfig.DATA_DIR).map(d -> new AppDirs(Path.of(d), defaults.config())).orElse(defaults);
        // A data.dir set explicitly relocates the settings too (tests and portable installs), unless config.dir says otherwise.
        Path configDir = config.get(ClientConfig.CONFIG_DIR).map(Path::of)
                .orElse(config.get(ClientConfig.DATA_DIR).isPresent() ? dirs.data().resolve("config") : defaults.config());
        dirs = new AppDirs(dirs.data(), configDir);
        userSettings = UserSettings.load(dirs.config());
        resolved = new SettingsResolver(config, userSettings);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        i18n = I18n.forLanguage(SettingsViewModel.normalizeLanguage(resolved.get(ClientConfig.LANGUAGE).orElse("es")));
        tasks = new FxTaskRunner(2);
        clock = new SharedClock();
        clock.start();
        settings = new SettingsViewModel(userSettings, Theme.fromConfig(resolved.get(ClientConfig.THEME).orElse("light")),
                i18n.locale().getLanguage(),
                resolved.get(UserSettings.FONT_SIZE).map(FaroApp::parseInt).orElse(SettingsViewModel.DEFAULT_FONT),
                userSettings.getBoolean(UserSettings.NOTIFICATIONS, true),
                userSettings.getBoolean(UserSettings.NOTIFICATION_SOUND, false));
        notices = new NotificationCenter(tasks);
        settings.notificationsProperty().subscribe(notices::setEnabled);
        settings.soundProperty().subscribe(notices::setSound);
        shell = new DesktopShell(stage, settings, notices, i18n, new DesktopShell.Actions() {
            @Override
            public void signOut() {
                FaroApp.this.signOut();
            }

            @Override
            public void about() {
                showAbout();
            }

            @Override
            public void quit() {
                stage.close();
                Platform.exit();
            }
        });
        String demoUser = config.get(ClientConfig.DEMO_USER).orElse("ana");
        StartupView startup = new StartupView(i18n);
        boolean alone = lockDataFolder();
        String startupKey = demoMode() ? "startup.demo" : "startup.opening";
        shell.show(i -> alone ? new StartupView(i).progress(i.get(startupKey, demoUser)) : new StartupView(i).alreadyRunning());
        scene = new Scene(shell.root(), 1440, 900);
        settings.themeProperty().subscribe(theme -> theme.apply(scene));
        settings.languageProperty().addListener((o, was, language) -> switchLanguage(language));
        addIcons(stage);
        WindowLayout.restore(stage, userSettings);
        stage.setScene(scene);
        stage.show();
        tray = TrayBadge.install(i18n.get("app.name"), () -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.toFront();
        }));
        if (!opensDashboard()) {
            ScreenshotTaker.schedule(config, scene);
        }
        if (!alone) {
            return; // another Faro has this computer account's data: nothing else may start
        }

        if (demoMode()) {
            double rate = config.get(ClientConfig.DEMO_RATE).map(Double::parseDouble).orElse(20.0);
            tasks.run(() -> {
                int port = config.get(ClientConfig.DEMO_PORT).map(Integer::parseInt).orElse(0);
                boolean colleagues = config.get(ClientConfig.DEMO_COLLEAGUES).map(Boolean::parseBoolean).orElse(true);
                demo = DemoBackend.start(dirs.data().resolve("demo-server"), port, demoUser, rate, colleagues);
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

    /** Demo mode: no server given by flag, environment, a previous sign-in, or the config files. */
    private boolean demoMode() {
        return resolved.get(ClientConfig.SERVER_URL).isEmpty();
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return SettingsViewModel.DEFAULT_FONT;
        }
    }

    private void showLogin(StartupView startup) {
        String server = resolved.get(ClientConfig.SERVER_URL).orElse("");
        showLogin(server, userSettings.get(UserSettings.LAST_USER).orElse(""), null);
    }

    /**
     * The login screen, pre-filled. With {@code expired} set (the token ran out), signing in again
     * as the same agent gives the running session the new token: the same cache, outbox, drafts
     * and open conversation carry on. Anyone else gets a fresh session on their own cache.
     */
    private void showLogin(String server, String user, ClientSession expired) {
        AtomicReference<ApiClient> signedInApi = new AtomicReference<>();
        LoginViewModel login = new LoginViewModel(
                new ServerAuthenticator((api, agent) -> signedInApi.set(api)),
                tasks);
        login.serverUrlProperty().set(server);
        login.usernameProperty().set(user);
        login.signedInProperty().subscribe(agent -> {
            if (agent != null) {
                ApiClient api = signedInApi.get();
                if (!demoMode()) {
                    userSettings.set(UserSettings.SERVER_URL, login.serverUrlProperty().get().trim());
                }
                userSettings.set(UserSettings.LAST_USER, agent.username());
                userSettings.save();
                reauthenticating = false;
                if (expired != null && expired == session && agent.id().equals(expired.me().id())
                        && ClientSession.serverKey(api).equals(ClientSession.serverKey(expired.api()))) {
                    log.info("{} signed in again; the session continues with the new token", agent.username());
                    expired.api().useToken(api.token());
                    expired.sync().retryNow();
                    showWorkstationScreen();
                    return;
                }
                ClientSession previous = session;
                closeWorkstation();
                if (previous != null) {
                    tasks.run(() -> {
                        previous.close();
                        return null;
                    }, ignored -> { }, e -> log.warn("closing the previous session failed", e));
                }
                shell.show(i -> new StartupView(i).progress(i.get("startup.opening")));
                String serverKey = demo != null && api.base().equals(demo.api().base()) ? "demo" : ClientSession.serverKey(api);
                tasks.run(() -> ClientSession.start(api, agent, dirs.caches(), serverKey),
                        this::openWorkstation, e -> showFailure(new StartupView(shell.i18n()), e));
            }
        });
        shell.show(i -> new LoginView(login, i).root());
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
        moderation = new ModerationViewModel(new CommunityApi(opened.api()), workstation.thread().conversationProperty(),
                tasks);
        opened.sync().addReceivedListener(moderation::onEvents);
        moderation.useBodies(id -> workstation.thread().messages().stream().map(m -> m.message())
                .filter(m -> m.id().equals(id)).map(m -> m.body()).findFirst().orElse(null));
        offline = new es.faro.client.ui.reliability.OfflineViewModel(opened.cache(), opened.sync(), tasks,
                java.time.ZoneId.systemDefault());
        workstation.thread().composer().useDraftStore(opened.cache()::saveDraft, opened.savedDrafts());
        workstation.thread().useDeliveryCommands(new es.faro.client.sync.DeliveryApi(opened.api()));
        workstation.search().useServer(new es.faro.client.ui.search.ServerSearchViewModel(
                        new es.faro.client.sync.SearchApi(opened.api()), tasks, workstation.search()::openById),
                new es.faro.client.sync.ConversationFetcher(opened.api(), opened.cache())::fetch);
        opened.cache().addDeliveryFailureListener(new es.faro.client.ui.attention.DeliveryAlerts(me.id(), notices)::onFailure);
        automation = es.faro.client.ui.automation.AutomationFeature.attach(me, opened.api(), opened.sync(), workstation,
                clock, tasks);
        automation.useCannedResponses(opened.cache()::cannedResponses);
        rememberLastQueue(workstation);
        WorkstationViewModel opening = workstation;
        queues = new es.faro.client.ui.queues.QueuesViewModel(me, new es.faro.client.sync.QueuesApi(opened.api()),
                tasks, opening::open, config.get("away.after").map(java.time.Duration::parse)
                .orElse(java.time.Duration.ofMinutes(5)), java.time.Duration.ofSeconds(30));
        AlertsViewModel alerts = new AlertsViewModel(me.id(), workstation.activeConversations(),
                workstation.loadedProperty(), workstation.thread().conversationProperty(), clock.nowProperty());
        attention = new AttentionWatcher(workstation.activeConversations(), me.id(), clock.nowProperty(), alerts,
                notices);
        attention.warningCountProperty().subscribe(n -> {
            shell.setWarningCount(n.intValue());
            tray.update(n.intValue(), shell.i18n().get("tray.warnings", n.intValue()));
        });
        opened.sync().addListener(new ConnectionNotices(notices, () -> Platform.runLater(() -> sessionExpired(opened))));
        shell.progress().follow(workstation.statusBar().stateProperty());
        shell.signedInProperty().set(true);
        showWorkstationScreen();
        if (DashboardViewModel.allowedFor(me)) {
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                    () -> openDashboard(opened));
            if (opensDashboard()) {
                openDashboard(opened);
            }
        }
        workstation.loadedProperty().subscribe(loaded -> {
            if (loaded) {
                long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                log.info("workstation ready for {} after {} ms", me.username(), sinceJvmStart);
            }
        });
        workstation.start();
        offline.start();
    }

    private void showWorkstationScreen() {
        WorkstationViewModel vm = workstation;
        ClientSession opened = session;
        shell.show(i -> {
            WorkstationView view = new WorkstationView(vm, clock, i);
            view.addThreadPanel(new ModerationView(moderation, i).root());
            if (automation != null) {
                automation.decorate(view, i);
            }
            WindowLayout.restoreDividers(view.root(), userSettings);
            es.faro.client.ui.queues.QueuesFeature.install(view, vm, queues,
                    new es.faro.client.sync.QueuesApi(opened.api()), tasks, clock, i);
            view.addBanner(new es.faro.client.ui.reliability.OfflineView(offline, i).root());
            es.faro.client.ui.canned.CannedWiring.install(view, vm, opened.cache(),
                    new es.faro.client.sync.CannedApi(opened.api()), tasks, i);
            if (DashboardViewModel.allowedFor(opened.me())) {
                Button button = new Button(i.get("dashboard.open"), new FontIcon(Material2OutlinedAL.DASHBOARD));
                button.setId("open-dashboard");
                button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                button.setOnAction(e -> openDashboard(opened));
                view.addStatusAction(button);
            }
            if (SlaAdminViewModel.allowedFor(opened.me())) {
                Button button = new Button(i.get("slaadmin.open"), new FontIcon(Material2OutlinedAL.ALARM));
                button.setId("open-sla-admin");
                button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                button.setOnAction(e -> openSlaAdmin(opened));
                view.addStatusAction(button);
            }
            if (es.faro.client.ui.accounts.ChannelAccountsViewModel.allowedFor(opened.me())) {
                Button button = new Button(i.get("accounts.open"), new FontIcon(Material2OutlinedAL.ACCOUNT_TREE));
                button.setId("open-accounts-admin");
                button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                button.setOnAction(e -> openAccountsAdmin(opened));
                view.addStatusAction(button);
            }
            return view.root();
        });
    }

    private boolean opensDashboard() {
        return config.get("open").filter("dashboard"::equals).isPresent();
    }

    /** Leads and admins open the dashboard from the status bar or with Ctrl+D, in a window of its own. */
    private void openDashboard(ClientSession opened) {
        if (dashboard != null && dashboard.stage().isShowing()) {
            dashboard.stage().toFront();
            return;
        }
        DashboardViewModel vm = new DashboardViewModel(opened.me(), opened.cache(), opened.commands(),
                new MetricsApi(opened.api()), tasks, clock.nowProperty());
        dashboard = new DashboardWindow(vm, clock, shell.i18n(), settings.themeProperty().get(), scene.getWindow());
        // Every brand the user sees (leads and admins: all of them, even with no brand skills of their own).
        java.util.List<String> brands = workstation.referenceProperty().get().visibleBrands().stream()
                .map(es.faro.protocol.model.Brand::id).toList();
        dashboard.addSection(new LeaderboardView(new LeaderboardViewModel(new CommunityApi(opened.api()),
                brands.isEmpty() ? opened.me().brands() : brands, tasks), shell.i18n()).root());
        dashboard.show();
        vm.wallboardProperty().set(config.get("wallboard").map(Boolean::parseBoolean).orElse(false));
        if (opensDashboard()) {
            ScreenshotTaker.schedule(config, dashboard.stage().getScene());
        }
    }

    /** Admins edit SLA policies and business hours in a window of their own, from the status bar. */
    private void openSlaAdmin(ClientSession opened) {
        if (slaAdmin != null && slaAdmin.stage().isShowing()) {
            slaAdmin.stage().toFront();
            return;
        }
        java.util.List<String> brandIds = workstation.referenceProperty().get() == null ? java.util.List.of()
                : workstation.referenceProperty().get().visibleBrands().stream().map(es.faro.protocol.model.Brand::id).toList();
        slaAdmin = new SlaAdminWindow(new SlaAdminViewModel(new es.faro.client.sync.SlaAdminApi(opened.api()), tasks),
                brandIds, shell.i18n(), settings.themeProperty().get(), scene.getWindow());
        slaAdmin.show();
    }

    /** Admins manage the brands' channel accounts and rotate webhook secrets in a window of their own. */
    private void openAccountsAdmin(ClientSession opened) {
        if (accountsAdmin != null && accountsAdmin.stage().isShowing()) {
            accountsAdmin.stage().toFront();
            return;
        }
        java.util.List<es.faro.protocol.model.Brand> brands = workstation.referenceProperty().get() == null
                ? java.util.List.of() : workstation.referenceProperty().get().visibleBrands();
        accountsAdmin = new es.faro.client.ui.accounts.ChannelAccountsWindow(
                new es.faro.client.ui.accounts.ChannelAccountsViewModel(
                        new es.faro.client.sync.ChannelAccountsApi(opened.api()), tasks),
                brands, shell.i18n(), settings.themeProperty().get(), scene.getWindow());
        accountsAdmin.show();
    }

    /** The queue the agent last worked comes back selected; every change of queue is remembered. */
    private void rememberLastQueue(WorkstationViewModel vm) {
        userSettings.get(UserSettings.LAST_QUEUE).ifPresent(last -> vm.referenceProperty().subscribe(ref -> {
            // Runs before the sidebar takes the new reference data, which keeps a still-visible selection.
            if (ref != null && vm.sidebar().selectedQueueProperty().get() == null) {
                ref.visibleQueues().stream().filter(q -> q.id().equals(last)).findFirst().ifPresent(vm.sidebar()::selectQueue);
            }
        }));
        vm.sidebar().selectedQueueProperty().subscribe(q -> {
            if (q != null) {
                userSettings.set(UserSettings.LAST_QUEUE, q.id());
                userSettings.save();
            }
        });
    }

    private void switchLanguage(String language) {
        i18n = I18n.forLanguage(language);
        shell.setI18n(i18n, current -> {
            if (current instanceof Parent p) {
                WindowLayout.captureDividers(p, userSettings);
            }
        });
    }

    private void sessionExpired(ClientSession expired) {
        if (expired != session || reauthenticating || stopping) {
            return;
        }
        reauthenticating = true;
        log.info("the session of {} expired: asking to sign in again", expired.me().username());
        captureLayout();
        showLogin(displayUrl(expired.api()), expired.me().username(), expired);
    }

    /** Sign out: the token is revoked on the server, the cache (outbox, drafts) stays for next time. */
    private void signOut() {
        ClientSession closing = session;
        if (closing == null) {
            return;
        }
        String server = displayUrl(closing.api());
        String user = closing.me().username();
        captureLayout();
        closeWorkstation();
        tasks.run(() -> {
            try {
                closing.api().logout();
            } finally {
                closing.close();
            }
            return null;
        }, ignored -> log.info("{} signed out", user), e -> log.warn("sign-out of {} did not reach the server", user, e));
        showLogin(server, user, null);
    }

    /** The server's address as the agent typed it: without the trailing slash of the API base. */
    private static String displayUrl(ApiClient api) {
        String url = api.base().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Stops the workstation's view models (not the session: the caller decides what happens to it). */
    private void closeWorkstation() {
        if (attention != null) {
            attention.close();
            attention = null;
        }
        if (workstation != null) {
            workstation.close();
            workstation = null;
        }
        if (slaAdmin != null) {
            slaAdmin.stage().hide();
            slaAdmin = null;
        }
        if (offline != null) {
            offline.close();
            offline = null;
        }
        shell.progress().follow(null);
        shell.setWarningCount(0);
        shell.signedInProperty().set(false);
        session = null;
    }

    private void showAbout() {
        ClientSession s = session;
        Path cacheFile = s == null ? null : dirs.caches().resolve(ClientSession.cacheFileName(s.me(),
                demo != null && s.api() == demo.api() ? "demo" : ClientSession.serverKey(s.api())));
        String server = s == null ? resolved.get(ClientConfig.SERVER_URL).orElse("—")
                : demo != null && s.api() == demo.api() ? shell.i18n().get("about.demoServer", s.api().base().toString())
                : s.api().base().toString();
        AboutInfo info = new AboutInfo(AppVersion.get(), server,
                s == null ? null : s.me().name() + " (" + s.me().username() + ")",
                cacheFile, cacheFile == null ? -1 : CacheSize.of(cacheFile), dirs.logs(), userSettings.file());
        I18n texts = shell.i18n();
        shell.dialog("about", texts.get("about.title"), new AboutView(info, texts,
                folder -> getHostServices().showDocument(folder.toUri().toString())).root()).show();
    }

    private void captureLayout() {
        if (stage != null && stage.getScene() != null) {
            WindowLayout.capture(stage, userSettings);
            if (shell != null && shell.content() instanceof Parent p) {
                WindowLayout.captureDividers(p, userSettings);
            }
            userSettings.save();
        }
    }

    /** Takes this computer account's Faro data folder for this process; false when another Faro has it. */
    private boolean lockDataFolder() {
        try {
            instanceLock = InstanceLock.tryAcquire(dirs.data()).orElse(null);
            return instanceLock != null;
        } catch (java.io.IOException e) {
            log.warn("could not lock the data folder {}; going on without the single-instance guard", dirs.data(), e);
            return true;
        }
    }

    private void showFailure(StartupView startup, Throwable error) {
        log.error("Faro could not start", error);
        shell.show(i -> new StartupView(i).failure(error));
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
        if (shell != null) {
            captureLayout();
        }
        if (attention != null) {
            attention.close();
        }
        if (tray != null) {
            tray.close();
        }
        if (dashboard != null) {
            dashboard.stage().hide();
        }
        if (slaAdmin != null) {
            slaAdmin.stage().hide();
        }
        if (workstation != null) {
            workstation.close();
        }
        if (offline != null) {
            offline.close();
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
        if (instanceLock != null) {
            try {
                instanceLock.close();
            } catch (java.io.IOException e) {
                log.debug("releasing the data folder lock failed", e);
            }
        }
    }
}
