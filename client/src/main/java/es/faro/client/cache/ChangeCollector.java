package es.faro.client.cache;

import java.util.HashSet;
import java.util.Set;

/** Gathers what the writes of one batch touched, to tell listeners once. */
final class ChangeCollector {
    private final Set<String> conversations = new HashSet<>();
    private final Set<String> threads = new HashSet<>();
    private boolean reference;
    private boolean canned;

    void conversation(String id) {
        conversations.add(id);
    }

    void thread(String conversationId) {
        threads.add(conversationId);
    }

    void reference() {
        reference = true;
    }

    void cannedResponses() {
        canned = true;
    }

    void addAll(ChangeCollector other) {
        canned |= other.canned;
        conversations.addAll(other.conversations);
        threads.addAll(other.threads);
        reference |= other.reference;
    }

    CacheChange toChange() {
        return new CacheChange(conversations, threads, reference, reference || canned);
    }
}
