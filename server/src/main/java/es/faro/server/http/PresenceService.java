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
            set(c, conversationId, agent.id(), Leases.VIEWING, viewing, until);
            set(c, conversationId, agent.id(), Leases.TYPING, typing, until);
            return Leases.live(c, conversationId, now);
        }));
    }

    public List<Leases.Lease> live(String conversationId) {
        Instant now = clock.instant();
        return store.read(c -> Leases.live(c, conversationId, now));
    }

    private static void set(Connection c, String conversationId, String agentId, String kind, boolean on,
                            Instant until) throws SQLException {
        if (on) {
            Leases.hold(c, conversationId, agentId, kind, until);
        } else {
            Leases.release(c, conversationId, agentId, kind);
        }
    }
}
