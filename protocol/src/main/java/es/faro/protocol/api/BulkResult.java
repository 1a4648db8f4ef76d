package es.faro.protocol.api;

import es.faro.protocol.model.Conversation;
import java.util.List;

/** Per-item outcome of a bulk action: {@code status} 200 with the new state, or the error of that item alone. */
public record BulkResult(List<Item> results) {
    public BulkResult {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** {@code conversation} is the new state on success and the current one on a 409. */
    public record Item(String id, int status, Conversation conversation, ApiError.Detail error) {
    }

    public long succeeded() {
        return results.stream().filter(r -> r.status() == 200).count();
    }
}
