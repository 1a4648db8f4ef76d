package es.faro.client.ui.workstation;

import es.faro.protocol.model.Workqueue;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** A workqueue in the sidebar with its live count. */
public final class QueueEntry {
    private final Workqueue queue;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");

    QueueEntry(Workqueue queue) {
        this.queue = queue;
    }

    public Workqueue queue() {
        return queue;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public int count() {
        return count.get();
    }

    void setCount(int value) {
        count.set(value);
    }
}
