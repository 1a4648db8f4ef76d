package es.faro.client.ui.queues;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.ApiException;
import es.faro.client.sync.QueuesApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.protocol.model.Agent;
import es.faro.client.ui.common.UiText;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin view model against a real embedded server: workqueues, users (with a password reset) and teams. */
class AdminViewModelTest {
    @TempDir
    Path dir;
    LiveServer server;
    AdminViewModel vm;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();

    @BeforeEach
    void start() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        vm = new AdminViewModel(new QueuesApi(server.signedIn("admin")), tasks);
        vm.reload();
        tasks.drain();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createsASharedPushQueueThatAgentsSee() throws Exception {
        assertThat(vm.workqueues()).extracting(Workqueue::id).contains("q-orange");
        vm.queueNameProperty().set("Facebook Orange");
        vm.queueBrands().setAll("orange");
        vm.queueChannels().setAll(Channel.FACEBOOK);
        vm.queuePushProperty().set(true);
        vm.createWorkqueue();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.admin.queueCreated");
        assertThat(vm.queueNameProperty().get()).isEmpty();
        Workqueue created = vm.workqueues().stream().filter(q -> q.name().equals("Facebook Orange")).findFirst()
                .orElseThrow();
        assertThat(created.pushMode()).isTrue();
        assertThat(created.owner()).isNull();
        ApiClient ana = server.signedIn("ana");
        assertThat(ana.bootstrap(null).reference().queues()).extracting(Workqueue::id).contains(created.id());

        vm.setPush(created, false);

        tasks.drain();
        assertThat(vm.workqueues().stream().filter(q -> q.id().equals(created.id())).findFirst().orElseThrow()
                .pushMode()).isFalse();
        vm.deleteWorkqueue(created);
        tasks.drain();
        assertThat(vm.workqueues()).extracting(Workqueue::id).doesNotContain(created.id());
    }

    private ReferenceIndex reference() throws Exception {
        ApiClient admin = server.signedIn("admin");
        return new ReferenceIndex(admin.bootstrap(null).reference(), admin.me());
    }

    private Workqueue onServer(String id) throws Exception {
        return new QueuesApi(server.signedIn("admin")).workqueues().stream().filter(q -> q.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void selectingAQueueLoadsEveryPartOfItsFilterAndSavingChangesEveryPartOnTheServer() throws Exception {
        ReferenceIndex ref = reference();
        vm = new AdminViewModel(new QueuesApi(server.signedIn("admin")), tasks, () -> ref);
        vm.reload();
        tasks.drain();
        vm.queueNameProperty().set("Editable");
        vm.queueBrands().setAll("orange");
        vm.createWorkqueue();
        tasks.drain();
        Workqueue created = vm.workqueues().stream().filter(q -> q.name().equals("Editable")).findFirst().orElseThrow();

        vm.selectedQueueProperty().set(created);
        QueueFilterForm form = vm.queueForm();
        assertThat(form.nameProperty().get()).isEqualTo("Editable");
        assertThat(form.brands()).containsExactly("orange");
        assertThat(form.statuses()).containsExactly(ConversationStatus.NEW, ConversationStatus.OPEN,
                ConversationStatus.PENDING);
        assertThat(form.assigneeProperty().get()).isEqualTo(QueueFilterForm.ANYONE);

        form.nameProperty().set("Editada");
        form.brands().setAll("simyo", "jazztel");
        form.channels().setAll(Channel.TWITTER);
        form.labels().setAll("averia");
        form.priorities().setAll(Priority.P1, Priority.P2);
        form.statuses().setAll(ConversationStatus.OPEN);
        form.assigneeProperty().set(Workqueue.UNASSIGNED);
        form.orderingProperty().set(Workqueue.Ordering.OLDEST);
        form.pushProperty().set(true);
        vm.saveWorkqueue();
        tasks.drain();

        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.admin.queueSaved");
        Workqueue stored = onServer(created.id());
        assertThat(stored.name()).isEqualTo("Editada");
        assertThat(stored.brands()).containsExactly("simyo", "jazztel");
        assertThat(stored.channels()).containsExactly(Channel.TWITTER);
        assertThat(stored.labels()).containsExactly("averia");
        assertThat(stored.priorities()).containsExactly(Priority.P1, Priority.P2);
        assertThat(stored.statuses()).containsExactly(ConversationStatus.OPEN);
        assertThat(stored.assignee()).isEqualTo(Workqueue.UNASSIGNED);
        assertThat(stored.ordering()).isEqualTo(Workqueue.Ordering.OLDEST);
        assertThat(stored.pushMode()).isTrue();
        assertThat(stored.position()).isEqualTo(created.position());
        // The form still shows the saved queue, so a second change starts from what the server has.
        assertThat(vm.selectedQueueProperty().get().name()).isEqualTo("Editada");

        // Every client follows: an agent's bootstrap already has the new filter.
        assertThat(server.signedIn("ana").bootstrap(null).reference().queues().stream()
                .filter(q -> q.id().equals(created.id())).findFirst().orElseThrow().labels()).containsExactly("averia");
    }

    @Test
    void theFormRefusesMistakesInWordsBeforeSending() throws Exception {
        ReferenceIndex ref = reference();
        vm = new AdminViewModel(new QueuesApi(server.signedIn("admin")), tasks, () -> ref);
        vm.reload();
        tasks.drain();
        Workqueue orange = vm.workqueues().stream().filter(q -> q.id().equals("q-orange")).findFirst().orElseThrow();
        vm.selectedQueueProperty().set(orange);

        vm.queueForm().labels().setAll("no-existe");
        vm.saveWorkqueue();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("queues.filter.error.label", "no-existe"));

        vm.queueForm().labels().clear();
        vm.queueForm().pushProperty().set(true);
        vm.queueForm().assigneeProperty().set(Workqueue.ME);
        vm.saveWorkqueue();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.filter.error.pushAssignee");

        vm.queueForm().pushProperty().set(false);
        vm.queueForm().assigneeProperty().set("u-nadie");
        vm.saveWorkqueue();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("queues.filter.error.agent", "u-nadie"));

        vm.queueForm().assigneeProperty().set(QueueFilterForm.ANYONE);
        vm.queueNameProperty().set("x".repeat(Workqueue.MAX_NAME + 1));
        vm.saveWorkqueue();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.filter.error.nameLong");
        tasks.drain(); // nothing was queued: every mistake stopped before the server
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.filter.error.nameLong");
        assertThat(onServer("q-orange")).isEqualTo(orange);
    }

