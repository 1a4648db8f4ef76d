package es.faro.client.ui.automation;

import es.faro.client.sync.AutomationApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.automation.CustomerMerge;
import es.faro.protocol.automation.CustomerProfile;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Customer;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer panel beside the thread: the open conversation's customer as one person across
 * channels (identities, previous conversations, labels, CSAT), searching for another identity to
 * merge in, and undoing a merge. Refreshes when a merge event concerns the shown profile.
 */
public final class CustomerPanelViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerPanelViewModel.class);

    private final AutomationApi api;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<CustomerProfile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Customer> results = FXCollections.observableArrayList();
    private String customerId;

    public CustomerPanelViewModel(AutomationApi api, TaskRunner tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    public ReadOnlyObjectProperty<CustomerProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the agent types to find another identity of this customer. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Customer> results() {
        return results;
    }

    /** Shows the customer of {@code conversation} (nothing when null). */
    public void open(Conversation conversation) {
        String id = conversation == null ? null : conversation.customerId();
        if (id != null && id.equals(customerId)) {
            return;
        }
        customerId = id;
        profile.set(null);
        results.clear();
        query.set("");
        error.set(null);
        reload();
    }

    public void reload() {
        String id = customerId;
        if (id == null) {
            return;
        }
        loading.set(true);
        tasks.run(() -> api.customer(id), p -> {
            if (id.equals(customerId)) {
                if (!p.equals(profile.get())) {
                    profile.set(p); // a reload that finds nothing new does not rebuild the panel
                }
                loading.set(false);
            }
        }, e -> failed(id, "automation.customer.error.load", e));
    }

    /** Searches identities whose name, handle or user id contains the query, leaving out this profile's. */
    public void search() {
        String q = query.get() == null ? "" : query.get().trim();
        if (q.isEmpty()) {
            results.clear();
            return;
        }
        tasks.run(() -> api.searchCustomers(q), found -> {
            CustomerProfile p = profile.get();
            List<String> mine = p == null ? List.of() : p.identities().stream().map(Customer::id).toList();
            results.setAll(found.stream().filter(c -> !mine.contains(c.id())).toList());
        }, e -> failed(customerId, "automation.customer.error.search", e));
    }

    /** Merges {@code other}'s identities into the shown customer. */
    public void merge(Customer other) {
        String id = customerId;
        if (id == null || other == null) {
            return;
        }
        tasks.run(() -> api.merge(id, other.id()), p -> {
            if (id.equals(customerId)) {
                profile.set(p);
                results.clear();
                query.set("");
            }
        }, e -> failed(id, "automation.customer.error.merge", e));
    }

    public void undo(CustomerMerge merge) {
        String id = customerId;
        tasks.run(() -> api.undoMerge(merge.id()), p -> {
            if (id != null && id.equals(customerId)) {
                reload();
            }
        }, e -> failed(id, "automation.customer.error.undo", e));
    }

    /** Events as the sync engine received them (any thread): a merge touching this profile reloads it. */
    public void onEvents(List<Event> events) {
        boolean merges = events.stream().anyMatch(e -> EventType.CUSTOMER_MERGED.equals(e.type())
                || EventType.CUSTOMER_UNMERGED.equals(e.type()));
        if (merges) {
            tasks.runOnUi(this::reload);
        }
    }

    private void failed(String id, String key, Throwable e) {
        if (id != null && id.equals(customerId)) {
            LOG.warn("customer panel: {} failed", key, e);
            loading.set(false);
            error.set(UiText.of(key));
        }
    }
}
