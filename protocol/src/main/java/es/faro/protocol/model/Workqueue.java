package es.faro.protocol.model;

import java.util.List;

/**
 * A named filter over conversations with an ordering. Empty lists match anything. {@code assignee}
 * is {@code null} (anyone), {@code "me"}, {@code "unassigned"} or an agent id. The same matching runs
 * on the server and in the client cache, so live counts agree.
 */
public record Workqueue(String id, String name, List<String> brands, List<Channel> channels, List<String> labels,
                        List<Priority> priorities, List<ConversationStatus> statuses, String assignee,
                        Ordering ordering, int position) {

    public static final String ME = "me";
    public static final String UNASSIGNED = "unassigned";

    /** How a queue sorts its conversations; soonest SLA due first by default. */
    public enum Ordering { SLA_DUE, NEWEST, OLDEST, PRIORITY }

    public Workqueue {
        brands = brands == null ? List.of() : List.copyOf(brands);
        channels = channels == null ? List.of() : List.copyOf(channels);
        labels = labels == null ? List.of() : List.copyOf(labels);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        statuses = statuses == null || statuses.isEmpty()
                ? List.of(ConversationStatus.NEW, ConversationStatus.OPEN, ConversationStatus.PENDING)
                : List.copyOf(statuses);
        ordering = ordering == null ? Ordering.SLA_DUE : ordering;
    }

    public boolean matches(Conversation c, String agentId) {
        if (!brands.isEmpty() && !brands.contains(c.brandId())) return false;
        if (!channels.isEmpty() && !channels.contains(c.channel())) return false;
        if (!priorities.isEmpty() && !priorities.contains(c.priority())) return false;
        if (!statuses.contains(c.status())) return false;
        if (!labels.isEmpty() && c.labels().stream().noneMatch(labels::contains)) return false;
        if (assignee == null) return true;
        return switch (assignee) {
            case ME -> agentId != null && agentId.equals(c.assigneeId());
            case UNASSIGNED -> c.assigneeId() == null;
            default -> assignee.equals(c.assigneeId());
        };
    }
}
