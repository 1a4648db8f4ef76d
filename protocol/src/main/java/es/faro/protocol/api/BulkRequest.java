package es.faro.protocol.api;

import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Priority;
import java.time.Instant;
import java.util.List;

/**
 * One action on many conversations. {@code action} is {@code assign} ({@code agentId}, null to
 * unassign), {@code labels} ({@code add}/{@code remove}), {@code priority}, {@code status} or
 * {@code snooze} ({@code until}). Each item names a conversation and the version the agent last saw;
 * items succeed or fail one by one.
 */
public record BulkRequest(String action, List<Item> items, String agentId, List<String> add, List<String> remove,
                          Priority priority, ConversationStatus status, Instant until) {
    public static final String ASSIGN = "assign";
    public static final String LABELS = "labels";
    public static final String PRIORITY = "priority";
    public static final String STATUS = "status";
    public static final String SNOOZE = "snooze";

    public BulkRequest {
        items = items == null ? List.of() : List.copyOf(items);
        add = add == null ? List.of() : List.copyOf(add);
        remove = remove == null ? List.of() : List.copyOf(remove);
    }

    /** A conversation and the version the agent last saw. */
    public record Item(String id, Long version) {
    }
}
