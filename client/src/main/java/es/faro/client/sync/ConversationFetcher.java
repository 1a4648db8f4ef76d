package es.faro.client.sync;

import es.faro.client.cache.SqliteCache;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import java.io.IOException;
import java.util.List;

/**
 * Brings one conversation the cache does not hold (found by the server's search) from the server with
 * its thread, and keeps it in the cache, so it opens and reads like a synced one. Blocking: call it
 * from a background thread.
 */
public final class ConversationFetcher {
    private final ApiClient api;
    private final SqliteCache cache;

    public ConversationFetcher(ApiClient api, SqliteCache cache) {
        this.api = api;
        this.cache = cache;
    }

    public Conversation fetch(String conversationId) throws IOException, ApiException {
        Conversation conversation = api.conversation(conversationId);
        List<Message> thread = api.messages(conversationId);
        cache.storeFetched(conversation, thread).join();
        return cache.conversation(conversationId).orElse(conversation);
    }
}
