package es.faro.server.routing;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Workqueue;
import java.util.Comparator;
import java.util.List;

/**
 * Assigns a new conversation to the first workqueue (by position, then configuration order) whose
 * filter matches it. Queues filtered on an assignee never match at ingest: nobody is assigned yet.
 */
public final class QueueRouter {
    private final List<Workqueue> queues;

    public QueueRouter(List<Workqueue> queues) {
        this.queues = queues.stream().sorted(Comparator.comparingInt(Workqueue::position)).toList();
    }

    /** The queue id for {@code conversation}, or null when no queue matches. */
    public String route(Conversation conversation) {
        for (Workqueue q : queues) {
            if (q.matches(conversation, null)) {
                return q.id();
            }
        }
        return null;
    }
}
