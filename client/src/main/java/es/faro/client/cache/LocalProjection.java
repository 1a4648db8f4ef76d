package es.faro.client.cache;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The agent's optimistic view of a conversation: the server's state with the still-pending outbox
 * entries applied in order. Recomputed whenever either side changes, so a confirmation or a
 * rejection from the server always converges to the server's state.
 */
final class LocalProjection {
    private LocalProjection() {
    }

    static Conversation apply(Conversation server, List<OutboxEntry> pending) {
        Conversation c = server;
        for (OutboxEntry e : pending) {
            c = apply(c, e);
        }
        return c;
    }

    static Conversation apply(Conversation c, OutboxEntry e) {
        JsonNode p = e.payload();
        Conversation.Builder b = c.toBuilder().updatedAt(e.createdAt());
        switch (e.kind()) {
            case REPLY -> {
                b.snippet(p.path("body").asText()).lastMessageKind(MessageKind.OUT).lastMessageAt(e.createdAt())
                        .messageCount(c.messageCount() + 1);
                if (c.status() == ConversationStatus.NEW) {
                    b.status(ConversationStatus.OPEN);
                }
                if (p.path("public").asBoolean(true) && c.response() != null) {
                    b.response(c.response().stop(e.createdAt()));
                }
            }
            case NOTE -> b.messageCount(c.messageCount() + 1);
            case CLAIM -> b.assigneeId(p.path("agentId").asText());
            case ASSIGN -> b.assigneeId(p.hasNonNull("agentId") ? p.get("agentId").asText() : null);
            case STATUS -> {
                ConversationStatus status = ConversationStatus.valueOf(p.path("status").asText());
                b.status(status);
                if (status == ConversationStatus.RESOLVED && c.resolution() != null) {
                    b.resolution(c.resolution().stop(e.createdAt()));
                }
            }
            case PRIORITY -> b.priority(Priority.valueOf(p.path("priority").asText()));
            case LABELS -> {
                Set<String> labels = new LinkedHashSet<>(c.labels());
                p.path("add").forEach(n -> labels.add(n.asText()));
                p.path("remove").forEach(n -> labels.remove(n.asText()));
                b.labels(List.copyOf(labels));
            }
        }
        return b.build();
    }
}
