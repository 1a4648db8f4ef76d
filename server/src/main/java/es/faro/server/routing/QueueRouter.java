package es.faro.server.routing;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Workqueue;
import java.util.Comparator;
import java.util.List;

/**
 * Routes a new conversation to the most specific workqueue whose filter matches it (the one that
 * filters on the most criteria, so an Orange tweet lands in "Orange" rather than in the catch-all
 * "all brands" view), ties broken by position. Queues filtered on an assignee never match at
 * ingest: nobody is assigned yet.
 */
public final class QueueRouter {
    private final List<Workqueue> queues;

    public QueueRouter(List<Workqueue> queues) {
        this.queues = queues.stream()
                .sorted(Comparator.comparingInt(QueueRouter::specificity).reversed()
                        .thenComparingInt(Workqueue::position))
                .toList();
    }

    /** The queue id for {@code conversation}, or null when no queue matches. */
    public String route(Conversation conversation) {
        for (Workqueue q : queues) {
            if (q.assignee() == null && q.owner() == null && q.matches(conversation, null)) {
                return q.id();
            }
        }
        return null;
    }

    private static int specificity(Workqueue q) {
        int criteria = 0;
        criteria += q.brands().isEmpty() ? 0 : 1;
        criteria += q.channels().isEmpty() ? 0 : 1;
        criteria += q.labels().isEmpty() ? 0 : 1;
        criteria += q.priorities().isEmpty() ? 0 : 1;
        return criteria;
    }
}
