package es.faro.client.cache;

import java.util.Set;

/**
 * What one committed batch of cache writes touched. Listeners get one of these per batch (not per
 * row), so a burst of 200 events a second becomes a handful of notifications.
 *
 * @param conversations ids of conversations whose summary changed (inserted, updated or removed)
 * @param threads       ids of conversations whose message list changed
 * @param reference     whether reference data (brands, queues, agents, labels, canned responses, SLA) changed
 * @param cannedResponses whether canned responses changed (also true when the whole reference did)
 */
public record CacheChange(Set<String> conversations, Set<String> threads, boolean reference,
                          boolean cannedResponses) {
    public CacheChange {
        conversations = Set.copyOf(conversations);
        threads = Set.copyOf(threads);
    }

    public CacheChange(Set<String> conversations, Set<String> threads, boolean reference) {
        this(conversations, threads, reference, reference);
    }

    public boolean isEmpty() {
        return conversations.isEmpty() && threads.isEmpty() && !reference && !cannedResponses;
    }
}
