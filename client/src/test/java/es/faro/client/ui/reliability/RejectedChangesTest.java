package es.faro.client.ui.reliability;

import static es.faro.client.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.app.ClientSession;
import es.faro.client.cache.OutboxEntry;
import es.faro.client.cache.OutboxKind;
import es.faro.client.cache.SqliteCache;
import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.ConnectionState;
import es.faro.client.sync.OutboxCommands;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queued change the server refuses (someone else changed the conversation first) reaches the agent
 * with Redo and Discard: discard converges to the server's state, redo re-applies the change on it.
 * Real server on 127.0.0.1, real cache file, real sync engine.
 */
class RejectedChangesTest {
    private static final Duration SOON = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    LiveServer server;
    ClientSession session;
    OfflineViewModel vm;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();

    @BeforeEach
    void start() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        server.tweet(server.twitterAccountOf("orange"), "8101", "Rosa Gil", "no tengo cobertura en casa");
    }

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.close();
        }
        if (session != null) {
            session.close();
        }
        server.close();
    }

    private ClientSession startClient() throws Exception {
        ApiClient api = server.signedIn("ana");
        return ClientSession.start(api, api.me(), dir.resolve("cache"), "test-server");
    }

    /** Ana's cached conversation, then a lead changes it on the server while Ana's change waits offline on the old version. */
    private Conversation staleChangeQueued(java.util.function.Consumer<OutboxCommands> change) throws Exception {
        session = startClient();
        await("online", SOON, () -> session.sync().state().status() == ConnectionState.Status.ONLINE);
        await("the conversation cached", SOON, () -> !session.cache().activeConversations().isEmpty());
        Conversation c = session.cache().activeConversations().get(0);
        session.close();
        session = null;
        ApiClient lead = server.signedIn("lucia");
        lead.action(c.id(), "assign", Json.MAPPER.createObjectNode().put("agentId", "u-lucia").put("version", c.version()),
                UUID.randomUUID().toString());
        currentId = c.id();
        try (SqliteCache cache = SqliteCache.open(dir.resolve("cache").resolve("ana@test-server.db"))) {
            change.accept(new OutboxCommands(cache, server.signedIn("ana").me()));
        }
        session = startClient();
        vm = new OfflineViewModel(session.cache(), session.sync(), tasks, ZoneId.systemDefault());
        vm.start();
        tasks.drainUntil(() -> vm.rejected().size() == 1, SOON);
        return c;
    }

    @Test
    void aRefusedChangeIsShownAndDiscardingItConvergesToTheServer() throws Exception {
        Conversation c = staleChangeQueued(cmd -> cmd.setStatus(sameId(), ConversationStatus.RESOLVED).join());
        RejectedChange refused = vm.rejected().get(0);
        assertThat(refused.kind()).isEqualTo(OutboxKind.STATUS);
        assertThat(refused.summary()).isEqualTo("RESOLVED");
        assertThat(refused.reason()).isNotBlank();

        vm.discard(refused);
        tasks.drainUntil(() -> vm.rejected().isEmpty(), SOON);
        assertThat(session.cache().outbox()).isEmpty();
        Conversation onServer = server.signedIn("lucia").conversation(c.id());
        assertThat(session.cache().conversation(c.id()).orElseThrow()).isEqualTo(onServer);
        assertThat(onServer.status()).isNotEqualTo(ConversationStatus.RESOLVED);
    }

    @Test
    void redoingARefusedChangeAppliesItOnTheCurrentState() throws Exception {
        Conversation c = staleChangeQueued(cmd -> cmd.setPriority(sameId(), Priority.P1).join());
        RejectedChange refused = vm.rejected().get(0);
        assertThat(refused.kind()).isEqualTo(OutboxKind.PRIORITY);

        vm.redo(refused);
        tasks.drainUntil(() -> vm.rejected().isEmpty(), SOON);
        await("the redone change delivered", SOON, () -> session.cache().outbox().isEmpty());
        Conversation onServer = server.signedIn("lucia").conversation(c.id());
        assertThat(onServer.priority()).isEqualTo(Priority.P1);
        assertThat(onServer.assigneeId()).isEqualTo("u-lucia");
        await("the cache to converge", SOON, () -> session.cache().conversation(c.id()).orElseThrow().equals(onServer));
    }

    /** The conversation of the running test, known once {@link #staleChangeQueued} has read it. */
    private String currentId;

    private String sameId() {
        return currentId;
    }
}
