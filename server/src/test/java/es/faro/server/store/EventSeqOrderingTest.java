package es.faro.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.event.EventType;
import es.faro.server.support.StoreBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sync cursor's promise under concurrent writers on two "nodes" (two stores on one database):
 * a reader that polls {@code seq > cursor} and jumps its cursor to the last seq it saw never skips an
 * event, even one whose transaction takes its time to commit. Writers deliberately stall after
 * appending (a slow commit) while others keep writing.
 */
class EventSeqOrderingTest {
    private static final int WRITERS = 6;
    private static final int WRITES_EACH = 40;

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aPollingReaderNeverSkipsAnEventThatCommitsLate(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create(); Store nodeA = db.open(); Store nodeB = db.openNode(nodeA)) {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<String> violation = new AtomicReference<>();
            AtomicInteger polls = new AtomicInteger();
            List<Long> seen = new ArrayList<>();
            CountDownLatch readerDone = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                long cursor = 0;
                try {
                    while (true) {
                        boolean last = !writing.get();
                        long from = cursor;
                        List<EventLog.ScopedEvent> got = nodeA.read(c -> EventLog.after(c, from, 10_000));
                        polls.incrementAndGet();
                        for (EventLog.ScopedEvent e : got) {
                            long seq = e.event().seq();
                            if (seq != cursor + 1) {
                                violation.compareAndSet(null, "after " + cursor + " the reader got " + seq);
                            }
                            seen.add(seq);
                            cursor = seq;
                        }
                        if (last && got.isEmpty()) {
                            return;
                        }
                    }
                } finally {
                    readerDone.countDown();
                }
            }, "seq-reader");
            reader.start();

            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Store node = w % 2 == 0 ? nodeA : nodeB;
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        int k = i;
                        long seq = node.write(c -> {
                            long s = EventLog.append(c, EventType.AGENT, Instant.now(), null, null,
                                    Map.of("writer", writer, "i", k));
                            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                                Thread.sleep(ThreadLocalRandom.current().nextInt(5, 30)); // a late commit
                            }
                            return s;
                        }).join();
                        acknowledged.add(seq);
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            writing.set(false);
            assertThat(readerDone.await(30, TimeUnit.SECONDS)).isTrue();
            pool.shutdown();

            assertThat(violation.get()).as("the reader skipped an event").isNull();
            assertThat(polls.get()).as("the reader polled while writers ran").isGreaterThan(10);
            assertThat(acknowledged).hasSize(WRITERS * WRITES_EACH);
            assertThat(seen).hasSize(WRITERS * WRITES_EACH);
            assertThat(Set.copyOf(seen)).isEqualTo(acknowledged);
        }
    }
}
