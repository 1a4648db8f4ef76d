package es.faro.client.cache;

import es.faro.protocol.model.Conversation;
import java.time.Instant;
import java.util.List;

/**
 * A cached conversation found by a local search: the newest matching message's snippet with the
 * matched words as ranges, or, when only the customer's name or handle matched, the conversation's
 * own snippet. {@code at} is when the match was written (the message, or the conversation's last message).
 *
 * @param messageId the matching message, or null when only the customer matched
 * @param customerMatch the customer's name or handle matched
 * @param terms the searched words, folded, to mark them in the name
 */
public record SearchHit(Conversation conversation, String messageId, String snippet, List<Range> highlights,
                        boolean customerMatch, Instant at, List<String> terms) {
    public SearchHit {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
        terms = terms == null ? List.of() : List.copyOf(terms);
        snippet = snippet == null ? "" : snippet;
    }

    /** Where matched words are in a text: [start, end) in UTF-16 units. */
    public record Range(int start, int end) {
    }
}
