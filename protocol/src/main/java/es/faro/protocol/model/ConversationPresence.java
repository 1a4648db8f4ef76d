package es.faro.protocol.model;

import java.time.Instant;
import java.util.List;

/** Who is viewing or typing in a conversation: live leases, each until its {@code expiresAt}. */
public record ConversationPresence(String conversationId, List<Lease> leases) {
    public static final String VIEWING = "viewing";
    public static final String TYPING = "typing";

    public ConversationPresence {
        leases = leases == null ? List.of() : List.copyOf(leases);
    }

    /** One lease: {@code kind} is viewing or typing. */
    public record Lease(String agentId, String kind, Instant expiresAt) {
    }

    /** The leases still live at {@code now} (a lease expires by itself when not renewed). */
    public List<Lease> liveAt(Instant now) {
        return leases.stream().filter(l -> l.expiresAt() != null && l.expiresAt().isAfter(now)).toList();
    }
}
