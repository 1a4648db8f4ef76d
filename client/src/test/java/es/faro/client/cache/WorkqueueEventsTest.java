package es.faro.client.cache;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.TestData;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Workqueue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** workqueue.updated / workqueue.deleted events change the cached queues; others' personal views stay hidden. */
class WorkqueueEventsTest {
    @TempDir
    Path dir;

    @Test
    void queueEventsReachTheCachedReferenceData() {
        Instant now = Instant.now();
        try (SqliteCache cache = SqliteCache.open(dir.resolve("cache.db"))) {
            cache.applyBootstrap(TestData.bootstrap(now));
            long seq = cache.cursor();
            Workqueue shared = new Workqueue("wq-1", "Urgente", List.of("orange"), null, null, null, null, null, null, 5);
            Workqueue pablos = new Workqueue("wq-2", "De Pablo", null, null, null, null, null, null, null, 6,
                    "u-pablo", false);
            Workqueue anas = new Workqueue("wq-3", "De Ana", null, null, null, null, null, null, null, 7, "u-ana", false);
            cache.applyEvents(List.of(event(seq + 1, EventType.WORKQUEUE, shared), event(seq + 2, EventType.WORKQUEUE, pablos),
                    event(seq + 3, EventType.WORKQUEUE, anas)));
            assertThat(cache.reference().queues()).extracting(Workqueue::id).contains("wq-1", "wq-2", "wq-3");
            ReferenceIndex forAna = new ReferenceIndex(cache.reference(), TestData.ANA);
            assertThat(forAna.visibleQueues()).extracting(Workqueue::id).contains("wq-1", "wq-3").doesNotContain("wq-2");

            Workqueue renamed = new Workqueue("wq-1", "Muy urgente", List.of("orange"), null, null, null, null, null,
                    null, 5, null, true);
            cache.applyEvents(List.of(event(seq + 4, EventType.WORKQUEUE, renamed),
                    event(seq + 5, EventType.WORKQUEUE_DELETED, Map.of("id", "wq-3"))));
            assertThat(cache.reference().queues()).filteredOn(q -> q.id().equals("wq-1")).singleElement()
                    .satisfies(q -> assertThat(q.pushMode()).isTrue()).extracting(Workqueue::name).isEqualTo("Muy urgente");
            assertThat(cache.reference().queues()).extracting(Workqueue::id).doesNotContain("wq-3");
        }
    }

    private static Event event(long seq, String type, Object data) {
        return new Event(seq, type, Instant.now(), Json.tree(data));
    }
}
