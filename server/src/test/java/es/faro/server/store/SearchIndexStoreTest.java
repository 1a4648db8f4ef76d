package es.faro.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import es.faro.server.support.StoreBackend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The search index on both stores: V120 indexes what was stored before it (the backfill), and the
 * index follows later inserts, edits, deletions and customer renames without anyone telling it.
 */
class SearchIndexStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final SearchIndex.Filter ANY = new SearchIndex.Filter(null, null, null);

    static Customer customer(String id, String name, String handle) {
        return new Customer(id, name, handle, Channel.TWITTER, "user-" + id, 10, "es");
    }

    static Conversation conversation(String id, String brand, Customer who) {
        return new Conversation(id, brand, Channel.TWITTER, who.id(), who.name(), who.handle(), ConversationStatus.NEW,
                Priority.P3, List.of(), null, null, "es", "x", MessageKind.IN, 1, T0, T0, T0, null, null, 1);
    }

    static Message message(String id, String conversation, String body) {
        return new Message(id, conversation, MessageKind.IN, null, "Cliente", body, true, Channel.TWITTER, "tw-" + id,
                null, T0, null, null);
    }

    static Message deleted(Message m) {
        return new Message(m.id(), m.conversationId(), m.kind(), m.authorId(), m.authorName(), m.body(), m.isPublic(),
                m.channel(), m.channelMessageId(), m.inReplyTo(), m.createdAt(), m.delivery(), m.clientId(),
                m.deliveryError(), m.deliveryLink(), null, T0.plusSeconds(60), m.survey());
    }

    static Message edited(Message m, String body) {
        return new Message(m.id(), m.conversationId(), m.kind(), m.authorId(), m.authorName(), body, m.isPublic(),
                m.channel(), m.channelMessageId(), m.inReplyTo(), m.createdAt(), m.delivery(), m.clientId(),
                m.deliveryError(), m.deliveryLink(), T0.plusSeconds(30), null, m.survey());
    }

    static List<String> found(Store store, String... words) {
        return store.read(c -> SearchIndex.search(c, List.of(words), Scope.everything(), ANY, 50, 0)).stream()
                .map(h -> h.inMessage() ? h.message().id() : "customer:" + h.customer().id()).toList();
    }

    /** A conversation row as the schema before V120 had it (later migrations add columns the store now writes). */
    private static void insertAsBeforeSearch(Connection c, Conversation conv) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO conversations (id, brand_id, channel,"
                + " customer_id, status, priority, queue_id, assignee_id, created_at, updated_at, version, json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, conv.id());
            ps.setString(2, conv.brandId());
            ps.setString(3, conv.channel().name());
            ps.setString(4, conv.customerId());
            ps.setString(5, conv.status().name());
            ps.setString(6, conv.priority().name());
            ps.setString(7, conv.queueId());
            ps.setString(8, conv.assigneeId());
            ps.setLong(9, conv.createdAt().toEpochMilli());
            ps.setLong(10, conv.updatedAt().toEpochMilli());
            ps.setLong(11, conv.version());
            ps.setString(12, es.faro.protocol.json.Json.write(conv));
            ps.executeUpdate();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void theMigrationIndexesWhatWasStoredAndTheIndexFollowsEveryChange(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create()) {
            String location = backend == StoreBackend.SQLITE ? Stores.SQLITE_MIGRATIONS : Stores.POSTGRESQL_MIGRATIONS;
            // The schema as it was before search, with a conversation already in it.
            // (the last migration before V120, whichever that is once other features add theirs)
            String previous = java.util.Arrays.stream(Flyway.configure().dataSource(db.url(), null, null).locations(location)
                            .load().info().all())
                    .map(m -> m.getVersion()).filter(v -> v.isNewerThan("0") && !v.isAtLeast("120"))
                    .max(Comparable::compareTo).orElseThrow().getVersion();
            Flyway.configure().dataSource(db.url(), null, null).locations(location).target(previous).load().migrate();
            Customer old = customer("cu-1", "Remedios Varo", "@remedios");
            Message before = message("m-1", "c-1", "La factura de octubre llegó duplicada");
            try (Connection c = DriverManager.getConnection(db.url())) {
                Customers.upsert(c, old);
                insertAsBeforeSearch(c, conversation("c-1", "orange", old));
                Messages.insert(c, before);
            }
            try (Store store = db.open()) {
                assertThat(found(store, "factura")).containsExactly("m-1");
                assertThat(found(store, "remedios")).containsExactly("customer:cu-1");

                Customer later = customer("cu-2", "Íñigo Peña", "@inigo");
                Message after = message("m-2", "c-2", "Sin cobertura en el pueblo");
                store.write(c -> {
                    Customers.upsert(c, later);
                    Conversations.upsert(c, conversation("c-2", "amena", later));
                    Messages.insert(c, after);
                    return null;
                }).get();
                assertThat(found(store, "cobertura")).containsExactly("m-2");
                assertThat(found(store, "inigo", "pena")).containsExactly("customer:cu-2");

                store.write(c -> {
                    Messages.update(c, edited(before, "La factura de noviembre también"), es.faro.protocol.json.Json.write(
                            edited(before, "La factura de noviembre también")));
                    Messages.update(c, deleted(after), es.faro.protocol.json.Json.write(deleted(after)));
                    Customers.upsert(c, customer("cu-1", "Leonora Carrington", "@leonora"));
                    return null;
                }).get();
                assertThat(found(store, "octubre")).isEmpty();
                assertThat(found(store, "noviembre")).containsExactly("m-1");
                assertThat(found(store, "cobertura")).isEmpty();
                assertThat(found(store, "remedios")).isEmpty();
                assertThat(found(store, "leonora")).containsExactly("customer:cu-1");

                // Scope: an agent of Amena only does not reach the Orange conversation.
                Scope amena = new Scope(false, List.of("amena"), List.of());
                List<SearchIndex.Hit> hits = store.read(c -> SearchIndex.search(c, List.of("factura"), amena, ANY, 50, 0));
                assertThat(hits).isEmpty();
            }
        }
    }
}
