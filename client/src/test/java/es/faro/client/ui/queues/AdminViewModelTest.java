package es.faro.client.ui.queues;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.ApiException;
import es.faro.client.sync.QueuesApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
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

    @Test
    void aNameIsRequired() {
        vm.queueNameProperty().set("  ");
        vm.createWorkqueue();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("queues.admin.nameRequired");
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
