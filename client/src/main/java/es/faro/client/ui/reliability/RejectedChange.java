package es.faro.client.ui.reliability;

import es.faro.client.cache.OutboxEntry;
import es.faro.client.cache.OutboxKind;

/**
 * A change the server refused (e.g. someone else resolved the conversation first), as the agent sees
 * it: what it was ({@code kind}, a short {@code summary} such as the reply's first words or the new
 * status) and the server's reason.
 */
public record RejectedChange(String id, String conversationId, OutboxKind kind, String summary, String reason) {
    private static final int SUMMARY_LENGTH = 60;

    static RejectedChange of(OutboxEntry e) {
        String summary = switch (e.kind()) {
            case REPLY, NOTE -> shorten(e.payload().path("body").asText(""));
            case STATUS -> e.payload().path("status").asText("");
            case PRIORITY -> e.payload().path("priority").asText("");
            case CLAIM, ASSIGN -> e.payload().path("agentId").asText("");
            case LABELS -> (e.payload().path("add").toString() + " " + e.payload().path("remove").toString()).trim();
        };
        return new RejectedChange(e.id(), e.conversationId(), e.kind(), summary, e.error() == null ? "" : e.error());
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
