package es.faro.client.cache;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.ReferenceData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canned responses in their own cache table: bootstrap, live upserts and deletions, survive other reference edits. */
class CannedCacheTest {
    @TempDir
    Path dir;

    static CannedResponse canned(String id, String title, int usage) {
        return new CannedResponse(id, null, "es", "F", title, id, "Hola {{customer.name}}", List.of(), null, usage);
    }

    @Test
    void cannedResponsesFollowTheirEventsWithoutReloadingTheReference() throws Exception {
        try (SqliteCache cache = SqliteCache.open(dir.resolve("c.db"))) {
            ReferenceData ref = CacheFixtures.reference();
            ReferenceData withCanned = new ReferenceData(ref.brands(), ref.channels(), ref.queues(), ref.agents(),
                    ref.labels(), List.of(canned("a", "Saludo", 0), canned("b", "Cierre", 3)), ref.slaPolicies(),
                    ref.calendars());
            cache.applyBootstrap(new Bootstrap(withCanned, List.of(), List.of(), 1, null));
            assertThat(cache.cannedResponses()).extracting(CannedResponse::id).containsExactly("a", "b");
            assertThat(cache.reference().cannedResponses()).hasSize(2);

            List<CacheChange> changes = new CopyOnWriteArrayList<>();
            cache.addListener(changes::add);
            cache.applyEvents(List.of(
                    CacheFixtures.event(2, EventType.CANNED_RESPONSE, canned("a", "Saludo", 7)),
                    CacheFixtures.event(3, EventType.CANNED_RESPONSE, canned("c", "Nueva", 0)),
                    CacheFixtures.event(4, EventType.CANNED_RESPONSE_DELETED, Map.of("id", "b"))));
            assertThat(cache.cannedResponses()).extracting(CannedResponse::id).containsExactly("a", "c");
            assertThat(cache.cannedResponses().get(0).usageCount()).isEqualTo(7);
            assertThat(changes).isNotEmpty().allMatch(c -> c.cannedResponses() && !c.reference());

            // An agent's presence rewrites the reference blob; the canned responses stay.
            cache.applyEvents(List.of(CacheFixtures.event(5, EventType.AGENT,
                    CacheFixtures.ANA.withPresence(Presence.AWAY))));
            assertThat(cache.cannedResponses()).extracting(CannedResponse::id).containsExactly("a", "c");
            assertThat(cache.reference().cannedResponses()).extracting(CannedResponse::id).containsExactly("a", "c");
        }
        try (SqliteCache reopened = SqliteCache.open(dir.resolve("c.db"))) {
            assertThat(reopened.cannedResponses()).extracting(CannedResponse::title).containsExactly("Saludo", "Nueva");
        }
    }
}
