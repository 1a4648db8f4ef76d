package es.faro.server.http;

import es.faro.protocol.model.Agent;
import es.faro.server.store.Leases;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who is viewing or typing in a conversation: leases of {@code ttl} in the database, so an agent on
 * node A sees a colleague typing through node C. Clients renew while the state lasts; a closed
 * laptop simply stops renewing and its lease expires.
 */
public final class PresenceService {
    private final Store store;
    private final Duration ttl;
    private final Clock clock;

    public PresenceService(Store store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Sets the agent's viewing/typing state on the conversation and returns the live leases. */
    public List<Leases.Lease> update(Agent agent, String conversationId, boolean viewing, boolean typing) {
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        return Futures.await(store.write(c -> {
            Leases.purgeExpired(c, now);
            List<Leases.Lease> before = Leases.live(c, conversationId, now);
            boolean changed = set(c, before, conversationId, agent.id(), Leases.VIEWING, viewing, now, until)
                    | set(c, before, conversationId, agent.id(), Leases.TYPING, typing, now, until);
            List<Leases.Lease> after = Leases.live(c, conversationId, now);
            if (changed) {
                publish(c, conversationId, after, now);
            }
            return after;
        }));
    }

    /** One {@code presence.updated} event with the live leases, scoped to the conversation's brand and channel. */
    private static void publish(Connection c, String conversationId, List<Leases.Lease> live, Instant now)
            throws SQLException {
        var conv = es.faro.server.store.Conversations.find(c, conversationId);
        if (conv.isEmpty()) {
            return;
        }
        es.faro.server.store.EventLog.append(c, es.faro.protocol.event.EventType.PRESENCE, now,
                conv.get().brandId(), conv.get().channel(), new es.faro.protocol.model.ConversationPresence(
                        conversationId, live.stream().map(l -> new es.faro.protocol.model.ConversationPresence.Lease(
                                l.agentId(), l.kind(), l.expiresAt())).toList()));
    }

    /**
     * Takes, keeps or drops one lease; returns whether what others see changed. A lease with more than
     * half its time left is kept as it is: renewing it then would change its expiry without telling
     * anyone, so a renewal rewrites (and announces) it only in its second half. Clients that renew every
     * third of the ttl therefore never let a lease lapse, and every expiry they see is the stored one.
     */
    private boolean set(Connection c, List<Leases.Lease> before, String conversationId, String agentId, String kind,
                        boolean on, Instant now, Instant until) throws SQLException {
        Leases.Lease held = before.stream().filter(l -> l.agentId().equals(agentId) && l.kind().equals(kind))
                .findFirst().orElse(null);
        if (on) {
            if (held != null && Duration.between(now, held.expiresAt()).compareTo(ttl.dividedBy(2)) > 0) {
                return false;
            }
            Leases.hold(c, conversationId, agentId, kind, until);
            return true;
        }
        if (held == null) {
            return false;
        }
        Leases.release(c, conversationId, agentId, kind);
        return true;
    }

    public List<Leases.Lease> live(String conversationId) {
        Instant now = clock.instant();
        return store.read(c -> Leases.live(c, conversationId, now));
    }

}
