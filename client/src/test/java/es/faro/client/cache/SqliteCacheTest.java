package es.faro.client.cache;

import static es.faro.client.cache.CacheFixtures.ANA;
import static es.faro.client.cache.CacheFixtures.conversation;
import static es.faro.client.cache.CacheFixtures.conversationEvent;
import static es.faro.client.cache.CacheFixtures.event;
import static es.faro.client.cache.CacheFixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.sync.OutboxCommands;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCacheTest {
    @TempDir
    Path dir;
    SqliteCache cache;
    List<CacheChange> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        cache = SqliteCache.open(dir.resolve("cache.db"));
        cache.addListener(changes::add);
        cache.applyBootstrap(new Bootstrap(CacheFixtures.reference(),
                List.of(conversation("c1", "orange", 3, ConversationStatus.NEW),
                        conversation("c2", "jazztel", 1, ConversationStatus.RESOLVED)),
                List.of(inbound("m1", "c1", CacheFixtures.T0, "Llevo 3 días sin fibra en Getafe")), 10, null));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void bootstrapFillsReferenceConversationsThreadsAndCursor() {
        assertThat(cache.bootstrapped()).isTrue();
        assertThat(cache.cursor()).isEqualTo(10);
        assertThat(cache.reference().brands()).extracting("id").containsExactly("orange", "jazztel");
        assertThat(cache.activeConversations()).extracting(Conversation::id).containsExactly("c1");
        assertThat(cache.thread("c1")).singleElement()
                .satisfies(t -> assertThat(t.message().body()).contains("Getafe"))
                .satisfies(t -> assertThat(t.pending()).isFalse());
    }

    @Test
    void allConversationsIncludesResolvedOnesForTheDashboard() {
        assertThat(cache.allConversations()).extracting(Conversation::id).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void bootstrapIsNotCompleteUntilItsLastPage() {
        Path other = dir.resolve("other.db");
        try (SqliteCache fresh = SqliteCache.open(other)) {
            fresh.applyBootstrap(new Bootstrap(CacheFixtures.reference(),
                    List.of(conversation("c9", "orange", 1, ConversationStatus.NEW)), List.of(), 7, "page-2"));
            assertThat(fresh.bootstrapped()).isFalse();
            assertThat(fresh.cursor()).isZero();
            fresh.applyBootstrap(new Bootstrap(null, List.of(), List.of(), 7, null));
            assertThat(fresh.bootstrapped()).isTrue();
            assertThat(fresh.cursor()).isEqualTo(7);
        }
    }

    @Test
    void eventsApplyInOrderAndRepeatsAreSkipped() {
        Conversation v4 = conversation("c1", "orange", 4, ConversationStatus.OPEN);
        Message m2 = inbound("m2", "c1", CacheFixtures.T0.plusSeconds(60), "¿Hay alguien?");
        cache.applyEvents(List.of(conversationEvent(11, v4), event(12, EventType.MESSAGE, m2)));
        // A replay of the same events (a reconnect overlapping the cursor) changes nothing.
        cache.applyEvents(List.of(conversationEvent(11, conversation("c1", "orange", 2, ConversationStatus.NEW)),
                event(12, EventType.MESSAGE, m2)));
        assertThat(cache.cursor()).isEqualTo(12);
        assertThat(cache.conversation("c1")).get().extracting(Conversation::status).isEqualTo(ConversationStatus.OPEN);
        assertThat(cache.thread("c1")).hasSize(2);
    }

    @Test
    void olderVersionOfAConversationNeverOverwritesANewerOne() {
        cache.applyEvents(List.of(conversationEvent(11, conversation("c1", "orange", 9, ConversationStatus.OPEN))));
        cache.applyEvents(List.of(conversationEvent(12, conversation("c1", "orange", 5, ConversationStatus.CLOSED))));
        assertThat(cache.conversation("c1")).get().extracting(Conversation::version).isEqualTo(9L);
    }

    @Test
    void listenersHearOneChangePerCommittedBatch() {
        changes.clear();
        cache.applyEvents(List.of(conversationEvent(11, conversation("c1", "orange", 4, ConversationStatus.OPEN)),
                event(12, EventType.MESSAGE, inbound("m2", "c1", CacheFixtures.T0, "hola"))));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.conversations()).containsExactly("c1");
            assertThat(c.threads()).containsExactly("c1");
        });
    }

    @Test
    void replyIsPendingLocallyUntilTheServerConfirmsIt() {
        OutboxCommands commands = new OutboxCommands(cache, ANA);
        commands.reply("c1", "Hola, lo revisamos por privado", true).join();

        List<ThreadMessage> thread = cache.thread("c1");
        assertThat(thread).hasSize(2);
        ThreadMessage local = thread.get(1);
        assertThat(local.pending()).isTrue();
        assertThat(local.message().kind()).isEqualTo(MessageKind.OUT);
        assertThat(cache.conversation("c1")).get().extracting(Conversation::status).isEqualTo(ConversationStatus.OPEN);
        assertThat(cache.pendingOutboxCount()).isEqualTo(1);

        OutboxEntry entry = cache.firstPendingOutboxEntry().orElseThrow();
        Message server = new Message("srv-1", "c1", MessageKind.OUT, ANA.id(), ANA.name(), "Hola, lo revisamos por privado",
                true, local.message().channel(), "tw-out-1", null, CacheFixtures.T0.plusSeconds(5), DeliveryState.SENT, entry.id());
        cache.outboxDelivered(entry, conversation("c1", "orange", 4, ConversationStatus.OPEN), server);

        assertThat(cache.pendingOutboxCount()).isZero();
        assertThat(cache.thread("c1")).extracting(t -> t.message().id()).containsExactly("m1", "srv-1");
        assertThat(cache.thread("c1")).noneMatch(ThreadMessage::pending);
    }

    @Test
    void theServersEventForOurReplyReplacesTheLocalCopyExactlyOnce() {
        OutboxCommands commands = new OutboxCommands(cache, ANA);
        commands.reply("c1", "Te escribo por DM", true).join();
        String key = cache.firstPendingOutboxEntry().orElseThrow().id();
        Message server = new Message("srv-2", "c1", MessageKind.OUT, ANA.id(), ANA.name(), "Te escribo por DM", true,
                null, null, null, CacheFixtures.T0, DeliveryState.SENT, key);
        cache.applyEvents(List.of(event(11, EventType.MESSAGE, server)));
        assertThat(cache.thread("c1")).extracting(t -> t.message().id()).containsExactly("m1", "srv-2");
    }

    @Test
    void rejectionKeepsTheEntryForTheAgentAndConvergesToTheServer() {
        OutboxCommands commands = new OutboxCommands(cache, ANA);
        commands.setStatus("c1", ConversationStatus.RESOLVED).join();
        assertThat(cache.activeConversations()).isEmpty();

        OutboxEntry entry = cache.firstPendingOutboxEntry().orElseThrow();
        Conversation current = conversation("c1", "orange", 5, ConversationStatus.OPEN).toBuilder().assigneeId("u-pablo").build();
        cache.outboxRejected(entry, "Otra persona ha cambiado esta conversación", current);

        assertThat(cache.conversation("c1")).get().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ConversationStatus.OPEN);
            assertThat(c.assigneeId()).isEqualTo("u-pablo");
        });
        assertThat(cache.pendingOutboxCount()).isZero();
        assertThat(cache.outbox()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(OutboxEntry.State.REJECTED);
            assertThat(e.error()).contains("Otra persona");
        });
    }

    @Test
    void optimisticChangesStackAndAChainIsRebasedOnEachConfirmation() {
        OutboxCommands commands = new OutboxCommands(cache, ANA);
        commands.claim("c1").join();
        commands.setStatus("c1", ConversationStatus.PENDING).join();
        assertThat(cache.conversation("c1")).get().satisfies(c -> {
            assertThat(c.assigneeId()).isEqualTo(ANA.id());
            assertThat(c.status()).isEqualTo(ConversationStatus.PENDING);
        });
        List<OutboxEntry> entries = cache.outbox();
        assertThat(entries).extracting(OutboxEntry::baseVersion).containsExactly(3L, 3L);

        cache.outboxDelivered(entries.get(0), conversation("c1", "orange", 4, ConversationStatus.NEW)
                .toBuilder().assigneeId(ANA.id()).build(), null);
        assertThat(cache.firstPendingOutboxEntry()).get().extracting(OutboxEntry::baseVersion).isEqualTo(4L);
        assertThat(cache.conversation("c1")).get().extracting(Conversation::status).isEqualTo(ConversationStatus.PENDING);
    }

    @Test
    void outboxAndDraftedRepliesSurviveAReopen() {
        new OutboxCommands(cache, ANA).reply("c1", "Respuesta sin conexión", true).join();
        cache.close();
        cache = SqliteCache.open(dir.resolve("cache.db"));
        assertThat(cache.pendingOutboxCount()).isEqualTo(1);
        assertThat(cache.thread("c1")).anyMatch(t -> t.pending() && t.message().body().equals("Respuesta sin conexión"));
        assertThat(cache.cursor()).isEqualTo(10);
    }

    @Test
    void manyConcurrentWritersAreAllCommitted() throws Exception {
        OutboxCommands commands = new OutboxCommands(cache, ANA);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int n = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    commands.note("c1", "nota " + n + "-" + i).join();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(cache.pendingOutboxCount()).isEqualTo(100);
        assertThat(cache.thread("c1")).hasSize(101);
    }
}
