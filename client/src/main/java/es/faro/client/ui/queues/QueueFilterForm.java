package es.faro.client.ui.queues;

import es.faro.client.ui.common.UiText;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Workqueue;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every part of one workqueue's filter as editable state: name, brands, channels, labels, priorities,
 * statuses, assignee, ordering and push mode. Used by the admin screen (shared queues) and by the
 * personal-view editor. {@link #problem} makes the same checks as the server, in words an agent
 * understands, so most mistakes never leave the screen.
 */
public final class QueueFilterForm {
    /** The assignee choice that means "anyone" (no assignee filter; null on the wire). */
    public static final String ANYONE = "*";

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<String> brands = FXCollections.observableArrayList();
    private final ObservableList<Channel> channels = FXCollections.observableArrayList();
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final ObservableList<Priority> priorities = FXCollections.observableArrayList();
    private final ObservableList<ConversationStatus> statuses = FXCollections.observableArrayList();
    private final ObjectProperty<String> assignee = new SimpleObjectProperty<>(this, "assignee", ANYONE);
    private final ObjectProperty<Workqueue.Ordering> ordering =
            new SimpleObjectProperty<>(this, "ordering", Workqueue.Ordering.SLA_DUE);
    private final BooleanProperty push = new SimpleBooleanProperty(this, "push");

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<String> brands() {
        return brands;
    }

    public ObservableList<Channel> channels() {
        return channels;
    }

    public ObservableList<String> labels() {
        return labels;
    }

    public ObservableList<Priority> priorities() {
        return priorities;
    }

    /** Empty means the default (new, open and pending). */
    public ObservableList<ConversationStatus> statuses() {
        return statuses;
    }

    /** {@link #ANYONE}, {@link Workqueue#ME}, {@link Workqueue#UNASSIGNED} or an agent id. */
    public ObjectProperty<String> assigneeProperty() {
        return assignee;
    }

    public ObjectProperty<Workqueue.Ordering> orderingProperty() {
        return ordering;
    }

    public BooleanProperty pushProperty() {
        return push;
    }

    /** Fills the form from a stored queue (what the editor starts from). */
    public void load(Workqueue q) {
        name.set(q.name());
        brands.setAll(q.brands());
        channels.setAll(q.channels());
        labels.setAll(q.labels());
        priorities.setAll(q.priorities());
        statuses.setAll(q.statuses());
        assignee.set(q.assignee() == null ? ANYONE : q.assignee());
        ordering.set(q.ordering());
        push.set(q.pushMode());
    }

    public void clear() {
        name.set("");
        brands.clear();
        channels.clear();
        labels.clear();
        priorities.clear();
        statuses.clear();
        assignee.set(ANYONE);
        ordering.set(Workqueue.Ordering.SLA_DUE);
        push.set(false);
    }

    /** The queue the form describes, with the given identity (id null for a new queue). */
    public Workqueue toWorkqueue(String id, int position, String owner) {
        String a = assignee.get() == null || ANYONE.equals(assignee.get()) ? null : assignee.get();
        return new Workqueue(id, name.get() == null ? "" : name.get().trim(), List.copyOf(brands),
                List.copyOf(channels), List.copyOf(labels), List.copyOf(priorities), List.copyOf(statuses), a,
                ordering.get(), position, owner, push.get());
    }

    /**
     * What is wrong with the filter, if anything: the server's rules (name, brands, labels and agent
     * that exist, push mode only on shared queues and over unassigned work). {@code personal} says
     * whether it is saved as a personal view.
     */
    public Optional<UiText> problem(ReferenceIndex reference, boolean personal) {
        String n = name.get() == null ? "" : name.get().trim();
        if (n.isEmpty()) {
            return Optional.of(UiText.of("queues.filter.error.name"));
        }
        if (n.length() > Workqueue.MAX_NAME) {
            return Optional.of(UiText.of("queues.filter.error.nameLong", Workqueue.MAX_NAME));
        }
        if (reference != null) {
            List<String> known = reference.visibleBrands().stream().map(Brand::id).toList();
            Optional<String> brand = brands.stream().filter(b -> !known.contains(b)).findFirst();
            if (brand.isPresent()) {
                return Optional.of(UiText.of("queues.filter.error.brand", brand.get()));
            }
            Optional<String> label = labels.stream().filter(l -> reference.label(l).isEmpty()).findFirst();
            if (label.isPresent()) {
                return Optional.of(UiText.of("queues.filter.error.label", label.get()));
            }
            String a = assignee.get();
            if (a != null && !a.equals(ANYONE) && !a.equals(Workqueue.ME) && !a.equals(Workqueue.UNASSIGNED)
                    && reference.agent(a).isEmpty()) {
                return Optional.of(UiText.of("queues.filter.error.agent", a));
            }
        }
        if (push.get() && personal) {
            return Optional.of(UiText.of("queues.filter.error.pushPersonal"));
        }
        String a = assignee.get();
        if (push.get() && a != null && !a.equals(ANYONE) && !a.equals(Workqueue.UNASSIGNED)) {
            return Optional.of(UiText.of("queues.filter.error.pushAssignee"));
        }
        return Optional.empty();
    }
}
