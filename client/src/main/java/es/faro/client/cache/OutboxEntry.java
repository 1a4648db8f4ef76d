package es.faro.client.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One agent write waiting for the server. {@code id} is the client-generated UUID that the server
 * treats as the idempotency key; {@code baseVersion} is the server version of the conversation the
 * agent was looking at. {@code payload} holds the request fields (without the version).
 */
public record OutboxEntry(long seq, String id, String conversationId, OutboxKind kind, ObjectNode payload,
                          long baseVersion, Instant createdAt, int attempts, State state, String error) {
    public enum State { PENDING, REJECTED }
}
