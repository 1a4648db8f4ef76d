package es.faro.client.ui.keyboard;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/** The Ctrl+K palette: a search field over a list, near the top of the window. */
public final class CommandPaletteView {
    private final CommandPaletteViewModel vm;
    private final Node owner;
    private final Popup popup = new Popup();
    private final TextField field = new TextField();
    private final ListView<PaletteItem> list = new ListView<>();

    public CommandPaletteView(CommandPaletteViewModel vm, Node owner, I18n i18n) {
        this.vm = vm;
        this.owner = owner;
        field.setId("palette-field");
        field.setPromptText(i18n.get("keys.palette.prompt"));
        field.textProperty().bindBidirectional(vm.queryProperty());
        list.setId("palette-list");
        list.setItems(vm.results());
        list.setFixedCellSize(34);
        list.setPrefSize(560, 34 * 10 + 4);
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label(i18n.get("keys.palette.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PaletteItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label kind = new Label(i18n.get("keys.palette.kind." + item.kind().name().toLowerCase(java.util.Locale.ROOT)));
                kind.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                kind.setMinWidth(90);
                Label detail = new Label(item.detail());
                detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                BorderPane row = new BorderPane(new Label(item.label()), null, detail, null, kind);
                BorderPane.setAlignment(row.getCenter(), javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
            }
        });
        list.setOnMouseClicked(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                vm.select(i);
                vm.runSelected();
            }
        });
        vm.selectedProperty().subscribe(i -> {
            if (i.intValue() >= 0) {
                list.getSelectionModel().clearAndSelect(i.intValue());
                list.scrollTo(Math.max(0, i.intValue() - 3));
            }
        });
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        VBox box = new VBox(6, field, list);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("command-palette");
        box.setId("command-palette");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setOnHidden(e -> vm.close());
        vm.openProperty().subscribe(open -> {
            if (open) {
                show();
            } else if (popup.isShowing()) {
                popup.hide();
            }
        });
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> vm.move(1);
            case UP -> vm.move(-1);
            case ENTER -> vm.runSelected();
            case ESCAPE -> vm.close();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void show() {
        if (owner.getScene() == null || popup.isShowing()) {
            return;
        }
        Window w = owner.getScene().getWindow();
        popup.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        popup.show(w, w.getX() + Math.max(0, (w.getWidth() - 576) / 2), w.getY() + 80);
        Platform.runLater(field::requestFocus);
    }

    public boolean isShowing() {
        return popup.isShowing();
    }
}
