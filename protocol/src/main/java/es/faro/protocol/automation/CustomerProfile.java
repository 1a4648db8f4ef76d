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

    /**
     * CSAT of this customer: how many ratings and their average (1–5), how many surveys were sent, the
     * latest ratings (newest first) and how many ratings were 4 or 5. {@code sent} and {@code recent} are
     * newer fields (0 and empty when absent from the JSON); {@code satisfied} newer still (null when absent:
     * a server that does not count it).
     */
    public record Csat(int ratings, double average, int sent, List<Rating> recent, Integer satisfied) {
        public Csat {
            recent = recent == null ? List.of() : List.copyOf(recent);
        }

        public Csat(int ratings, double average, int sent, List<Rating> recent) {
            this(ratings, average, sent, recent, null);
        }

        public Csat(int ratings, double average) {
            this(ratings, average, 0, List.of(), null);
        }

        /** CSAT as the dashboard counts it: ratings of 4–5 ÷ all ratings; empty without ratings or the count. */
        public java.util.OptionalDouble satisfiedShare() {
            return satisfied == null || ratings == 0 ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of((double) satisfied / ratings);
        }

        /** Surveys answered ÷ surveys sent; empty when none was sent. */
        public java.util.OptionalDouble responseRate() {
            return sent == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) ratings / sent);
        }
    }

    /** One answered survey: the conversation it was about, the rating 1–5, the comment if any, and when. */
    public record Rating(String conversationId, String brandId, int rating, String comment,
                         java.time.Instant answeredAt) {
    }
}
