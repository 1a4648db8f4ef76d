package es.faro.client.ui.automation;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.automation.AutomationRule;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The admin's rules editor: ordered list on the left, the selected rule's form on the right. */
public final class RulesAdminView {
    private final SplitPane root;

    public RulesAdminView(RulesAdminViewModel vm, I18n i18n) {
        ListView<AutomationRule> list = new ListView<>(vm.rules());
        list.setId("rules-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AutomationRule r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : (r.position() == null ? "" : (r.position() + 1) + ". ") + r.name()
                        + (Boolean.TRUE.equals(r.enabled()) ? "" : " — " + i18n.get("automation.rules.disabled")));
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(r -> {
            if (r != null && r != vm.selectedProperty().get()) {
                vm.select(r);
            }
        });

        TextField name = new TextField();
        name.setId("rule-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        CheckBox enabled = new CheckBox(i18n.get("automation.rules.enabled"));
        enabled.setId("rule-enabled");
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());
        ComboBox<String> trigger = new ComboBox<>();
        trigger.setId("rule-trigger");
        trigger.getItems().addAll(AutomationRule.ON_MESSAGE, AutomationRule.ON_CHANGE);
        trigger.valueProperty().bindBidirectional(vm.triggerProperty());
        TextArea conditions = new TextArea();
        conditions.setId("rule-conditions");
        conditions.setPrefRowCount(5);
        conditions.textProperty().bindBidirectional(vm.conditionsProperty());
        TextArea actions = new TextArea();
        actions.setId("rule-actions");
        actions.setPrefRowCount(4);
        actions.textProperty().bindBidirectional(vm.actionsProperty());
        Label help = new Label(i18n.get("automation.rules.help"));
        help.setWrapText(true);
        help.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label error = new Label();
        error.setId("rule-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        Runnable renderError = () -> error.setText(vm.errorProperty().get() == null ? ""
                : i18n.get(vm.errorProperty().get()) + (vm.serverMessageProperty().get() == null ? ""
                : ": " + vm.serverMessageProperty().get()));
        vm.errorProperty().subscribe(e -> renderError.run());
        vm.serverMessageProperty().subscribe(m -> renderError.run());

        Button save = button("rule-save", i18n.get("automation.rules.save"), vm::save, Styles.ACCENT);
        Button create = button("rule-new", i18n.get("automation.rules.new"), vm::newRule, Styles.BUTTON_OUTLINED);
        Button delete = button("rule-delete", i18n.get("automation.rules.delete"), vm::delete, Styles.DANGER);
        Button up = button("rule-up", "↑", () -> vm.move(-1), Styles.BUTTON_OUTLINED);
        Button down = button("rule-down", "↓", () -> vm.move(1), Styles.BUTTON_OUTLINED);
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        up.disableProperty().bind(vm.selectedProperty().isNull());
        down.disableProperty().bind(vm.selectedProperty().isNull());

        VBox form = new VBox(6, new Label(i18n.get("automation.rules.name")), name, new HBox(12, enabled, trigger),
                new Label(i18n.get("automation.rules.conditions")), conditions,
                new Label(i18n.get("automation.rules.actions")), actions, help, error,
                new HBox(8, save, create, delete, up, down));
        form.setPadding(new Insets(12));
        root = new SplitPane(list, form);
        root.setDividerPositions(0.38);
        root.setId("rules-admin");
        root.setPrefSize(860, 560);
    }

    private static Button button(String id, String text, Runnable action, String style) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(style);
        b.setOnAction(e -> action.run());
        return b;
    }

    public Parent root() {
        return root;
    }
}
