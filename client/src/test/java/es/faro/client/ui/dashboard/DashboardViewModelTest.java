package es.faro.client.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.cache.SqliteCache;
import es.faro.client.metrics.LiveSnapshot;
import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.MetricsApi;
import es.faro.client.sync.OutboxCommands;
import es.faro.client.ui.TestData;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's view model over the real cache and outbox: live figures follow cache changes and
 * the clock; charts come from the server, and a server without the endpoints gives "no data yet".
 */
class DashboardViewModelTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Agent LUCIA = new Agent("u-lucia", "lucia", "Lucía Martín", Set.of(Role.LEAD), List.of(), List.of(),
            List.of("es"), 0, Presence.ONLINE);

    /** The real server the dashboard asks for its charts; it has taken no traffic until the chart test sends some. */
    static LiveServer server;
    @TempDir
    static Path serverDir;
    @TempDir
    Path dir;
    final Instant now = Instant.parse("2026-11-26T10:00:00Z");
    final SimpleObjectProperty<Instant> clock = new SimpleObjectProperty<>(now);
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    SqliteCache cache;
    DashboardViewModel vm;

    @BeforeAll
    static void startServer() {
        server = new LiveServer(serverDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        cache = SqliteCache.open(dir.resolve("cache.db"));
        cache.applyBootstrap(TestData.bootstrap(now));
        vm = new DashboardViewModel(LUCIA, cache, new OutboxCommands(cache, LUCIA),
                new MetricsApi(server.signedIn("lucia")), tasks, clock);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        cache.close();
    }

    LiveSnapshot snapshot() {
        return vm.snapshotProperty().get();
    }

    @Test
    void liveFiguresFollowTheCacheAndTheClock() {
        vm.start();
        tasks.drainUntil(() -> snapshot() != null, WAIT);
        // Every TestData conversation is OPEN; the lead sees all brands.
        assertThat(snapshot().metrics().backlog()).isEqualTo(TestData.conversations(now).size());
        assertThat(snapshot().metrics().warning()).isEqualTo(2); // c-warn (+20 min) and c-amena (+10 min)
        assertThat(snapshot().metrics().breached()).isEqualTo(1); // c-breached
        assertThat(snapshot().atRisk()).extracting(Conversation::id).containsExactly("c-amena", "c-warn");

        Conversation arrived = TestData.conversation("c-new", "jazztel", Channel.FACEBOOK, "Nuevo", "nuevo",
                Priority.P3, null, Duration.ofHours(2), now, "Hola");
        cache.applyEvents(List.of(new Event(50, EventType.CONVERSATION, now, Json.tree(arrived))));
        tasks.drainUntil(() -> snapshot().metrics().backlog() == TestData.conversations(now).size() + 1, WAIT);

        clock.set(now.plus(Duration.ofMinutes(25)));
        tasks.drainUntil(() -> snapshot().metrics().breached() == 3, WAIT); // c-warn and c-amena are now past due
    }

    @Test
    void reassigningGoesThroughTheOutboxToASkilledAgent() {
        vm.start();
        tasks.drainUntil(() -> snapshot() != null, WAIT);
        Conversation amena = snapshot().atRisk().get(0);
        assertThat(vm.candidatesFor(amena)).extracting(Agent::id).containsExactly("u-pablo");
        Conversation warn = snapshot().atRisk().get(1);
        assertThat(vm.candidatesFor(warn)).extracting(Agent::id).containsExactly("u-ana");

        vm.reassign(warn, TestData.ANA);
        tasks.drainUntil(() -> vm.messageProperty().get() != null, WAIT);
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("dashboard.reassigned", warn.customerName(), "Ana García"));
        assertThat(cache.conversation("c-warn").orElseThrow().assigneeId()).isEqualTo("u-ana");
        assertThat(cache.outbox()).hasSize(1);
        tasks.drainUntil(() -> snapshot().metrics().agents().stream()
                .anyMatch(a -> a.agentId().equals("u-ana") && a.assigned() == 2), WAIT);
    }

    @Test
    void chartsSayNoDataYetUntilTheServerCountsSomethingAndThenDrawIt() throws Exception {
        // The charts are "today" in Madrid on the real clock: the server stamps traffic with it.
        clock.set(Instant.now());
        vm.start();
        tasks.drainUntil(() -> vm.historyProperty().get().serviceLevelByHour().state() != Fetched.State.LOADING, WAIT);
        History empty = vm.historyProperty().get();
        assertThat(empty.serviceLevelByHour().state()).isEqualTo(Fetched.State.NO_DATA);
        assertThat(empty.volumeByHour().state()).isEqualTo(Fetched.State.NO_DATA);
        assertThat(empty.firstResponse().state()).isEqualTo(Fetched.State.NO_DATA);

        String text = "Sin línea desde esta mañana " + java.util.UUID.randomUUID();
        server.tweet(server.twitterAccountOf("jazztel"), "c-" + java.util.UUID.randomUUID(), "Cliente Gráficas", text);
        ApiClient ana = server.signedIn("ana");
        String id = awaitConversation(ana, text);
        ana.postMessage(id, java.util.UUID.randomUUID().toString(),
                new PostMessageRequest(PostMessageRequest.REPLY, "Lo revisamos ahora mismo.", true));

        int hour = Instant.now().atZone(java.time.ZoneId.of("Europe/Madrid")).getHour();
        clock.set(Instant.now());
        vm.refreshHistory();
        tasks.drainUntil(() -> vm.historyProperty().get().firstResponse().isReady(), WAIT);
        History h = vm.historyProperty().get();
        assertThat(h.serviceLevelByHour().value().get(hour).today()).isEqualTo(1.0);
        assertThat(h.volumeByHour().value().get("jazztel")[hour]).isEqualTo(1);
        assertThat(h.firstResponse().value().total()).isEqualTo(1);
    }

    private static String awaitConversation(ApiClient api, String text) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (var e : api.changes(0, 1000).events()) {
                if (e.type().equals("message.upserted") && e.data().path("body").asText().equals(text)) {
                    return e.data().path("conversationId").asText();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no conversation for " + text);
    }
}
