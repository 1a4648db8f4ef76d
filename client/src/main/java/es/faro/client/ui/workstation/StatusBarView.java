package es.faro.client.ui.workstation;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.Formats;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The bottom line: connection in words, pending changes, the agent, and the time. */
final class StatusBarView {
    private final HBox root;

    StatusBarView(StatusBarViewModel vm, SharedClock clock, I18n i18n) {
        Formats formats = new Formats(i18n.locale(), ZoneId.systemDefault());
        FontIcon icon = new FontIcon();
        Label connection = new Label();
        connection.setId("connection-status");
        connection.setGraphic(icon);
        connection.textProperty().bind(vm.connectionTextProperty().map(i18n::get).orElse(""));
        Tooltip tip = new Tooltip();
        connection.setTooltip(tip);
        vm.stateProperty().subscribe(state -> {
            connection.getStyleClass().removeIf(s -> s.startsWith("connection-"));
            connection.getStyleClass().add("connection-" + state.status().name().toLowerCase());
            icon.setIconCode(switch (state.status()) {
                case ONLINE -> Material2OutlinedAL.CLOUD_DONE;
                case SYNCING -> Material2OutlinedMZ.SYNC;
                case CONNECTING -> Material2OutlinedAL.CLOUD_QUEUE;
                case OFFLINE -> Material2OutlinedAL.CLOUD_OFF;
            });
            tip.setText(state.detail() == null ? "" : state.detail());
        });
        Label pending = new Label();
        pending.setId("pending-writes");
        pending.getStyleClass().add("pending-writes");
        pending.textProperty().bind(vm.pendingTextProperty().map(t -> "· " + i18n.get(t)).orElse(""));

        Label agent = new Label();
        agent.setGraphic(new FontIcon(Material2OutlinedMZ.PERSON));
        agent.textProperty().bind(vm.agentNameProperty());
        Label time = new Label();
        time.setGraphic(new FontIcon(Material2OutlinedAL.ACCESS_TIME));
        time.textProperty().bind(clock.nowProperty().map(formats::clock));
        time.getStyleClass().add("clock");

        root = new HBox(12, connection, pending, new Spacer(), agent, time);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().addAll("status-bar", Styles.TEXT_SMALL);
    }

    Node root() {
        return root;
    }

    /** Puts a control just before the agent's name (e.g. the lead's dashboard button). */
    void addAction(Node action) {
        root.getChildren().add(root.getChildren().size() - 2, action);
    }
}
