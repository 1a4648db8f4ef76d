package es.faro.client.sync;

import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Priority;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What an agent does to a conversation. Each command applies its optimistic change to the cache and
 * writes an outbox entry in the same SQLite transaction; the returned future completes once that
 * transaction is committed (so the UI may say "sent": it survives a crash), not when the server
 * confirms. The sync engine then delivers outbox entries in order; the server's event confirms the
 * change, or a rejection reverts it. Callable from any thread.
 */
public interface AgentCommands {
    CompletableFuture<Void> reply(String conversationId, String body, boolean isPublic);

    /**
     * A reply with the collision guard: {@code lastSeenMessageId} is the newest server message the
     * agent had seen (the server refuses the reply with 409 if another agent replied after it, unless
     * {@code force}); {@code brandId} is the conversation's brand, which the server checks.
     */
    default CompletableFuture<Void> reply(String conversationId, String body, boolean isPublic,
                                          String lastSeenMessageId, boolean force, String brandId) {
        return reply(conversationId, body, isPublic);
    }

    CompletableFuture<Void> note(String conversationId, String body);

    CompletableFuture<Void> claim(String conversationId);

    CompletableFuture<Void> assign(String conversationId, String agentId);

    CompletableFuture<Void> setStatus(String conversationId, ConversationStatus status);

    CompletableFuture<Void> setPriority(String conversationId, Priority priority);

    CompletableFuture<Void> changeLabels(String conversationId, List<String> add, List<String> remove);
}
