package es.faro.client.ui.automation;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.workstation.ComposerViewModel;
import es.faro.protocol.model.Message;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Shown above the composer when another agent replied after what this agent had seen: their
 * reply, and the choice to send anyway, discard or edit.
 */
public final class CollisionBanner {
    private CollisionBanner() {
    }

    public static Node create(ComposerViewModel vm, I18n i18n) {
        Label title = new Label();
        title.setId("collision-title");
        title.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox missed = new VBox(4);
        missed.setId("collision-messages");
        Button send = new Button(i18n.get("automation.collision.sendAnyway"));
        send.setId("collision-send");
        send.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        send.setOnAction(e -> vm.sendAnyway());
        Button discard = new Button(i18n.get("automation.collision.discard"));
        discard.setId("collision-discard");
        discard.getStyleClass().add(Styles.SMALL);
        discard.setOnAction(e -> vm.discardReply());
        Button edit = new Button(i18n.get("automation.collision.edit"));
        edit.setId("collision-edit");
        edit.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        edit.setOnAction(e -> vm.editReply());
        HBox buttons = new HBox(8, edit, discard, send);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(6, title, missed, buttons);
        root.setId("collision-banner");
        root.getStyleClass().add("collision-banner");
        root.managedProperty().bind(root.visibleProperty());
        vm.collisionProperty().subscribe((List<Message> messages) -> {
            root.setVisible(messages != null && !messages.isEmpty());
            missed.getChildren().clear();
            if (messages == null || messages.isEmpty()) {
                return;
            }
            String who = messages.get(messages.size() - 1).authorName();
            title.setText(i18n.get("automation.collision.title", who));
            for (Message m : messages) {
                Label line = new Label(m.authorName() + ": " + m.body());
                line.setWrapText(true);
                line.getStyleClass().add("collision-message");
                missed.getChildren().add(line);
            }
        });
        return root;
    }
}
