package es.faro.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.protocol.event.EventType;
import es.faro.server.support.StoreBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The writer's contract, on SQLite and PostgreSQL: one failing task rolls back alone; the others in its batch commit. */
class SqliteStoreTest {

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aFailingTaskDoesNotRollBackItsBatchAndLeavesNoGapInTheLog(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store store = db.open()) {
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int k = i;
                futures.add(store.write(c -> {
                    long seq = EventLog.append(c, EventType.AGENT, Instant.now(), null, null, Map.of("k", k));
                    if (k % 10 == 3) {
                        throw new IllegalStateException("task " + k + " fails after writing");
                    }
                    return seq;
                }));
            }
            int failed = 0;
            List<Long> seqs = new ArrayList<>();
            for (CompletableFuture<Long> f : futures) {
                try {
                    seqs.add(f.get());
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(5);
            List<EventLog.ScopedEvent> log = store.read(c -> EventLog.after(c, 0, 1000));
            assertThat(log).hasSize(45);
            for (int i = 0; i < log.size(); i++) {
                assertThat(log.get(i).event().seq()).isEqualTo(i + 1);
                assertThat(log.get(i).event().data().get("k").asInt() % 10).isNotEqualTo(3);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void writesAreVisibleToReadersOnlyAfterTheFutureCompletes(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store store = db.open()) {
            long seq = store.write(c -> EventLog.append(c, EventType.AGENT, Instant.now(), null, null, Map.of())).get();
            assertThat(store.read(EventLog::maxSeq)).isEqualTo(seq);
            store.close();
            assertThatThrownBy(() -> store.write(c -> 1).get()).hasCauseInstanceOf(IllegalStateException.class);
        }
    }
}
