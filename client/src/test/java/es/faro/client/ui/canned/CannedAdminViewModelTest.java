package es.faro.client.ui.canned;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.app.ClientSession;
import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.CannedApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.CannedResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's view model against a real server, with the list following the real cache through sync. */
class CannedAdminViewModelTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    LiveServer server;
    ClientSession lucia;
    ClientSession ana;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();

    @BeforeEach
    void start() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        ApiClient leadApi = server.signedIn("lucia");
        lucia = ClientSession.start(leadApi, leadApi.me(), dir.resolve("lucia"), "test");
        ApiClient agentApi = server.signedIn("ana");
        ana = ClientSession.start(agentApi, agentApi.me(), dir.resolve("ana"), "test");
    }

    @AfterEach
    void stop() {
        lucia.close();
        ana.close();
        server.close();
    }

    static boolean has(CannedAdminViewModel vm, String title) {
        return vm.items().stream().anyMatch(r -> r.title().equals(title));
    }

    @Test
    void aLeadCreatesEditsAndDeletesASharedResponseThatEveryClientFollows() {
        CannedAdminViewModel vm = new CannedAdminViewModel(lucia.me(), lucia.cache(), new CannedApi(lucia.api()),
                tasks);
        vm.start();
        tasks.drainUntil(() -> has(vm, "Saludo"), WAIT);
        assertThat(vm.canShare()).isTrue();
        vm.newResponse();
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.titleProperty().set("Pedido en camino");
        vm.shortcutProperty().set("camino");
        vm.brandIdProperty().set("orange");
        vm.bodyProperty().set("{{customer.first_name}}, tu pedido {{ask:Número de pedido}} ya sale.");
        assertThat(vm.request().ownerId()).as("shared").isNull();
        vm.save();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("canned.admin.saved"));
        CannedResponse saved = vm.editingProperty().get();
        assertThat(saved.id()).startsWith("cr-");
        tasks.drainUntil(() -> has(vm, "Pedido en camino"), WAIT);
        tasks.drainUntil(() -> ana.cache().cannedResponses().stream().anyMatch(r -> r.id().equals(saved.id())), WAIT);

        vm.bodyProperty().set("Hola {{custmer.name}}");
        vm.save();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("canned.admin.refused");
        assertThat(vm.messageProperty().get().args().get(0).toString()).contains("custmer.name");

        vm.edit(saved);
        vm.titleProperty().set("Pedido enviado");
        vm.save();
        tasks.drain();
        tasks.drainUntil(() -> ana.cache().cannedResponses().stream()
                .anyMatch(r -> r.id().equals(saved.id()) && r.title().equals("Pedido enviado")), WAIT);
        vm.delete();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("canned.admin.deleted"));
        tasks.drainUntil(() -> ana.cache().cannedResponses().stream().noneMatch(r -> r.id().equals(saved.id())), WAIT);
        tasks.drainUntil(() -> !has(vm, "Pedido enviado"), WAIT);
        vm.close();
    }

    @Test
    void anAgentManagesOnlyPersonalOnes() {
        CannedAdminViewModel vm = new CannedAdminViewModel(ana.me(), ana.cache(), new CannedApi(ana.api()),
                tasks);
        vm.start();
        assertThat(vm.canShare()).isFalse();
        assertThat(vm.sharedProperty().get()).isFalse();
        vm.titleProperty().set("Mi despedida");
        vm.bodyProperty().set("Un saludo, {{agent.first_name}}.");
        vm.sharedProperty().set(true);
        assertThat(vm.request().ownerId()).as("an agent's are always personal").isEqualTo("u-ana");
        vm.save();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("canned.admin.saved"));
        tasks.drainUntil(() -> has(vm, "Mi despedida"), WAIT);
        assertThat(vm.items()).allMatch(r -> "u-ana".equals(r.ownerId()));
        // The server keeps an agent's personal responses to her (and admins): a later shared one reaches the
        // lead's cache, the personal one written before it never does.
        CannedAdminViewModel lead = new CannedAdminViewModel(lucia.me(), lucia.cache(), new CannedApi(lucia.api()),
                tasks);
        lead.start();
        lead.newResponse();
        lead.titleProperty().set("Aviso general");
        lead.brandIdProperty().set("orange");
        lead.bodyProperty().set("Gracias por escribirnos, {{customer.first_name}}.");
        lead.save();
        tasks.drain();
        assertThat(lead.messageProperty().get()).isEqualTo(UiText.of("canned.admin.saved"));
        tasks.drainUntil(() -> lucia.cache().cannedResponses().stream()
                .anyMatch(r -> r.title().equals("Aviso general")), WAIT);
        assertThat(lucia.cache().cannedResponses()).noneMatch(r -> r.title().equals("Mi despedida"));
        assertThat(lead.manageable(lucia.cache().cannedResponses())).noneMatch(r -> r.title().equals("Mi despedida"));
        lead.close();
        vm.close();
    }
}
