package es.faro.client.ui.workstation;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.SlaFormat;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaClock;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Desktop notifications inside the workstation window: AtlantaFX {@link Notification}s stacked in
 * the bottom-right corner (ControlsFX's own notifications expect Modena's colours), each with an
 * "Open" action, gone by themselves after a few seconds.
 */
public final class AlertsOverlay {
    private static final int MAX_SHOWN = 3;
    private static final Duration SHOWN_FOR = Duration.seconds(8);

    private final StackPane root;
    private final VBox stack = new VBox();
    private final I18n i18n;
    private final WorkstationViewModel workstation;
    private final SharedClock clock;

    public AlertsOverlay(Parent content, AlertsViewModel vm, WorkstationViewModel workstation, SharedClock clock,
                         I18n i18n) {
        this.i18n = i18n;
        this.workstation = workstation;
        this.clock = clock;
        stack.setId("notifications");
        stack.getStyleClass().add("notification-stack");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setMaxSize(420, Double.MAX_VALUE);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
        root = new StackPane(content, stack);
        vm.alerts().addListener((ListChangeListener<Alert>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::show);
            }
        });
    }

    public Parent root() {
        return root;
    }

    private void show(Alert alert) {
        Conversation c = alert.conversation();
        String channel = i18n.get(ChannelIcons.nameKey(c.channel()));
        boolean warning = alert.kind() == Alert.Kind.WARNING;
        SlaClock clock0 = c.activeClock();
        String text = warning
                ? i18n.get("notify.warning.title") + " — " + i18n.get("notify.warning.text", c.customerName(), channel,
                        clock0 == null ? "" : SlaFormat.countdown(clock0.remainingAt(clock.now())))
                : i18n.get("notify.assigned.title") + " — " + i18n.get("notify.assigned.text", c.customerName(), channel);
        Notification note = new Notification(text,
                new FontIcon(warning ? Material2OutlinedMZ.TIMER : Material2OutlinedAL.ASSIGNMENT_IND));
        note.getStyleClass().addAll(warning ? Styles.WARNING : Styles.ACCENT, Styles.ELEVATED_2,
                warning ? "notification-warning" : "notification-assigned");
        note.setPrefWidth(400);
        note.setMaxHeight(Region.USE_PREF_SIZE);
        Button open = new Button(i18n.get("notify.open"));
        open.setOnAction(e -> {
            workstation.open(c);
            stack.getChildren().remove(note);
        });
        note.setPrimaryActions(open);
        note.setOnClose(e -> stack.getChildren().remove(note));
        if (stack.getChildren().size() >= MAX_SHOWN) {
            stack.getChildren().remove(0);
        }
        stack.getChildren().add(note);
        PauseTransition later = new PauseTransition(SHOWN_FOR);
        later.setOnFinished(e -> stack.getChildren().remove((Node) note));
        later.play();
    }
}
