package es.faro.client.ui.slaadmin;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Priority;
import es.faro.protocol.sla.SlaPolicy;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One SLA policy being edited: text as typed (targets like {@code 2h 30m}, the warning threshold as a
 * percentage) and the brands, channels and priorities it matches (empty = any).
 */
public final class PolicyDraft {
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<String> brands = FXCollections.observableArrayList();
    private final ObservableList<Channel> channels = FXCollections.observableArrayList();
    private final ObservableList<Priority> priorities = FXCollections.observableArrayList();
    private final StringProperty firstResponse = new SimpleStringProperty(this, "firstResponse", "");
    private final StringProperty nextResponse = new SimpleStringProperty(this, "nextResponse", "");
    private final StringProperty resolution = new SimpleStringProperty(this, "resolution", "");
    private final StringProperty warnPercent = new SimpleStringProperty(this, "warnPercent", "75");
    private final StringProperty calendarId = new SimpleStringProperty(this, "calendarId", "");

    public static PolicyDraft of(SlaPolicy p) {
        PolicyDraft d = new PolicyDraft();
        d.id.set(p.id());
        d.name.set(p.name());
        d.brands.setAll(p.brands());
        d.channels.setAll(p.channels());
        d.priorities.setAll(p.priorities());
        d.firstResponse.set(DurationText.format(p.firstResponse()));
        d.nextResponse.set(DurationText.format(p.nextResponse()));
        d.resolution.set(DurationText.format(p.resolution()));
        d.warnPercent.set(Integer.toString(p.warnPercent()));
        d.calendarId.set(p.calendarId());
        return d;
    }

    /** The policy; call only when {@link SlaAdminViewModel#validate()} found no problem. */
    SlaPolicy toPolicy() {
        return new SlaPolicy(id.get().strip(), name.get().strip(), List.copyOf(brands), List.copyOf(channels),
                List.copyOf(priorities), target(firstResponse), target(nextResponse), target(resolution),
                Integer.parseInt(warnPercent.get().strip()), calendarId.get());
    }

    private static Duration target(StringProperty text) {
        return DurationText.value(text.get()).orElse(null);
    }

    /** What the list shows: the name, or the id while there is no name. */
    public String label() {
        return name.get() == null || name.get().isBlank() ? id.get() : name.get();
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<String> brands() {
        return brands;
    }

    public ObservableList<Channel> channels() {
        return channels;
    }

    public ObservableList<Priority> priorities() {
        return priorities;
    }

    public StringProperty firstResponseProperty() {
        return firstResponse;
    }

    public StringProperty nextResponseProperty() {
        return nextResponse;
    }

    public StringProperty resolutionProperty() {
        return resolution;
    }

    public StringProperty warnPercentProperty() {
        return warnPercent;
    }

    public StringProperty calendarIdProperty() {
        return calendarId;
    }
}
