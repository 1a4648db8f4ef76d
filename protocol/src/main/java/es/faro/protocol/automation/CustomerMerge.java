package es.faro.protocol.automation;

import java.time.Instant;
import java.util.List;

/**
 * A merge of two customer profiles: the identities in {@code movedIds} joined {@code intoProfile}.
 * {@code undoneAt} is set once the merge was undone.
 */
public record CustomerMerge(String id, String intoProfile, String fromProfile, List<String> movedIds,
                            String mergedBy, Instant mergedAt, String undoneBy, Instant undoneAt) {
    public CustomerMerge {
        movedIds = movedIds == null ? List.of() : List.copyOf(movedIds);
    }
}
