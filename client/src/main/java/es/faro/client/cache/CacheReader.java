package es.faro.client.cache;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.ReferenceData;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Read side of the local cache. Every method does SQLite I/O: call it from a background executor,
 * never from the JavaFX thread. The cache already holds local optimistic changes (pending replies,
 * claims, status changes) on top of what the server confirmed.
 */
public interface CacheReader {
    ReferenceData reference();

    /** Every cached canned response; the picker filters them by brand, language and owner. */
    default List<es.faro.protocol.model.CannedResponse> cannedResponses() {
        return reference().cannedResponses();
    }

    /** Conversations whose status is NEW, OPEN or PENDING (what queues show), any order. */
    List<Conversation> activeConversations();

    /**
     * Every cached conversation, resolved and closed ones included (a lead's dashboard counts today's
     * answered conversations too). Reads the whole table: for a one-off load, not per change.
     */
    List<Conversation> allConversations();

    /** The current state of the given conversations; missing ids are left out (e.g. removed). */
    List<Conversation> conversations(Collection<String> ids);

    Optional<Conversation> conversation(String id);

    /** The thread oldest first, including replies and notes still waiting in the outbox. */
    List<ThreadMessage> thread(String conversationId);

    /**
     * The offline search: cached conversations whose messages, or whose customer's name or handle,
     * hold the typed words (accents and case ignored, the last word as a prefix), newest match first,
     * at most {@code limit}. Text with no letter or digit finds nothing.
     */
    List<SearchHit> search(String typed, int limit);

    void addListener(CacheListener listener);

    void removeListener(CacheListener listener);
}
