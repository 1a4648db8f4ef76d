package es.faro.client.ui.workstation;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Workqueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The left column: who is working, the queues with live counts, and the brand filter. Counts are
 * recomputed with {@link Workqueue#matches} (the server's own rule) over the active conversations.
 */
public final class SidebarViewModel {
    private final Agent me;
    private final ReadOnlyStringWrapper agentName = new ReadOnlyStringWrapper(this, "agentName");
    private final ReadOnlyObjectWrapper<Presence> presence = new ReadOnlyObjectWrapper<>(this, "presence");
    private final ObservableList<QueueEntry> queues = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be dropped with it. */
    private final ObservableList<QueueEntry> queuesView = FXCollections.unmodifiableObservableList(queues);
    private final ObservableList<BrandEntry> brands = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be dropped with it. */
    private final ObservableList<BrandEntry> brandsView = FXCollections.unmodifiableObservableList(brands);
    private final ReadOnlyObjectWrapper<Workqueue> selectedQueue = new ReadOnlyObjectWrapper<>(this, "selectedQueue");
    private final ReadOnlyObjectWrapper<String> brandFilter = new ReadOnlyObjectWrapper<>(this, "brandFilter");
    private List<Conversation> lastCounted = List.of();

    SidebarViewModel(Agent me) {
        this.me = me;
        agentName.set(me.name());
        presence.set(me.presence());
    }

    // --- state -------------------------------------------------------------------------------

    public ReadOnlyStringProperty agentNameProperty() {
        return agentName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Presence> presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    public ObservableList<QueueEntry> queues() {
        return queuesView;
    }

    public ObservableList<BrandEntry> brands() {
        return brandsView;
    }

    public ReadOnlyObjectProperty<Workqueue> selectedQueueProperty() {
        return selectedQueue.getReadOnlyProperty();
    }

    /** The brand id the list is narrowed to, or null for every brand. */
    public ReadOnlyObjectProperty<String> brandFilterProperty() {
        return brandFilter.getReadOnlyProperty();
    }

    // --- commands ----------------------------------------------------------------------------

    public void selectQueue(Workqueue queue) {
        selectedQueue.set(queue);
        recountBrands(lastCounted);
    }

    /** Clicking a brand narrows the list to it; clicking it again shows every brand. */
    public void toggleBrand(String brandId) {
        brandFilter.set(Objects.equals(brandFilter.get(), brandId) ? null : brandId);
    }

    public void clearBrandFilter() {
        brandFilter.set(null);
    }

    // --- fed by the workstation --------------------------------------------------------------

    void setReference(ReferenceIndex reference) {
        reference.agent(me.id()).ifPresent(a -> {
            agentName.set(a.name());
            presence.set(a.presence());
        });
        String selectedId = selectedQueue.get() == null ? null : selectedQueue.get().id();
        queues.setAll(reference.visibleQueues().stream().map(QueueEntry::new).toList());
        brands.setAll(reference.visibleBrands().stream().map(BrandEntry::new).toList());
        Workqueue keep = reference.visibleQueues().stream().filter(q -> q.id().equals(selectedId)).findFirst()
                .orElse(reference.visibleQueues().isEmpty() ? null : reference.visibleQueues().get(0));
        selectedQueue.set(keep);
        if (brandFilter.get() != null && brands.stream().noneMatch(b -> b.brand().id().equals(brandFilter.get()))) {
            brandFilter.set(null);
        }
    }

    void recount(List<Conversation> active) {
        lastCounted = active;
        String meId = me.id();
        for (QueueEntry entry : queues) {
            Workqueue q = entry.queue();
            int n = 0;
            for (Conversation c : active) {
                if (q.matches(c, meId)) {
                    n++;
                }
            }
            entry.setCount(n);
        }
        recountBrands(active);
    }

    private void recountBrands(List<Conversation> active) {
        Workqueue q = selectedQueue.get();
        Map<String, Integer> perBrand = new HashMap<>();
        for (Conversation c : active) {
            if (q == null || q.matches(c, me.id())) {
                perBrand.merge(c.brandId(), 1, Integer::sum);
            }
        }
        for (BrandEntry entry : brands) {
            entry.setCount(perBrand.getOrDefault(entry.brand().id(), 0));
        }
    }
}
