package es.faro.client.app;

import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.NotificationCenter;
import es.faro.client.ui.common.NotificationOverlay;
import es.faro.client.ui.common.SyncProgressView;
import es.faro.client.ui.common.Theme;
import es.faro.client.ui.settings.SettingsView;
import es.faro.client.ui.settings.SettingsViewModel;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * The window's frame around whatever screen shows (start-up, login, workstation): the menu bar
 * with its keyboard shortcuts, the sync progress line, the notification corner, and the live
 * look-and-feel (theme, font size, language) from the settings. Screens are given as functions
 * of the texts, so a language switch rebuilds the current screen from its same view models.
 */
final class DesktopShell {
    /** What the menu does; the composition root knows how. */
    interface Actions {
        void signOut();

        void about();

        void quit();
    }

    private final Stage stage;
    private final SettingsViewModel settings;
    private final Actions actions;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final VBox top = new VBox();
    private final SyncProgressView progress;
    private final NotificationOverlay overlay;
    private final BooleanProperty signedIn = new SimpleBooleanProperty(this, "signedIn");
    private I18n i18n;
    private Function<I18n, Parent> screen;
    private int warningCount;
    private Dialog<?> openDialog;

    DesktopShell(Stage stage, SettingsViewModel settings, NotificationCenter notices, I18n i18n, Actions actions) {
        this.stage = stage;
        this.settings = settings;
        this.actions = actions;
        this.i18n = i18n;
        this.progress = new SyncProgressView(i18n);
        this.overlay = new NotificationOverlay(notices, i18n);
        root.setId("faro-root");
        root.getStyleClass().add("faro-root");
        frame.setTop(top);
        root.getChildren().addAll(frame, overlay.root());
        StackPane.setAlignment(overlay.root(), javafx.geometry.Pos.TOP_RIGHT);
        rebuildChrome();
        settings.fontSizeProperty().subscribe(px -> root.setStyle("-fx-font-size: " + px.intValue() + "px;"));
    }

    Parent root() {
        return root;
    }

    I18n i18n() {
        return i18n;
    }

    SyncProgressView progress() {
        return progress;
    }

    BooleanProperty signedInProperty() {
        return signedIn;
    }

    /** Shows a screen, built now with the current texts and again after a language switch. */
    void show(Function<I18n, Parent> next) {
        screen = next;
        frame.setCenter(next.apply(i18n));
    }

    Node content() {
        return frame.getCenter();
    }

    /** New texts everywhere: menu, progress, notices, title, the current screen and an open settings dialog. */
    void setI18n(I18n next, java.util.function.Consumer<Node> beforeRebuild) {
        this.i18n = next;
        progress.setI18n(next);
        overlay.setI18n(next);
        rebuildChrome();
        if (screen != null) {
            beforeRebuild.accept(frame.getCenter());
            frame.setCenter(screen.apply(next));
        }
        if (openDialog != null && openDialog.isShowing() && "settings".equals(openDialog.getDialogPane().getId())) {
            Dialog<?> d = openDialog;
            Platform.runLater(() -> {
                d.close();
                openSettings();
            });
        }
    }

    void setWarningCount(int count) {
        warningCount = count;
        updateTitle();
    }

    private void updateTitle() {
        String name = i18n.get("app.name");
        stage.setTitle(warningCount > 0 ? name + " (" + warningCount + ")" : name);
    }

    private void rebuildChrome() {
        MenuItem prefs = item("menu.settings", "menu-settings", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                this::openSettings);
        MenuItem signOut = item("menu.signOut", "menu-sign-out",
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), actions::signOut);
        signOut.disableProperty().bind(signedIn.not());
        MenuItem quit = item("menu.quit", "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                actions::quit);
        Menu file = new Menu(i18n.get("menu.faro"), null, prefs, new SeparatorMenuItem(), signOut, quit);
        file.setId("menu-faro");

        MenuItem theme = item("menu.theme", "menu-theme",
                new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), settings::toggleTheme);
        MenuItem larger = item("menu.larger", "menu-larger", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                settings::larger);
        MenuItem smaller = item("menu.smaller", "menu-smaller", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                settings::smaller);
        MenuItem reset = item("menu.resetFont", "menu-reset-font", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                settings::resetFont);
        Menu view = new Menu(i18n.get("menu.view"), null, theme, new SeparatorMenuItem(), larger, smaller, reset);
        view.setId("menu-view");

        MenuItem about = item("menu.about", "menu-about", new KeyCodeCombination(KeyCode.F1), actions::about);
        Menu help = new Menu(i18n.get("menu.help"), null, about);
        help.setId("menu-help");

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        bar.setAccessibleText(i18n.get("menu.bar"));
        top.getChildren().setAll(bar, progress.root());
        updateTitle();
    }

    private MenuItem item(String key, String id, KeyCombination shortcut, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId(id);
        item.setAccelerator(shortcut);
        item.setOnAction(e -> action.run());
        return item;
    }

    void openSettings() {
        if (openDialog != null && openDialog.isShowing()) {
            openDialog.close();
        }
        Dialog<Void> dialog = dialog("settings", i18n.get("settings.title"), new SettingsView(settings, i18n).root());
        dialog.show();
    }

    /** A dialog over the window carrying the app stylesheet and the current font size (the theme is global). */
    Dialog<Void> dialog(String id, String title, Parent content) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("dialog.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStylesheets().add(Theme.appStylesheet());
        dialog.getDialogPane().styleProperty().bind(root.styleProperty());
        openDialog = dialog;
        return dialog;
    }
}
