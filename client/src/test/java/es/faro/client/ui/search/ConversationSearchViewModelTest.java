package es.faro.client.ui.search;

import static es.faro.client.cache.CacheFixtures.T0;
import static es.faro.client.cache.CacheFixtures.conversation;
import static es.faro.client.cache.CacheFixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.cache.CacheFixtures;
import es.faro.client.cache.SqliteCache;
import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.ConversationFetcher;
import es.faro.client.sync.SearchApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search box's view model over a real cache file (and a real server for the server's part). */
class ConversationSearchViewModelTest {
    @TempDir
    Path dir;
    SqliteCache cache;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    final List<Conversation> opened = new ArrayList<>();
    ConversationSearchViewModel vm;

    @BeforeEach
    void open() {
        cache = SqliteCache.open(dir.resolve("cache.db"));
        cache.applyBootstrap(new Bootstrap(CacheFixtures.reference(),
                List.of(conversation("c1", "orange", 1, ConversationStatus.OPEN),
                        conversation("c2", "jazztel", 1, ConversationStatus.RESOLVED),
                        conversation("c3", "orange", 1, ConversationStatus.NEW)),
                List.of(inbound("m1", "c1", T0, "Sin fibra en Getafe"),
                        inbound("m2", "c2", T0.plusSeconds(60), "La fibra vuelve a fallar"),
                        inbound("m3", "c3", T0.plusSeconds(120), "Factura duplicada")),
                10, null));
        vm = new ConversationSearchViewModel(cache, tasks, opened::add);
        vm.start();
    }

    @AfterEach
    void close() {
        vm.close();
        cache.close();
    }

    private void search(String text) {
        vm.queryProperty().set(text);
        vm.submit();
        tasks.drain();
    }

    @Test
    void typedWordsShowTheMatchingConversationsNewestMatchFirstResolvedOnesIncluded() {
        assertThat(vm.activeProperty().get()).isFalse();

        search("fibra");

        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.searchedProperty().get()).isTrue();
        assertThat(vm.searchedQueryProperty().get()).isEqualTo("fibra");
        assertThat(vm.conversations()).extracting(Conversation::id).containsExactly("c2", "c1");
        assertThat(vm.hit("c2")).get().satisfies(h -> assertThat(h.snippet()).isEqualTo("La fibra vuelve a fallar"));
        assertThat(vm.hit("c3")).isEmpty();
    }

    @Test
    void anAnswerForAnOlderQueryIsDroppedAndOneCallbackShowsTheResults() {
        vm.queryProperty().set("fibra");
        vm.submit();
        vm.queryProperty().set("factura");
        vm.submit();
        tasks.drain();

        assertThat(vm.conversations()).extracting(Conversation::id).containsExactly("c3");
        assertThat(vm.searchedQueryProperty().get()).isEqualTo("factura");
    }

    @Test
    void punctuationAndFtsSyntaxShowTheEmptyStateNeverAnError() {
        for (String typed : List.of("\"", "*", "NEAR(", "-:", "fibra\" OR \"x", "()")) {
            search(typed);
            assertThat(vm.searchedProperty().get()).as(typed).isTrue();
            assertThat(vm.messageProperty().get()).as(typed).isNull();
        }
        assertThat(vm.conversations()).isEmpty();
        assertThat(vm.searchedQueryProperty().get()).isEqualTo("()");
    }

    @Test
    void clearingTheBoxBringsTheQueueBack() {
        search("fibra");
        vm.clear();

        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.conversations()).isEmpty();
        assertThat(vm.searchedProperty().get()).isFalse();
        vm.submit();
        tasks.drain();
        assertThat(vm.conversations()).isEmpty();
    }

    @Test
    void aMessageArrivingWhileResultsAreShownJoinsThem() {
        search("getafe");
        assertThat(vm.conversations()).extracting(Conversation::id).containsExactly("c1");

        cache.applyEvents(List.of(CacheFixtures.event(11, EventType.MESSAGE,
                inbound("m4", "c3", T0.plusSeconds(300), "También en Getafe, y la factura mal"))));
        tasks.drainUntil(() -> vm.conversations().size() == 2, Duration.ofSeconds(5));

        assertThat(vm.conversations()).extracting(Conversation::id).containsExactly("c3", "c1");
    }

    @Test
    void aCachedConversationOpensFromItsIdAndAMissingOneSaysSoWithoutAServer() {
        vm.openById("c3");
        tasks.drain();
        assertThat(opened).extracting(Conversation::id).containsExactly("c3");

        vm.openById("c-elsewhere");
        tasks.drain();
        assertThat(opened).hasSize(1);
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("search.open.missing"));
    }

    @Test
    void theServerIsOfferedOnlyOnlineAndUnderFewLocalResults() throws Exception {
        try (LiveServer server = new LiveServer(dir.resolve("server"))) {
            ServerSearchViewModel serverSearch = new ServerSearchViewModel(new SearchApi(server.signedIn("ana")), tasks,
                    vm::openById);
            vm.useServer(serverSearch, id -> null);

            search("factura");
            assertThat(serverSearch.offeredProperty().get()).as("offline").isFalse();
            vm.onlineProperty().set(true);
            assertThat(serverSearch.offeredProperty().get()).as("online, one local result").isTrue();
            assertThat(serverSearch.queryProperty().get()).isEqualTo("factura");

            cache.applyBootstrap(new Bootstrap(null, List.of(conversation("c4", "orange", 1, ConversationStatus.OPEN),
                    conversation("c5", "orange", 1, ConversationStatus.OPEN)),
                    List.of(inbound("m5", "c4", T0.plusSeconds(400), "Otra factura"),
                            inbound("m6", "c5", T0.plusSeconds(500), "Mi factura de octubre")), 12, null));
            tasks.drainUntil(() -> vm.conversations().size() == 3, Duration.ofSeconds(5));
            assertThat(serverSearch.offeredProperty().get()).as("three local results").isFalse();

            vm.clear();
            assertThat(serverSearch.offeredProperty().get()).as("no query").isFalse();
        }
    }

    @Test
    void aServerHitTheCacheLacksIsFetchedKeptAndOpened() throws Exception {
        try (LiveServer server = new LiveServer(dir.resolve("server"))) {
            server.tweet(server.twitterAccountOf("orange"), "9301", "Begoña Lara", "El router nuevo no enciende");
            ApiClient ana = server.signedIn("ana");
            ServerSearchViewModel serverSearch = new ServerSearchViewModel(new SearchApi(ana), tasks, vm::openById);
            vm.useServer(serverSearch, new ConversationFetcher(ana, cache)::fetch);
            vm.onlineProperty().set(true);

            search("router");
            assertThat(vm.conversations()).isEmpty();
            serverSearch.searchServer();
            tasks.drain();
            assertThat(serverSearch.results()).singleElement()
                    .satisfies(h -> assertThat(h.customerName()).isEqualTo("Begoña Lara"));
            serverSearch.open(serverSearch.results().get(0));
            tasks.drain();

            assertThat(opened).singleElement().satisfies(c -> assertThat(c.customerName()).isEqualTo("Begoña Lara"));
            String id = opened.get(0).id();
            assertThat(cache.thread(id)).extracting(t -> t.message().body()).containsExactly("El router nuevo no enciende");
            // Kept: the next local search finds it offline.
            vm.onlineProperty().set(false);
            search("router");
            assertThat(vm.conversations()).extracting(Conversation::id).containsExactly(id);
        }
    }
}
