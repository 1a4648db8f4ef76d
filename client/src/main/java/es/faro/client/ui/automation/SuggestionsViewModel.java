package es.faro.client.ui.automation;

import es.faro.client.ui.common.TaskRunner;
import es.faro.protocol.automation.LabelSuggestion;
import es.faro.protocol.model.Conversation;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The intent classifier's label suggestions for the open conversation; accepting one adds the label. */
public final class SuggestionsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SuggestionsViewModel.class);

    /** Reads the suggestions of a conversation from the server. */
    @FunctionalInterface
    public interface Source {
        LabelSuggestion suggestions(String conversationId) throws Exception;
    }

    private final Source source;
    private final TaskRunner tasks;
    private final Consumer<String> addLabel;
    private final ObservableList<LabelSuggestion.Scored> suggestions = FXCollections.observableArrayList();
    private final ObservableList<LabelSuggestion.Scored> view = FXCollections.unmodifiableObservableList(suggestions);
    private String openId;

    public SuggestionsViewModel(Source source, TaskRunner tasks, Consumer<String> addLabel) {
        this.source = source;
        this.tasks = tasks;
        this.addLabel = addLabel;
    }

    public ObservableList<LabelSuggestion.Scored> suggestions() {
        return view;
    }

    public void open(Conversation conversation) {
        String id = conversation == null ? null : conversation.id();
        if (id != null && id.equals(openId)) {
            suggestions.removeIf(s -> conversation.labels().contains(s.label()));
            return;
        }
        openId = id;
        suggestions.clear();
        if (id == null) {
            return;
        }
        tasks.run(() -> source.suggestions(id), result -> {
            if (id.equals(openId)) {
                suggestions.setAll(result.suggestions().stream()
                        .filter(s -> !conversation.labels().contains(s.label())).toList());
            }
        }, e -> LOG.debug("no label suggestions for {}: {}", id, e.toString()));
    }

    /** The agent accepts a suggestion: the label is added (through the outbox, like any label). */
    public void accept(LabelSuggestion.Scored suggestion) {
        suggestions.remove(suggestion);
        addLabel.accept(suggestion.label());
    }
}
