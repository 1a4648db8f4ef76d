package es.faro.client.ui.settings;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.Theme;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The settings form: theme, text size, language, notifications. Every control is bound to the view
 * model, which applies the change to the window at once; there is nothing to confirm.
 */
public final class SettingsView {
    private final VBox root;

    public SettingsView(SettingsViewModel vm, I18n i18n) {
        ToggleGroup themes = new ToggleGroup();
        RadioButton light = new RadioButton(i18n.get("settings.theme.light"));
        light.setId("settings-theme-light");
        light.setToggleGroup(themes);
        light.setUserData(Theme.LIGHT);
        RadioButton dark = new RadioButton(i18n.get("settings.theme.dark"));
        dark.setId("settings-theme-dark");
        dark.setToggleGroup(themes);
        dark.setUserData(Theme.DARK);
        vm.themeProperty().subscribe(t -> themes.selectToggle(t == Theme.DARK ? dark : light));
        themes.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                vm.themeProperty().set((Theme) t.getUserData());
            }
        });
        Label themeLabel = label(i18n.get("settings.theme"), light);

        Spinner<Integer> font = new Spinner<>();
        font.setId("settings-font-size");
        SpinnerValueFactory.IntegerSpinnerValueFactory sizes = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                SettingsViewModel.MIN_FONT, SettingsViewModel.MAX_FONT, vm.fontSizeProperty().get());
        font.setValueFactory(sizes);
        font.setEditable(true);
        font.setPrefWidth(110);
        sizes.valueProperty().subscribe(v -> {
            if (v != null) {
                vm.fontSizeProperty().set(v);
            }
        });
        vm.fontSizeProperty().subscribe(v -> sizes.setValue(v.intValue()));
        font.setAccessibleText(i18n.get("settings.fontSize"));
        font.setTooltip(new Tooltip(i18n.get("settings.fontSize.tip")));
        Label fontUnit = new Label(i18n.get("settings.fontSize.unit"));
        fontUnit.getStyleClass().add(Styles.TEXT_MUTED);
        Label fontLabel = label(i18n.get("settings.fontSize"), font);

        ComboBox<String> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll(SettingsViewModel.LANGUAGES);
        language.setCellFactory(l -> new LanguageCell(i18n));
        language.setButtonCell(new LanguageCell(i18n));
        language.setValue(vm.languageProperty().get());
        language.valueProperty().subscribe(v -> {
            if (v != null && !v.equals(vm.languageProperty().get())) {
                vm.languageProperty().set(v);
            }
        });
        language.setAccessibleText(i18n.get("settings.language"));
        Label languageLabel = label(i18n.get("settings.language"), language);

        CheckBox notify = new CheckBox(i18n.get("settings.notifications"));
        notify.setId("settings-notifications");
        notify.selectedProperty().bindBidirectional(vm.notificationsProperty());
        CheckBox sound = new CheckBox(i18n.get("settings.sound"));
        sound.setId("settings-sound");
        sound.selectedProperty().bindBidirectional(vm.soundProperty());
        sound.disableProperty().bind(vm.notificationsProperty().not());
        Label notifyLabel = new Label(i18n.get("settings.notifications.title"));

        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        grid.setHgap(16);
        grid.setVgap(14);
        grid.addRow(0, themeLabel, new HBox(16, light, dark));
        grid.addRow(1, fontLabel, new HBox(8, font, fontUnit));
        grid.addRow(2, languageLabel, language);
        grid.addRow(3, notifyLabel, new VBox(8, notify, sound));
        for (javafx.scene.Node n : grid.getChildren()) {
            if (n instanceof HBox h) {
                h.setAlignment(Pos.CENTER_LEFT);
            }
        }

        Label title = new Label(i18n.get("settings.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(i18n.get("settings.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        root = new VBox(18, title, grid, hint);
        root.setId("settings");
        root.setPadding(new Insets(8, 8, 0, 8));
        root.setPrefWidth(520);
    }

    private static Label label(String text, javafx.scene.Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        return l;
    }

    public Parent root() {
        return root;
    }

    private static final class LanguageCell extends ListCell<String> {
        private final I18n i18n;

        LanguageCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            // Each language in its own words, so someone lost in the wrong one can find theirs.
            setText(empty || item == null ? null : i18n.get("settings.language." + item));
        }
    }
}
