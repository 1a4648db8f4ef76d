package es.faro.protocol.automation;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Customer;
import java.util.List;

/**
 * One person across channels, as the customer panel shows them: their identities, every
 * conversation of any identity (newest first, within the agent's brands), the labels of those
 * conversations, CSAT ratings when the server has them ({@code null}: no data), and the merges that
 * built the profile (undoable ones have no {@code undoneAt}).
 */
public record CustomerProfile(String profileId, List<Customer> identities, List<Conversation> conversations,
                              List<String> labels, Csat csat, List<CustomerMerge> merges) {
    public CustomerProfile {
        identities = identities == null ? List.of() : List.copyOf(identities);
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
        labels = labels == null ? List.of() : List.copyOf(labels);
        merges = merges == null ? List.of() : List.copyOf(merges);
    }

    /** CSAT given by this customer: how many ratings and their average (1–5). */
    public record Csat(int ratings, double average) {
    }
}
