package es.faro.client.ui.reliability;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Above the workstation: the offline banner while the link is down, and one row per change the
 * server refused with Redo and Discard. Texts are plain labels (never HTML).
 */
public final class OfflineView {
    private final VBox root;
    private final OfflineViewModel vm;
    private final I18n i18n;
    private final VBox rejectedRows = new VBox(4);

    public OfflineView(OfflineViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        Message banner = new Message(i18n.get("reliability.offline.title"), "",
                new FontIcon(Material2OutlinedMZ.WIFI_OFF));
        banner.setId("offline-banner");
        banner.getStyleClass().addAll(Styles.WARNING, "offline-banner");
        vm.bannerTextProperty().subscribe(text -> {
            banner.setDescription(text == null ? "" : i18n.get(text));
            banner.setVisible(text != null);
            banner.setManaged(text != null);
        });

        Message error = new Message(i18n.get("error.title"), "", new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        error.getStyleClass().add(Styles.DANGER);
        vm.errorProperty().subscribe(text -> {
            error.setDescription(text == null ? "" : i18n.get(text));
            error.setVisible(text != null);
            error.setManaged(text != null);
        });

        rejectedRows.setId("rejected-changes");
        rejectedRows.getStyleClass().add("rejected-changes");
        rejectedRows.setPadding(new Insets(0, 8, 0, 8));
        vm.rejected().addListener((ListChangeListener<RejectedChange>) c -> rebuild());
        rebuild();

        root = new VBox(banner, error, rejectedRows);
    }

    public Parent root() {
        return root;
    }

    private void rebuild() {
        rejectedRows.getChildren().clear();
        for (RejectedChange change : vm.rejected()) {
            rejectedRows.getChildren().add(row(change));
        }
        boolean any = !vm.rejected().isEmpty();
        rejectedRows.setVisible(any);
        rejectedRows.setManaged(any);
    }

    private HBox row(RejectedChange change) {
        Label what = new Label(i18n.get("reliability.rejected.row",
                i18n.get("reliability.kind." + change.kind().name().toLowerCase(java.util.Locale.ROOT)),
                change.summary(), change.reason()));
        what.getStyleClass().add("rejected-change-text");
        what.setWrapText(true);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        Button redo = new Button(i18n.get("reliability.rejected.redo"), new FontIcon(Material2OutlinedMZ.REPLAY));
        redo.getStyleClass().addAll(Styles.SMALL, "rejected-redo");
        redo.setOnAction(e -> vm.redo(change));
        Button discard = new Button(i18n.get("reliability.rejected.discard"), new FontIcon(Material2OutlinedAL.DELETE));
        discard.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, "rejected-discard");
        discard.setOnAction(e -> vm.discard(change));
        javafx.scene.Node icon = new FontIcon(Material2OutlinedAL.ERROR_OUTLINE);
        HBox row = new HBox(8, icon, what, redo, discard);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("rejected-change");
        row.setPadding(new Insets(4, 8, 4, 8));
        return row;
    }
}
