package es.faro.client.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.SearchApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server search's view model against a real server: when it is offered, scoping, paging, errors, opening. */
class ServerSearchViewModelTest {
    @TempDir
    static Path dir;
    static LiveServer server;
    static ApiClient ana;
    static ApiClient pablo;

    @BeforeAll
    static void start() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        String orange = server.twitterAccountOf("orange");
        String amena = server.twitterAccountOf("amena");
        server.tweet(orange, "8101", "Nieves Ortega", "La portabilidad de mi línea sigue sin hacerse");
        server.tweet(amena, "8102", "Tomás Vidal", "¿Cuándo termina la portabilidad?");
        for (int i = 0; i < 25; i++) {
            server.tweet(orange, "82" + i, "Cliente Paginado " + i, "Consulta sobre el descodificador número " + i);
        }
        ana = server.signedIn("ana");
        pablo = server.signedIn("pablo");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The runner the view models share; {@link #search} and {@link #more} drain it like the UI thread would. */
    static final SameThreadTaskRunner TASKS = new SameThreadTaskRunner();

    static ServerSearchViewModel vm(ApiClient api, List<String> opened) {
        ServerSearchViewModel vm = new ServerSearchViewModel(new SearchApi(api), TASKS, opened::add);
        vm.onlineProperty().set(true);
        return vm;
    }

    static void search(ServerSearchViewModel vm) {
        vm.searchServer();
        TASKS.drain();
    }

    static void more(ServerSearchViewModel vm) {
        vm.loadMore();
        TASKS.drain();
    }

    @Test
    void offeredOnlyWhenOnlineWithAWordAndFewLocalResults() {
        ServerSearchViewModel vm = vm(ana, new ArrayList<>());
        vm.queryProperty().set("portabilidad");
        assertThat(vm.offeredProperty().get()).isTrue();
        vm.localResultsProperty().set(ServerSearchViewModel.FEW);
        assertThat(vm.offeredProperty().get()).isFalse();
        vm.localResultsProperty().set(0);
        vm.onlineProperty().set(false);
        assertThat(vm.offeredProperty().get()).isFalse();
        search(vm);
        assertThat(vm.searchedProperty().get()).isFalse(); // offline: nothing is sent
        vm.onlineProperty().set(true);
        vm.queryProperty().set("¿?");
        assertThat(vm.offeredProperty().get()).isFalse();
        vm.queryProperty().set("portabilidad");
        search(vm);
        assertThat(vm.offeredProperty().get()).as("already searched").isFalse();
    }

    @Test
    void findsOnlyWhatTheAgentMaySeeAndOpensTheConversation() throws Exception {
        List<String> opened = new ArrayList<>();
        ServerSearchViewModel mine = vm(ana, opened);
        mine.queryProperty().set("portabilidad");
        search(mine);
        assertThat(mine.results()).extracting(SearchApi.Hit::customerName).containsExactly("Nieves Ortega");
        mine.open(mine.results().get(0));
        assertThat(opened).hasSize(1);
        assertThat(ana.conversation(opened.get(0)).customerName()).isEqualTo("Nieves Ortega");

        ServerSearchViewModel his = vm(pablo, new ArrayList<>());
        his.queryProperty().set("portabilidad");
        search(his);
        assertThat(his.results()).extracting(SearchApi.Hit::customerName).containsExactly("Tomás Vidal");

        mine.queryProperty().set("portabilidad linea");
        assertThat(mine.results()).as("a new query drops the old results").isEmpty();
        assertThat(mine.searchedProperty().get()).isFalse();
    }

    @Test
    void pagesThroughEveryHitOnce() {
        ServerSearchViewModel vm = vm(ana, new ArrayList<>());
        vm.queryProperty().set("descodificador");
        search(vm);
        assertThat(vm.results()).hasSize(ServerSearchViewModel.PAGE);
        assertThat(vm.hasMoreProperty().get()).isTrue();
        more(vm);
        assertThat(vm.results()).hasSize(25);
        assertThat(vm.results().stream().map(SearchApi.Hit::messageId).distinct()).hasSize(25);
        assertThat(vm.hasMoreProperty().get()).isFalse();
    }

    @Test
    void aRefusedQuerySaysWhy() {
        ServerSearchViewModel vm = vm(ana, new ArrayList<>());
        vm.queryProperty().set("portabilidad ".repeat(20));
        search(vm);
        assertThat(vm.errorKeyProperty().get()).isEqualTo("search.server.error.query");
        assertThat(vm.errorDetailProperty().get()).contains("too long");
        assertThat(vm.searchingProperty().get()).isFalse();
        vm.queryProperty().set("portabilidad");
        assertThat(vm.errorKeyProperty().get()).isNull();
    }
}
