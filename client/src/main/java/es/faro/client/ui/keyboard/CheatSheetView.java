package es.faro.client.ui.keyboard;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/** The {@code ?} cheat sheet: every action with a shortcut, by group, read from the registry when shown. */
public final class CheatSheetView {
    private final ActionRegistry registry;
    private final Node owner;
    private final I18n i18n;
    private final Popup popup = new Popup();

    public CheatSheetView(ActionRegistry registry, Node owner, I18n i18n) {
        this.registry = registry;
        this.owner = owner;
        this.i18n = i18n;
        popup.setAutoHide(true);
        popup.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            popup.hide();
            e.consume();
        });
    }

    public void show() {
        if (owner.getScene() == null) {
            return;
        }
        Map<String, List<AppAction>> groups = new LinkedHashMap<>();
        for (AppAction a : registry.actions()) {
            if (a.shortcut() != null) {
                groups.computeIfAbsent(a.groupKey(), g -> new ArrayList<>()).add(a);
            }
        }
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (Map.Entry<String, List<AppAction>> g : groups.entrySet()) {
            Label head = new Label(i18n.get(g.getKey()));
            head.getStyleClass().add(Styles.TITLE_4);
            head.setPadding(new Insets(row == 0 ? 0 : 8, 0, 2, 0));
            grid.add(head, 0, row++, 2, 1);
            for (AppAction a : g.getValue()) {
                Label key = new Label(Shortcuts.display(a.shortcut()));
                key.getStyleClass().add("shortcut-key");
                grid.addRow(row++, key, new Label(i18n.get(a.labelKey())));
            }
        }
        Label title = new Label(i18n.get("keys.cheatsheet.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label close = new Label(i18n.get("keys.cheatsheet.close"));
        close.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(8, title, grid, close);
        box.setPadding(new Insets(16));
        box.setId("cheat-sheet");
        box.getStyleClass().add("cheat-sheet");
        popup.getContent().setAll(box);
        Window w = owner.getScene().getWindow();
        popup.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        popup.show(w, w.getX() + Math.max(0, w.getWidth() / 2 - 260), w.getY() + 60);
    }

    public boolean isShowing() {
        return popup.isShowing();
    }
}
