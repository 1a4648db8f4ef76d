package es.faro.client.ui.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.client.app.ClientSession;
import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.MetricsApi;
import es.faro.client.sync.SlaAdminApi;
import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.client.ui.dashboard.DashboardView;
import es.faro.client.ui.dashboard.DashboardViewModel;
import es.faro.protocol.api.ConversationPage;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Renders the lead's dashboard to {@code OUTDIR/dashboard.png} (and {@code wallboard.png}) over a
 * real embedded server with a morning compressed into six minutes: the social networks' first
 * response target is shortened to 3 minutes (warning at 50 %), customers of every brand tweet, agents
 * answer most of them in time, some late, some not at all, and a last wave is in WARNING when the
 * picture is taken. {@code java ... DashboardScreenshot OUTDIR}; runs on Monocle's headless screen.
 */
public final class DashboardScreenshot {
    private static final Duration TARGET = Duration.ofMinutes(3);
    private static final String[] BRANDS = {"orange", "jazztel", "amena", "simyo", "republica"};
    private static final String[] TEXTS = {
        "Llevo desde esta mañana sin fibra en casa, ¿me podéis ayudar?",
        "Me habéis cobrado dos veces la factura de este mes.",
        "No tengo cobertura 4G en el centro desde ayer.",
        "¿Cuándo llega el router nuevo? Ya han pasado cinco días.",
        "La app no me deja ver el consumo de datos.",
        "Quiero portar mi número y nadie me contesta.",
    };

    private DashboardScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        HeadlessScreens.useMonocle();
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("faro-dash-shot");
        try (LiveServer server = new LiveServer(dir.resolve("server"))) {
            SlaAdminApi admin = new SlaAdminApi(server.signedIn("admin"));
            List<SlaPolicy> policies = new ArrayList<>();
            for (SlaPolicy p : admin.policies()) {
                policies.add(p.id().equals("sla-social") ? new SlaPolicy(p.id(), p.name(), p.brands(), p.channels(),
                        p.priorities(), TARGET, TARGET, p.resolution(), 50, "24x7") : p);
            }
            admin.savePolicies(policies);
            ApiClient lead = server.signedIn("lucia");
            ApiClient ana = server.signedIn("ana");
            ApiClient pablo = server.signedIn("pablo");
            Map<String, String> accounts = new HashMap<>();
            for (String brand : BRANDS) {
                accounts.put(brand, server.twitterAccountOf(brand));
            }

            // The morning: 30 customers; 18 answered at once, 12 left waiting.
            List<String> first = wave(server, accounts, lead, 0, 30);
            for (int i = 0; i < first.size(); i++) {
                Conversation c = lead.conversation(first.get(i));
                ApiClient agent = agentFor(c, ana, pablo);
                if (i % 5 != 4 && i < 23) {
                    claim(agent, c);
                    reply(agent, c.id());
                } else if (i % 3 == 0) {
                    claim(agent, c);
                }
            }
            Thread.sleep(TARGET.plusSeconds(5).toMillis());
            // Five of the waiting ones answered late; the others stay breached.
            int late = 0;
            for (String id : first) {
                Conversation c = lead.conversation(id);
                if (c.firstResponse() != null && c.firstResponse().isRunning() && late < 5) {
                    reply(agentFor(c, ana, pablo), id);
                    late++;
                }
            }

            es.faro.protocol.model.Agent me = lead.me();
            ClientSession session = ClientSession.start(lead, me, dir.resolve("cache"), "shot");
            FxTaskRunner tasks = new FxTaskRunner(2);
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();

            // A last wave, in WARNING (past half the target, not yet due) when the picture is taken.
            wave(server, accounts, lead, 30, 8);
            Thread.sleep(TARGET.dividedBy(2).plusSeconds(10).toMillis());

            CompletableFuture<Scene> shown = new CompletableFuture<>();
            DashboardViewModel[] vm = new DashboardViewModel[1];
            Platform.runLater(() -> {
                SharedClock clock = new SharedClock();
                clock.start();
                vm[0] = new DashboardViewModel(me, session.cache(), session.commands(), new MetricsApi(lead),
                        tasks, clock.nowProperty());
                DashboardView view = new DashboardView(vm[0], clock, new I18n(I18n.SPANISH));
                Scene scene = new Scene(view.root(), 1600, 1000);
                Theme.LIGHT.apply(scene);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                vm[0].start();
                shown.complete(scene);
            });
            Scene scene = shown.get(30, TimeUnit.SECONDS);
            Thread.sleep(8_000);
            snapshot(scene, out.resolve("dashboard.png"));
            Platform.runLater(() -> vm[0].wallboardProperty().set(true));
            Thread.sleep(1_500);
            snapshot(scene, out.resolve("wallboard.png"));
            CompletableFuture<Void> closed = new CompletableFuture<>();
            Platform.runLater(() -> {
                vm[0].close();
                closed.complete(null);
            });
            closed.get(10, TimeUnit.SECONDS);
            tasks.close();
            session.close();
        }
        Platform.exit();
        System.exit(0);
    }

    /** {@code count} customers tweet, spread over the brands; returns their conversations' ids. */
    private static List<String> wave(LiveServer server, Map<String, String> accounts, ApiClient lead, int from,
                                     int count) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String brand = BRANDS[i % BRANDS.length];
            String name = "Cliente " + (i + 1);
            server.tweet(accounts.get(brand), "shot-" + i, name, TEXTS[i % TEXTS.length]);
            names.add(name);
        }
        Map<String, String> byName = new HashMap<>();
        for (String status : List.of("NEW", "OPEN")) {
            String json = get(lead, "/api/v1/conversations?limit=200&status=" + status);
            for (Conversation c : Json.read(json.getBytes(StandardCharsets.UTF_8), ConversationPage.class).items()) {
                byName.put(c.customerName(), c.id());
            }
        }
        List<String> ids = new ArrayList<>();
        for (String n : names) {
            ids.add(byName.get(n));
        }
        return ids;
    }

    private static ApiClient agentFor(Conversation c, ApiClient ana, ApiClient pablo) {
        return c.brandId().equals("orange") || c.brandId().equals("jazztel") ? ana : pablo;
    }

    private static void claim(ApiClient agent, Conversation c) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode().put("version", agent.conversation(c.id()).version());
        agent.action(c.id(), "claim", body, UUID.randomUUID().toString());
    }

    private static void reply(ApiClient agent, String id) throws Exception {
        agent.postMessage(id, UUID.randomUUID().toString(),
                new PostMessageRequest("reply", "Hola, lo revisamos ahora mismo y te decimos algo.", true));
    }

    private static String get(ApiClient api, String path) throws Exception {
        Request request = new Request.Builder().url(api.base().resolve(path))
                .header("Authorization", "Bearer " + api.token()).build();
        try (Response r = api.http().newCall(request).execute()) {
            return r.body().string();
        }
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        HeadlessScreens.snapshot(scene, file);
    }
}
