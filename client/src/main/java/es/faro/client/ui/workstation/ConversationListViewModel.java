package es.faro.client.ui.workstation;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Workqueue;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The middle column: the selected queue's conversations, narrowed by the brand filter and sorted by
 * the queue's ordering, as a live view (FilteredList → SortedList) over the workstation's one list.
 */
public final class ConversationListViewModel {
    private final FilteredList<Conversation> filtered;
    private final SortedList<Conversation> sorted;

    ConversationListViewModel(ObservableList<Conversation> source, String meId, SidebarViewModel sidebar) {
        this.filtered = new FilteredList<>(source, c -> false);
        this.sorted = new SortedList<>(filtered, ConversationOrder.SLA_DUE);
        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> predicate(sidebar.selectedQueueProperty().get(), sidebar.brandFilterProperty().get(), meId),
                sidebar.selectedQueueProperty(), sidebar.brandFilterProperty()));
        sorted.comparatorProperty().bind(sidebar.selectedQueueProperty()
                .map(q -> ConversationOrder.of(q.ordering()))
                .orElse(ConversationOrder.SLA_DUE));
    }

    private static Predicate<Conversation> predicate(Workqueue queue, String brandId, String meId) {
        return c -> (queue == null || queue.matches(c, meId)) && (brandId == null || brandId.equals(c.brandId()));
    }

    /** The rows, in display order; read-only. */
    public ObservableList<Conversation> items() {
        return sorted;
    }
}
