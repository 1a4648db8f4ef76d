package es.faro.client.ui.workstation;

import es.faro.client.metrics.SlaView;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Workqueue;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The middle column: the selected queue's conversations, narrowed by the brand filter and sorted by
 * the queue's ordering, as a live view (FilteredList → SortedList) over the workstation's one list.
 */
public final class ConversationListViewModel {
    private final FilteredList<Conversation> filtered;
    /** The "breaching soon" narrowing on top of the queue: everything, or the clocks needing attention. */
    private final FilteredList<Conversation> attention;
    private final SortedList<Conversation> sorted;
    private final BooleanProperty breachingSoonOnly = new SimpleBooleanProperty(this, "breachingSoonOnly");
    private final ReadOnlyIntegerWrapper breachingSoonCount = new ReadOnlyIntegerWrapper(this, "breachingSoonCount");
    /** Ids in WARNING or BREACHED at the last tick: the filter is re-applied only when this set changes. */
    private Set<String> needingAttention = Set.of();

    ConversationListViewModel(ObservableList<Conversation> source, String meId, SidebarViewModel sidebar) {
        this.filtered = new FilteredList<>(source, c -> false);
        this.attention = new FilteredList<>(filtered, c -> true);
        this.sorted = new SortedList<>(attention, ConversationOrder.SLA_DUE);
        breachingSoonOnly.subscribe(on -> applyAttentionFilter());

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

    /** Shows only the queue's conversations whose clock is in WARNING or BREACHED (paused clocks aside). */
    public BooleanProperty breachingSoonOnlyProperty() {
        return breachingSoonOnly;
    }

    /** How many of the queue's conversations are in WARNING or BREACHED now, filter on or off. */
    public ReadOnlyIntegerProperty breachingSoonCountProperty() {
        return breachingSoonCount.getReadOnlyProperty();
    }

    /**
     * The shared clock's tick: clocks cross their warn and due instants with time alone, so the count
     * and the filter are brought up to date once a second (new arrivals included).
     */
    public void tick(Instant now) {
        Set<String> ids = new HashSet<>();
        for (Conversation c : filtered) {
            if (SlaView.needsAttention(c, now)) {
                ids.add(c.id());
            }
        }
        breachingSoonCount.set(ids.size());
        if (!ids.equals(needingAttention)) {
            needingAttention = ids;
            applyAttentionFilter();
        }
    }

    private void applyAttentionFilter() {
        Set<String> ids = needingAttention;
        attention.setPredicate(breachingSoonOnly.get() ? c -> ids.contains(c.id()) : c -> true);
    }

    /** The rows, in display order; read-only. */
    public ObservableList<Conversation> items() {
        return sorted;
    }
}
