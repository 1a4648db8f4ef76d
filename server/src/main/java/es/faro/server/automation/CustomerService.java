package es.faro.server.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.automation.CustomerMerge;
import es.faro.protocol.automation.CustomerProfile;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Customer;
import es.faro.server.http.ApiException;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One person across channels. Each identity (a customers row) belongs to a profile ({@code profile_id},
 * null = its own id); merging moves every identity of one profile into another and records which moved,
 * so the merge can be undone. An agent sees a profile when they may see at least one of its conversations.
 */
public final class CustomerService {
    /** The most conversations a profile lists (newest first). */
    static final int MAX_CONVERSATIONS = 200;

    private final Store store;
    private final Clock clock;

    public CustomerService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public CustomerProfile profile(Agent agent, String customerId) {
        return store.read(c -> visibleProfile(c, agent, customerId));
    }

    /** Customers whose name, handle or network user id contains {@code q}, one per profile, that the agent may see. */
    public List<Customer> search(Agent agent, String q) {
        if (q == null || q.isBlank() || q.length() > 100) {
            throw ApiException.validation("q is required (1 to 100 characters)");
        }
        String needle = "%" + q.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return store.read(c -> {
            List<Customer> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM customers WHERE LOWER(json) LIKE ?"
                    + " ORDER BY id LIMIT 200")) {
                ps.setString(1, needle);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && result.size() < 20) {
                        Customer cu = Json.read(rs.getString(1), Customer.class);
                        if (matches(cu, q) && !conversations(c, agent, List.of(cu.id())).isEmpty()) {
                            result.add(cu);
                        }
                    }
                }
            }
            return result;
        });
    }

    private static boolean matches(Customer cu, String q) {
        String n = q.toLowerCase(Locale.ROOT);
        return (cu.name() != null && cu.name().toLowerCase(Locale.ROOT).contains(n))
                || (cu.handle() != null && cu.handle().toLowerCase(Locale.ROOT).contains(n))
                || (cu.channelUserId() != null && cu.channelUserId().toLowerCase(Locale.ROOT).contains(n));
    }

    /** Merges the profile of {@code otherId} into the profile of {@code customerId}. */
    public CompletableFuture<CustomerProfile> merge(Agent agent, String customerId, String otherId) {
        if (otherId == null || otherId.isBlank()) {
            throw ApiException.validation("with is required: the id of the customer to merge in");
        }
        return store.write(c -> {
            CustomerProfile into = visibleProfile(c, agent, customerId);
            CustomerProfile from = visibleProfile(c, agent, otherId);
            if (into.profileId().equals(from.profileId())) {
                throw ApiException.validation("these identities are already one customer");
            }
            List<String> moved = from.identities().stream().map(Customer::id).sorted().toList();
            for (String id : moved) {
                setProfile(c, id, into.profileId());
            }
            Instant now = clock.instant();
            CustomerMerge merge = new CustomerMerge("mg-" + UUID.randomUUID(), into.profileId(), from.profileId(),
                    moved, agent.id(), now, null, null);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer_merges (id, into_profile,"
                    + " from_profile, moved_ids, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, merge.id());
                ps.setString(2, merge.intoProfile());
                ps.setString(3, merge.fromProfile());
                ps.setString(4, Json.write(moved));
                ps.setString(5, agent.id());
                ps.setLong(6, now.toEpochMilli());
                ps.executeUpdate();
            }
            EventLog.append(c, EventType.CUSTOMER_MERGED, now, null, null, merge);
            return visibleProfile(c, agent, customerId);
        });
    }

    /** Undoes a merge: its identities go back to the profile they came from. */
    public CompletableFuture<CustomerProfile> undo(Agent agent, String mergeId) {
        return store.write(c -> {
            CustomerMerge merge = findMerge(c, mergeId)
                    .orElseThrow(() -> ApiException.notFound("no merge " + mergeId));
            visibleProfile(c, agent, merge.intoProfile());
            if (merge.undoneAt() != null) {
                throw new ApiException(409, es.faro.protocol.api.ErrorCodes.CONFLICT, "the merge was already undone");
            }
            for (String id : merge.movedIds()) {
                setProfile(c, id, merge.fromProfile());
            }
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE customer_merges SET undone_by = ?, undone_at = ? WHERE id = ?")) {
                ps.setString(1, agent.id());
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, mergeId);
                ps.executeUpdate();
            }
            CustomerMerge undone = new CustomerMerge(merge.id(), merge.intoProfile(), merge.fromProfile(),
                    merge.movedIds(), merge.mergedBy(), merge.mergedAt(), agent.id(), now);
            EventLog.append(c, EventType.CUSTOMER_UNMERGED, now, null, null, undone);
            return visibleProfile(c, agent, merge.intoProfile());
        });
    }

    // --- reading ---------------------------------------------------------------------------------

    private CustomerProfile visibleProfile(Connection c, Agent agent, String customerId) throws SQLException {
        Customer start = customer(c, customerId).orElseThrow(() -> ApiException.notFound("no customer " + customerId));
        String profileId = profileOf(c, start.id());
        List<Customer> identities = identities(c, profileId);
        List<String> ids = identities.stream().map(Customer::id).toList();
        List<Conversation> conversations = conversations(c, agent, ids);
        if (conversations.isEmpty()) {
            throw ApiException.notFound("no customer " + customerId);
        }
        TreeSet<String> labels = new TreeSet<>();
        conversations.forEach(cv -> labels.addAll(cv.labels()));
        return new CustomerProfile(profileId, identities, conversations, List.copyOf(labels), csat(c, agent, ids),
                merges(c, profileId, ids));
    }

    /** The most ratings a profile lists. */
    static final int MAX_RECENT_RATINGS = 5;

    /**
     * CSAT surveys sent to any identity of the profile on brands and channels the agent sees; null
     * when none was sent (the panel says "no data").
     */
    private static CustomerProfile.Csat csat(Connection c, Agent agent, List<String> customerIds) throws SQLException {
        String marks = String.join(", ", Collections.nCopies(customerIds.size(), "?"));
        int sent = 0;
        int ratings = 0;
        int satisfied = 0;
        long sum = 0;
        List<CustomerProfile.Rating> recent = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id, brand_id, channel, rating, comment,"
                + " answered_at FROM csat_surveys WHERE customer_id IN (" + marks + ")"
                + " ORDER BY answered_at DESC, sent_at DESC, id")) {
            for (int i = 0; i < customerIds.size(); i++) {
                ps.setString(i + 1, customerIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!agent.canSee(rs.getString(2), es.faro.protocol.model.Channel.valueOf(rs.getString(3)))) {
                        continue;
                    }
                    sent++;
                    int rating = rs.getInt(4);
                    if (rs.wasNull()) {
                        continue;
                    }
                    ratings++;
                    sum += rating;
                    if (rating >= 4) {
                        satisfied++;
                    }
                    if (recent.size() < MAX_RECENT_RATINGS) {
                        recent.add(new CustomerProfile.Rating(rs.getString(1), rs.getString(2), rating, rs.getString(5),
                                java.time.Instant.ofEpochMilli(rs.getLong(6))));
                    }
                }
            }
        }
        if (sent == 0) {
            return null;
        }
        double average = ratings == 0 ? 0 : Math.round(sum * 100.0 / ratings) / 100.0;
        return new CustomerProfile.Csat(ratings, average, sent, recent, satisfied);
    }

    private static Optional<Customer> customer(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM customers WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Json.read(rs.getString(1), Customer.class)) : Optional.empty();
            }
        }
    }

    private static String profileOf(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(profile_id, id) FROM customers WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : id;
            }
        }
    }

    private static List<Customer> identities(Connection c, String profileId) throws SQLException {
        List<Customer> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT json FROM customers WHERE COALESCE(profile_id, id) = ? ORDER BY channel, id")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(Json.read(rs.getString(1), Customer.class));
                }
            }
        }
        return result;
    }

    private static List<Conversation> conversations(Connection c, Agent agent, List<String> customerIds)
            throws SQLException {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(customerIds.size(), "?"));
        List<Conversation> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM conversations WHERE customer_id IN ("
                + marks + ") ORDER BY created_at DESC, id DESC")) {
            for (int i = 0; i < customerIds.size(); i++) {
                ps.setString(i + 1, customerIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && result.size() < MAX_CONVERSATIONS) {
                    Conversation conv = Json.read(rs.getString(1), Conversation.class);
                    if (agent.canSee(conv.brandId(), conv.channel())) {
                        result.add(conv);
                    }
                }
            }
        }
        return result;
    }

    private static void setProfile(Connection c, String id, String profileId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE customers SET profile_id = ? WHERE id = ?")) {
            ps.setString(1, profileId.equals(id) ? null : profileId);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Merges into this profile, or of any of its identities, newest first. */
    private static List<CustomerMerge> merges(Connection c, String profileId, List<String> ids) throws SQLException {
        List<CustomerMerge> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, into_profile, from_profile, moved_ids, merged_by,"
                + " merged_at, undone_by, undone_at FROM customer_merges WHERE into_profile = ? ORDER BY merged_at DESC")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(merge(rs));
                }
            }
        }
        return result;
    }

    private static Optional<CustomerMerge> findMerge(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, into_profile, from_profile, moved_ids, merged_by,"
                + " merged_at, undone_by, undone_at FROM customer_merges WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(merge(rs)) : Optional.empty();
            }
        }
    }

    private static CustomerMerge merge(ResultSet rs) throws SQLException {
        long undoneAt = rs.getLong(8);
        boolean undone = !rs.wasNull();
        List<String> moved;
        try {
            moved = Json.MAPPER.readValue(rs.getString(4), new TypeReference<List<String>>() { });
        } catch (java.io.IOException e) {
            throw new SQLException("corrupt customer_merges row", e);
        }
        return new CustomerMerge(rs.getString(1), rs.getString(2), rs.getString(3), moved, rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), undone ? Instant.ofEpochMilli(undoneAt) : null);
    }
}
