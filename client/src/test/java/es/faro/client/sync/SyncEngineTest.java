package es.faro.client.sync;

import static es.faro.client.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.app.ClientSession;
import es.faro.client.cache.SqliteCache;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.support.LiveServer;
import es.faro.protocol.event.Event;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync engine against a real embedded server over HTTP and SSE on 127.0.0.1. */
class SyncEngineTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    LiveServer server;
    String orangeOnX;
    ClientSession session;

    @BeforeEach
    void startServer() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        orangeOnX = server.twitterAccountOf("orange");
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        server.close();
    }

    private ClientSession startClient() throws Exception {
        ApiClient api = server.signedIn("ana");
        Agent me = api.me();
        return ClientSession.start(api, me, dir.resolve("cache"), "test-server");
    }

    private void awaitOnline(ClientSession s) {
        await("the client to be online", SOON, () -> s.sync().state().status() == ConnectionState.Status.ONLINE);
    }

    private static boolean hasMessage(SqliteCache cache, String text) {
        return cache.activeConversations().stream()
                .anyMatch(c -> cache.thread(c.id()).stream().anyMatch(t -> t.message().body().equals(text)));
    }

    @Test
    void bootstrapBringsWhatTheServerAlreadyHad() throws Exception {
        server.tweet(orangeOnX, "9001", "Marta Ruiz", "@orange_es sin fibra en Getafe desde ayer");
        session = startClient();
        awaitOnline(session);
        assertThat(session.cache().bootstrapped()).isTrue();
        assertThat(session.cache().reference().brands()).hasSize(5);
        assertThat(hasMessage(session.cache(), "@orange_es sin fibra en Getafe desde ayer")).isTrue();
    }

    @Test
    void aWebhookMessageReachesTheCacheLive() throws Exception {
        session = startClient();
        awaitOnline(session);
        server.tweet(orangeOnX, "9002", "Luis Pardo", "¿Cuándo llega mi portabilidad?");
        await("the live message in the cache", SOON, () -> hasMessage(session.cache(), "¿Cuándo llega mi portabilidad?"));
    }

    @Test
    void aCutStreamResumesWithExactlyTheMissedEvents() throws Exception {
        session = startClient();
        List<Long> received = new CopyOnWriteArrayList<>();
        session.sync().addReceivedListener(events -> events.forEach(e -> received.add(e.seq())));
        awaitOnline(session);
        server.tweet(orangeOnX, "9003", "Ana Soler", "primer mensaje");
        await("the first message", SOON, () -> hasMessage(session.cache(), "primer mensaje"));

        session.sync().dropStream();
        for (int i = 0; i < 5; i++) {
            server.tweet(orangeOnX, "9003", "Ana Soler", "mientras tanto " + i);
        }
        await("all missed messages", SOON, () -> hasMessage(session.cache(), "mientras tanto 4"));
        awaitOnline(session);
        server.tweet(orangeOnX, "9003", "Ana Soler", "después");
        await("the message after the reconnect", SOON, () -> hasMessage(session.cache(), "después"));

        Set<Long> onServer = allSeqsVisibleTo("ana");
        long last = onServer.stream().mapToLong(Long::longValue).max().orElse(0);
        await("the cursor to reach the server's last event", SOON, () -> session.cache().cursor() == last);
        List<Long> seqs = new ArrayList<>(received);
        assertThat(seqs).as("no event twice").doesNotHaveDuplicates();
        assertThat(seqs).as("in order").isSorted();
        assertThat(new TreeSet<>(seqs)).as("every event after the bootstrap cursor, none missed")
                .containsAll(onServer.stream().filter(s -> s > seqs.get(0) - 1).collect(Collectors.toSet()));
        Conversation c = session.cache().activeConversations().stream()
                .filter(x -> "Ana Soler".equals(x.customerName())).findFirst().orElseThrow();
        assertThat(session.cache().thread(c.id())).extracting(t -> t.message().body())
                .containsExactly("primer mensaje", "mientras tanto 0", "mientras tanto 1", "mientras tanto 2",
                        "mientras tanto 3", "mientras tanto 4", "después");
    }

    @Test
    void aReplyIsDeliveredAndConfirmed() throws Exception {
        server.tweet(orangeOnX, "9004", "Pedro Gil", "mi factura viene duplicada");
        session = startClient();
        awaitOnline(session);
        Conversation c = onlyConversationOf(session.cache(), "Pedro Gil");
        session.commands().reply(c.id(), "Hola Pedro, lo revisamos ahora mismo", true).join();
        await("the reply confirmed", SOON, () -> session.cache().pendingOutboxCount() == 0
                && session.cache().thread(c.id()).stream().anyMatch(t -> !t.pending()
                && t.message().body().equals("Hola Pedro, lo revisamos ahora mismo") && !t.message().id().startsWith("local-")));
        assertThat(bodiesOnServer(c.id())).containsOnlyOnce("Hola Pedro, lo revisamos ahora mismo");
        assertThat(session.cache().conversation(c.id())).get().extracting(Conversation::status)
                .isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void anOutboxEntrySurvivesAClientRestartAndIsDeliveredExactlyOnce() throws Exception {
        server.tweet(orangeOnX, "9005", "Rosa Vidal", "no tengo cobertura en casa");
        session = startClient();
        awaitOnline(session);
        Conversation c = onlyConversationOf(session.cache(), "Rosa Vidal");
        session.close();
        session = null;

        // Written while the sync engine is not running: it only exists in the cache file.
        ApiClient api = server.signedIn("ana");
        Agent me = api.me();
        try (SqliteCache offline = SqliteCache.open(dir.resolve("cache").resolve("ana@test-server.db"))) {
            new OutboxCommands(offline, me).reply(c.id(), "Rosa, te escribimos por privado", true).join();
            // A first attempt reached the server but its answer was lost (the client died before recording it).
            var entry = offline.firstPendingOutboxEntry().orElseThrow();
            api.postMessage(c.id(), entry.id(), new es.faro.protocol.api.PostMessageRequest("reply",
                    "Rosa, te escribimos por privado", true));
        }

        session = startClient();
        await("the outbox to drain", SOON, () -> session.cache().pendingOutboxCount() == 0);
        assertThat(bodiesOnServer(c.id())).containsOnlyOnce("Rosa, te escribimos por privado");
        await("one confirmed copy in the cache", SOON, () -> session.cache().thread(c.id()).stream()
                .filter(t -> t.message().body().equals("Rosa, te escribimos por privado")).count() == 1
                && session.cache().thread(c.id()).stream().noneMatch(ThreadMessage::pending));
    }

    @Test
    void aStaleClaimIsRefusedAndTheCacheShowsWhoWon() throws Exception {
        server.tweet(orangeOnX, "9006", "Javier León", "quiero darme de baja");
        session = startClient();
        awaitOnline(session);
        Conversation c = onlyConversationOf(session.cache(), "Javier León");
        ApiClient lead = server.signedIn("lucia");
        Conversation afterAssign = lead.action(c.id(), "assign",
                es.faro.protocol.json.Json.MAPPER.createObjectNode().put("agentId", "u-lucia").put("version", c.version()),
                java.util.UUID.randomUUID().toString());
        assertThat(afterAssign.assigneeId()).isEqualTo("u-lucia");

        // Ana claims on the version she saw before the lead's change reached her: offline, the
        // claim waits in her outbox on the old version.
        session.close();
        session = null;
        try (SqliteCache cache = SqliteCache.open(dir.resolve("cache").resolve("ana@test-server.db"))) {
            new OutboxCommands(cache, server.signedIn("ana").me()).claim(c.id()).join();
        }
        session = startClient();
        await("the claim to be refused", SOON, () -> session.cache().outbox().stream()
                .anyMatch(e -> e.state() == es.faro.client.cache.OutboxEntry.State.REJECTED));
        await("the cache to show the winner", SOON, () -> session.cache().conversation(c.id())
                .map(x -> "u-lucia".equals(x.assigneeId())).orElse(false));
    }

    private Set<Long> allSeqsVisibleTo(String user) throws Exception {
        ApiClient api = server.signedIn(user);
        Set<Long> seqs = new TreeSet<>();
        long after = 0;
        while (true) {
            var page = api.changes(after, 1000);
            page.events().stream().map(Event::seq).forEach(seqs::add);
            if (page.events().isEmpty()) {
                return seqs;
            }
            after = page.last();
        }
    }

    private static Conversation onlyConversationOf(SqliteCache cache, String customer) {
        await("the conversation of " + customer, SOON, () -> cache.activeConversations().stream()
                .anyMatch(c -> customer.equals(c.customerName())));
        return cache.activeConversations().stream().filter(c -> customer.equals(c.customerName())).findFirst().orElseThrow();
    }

    private List<String> bodiesOnServer(String conversationId) throws Exception {
        JsonNode json = server.messages(conversationId);
        JsonNode items = json.isArray() ? json : json.path("items").isArray() ? json.path("items") : json.path("messages");
        List<String> bodies = new ArrayList<>();
        items.forEach(m -> bodies.add(m.path("body").asText()));
        return bodies;
    }
}
