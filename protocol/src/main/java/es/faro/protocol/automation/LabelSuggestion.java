package es.faro.protocol.automation;

import java.util.List;

/** The intent classifier's label suggestions for a conversation, best first; {@code applied} were set. */
public record LabelSuggestion(String conversationId, List<Scored> suggestions, List<String> applied) {
    public LabelSuggestion {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        applied = applied == null ? List.of() : List.copyOf(applied);
    }

    /** A label and the classifier's confidence in it (0–1). */
    public record Scored(String label, double confidence) {
    }
}
