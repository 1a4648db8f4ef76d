package es.faro.client.cache;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Workqueue;
import java.util.ArrayList;
import java.util.List;

/** {@code workqueue.updated} / {@code workqueue.deleted} applied to the cached reference data. */
final class WorkqueueEvents {
    private WorkqueueEvents() {
    }

    static ReferenceData upserted(ReferenceData r, JsonNode data) {
        Workqueue queue = Json.convert(data, Workqueue.class);
        List<Workqueue> queues = new ArrayList<>(r.queues());
        queues.removeIf(q -> q.id().equals(queue.id()));
        queues.add(queue);
        return withQueues(r, queues);
    }

    static ReferenceData deleted(ReferenceData r, JsonNode data) {
        String id = data.path("id").asText();
        List<Workqueue> queues = new ArrayList<>(r.queues());
        queues.removeIf(q -> q.id().equals(id));
        return withQueues(r, queues);
    }

    private static ReferenceData withQueues(ReferenceData r, List<Workqueue> queues) {
        return new ReferenceData(r.brands(), r.channels(), queues, r.agents(), r.labels(), r.cannedResponses(),
                r.slaPolicies(), r.calendars());
    }
}
