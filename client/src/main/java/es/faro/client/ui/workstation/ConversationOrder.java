package es.faro.client.ui.workstation;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.SlaClock;
import java.time.Instant;
import java.util.Comparator;

/** The orderings a queue can ask for; SLA_DUE (soonest due first, no running clock last) is the default. */
final class ConversationOrder {
    private ConversationOrder() {
    }

    private static Instant due(Conversation c) {
        SlaClock clock = c.activeClock();
        return clock == null ? null : clock.dueAt();
    }

    private static final Comparator<Conversation> BY_ID = Comparator.comparing(Conversation::id);

    static final Comparator<Conversation> SLA_DUE = Comparator
            .comparing(ConversationOrder::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Conversation::priority, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Conversation::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BY_ID);

    static final Comparator<Conversation> NEWEST = Comparator
            .comparing(Conversation::lastMessageAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(BY_ID);

    static final Comparator<Conversation> OLDEST = Comparator
            .comparing(Conversation::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(BY_ID);

    static final Comparator<Conversation> PRIORITY = Comparator
            .comparing(Conversation::priority, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SLA_DUE);

    static Comparator<Conversation> of(Workqueue.Ordering ordering) {
        if (ordering == null) {
            return SLA_DUE;
        }
        return switch (ordering) {
            case SLA_DUE -> SLA_DUE;
            case NEWEST -> NEWEST;
            case OLDEST -> OLDEST;
            case PRIORITY -> PRIORITY;
        };
    }
}
