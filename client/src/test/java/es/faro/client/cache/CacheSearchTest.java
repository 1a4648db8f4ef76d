package es.faro.client.cache;

import static es.faro.client.cache.CacheFixtures.T0;
import static es.faro.client.cache.CacheFixtures.conversation;
import static es.faro.client.cache.CacheFixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline search on a real cache file: bodies, customers, accents, order, limits and hostile input. */
class CacheSearchTest {
    @TempDir
    Path dir;
    SqliteCache cache;

    @BeforeEach
    void open() {
        cache = SqliteCache.open(dir.resolve("cache.db"));
        Conversation maria = named(conversation("c-maria", "orange", 1, ConversationStatus.OPEN),
                "María Pérez", "@mariap_82");
        cache.applyBootstrap(new Bootstrap(CacheFixtures.reference(),
                List.of(conversation("c1", "orange", 1, ConversationStatus.NEW),
                        conversation("c2", "jazztel", 1, ConversationStatus.RESOLVED), maria),
                List.of(inbound("m1", "c1", T0, "Llevo 3 días sin fibra en Getafe"),
                        inbound("m2", "c2", T0.plusSeconds(60), "La factura de noviembre viene duplicada"),
                        inbound("m3", "c1", T0.plusSeconds(120), "Sigo sin fibra, ¿alguien me ayuda? (urgente)"),
                        inbound("m4", "c-maria", T0.plusSeconds(30), "Hola, quiero la portabilidad")),
                10, null));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void findsTheConversationOnceWithItsNewestMatchingMessageMarked() {
        List<SearchHit> hits = cache.search("fibra", 50);

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.conversation().id()).isEqualTo("c1");
            assertThat(h.messageId()).isEqualTo("m3");
            assertThat(h.snippet()).contains("Sigo sin fibra");
            assertThat(h.highlights()).singleElement()
                    .satisfies(r -> assertThat(h.snippet().substring(r.start(), r.end())).isEqualTo("fibra"));
            assertThat(h.customerMatch()).isFalse();
        });
    }

    @Test
    void theLastWordIsAPrefixAndEveryWordMustMatch() {
        assertThat(cache.search("factura novi", 50)).extracting(h -> h.conversation().id()).containsExactly("c2");
        assertThat(cache.search("factura fibra", 50)).isEmpty();
        assertThat(cache.search("fib", 50)).extracting(h -> h.conversation().id()).containsExactly("c1");
    }

    @Test
    void accentsAndCaseAreIgnoredBothWays() {
        assertThat(cache.search("DIAS", 50)).extracting(h -> h.conversation().id()).containsExactly("c1");
        assertThat(cache.search("fíbrá", 50)).extracting(h -> h.conversation().id()).containsExactly("c1");
        assertThat(cache.search("maria perez", 50)).extracting(h -> h.conversation().id()).containsExactly("c-maria");
    }

    @Test
    void findsCustomersByNameAndHandleWithTheNameMarkedAndTheConversationSnippet() {
        List<SearchHit> hits = cache.search("@mariap", 50);

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.conversation().id()).isEqualTo("c-maria");
            assertThat(h.customerMatch()).isTrue();
            assertThat(h.messageId()).isNull();
            assertThat(h.snippet()).isEqualTo("Sin fibra desde ayer");
            assertThat(h.terms()).containsExactly("mariap");
            assertThat(SearchMarks.ranges("@mariap_82", h.terms())).containsExactly(new SearchHit.Range(1, 7));
        });
    }

    @Test
    void aConversationMatchingByMessageAndCustomerIsOneHitWithTheMessage() {
        List<SearchHit> hits = cache.search("hola maria", 50);
        assertThat(hits).isEmpty(); // "maria" is not in the message and "hola" not in the name: all words in one place

        cache.applyEvents(List.of(CacheFixtures.event(11, es.faro.protocol.event.EventType.MESSAGE,
                inbound("m5", "c-maria", T0.plusSeconds(300), "Soy María, sigo esperando"))));
        assertThat(cache.search("maria", 50)).singleElement().satisfies(h -> {
            assertThat(h.messageId()).isEqualTo("m5");
            assertThat(h.customerMatch()).isTrue();
        });
    }

    @Test
    void newestMatchFirstAndLimited() {
        List<Conversation> many = new ArrayList<>();
        List<es.faro.protocol.model.Message> messages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(conversation("r" + i, "orange", 1, ConversationStatus.OPEN));
            messages.add(inbound("rm" + i, "r" + i, T0.plus(Duration.ofMinutes(10 + i)), "router número " + i));
        }
        cache.applyBootstrap(new Bootstrap(null, many, messages, 20, null));

        List<SearchHit> hits = cache.search("router", 5);

        assertThat(hits).extracting(h -> h.conversation().id()).containsExactly("r29", "r28", "r27", "r26", "r25");
    }

    @Test
    void renamedCustomersAreFoundByTheirNewNameOnly() {
        Conversation renamed = named(conversation("c-maria", "orange", 2, ConversationStatus.OPEN),
                "Marta Gil", "@martagil");
        cache.applyEvents(List.of(CacheFixtures.conversationEvent(11, renamed)));

        assertThat(cache.search("perez", 50)).isEmpty();
        assertThat(cache.search("marta", 50)).extracting(h -> h.conversation().id()).containsExactly("c-maria");
    }

    @Test
    void aCacheWrittenBeforeTheCustomerIndexIsIndexedByTheMigration() throws Exception {
        Path old = dir.resolve("old.db");
        try (SqliteCache fresh = SqliteCache.open(old)) {
            fresh.applyBootstrap(new Bootstrap(CacheFixtures.reference(),
                    List.of(named(conversation("c-old", "orange", 1, ConversationStatus.OPEN), "Íñigo Ruiz", "@inigo")),
                    List.of(), 1, null));
        }
        // Back to the shape before V150: no customer index, as on an agent's disk before the update.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("DROP TABLE customer_fts");
            s.execute("DROP TRIGGER conversations_customer_fts_insert");
            s.execute("DROP TRIGGER conversations_customer_fts_delete");
            s.execute("DROP TRIGGER conversations_customer_fts_update");
            s.execute("DELETE FROM flyway_schema_history WHERE version = '150'");
        }
        try (SqliteCache reopened = SqliteCache.open(old)) {
            assertThat(reopened.search("inigo", 50)).extracting(h -> h.conversation().id()).containsExactly("c-old");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"fibra", "fibra\"", "fibra*", "*", "NEAR(fibra getafe)", "fibra OR factura",
            "(fibra", "-fibra", "fibra:", "body:fibra", "^fibra", "fibra AND", "NOT", "{body}: fibra", "'; DROP TABLE messages; --",
            "fi\u0000bra", "+", "...", "   ", "", "😀", "fibra 😀"})
    void ftsSyntaxNeverReachesMatchRaw(String typed) {
        List<SearchHit> hits = cache.search(typed, 50);

        boolean hasWord = typed.codePoints().anyMatch(Character::isLetterOrDigit);
        if (!hasWord) {
            assertThat(hits).isEmpty();
        }
        assertThat(cache.thread("c1")).hasSize(2); // nothing was dropped either
    }

    @Test
    void syntaxCharactersAroundAWordStillFindIt() {
        for (String typed : List.of("\"fibra\"", "fibra*", "(fibra)", "-fibra", "fibra:", "^fibra", "fibra\"")) {
            assertThat(cache.search(typed, 50)).as(typed).extracting(h -> h.conversation().id()).contains("c1");
        }
        assertThat(cache.search("(urgente)", 50)).extracting(h -> h.conversation().id()).containsExactly("c1");
    }

    @Test
    void queriesAreBuiltFromLettersAndDigitsOnly() {
        assertThat(SearchQuery.parse("  ")).isEmpty();
        assertThat(SearchQuery.parse("?!*\"")).isEmpty();
        assertThat(SearchQuery.parse("NEAR(\"fibra\" -getafe)*").orElseThrow().match())
                .isEqualTo("\"NEAR\" \"fibra\" \"getafe\"*");
        assertThat(SearchQuery.parse("Él   llamó").orElseThrow().terms()).containsExactly("el", "llamo");
    }

    private static Conversation named(Conversation c, String name, String handle) {
        return new Conversation(c.id(), c.brandId(), c.channel(), c.customerId(), name, handle, c.status(),
                c.priority(), c.labels(), c.queueId(), c.assigneeId(), c.language(), c.snippet(), c.lastMessageKind(),
                c.messageCount(), c.createdAt(), c.updatedAt(), c.lastMessageAt(), c.response(), c.resolution(),
                c.version(), c.firstResponse(), c.snoozedUntil());
    }
}