    @Test
    void whatTheServerStillRefusesIsShownInItsOwnWords() throws Exception {
        // Without reference data (a client whose lists are stale) the server is the one that says no.
        Workqueue orange = vm.workqueues().stream().filter(q -> q.id().equals("q-orange")).findFirst().orElseThrow();
        vm.selectedQueueProperty().set(orange);
        vm.queueBrands().setAll("nokia");
        vm.saveWorkqueue();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.failed");
        assertThat(vm.messageProperty().get().args()).containsExactly("unknown brand nokia");
        assertThat(onServer("q-orange").brands()).isEqualTo(orange.brands());
    }

    @Test
    void aNameIsRequired() {
        vm.queueNameProperty().set("  ");
        vm.createWorkqueue();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.filter.error.name");
    }

    @Test
    void changesSkillsCapacityAndResetsAPassword() throws Exception {
        Agent pablo = vm.users().stream().filter(a -> a.username().equals("pablo")).findFirst().orElseThrow();
        vm.selectedUserProperty().set(pablo);
        assertThat(vm.userCapacityProperty().get()).isEqualTo(pablo.capacity());
        vm.userCapacityProperty().set(3);
        vm.userBrandsProperty().set("amena, simyo");
        vm.newPasswordProperty().set("una-clave-nueva-larga");
        vm.saveUser();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.admin.passwordReset");
        Agent saved = vm.users().stream().filter(a -> a.username().equals("pablo")).findFirst().orElseThrow();
        assertThat(saved.capacity()).isEqualTo(3);
        assertThat(saved.brands()).containsExactly("amena", "simyo");
        assertThat(saved.roles()).containsExactly(Role.AGENT);
        ApiClient fresh = server.api();
        assertThat(fresh.login("pablo", "una-clave-nueva-larga").token()).isNotBlank();
        org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> server.api().login("pablo", "faro-demo"));

        vm.newPasswordProperty().set("corta");
        vm.saveUser();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.failed");
    }

    @Test
    void createsATeamWithALead() {
        vm.teamNameProperty().set("Turno de tarde");
        vm.teamLeadProperty().set(vm.users().stream().filter(a -> a.username().equals("lucia")).findFirst()
                .orElseThrow());
        vm.teamMembers().setAll(vm.users().stream().filter(a -> a.hasRole(Role.AGENT)).toList());
        vm.createTeam();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.admin.teamSaved");
        assertThat(vm.teams()).singleElement().satisfies(t -> {
            assertThat(t.leadId()).isEqualTo("u-lucia");
            assertThat(t.members()).contains("u-ana", "u-pablo");
        });
    }
}
