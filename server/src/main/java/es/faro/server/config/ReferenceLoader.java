package es.faro.server.config;

import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import es.faro.server.store.Agents;
import es.faro.server.store.EventLog;
import es.faro.server.store.ReferenceItems;
import es.faro.server.store.ReferenceSeeds;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the reference files into the store at startup (upsert); SLA policies and calendars only
 * where never seeded before, since admins edit them through the API ({@link ReferenceSeeds}). Passwords are hashed only for new
 * users or when the configured password no longer verifies, because PBKDF2 is deliberately slow.
 * When anything changed, one {@code reference.updated} event tells connected clients.
 */
public final class ReferenceLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceLoader.class);

    private ReferenceLoader() {
    }

    public static ReferenceData load(Store store, ReferenceSeed seed) {
        validate(seed);
        Map<String, Agents.Row> existing = new HashMap<>();
        store.read(Agents::rows).forEach(r -> existing.put(r.agent().id(), r));
        for (UserSeed user : seed.users()) {
            if (user.password() == null || user.password().isEmpty()) {
                throw new IllegalStateException("user " + user.username() + " has no password in users.json");
            }
        }
        // PBKDF2 is slow by design; users are independent, so use every core.
        Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();
        seed.users().parallelStream().forEach(user -> {
            Agents.Row row = existing.get(user.id());
            hashes.put(user.id(), row != null && PasswordHasher.verify(user.password(), row.passwordHash())
                    ? row.passwordHash() : PasswordHasher.hash(user.password()));
        });
        return store.write(c -> apply(c, seed, existing, hashes)).join();
    }

    private static ReferenceData apply(Connection c, ReferenceSeed seed, Map<String, Agents.Row> existing,
                                       Map<String, String> hashes) throws SQLException {
        boolean changed = ReferenceItems.replace(c, ReferenceItems.BRAND, seed.brands(), Brand::id, Brand.class);
        changed |= ReferenceItems.replace(c, ReferenceItems.LABEL, seed.labels(), Label::id, Label.class);
        changed |= ReferenceItems.replace(c, ReferenceItems.QUEUE, seed.queues(), Workqueue::id, Workqueue.class);
        // Calendars and SLA policies are edited by admins: the files only seed what was never seeded.
        changed |= ReferenceSeeds.seedAbsent(c, ReferenceItems.CALENDAR, seed.calendars(), BusinessCalendar::id,
                BusinessCalendar.class);
        changed |= ReferenceSeeds.seedAbsent(c, ReferenceItems.SLA_POLICY, seedablePolicies(c, seed),
                SlaPolicy::id, SlaPolicy.class);
        // Canned responses are edited in the app: the files only seed the ones never seen before.
        changed |= es.faro.server.canned.CannedResponses.seed(c, seed.cannedResponses());
        int position = 0;
        // Users an admin created or changed in the app keep those changes across restarts.
        java.util.Set<String> managed = es.faro.server.queues.AdminService.managedUserIds(c);
        for (UserSeed user : seed.users()) {
            if (managed.contains(user.id())) {
                position++;
                continue;
            }
            Agents.Row row = existing.get(user.id());
            Agent agent = user.toAgent();
            if (row != null) {
                agent = agent.withPresence(row.agent().presence());
            }
            String hash = hashes.get(user.id());
            if (row == null || !row.agent().equals(agent) || !row.passwordHash().equals(hash)
                    || row.demoOnly() != user.demoOnly()) {
                Agents.upsert(c, agent, position, hash, user.demoOnly());
                changed = true;
            }
            position++;
        }
        ReferenceData data = ReferenceQueries.referenceData(c);
        if (changed) {
            long seq = EventLog.append(c, EventType.REFERENCE, Instant.now(), null, null, data);
            LOG.info("reference data loaded: {} brands, {} queues, {} users (event {})", data.brands().size(),
                    data.queues().size(), data.agents().size(), seq);
        }
        return data;
    }

    /** The policies of the files whose calendar exists (an admin may have deleted it); the others wait. */
    private static List<SlaPolicy> seedablePolicies(Connection c, ReferenceSeed seed) throws SQLException {
        Set<String> calendars = new HashSet<>();
        ReferenceItems.list(c, ReferenceItems.CALENDAR, BusinessCalendar.class).forEach(cal -> calendars.add(cal.id()));
        List<SlaPolicy> result = new ArrayList<>();
        for (SlaPolicy p : seed.slaPolicies()) {
            if (calendars.contains(p.calendarId())) {
                result.add(p);
            } else {
                LOG.warn("SLA policy {} of the files is not added: its calendar {} is not in the database",
                        p.id(), p.calendarId());
            }
        }
        return result;
    }

    private static void validate(ReferenceSeed seed) {
        Map<String, String> usernames = new HashMap<>();
        for (UserSeed u : seed.users()) {
            String previous = usernames.put(u.username(), u.id());
            if (previous != null && !previous.equals(u.id())) {
                throw new IllegalStateException("username " + u.username() + " is used twice in users.json");
            }
        }
        for (Brand b : seed.brands()) {
            Objects.requireNonNull(b.id(), "a brand without id in brands.json");
        }
    }
}
