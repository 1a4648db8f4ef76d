package es.faro.client.ui.workstation;

import es.faro.client.sync.ConnectionState;
import es.faro.client.ui.common.UiText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The bottom line: the link to the server in words, writes waiting to go out, and who is signed in. */
public final class StatusBarViewModel {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<UiText> connectionText = new ReadOnlyObjectWrapper<>(this, "connectionText");
    private final ReadOnlyObjectWrapper<UiText> pendingText = new ReadOnlyObjectWrapper<>(this, "pendingText");
    private final ReadOnlyStringWrapper agentName = new ReadOnlyStringWrapper(this, "agentName");

    StatusBarViewModel(String agentName, ZoneId zone) {
        this.zone = zone;
        this.agentName.set(agentName);
        update(ConnectionState.connecting());
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Conectado", "Sincronizando 120/500", "Sin conexión desde 10:42". */
    public ReadOnlyObjectProperty<UiText> connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    /** "3 cambios pendientes", or null when the outbox is empty. */
    public ReadOnlyObjectProperty<UiText> pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agentNameProperty() {
        return agentName.getReadOnlyProperty();
    }

    void update(ConnectionState s) {
        state.set(s);
        connectionText.set(switch (s.status()) {
            case CONNECTING -> UiText.of("connection.connecting");
            case SYNCING -> s.total() > 0
                    ? UiText.of("connection.syncing.progress", String.valueOf(s.done()), String.valueOf(s.total()))
                    : UiText.of("connection.syncing");
            case ONLINE -> UiText.of("connection.online");
            case OFFLINE -> s.offlineSince() == null
                    ? UiText.of("connection.offline")
                    : UiText.of("connection.offline.since", HH_MM.format(s.offlineSince().atZone(zone)));
        });
        pendingText.set(s.pendingWrites() > 0 ? UiText.of("connection.pending", s.pendingWrites()) : null);
    }

    void setAgentName(String name) {
        agentName.set(name);
    }
}
