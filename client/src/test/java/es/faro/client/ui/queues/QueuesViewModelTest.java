package es.faro.client.ui.queues;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.QueuesApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Presence;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queues view model against a real embedded server over HTTP (same-thread task runner). */
class QueuesViewModelTest {
    @TempDir
    Path dir;
    LiveServer server;
    ApiClient ana;
    Agent anaAgent;
    List<Conversation> opened = new ArrayList<>();
    QueuesViewModel vm;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();

    @BeforeEach
    void start() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        ana = server.signedIn("ana");
        anaAgent = ana.me();
        vm = new QueuesViewModel(anaAgent, new QueuesApi(ana), tasks, opened::add,
                Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Posts a tweet to the brand and returns its conversation as the lead sees it. */
    Conversation tweet(String brand) throws Exception {
        String customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        server.tweet(server.twitterAccountOf(brand), customer, "Cliente " + customer, "Sin línea desde ayer");
        return server.signedIn("lucia").bootstrap(null).conversations().stream()
                .filter(c -> c.customerName().equals("Cliente " + customer)).findFirst().orElseThrow();
    }

    @Test
    void nextClaimsTheBestConversationAndOpensIt() throws Exception {
        Conversation waiting = tweet("orange");
        vm.next();
        tasks.drain();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).id()).isEqualTo(waiting.id());
        assertThat(opened.get(0).assigneeId()).isEqualTo(anaAgent.id());
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.next.claimed");
        assertThat(ana.conversation(waiting.id()).assigneeId()).isEqualTo(anaAgent.id());
        assertThat(vm.busyProperty().get()).isFalse();

        vm.next();

        tasks.drain();
        assertThat(opened).hasSize(1);
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.next.none");
    }

    @Test
    void bulkLabelReachesTheServerAndReportsStaleItems() throws Exception {
        Conversation a = tweet("orange");
        Conversation b = tweet("jazztel");
        vm.addLabel(List.of(a, b), "averia");
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.bulk.done");
        assertThat(ana.conversation(a.id()).labels()).contains("averia");
        assertThat(ana.conversation(b.id()).labels()).contains("averia");

        // a's version moved on: bulking with the old copy fails for a alone.
        Conversation freshB = ana.conversation(b.id());
        vm.setPriority(List.of(a, freshB), es.faro.protocol.model.Priority.P1);
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.bulk.partial");
        assertThat(vm.lastBulkProperty().get().results().get(0).status()).isEqualTo(409);
        assertThat(ana.conversation(b.id()).priority()).isEqualTo(es.faro.protocol.model.Priority.P1);
        assertThat(ana.conversation(a.id()).priority()).isNotEqualTo(es.faro.protocol.model.Priority.P1);
    }

    @Test
    void idleMakesTheAgentAwayAndActivityBringsThemBack() throws Exception {
        Instant t0 = Instant.now();
        vm.tick(t0);
        tasks.drain();
        assertThat(vm.presenceProperty().get()).isEqualTo(Presence.ONLINE);
        vm.tick(t0.plus(Duration.ofMinutes(4)));
        tasks.drain();
        assertThat(vm.presenceProperty().get()).isEqualTo(Presence.ONLINE);
        vm.tick(t0.plus(Duration.ofMinutes(5)));
        tasks.drain();
        assertThat(vm.presenceProperty().get()).isEqualTo(Presence.AWAY);
        assertThat(presenceOnServer()).isEqualTo(Presence.AWAY);
        vm.activity(t0.plus(Duration.ofMinutes(6)));
        tasks.drain();
        assertThat(vm.presenceProperty().get()).isEqualTo(Presence.ONLINE);
        assertThat(presenceOnServer()).isEqualTo(Presence.ONLINE);
    }

    @Test
    void savesAPersonalViewOnlyTheAgentSees() throws Exception {
        es.faro.protocol.model.Workqueue all = ana.bootstrap(null).reference().queues().stream()
                .filter(q -> q.id().equals("q-todas")).findFirst().orElseThrow();
        vm.saveView("  ", all, null);
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.view.nameRequired");
        vm.saveView("Solo Orange", all, "orange");
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.view.saved");
        es.faro.protocol.model.Workqueue saved = ana.bootstrap(null).reference().queues().stream()
                .filter(q -> q.name().equals("Solo Orange")).findFirst().orElseThrow();
        assertThat(saved.owner()).isEqualTo(anaAgent.id());
        assertThat(saved.brands()).containsExactly("orange");
        assertThat(server.signedIn("pablo").bootstrap(null).reference().queues())
                .noneMatch(q -> q.name().equals("Solo Orange"));
    }

    @Test
    void anAgentEditsEveryPartOfTheirPersonalViewAndMistakesStayInTheEditor() throws Exception {
        vm.saveView("Mis urgentes", null, "orange");
        tasks.drain();
        es.faro.protocol.model.Workqueue view = ana.bootstrap(null).reference().queues().stream()
                .filter(q -> q.name().equals("Mis urgentes")).findFirst().orElseThrow();
        assertThat(vm.ownsView(view)).isTrue();
        es.faro.client.ui.workstation.ReferenceIndex ref =
                new es.faro.client.ui.workstation.ReferenceIndex(ana.bootstrap(null).reference(), anaAgent);
        QueueFilterForm form = new QueueFilterForm();
        form.load(view);
        form.pushProperty().set(true);
        assertThat(vm.updateView(view, form, ref)).contains(
                es.faro.client.ui.common.UiText.of("queues.filter.error.pushPersonal"));
        form.pushProperty().set(false);
        form.nameProperty().set("Mis P1 de Orange");
        form.priorities().setAll(es.faro.protocol.model.Priority.P1);
        form.labels().setAll("averia", "fibra");
        form.assigneeProperty().set(es.faro.protocol.model.Workqueue.ME);
        form.orderingProperty().set(es.faro.protocol.model.Workqueue.Ordering.PRIORITY);
        assertThat(vm.updateView(view, form, ref)).isEmpty();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.view.updated");
        es.faro.protocol.model.Workqueue stored = ana.bootstrap(null).reference().queues().stream()
                .filter(q -> q.id().equals(view.id())).findFirst().orElseThrow();
        assertThat(stored.name()).isEqualTo("Mis P1 de Orange");
        assertThat(stored.brands()).containsExactly("orange");
        assertThat(stored.priorities()).containsExactly(es.faro.protocol.model.Priority.P1);
        assertThat(stored.labels()).containsExactly("averia", "fibra");
        assertThat(stored.assignee()).isEqualTo("me");
        assertThat(stored.ordering()).isEqualTo(es.faro.protocol.model.Workqueue.Ordering.PRIORITY);
        assertThat(stored.owner()).isEqualTo(anaAgent.id());
        // Someone else's (or a shared) queue is not the agent's to edit.
        assertThat(vm.ownsView(ana.bootstrap(null).reference().queues().stream()
                .filter(q -> q.id().equals("q-orange")).findFirst().orElseThrow())).isFalse();
    }

    private Presence presenceOnServer() throws Exception {
        return server.signedIn("lucia").bootstrap(null).reference().agents().stream()
                .filter(a -> a.id().equals(anaAgent.id())).findFirst().orElseThrow().presence();
    }
}
