package es.faro.protocol.model;

import java.util.List;

/**
 * A named filter over conversations with an ordering. Empty lists match anything. {@code assignee}
 * is {@code null} (anyone), {@code "me"}, {@code "unassigned"} or an agent id. The same matching runs
 * on the server and in the client cache, so live counts agree. {@code owner} is null for a shared
 * queue (admins) or the agent id of a personal view; {@code autoAssign} turns on push mode
 * (round-robin assignment on the server). Both are optional on the wire.
 */
public record Workqueue(String id, String name, List<String> brands, List<Channel> channels, List<String> labels,
                        List<Priority> priorities, List<ConversationStatus> statuses, String assignee,
                        Ordering ordering, int position, String owner, Boolean autoAssign) {

    public static final String ME = "me";
    public static final String UNASSIGNED = "unassigned";
    /** The longest name the server accepts (the client's form says so before sending). */
    public static final int MAX_NAME = 80;

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
        autoAssign = Boolean.TRUE.equals(autoAssign);
    }

    /** A shared queue without push assignment (the shape before owners and push mode existed). */
    public Workqueue(String id, String name, List<String> brands, List<Channel> channels, List<String> labels,
                     List<Priority> priorities, List<ConversationStatus> statuses, String assignee,
                     Ordering ordering, int position) {
        this(id, name, brands, channels, labels, priorities, statuses, assignee, ordering, position, null, false);
    }

    /** Whether this is a personal view ({@code owner} = the agent who saved it) rather than a shared queue. */
    public boolean personal() {
        return owner != null;
    }

    /** Whether push mode (round-robin auto-assignment) is on for this queue. */
    public boolean pushMode() {
        return Boolean.TRUE.equals(autoAssign);
    }

    public boolean matches(Conversation c, String agentId) {
        if (c.snoozedUntil() != null) return false; // a snoozed conversation leaves every queue until it wakes
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
