package es.faro.server.queues;

import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Priority;
import es.faro.protocol.sla.SlaClock;
import es.faro.server.config.Reference;
import es.faro.server.sla.SlaTracker;
import es.faro.server.store.Conversations;
import es.faro.server.store.EventLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The rules shared by pull (Next) and push (round-robin): who is skilled, the best-first order, the atomic take. */
final class Assignment {
    private Assignment() {
    }

    /**
     * Soonest SLA due first (conversations without a running clock last), then priority, then oldest:
     * the order {@link #bestFirst} reads from the database (PickOrderTest holds the two together).
     */
    static final Comparator<Conversation> BEST_FIRST = Comparator
            .comparing(Assignment::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(c -> c.priority() == null ? Priority.P4 : c.priority())
            .thenComparing(Conversation::createdAt)
            .thenComparing(Conversation::id);

    static Instant dueAt(Conversation c) {
        SlaClock clock = c.activeClock();
        return clock == null || clock.isPaused() ? null : clock.dueAt();
    }

    /** Skilled for the conversation: its brand and channel, and its language when both sides name one. */
    static boolean skilled(Agent agent, Conversation c) {
        if (!agent.canSee(c.brandId(), c.channel())) {
            return false;
        }
        // Pulled and pushed work follows the skills a lead or admin lists too (they may see everything).
        if (!agent.brands().isEmpty() && !agent.brands().contains(c.brandId())) {
            return false;
        }
        if (!agent.channels().isEmpty() && !agent.channels().contains(c.channel())) {
            return false;
        }
        return c.language() == null || agent.languages().isEmpty() || agent.languages().contains(c.language());
    }

    /**
     * Assigns {@code conv} to {@code agent} if it is still unassigned at its version, writing the new
     * state and its event; null when someone else took it first.
     */
    static Conversation take(Connection c, Reference ref, SlaTracker sla, Conversation conv, Agent agent, Instant now)
            throws SQLException {
        if (!QueueTables.takeIfUnassigned(c, conv.id(), conv.version(), agent.id())) {
            return null;
        }
        return save(c, ref, sla, conv, conv.toBuilder().assigneeId(agent.id()), now);
    }

    static Conversation save(Connection c, Reference ref, SlaTracker sla, Conversation before,
                             Conversation.Builder next, Instant now) throws SQLException {
        Conversation updated = next.updatedAt(now).version(before.version() + 1).build();
        String json = Json.write(updated);
        Conversations.upsert(c, updated, json);
        EventLog.appendJson(c, EventType.CONVERSATION, now, updated.brandId(), updated.channel(), json);
        sla.onChange(c, ref.sla(), before, updated, now);
        return updated;
    }

    /** How many rows a best-first page reads: most picks end in the first page. */
    static final int PAGE = 100;

    /**
     * The unassigned NEW/OPEN conversations in {@link #BEST_FIRST} order, read page by page from the
     * {@code pick_due_at} index as the caller goes (inside the caller's write transaction), so a
     * pick looks at the few soonest-due rows, not at every waiting conversation.
     */
    static Iterable<Conversation> bestFirst(Connection c) {
        return () -> new java.util.Iterator<>() {
            private java.util.Iterator<Conversation> page = java.util.Collections.emptyIterator();
            private QueueTables.PickKey last;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted) {
                    try {
                        List<Conversation> next = QueueTables.unassignedBestFirst(c, last, PAGE);
                        exhausted = next.size() < PAGE;
                        if (!next.isEmpty()) {
                            last = QueueTables.PickKey.of(next.get(next.size() - 1));
                        }
                        page = next.iterator();
                    } catch (SQLException e) {
                        throw new es.faro.server.store.StoreException("reading waiting conversations failed", e);
                    }
                }
                return page.hasNext();
            }

            @Override
            public Conversation next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.next();
            }
        };
    }
}
