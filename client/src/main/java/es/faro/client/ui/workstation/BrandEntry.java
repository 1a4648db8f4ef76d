package es.faro.client.ui.workstation;

import es.faro.protocol.model.Brand;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** A brand in the sidebar with the number of its conversations in the selected queue. */
public final class BrandEntry {
    private final Brand brand;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");

    BrandEntry(Brand brand) {
        this.brand = brand;
    }

    public Brand brand() {
        return brand;
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
