package es.faro.client.ui.automation;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.automation.AutomationRule;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The admin's rules editor: the ordered list on the left (rules run top to bottom), the selected
 * rule on the right as a trigger, condition rows and action rows, each row with its own controls
 * ({@link RuleRowViews}) and buttons to move or remove it.
 */
public final class RulesAdminView {
    private final javafx.scene.layout.BorderPane root;

    public RulesAdminView(RulesAdminViewModel vm, I18n i18n) {
        ListView<AutomationRule> list = new ListView<>(vm.rules());
        list.setId("rules-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AutomationRule r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : (r.position() == null ? "" : (r.position() + 1) + ". ") + r.name()
                        + (Boolean.TRUE.equals(r.enabled()) ? "" : " — " + i18n.get("automation.rules.disabled")));
                setTooltip(empty || r == null ? null : new Tooltip(RulesAdminViewModel.summary(r.conditions())));
                getStyleClass().remove("rule-off");
                if (!empty && r != null && !Boolean.TRUE.equals(r.enabled())) {
                    getStyleClass().add("rule-off");
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(r -> {
            if (r != null && r != vm.selectedProperty().get()) {
                vm.select(r);
            }
        });
        Button up = button("rule-up", null, () -> vm.move(-1), Styles.BUTTON_OUTLINED);
        up.setGraphic(new FontIcon(Material2OutlinedAL.ARROW_UPWARD));
        up.setTooltip(new Tooltip(i18n.get("automation.rules.earlier")));
        Button down = button("rule-down", null, () -> vm.move(1), Styles.BUTTON_OUTLINED);
        down.setGraphic(new FontIcon(Material2OutlinedAL.ARROW_DOWNWARD));
        down.setTooltip(new Tooltip(i18n.get("automation.rules.later")));
        up.disableProperty().bind(vm.selectedProperty().isNull());
        down.disableProperty().bind(vm.selectedProperty().isNull());
        Label orderHelp = new Label(i18n.get("automation.rules.orderHelp"));
        orderHelp.setWrapText(true);
        orderHelp.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox left = new VBox(6, list, new HBox(6, up, down), orderHelp);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(12, 6, 12, 12));
        left.setMinWidth(220);

        TextField name = new TextField();
        name.setId("rule-name");
        name.setPromptText(i18n.get("automation.rules.namePrompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        CheckBox enabled = new CheckBox(i18n.get("automation.rules.enabled"));
        enabled.setId("rule-enabled");
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());
        CheckBox stop = new CheckBox(i18n.get("automation.rules.stop"));
        stop.setId("rule-stop");
        stop.setTooltip(new Tooltip(i18n.get("automation.rules.stopTip")));
        stop.selectedProperty().bindBidirectional(vm.stopProperty());
        ComboBox<String> trigger = new ComboBox<>();
        trigger.setId("rule-trigger");
        trigger.getItems().addAll(AutomationRule.ON_MESSAGE, AutomationRule.ON_CHANGE);
        trigger.setConverter(es.faro.client.ui.common.DisplayConverter.nonNull(t -> i18n.get("automation.trigger." + t)));
        trigger.valueProperty().bindBidirectional(vm.triggerProperty());

        RuleRowViews rows = new RuleRowViews(vm, i18n);
        VBox conditions = new VBox(6);
        conditions.setId("rule-conditions");
        Runnable drawConditions = () -> conditions.getChildren().setAll(vm.conditions().stream()
                .map(r -> rows.condition(r, vm.conditions().indexOf(r))).toList());
        vm.conditions().addListener((ListChangeListener<ConditionRow>) c -> drawConditions.run());
        VBox actions = new VBox(6);
        actions.setId("rule-actions");
        Runnable drawActions = () -> actions.getChildren().setAll(vm.actions().stream()
                .map(r -> rows.action(r, vm.actions().indexOf(r))).toList());
        vm.actions().addListener((ListChangeListener<ActionRow>) c -> drawActions.run());
        // The pickers' lists arrive after the window opens: redraw the rows with them.
        vm.optionsProperty().subscribe(o -> {
            drawConditions.run();
            drawActions.run();
        });
        Label noConditions = new Label(i18n.get("automation.rules.always"));
        noConditions.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        noConditions.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.conditions()));
        noConditions.managedProperty().bind(noConditions.visibleProperty());
        Button addCondition = button("rule-add-condition", i18n.get("automation.rules.addCondition"),
                vm::addCondition, Styles.FLAT);
        addCondition.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        Button addAction = button("rule-add-action", i18n.get("automation.rules.addAction"), vm::addAction, Styles.FLAT);
        addAction.setGraphic(new FontIcon(Material2OutlinedAL.ADD));

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
        Button create = button("rule-new", i18n.get("automation.rules.new"), () -> {
            list.getSelectionModel().clearSelection();
            vm.newRule();
        }, Styles.BUTTON_OUTLINED);
        Button delete = button("rule-delete", i18n.get("automation.rules.delete"), vm::delete, Styles.DANGER);
        delete.disableProperty().bind(vm.selectedProperty().isNull());

        HBox switches = new HBox(16, trigger, enabled, stop);
        switches.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(8,
                heading(i18n.get("automation.rules.name")), name,
                heading(i18n.get("automation.rules.when")), switches,
                heading(i18n.get("automation.rules.if")), noConditions, conditions, addCondition,
                heading(i18n.get("automation.rules.then")), actions, addAction,
                error, new HBox(8, save, create, delete));
        form.setPadding(new Insets(12));
        form.getStyleClass().add("rule-form");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.3);
        split.setId("rules-admin");
        // A split pane paints no background of its own: the border pane takes the theme's (dark or light).
        root = new javafx.scene.layout.BorderPane(split);
        root.setPrefSize(1240, 660);
        drawConditions.run();
        drawActions.run();
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    static Button button(String id, String text, Runnable action, String style) {
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
