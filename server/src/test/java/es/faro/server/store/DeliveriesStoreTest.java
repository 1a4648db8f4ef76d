package es.faro.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.server.support.StoreBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Delivery claims through the database, by two stores on one database as two nodes would. */
class DeliveriesStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Message reply(int i) {
        return new Message("m-" + i, "c-1", MessageKind.OUT, "u-ana", "Ana", "Hola " + i, true, Channel.TWITTER,
                null, null, T0, DeliveryState.QUEUED, "k-" + i);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void concurrentClaimsHandEachDeliveryToOneNode(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store a = db.open(); Store b = db.openNode(a)) {
            a.write(c -> {
                for (int i = 0; i < 20; i++) {
                    Deliveries.enqueue(c, reply(i), T0);
                }
                Deliveries.enqueue(c, reply(0), T0); // a second enqueue of the same message is a no-op
                return null;
            }).get();
            Instant now = T0.plusSeconds(1);
            // A node without an endpoint for X claims none of them, and sees nothing due.
            assertThat(a.write(c -> Deliveries.claim(c, "a", now, now.plusSeconds(60), 12,
                    java.util.EnumSet.of(Channel.FACEBOOK))).get()).isEmpty();
            assertThat(a.read(c -> Deliveries.nextDue(c, java.util.EnumSet.of(Channel.FACEBOOK))).isEmpty()).isTrue();
            assertThat(a.read(c -> Deliveries.nextDue(c, java.util.EnumSet.of(Channel.TWITTER))).orElseThrow()).isEqualTo(T0);
            CompletableFuture<List<Deliveries.Claim>> byA = a.write(c -> Deliveries.claim(c, "a", now, now.plusSeconds(60), 12));
            CompletableFuture<List<Deliveries.Claim>> byB = b.write(c -> Deliveries.claim(c, "b", now, now.plusSeconds(60), 12));
            Set<String> ids = new HashSet<>();
            List<Deliveries.Claim> all = new ArrayList<>(byA.get());
            all.addAll(byB.get());
            all.forEach(cl -> ids.add(cl.messageId()));
            assertThat(all).hasSize(20);
            assertThat(ids).hasSize(20);
            assertThat(byA.get().size() + byB.get().size()).isEqualTo(20);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void anExpiredClaimIsResumedByAnotherNodeAndTheFirstCannotFinish(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store a = db.open(); Store b = db.openNode(a)) {
            a.write(c -> {
                Deliveries.enqueue(c, reply(1), T0);
                return null;
            }).get();
            assertThat(a.write(c -> Deliveries.claim(c, "a", T0, T0.plusSeconds(60), 5)).get()).hasSize(1);
            // Under a live claim nobody else gets it, and the next due instant is the lease's end.
            assertThat(b.write(c -> Deliveries.claim(c, "b", T0.plusSeconds(30), T0.plusSeconds(90), 5)).get()).isEmpty();
            assertThat(b.read(c -> Deliveries.nextDue(c)).orElseThrow()).isEqualTo(T0.plusSeconds(60));
            // Node a dies; its lease runs out and b resumes the delivery.
            List<Deliveries.Claim> resumed = b.write(c -> Deliveries.claim(c, "b", T0.plusSeconds(61),
                    T0.plusSeconds(121), 5)).get();
            assertThat(resumed).containsExactly(new Deliveries.Claim("m-1", 0));
            assertThat(a.write(c -> Deliveries.finish(c, "m-1", "a", DeliveryState.SENT, 1, T0, null,
                    T0.plusSeconds(62))).get()).isFalse();
            // b records a transient failure: queued again later, one attempt counted.
            assertThat(b.write(c -> Deliveries.finish(c, "m-1", "b", DeliveryState.QUEUED, 1, T0.plusSeconds(70),
                    "HTTP 503", T0.plusSeconds(62))).get()).isTrue();
            assertThat(a.write(c -> Deliveries.claim(c, "a", T0.plusSeconds(65), T0.plusSeconds(125), 5)).get()).isEmpty();
            assertThat(a.write(c -> Deliveries.claim(c, "a", T0.plusSeconds(70), T0.plusSeconds(130), 5)).get())
                    .containsExactly(new Deliveries.Claim("m-1", 1));
            assertThat(a.write(c -> Deliveries.finish(c, "m-1", "a", DeliveryState.FAILED, 2, T0, "HTTP 400",
                    T0.plusSeconds(71))).get()).isTrue();
            Deliveries.Row row = a.read(c -> Deliveries.find(c, "m-1")).orElseThrow();
            assertThat(row.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(row.lastError()).isEqualTo("HTTP 400");
            assertThat(a.read(c -> Deliveries.nextDue(c)).isEmpty()).isTrue();
            // An agent's retry queues it again from zero attempts.
            assertThat(b.write(c -> Deliveries.transition(c, "m-1", DeliveryState.FAILED, DeliveryState.QUEUED,
                    T0.plusSeconds(80))).get()).isTrue();
            assertThat(b.write(c -> Deliveries.claim(c, "b", T0.plusSeconds(80), T0.plusSeconds(140), 5)).get())
                    .containsExactly(new Deliveries.Claim("m-1", 0));
        }
    }
}
