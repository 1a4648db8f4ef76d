package es.faro.client.ui.automation;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.CheckCombos;
import es.faro.client.ui.common.DisplayConverter;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Workqueue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * One condition or action row of the rules editor: a field (or action type) picker, an operator,
 * and the control that suits the value — a check-combo of brands, channels, priorities, labels or
 * days, a text field for words, a pattern, handles or a number, two times for a range, a picker of
 * labels, priorities, queues, agents or canned responses for an action. Ids are
 * {@code rule-condition-N-*} and {@code rule-action-N-*} (N from 0).
 */
final class RuleRowViews {
    private final RulesAdminViewModel vm;
    private final I18n i18n;

    RuleRowViews(RulesAdminViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    Node condition(ConditionRow row, int n) {
        String id = "rule-condition-" + n;
        ComboBox<String> field = new ComboBox<>();
        field.setId(id + "-field");
        field.getItems().setAll(ConditionRow.FIELDS);
        field.setConverter(DisplayConverter.nonNull(f -> i18n.get("automation.field." + f)));
        field.valueProperty().bindBidirectional(row.fieldProperty());
        field.setPrefWidth(215);
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ComboBox<String> op = new ComboBox<>();
        op.setId(id + "-op");
        op.setConverter(DisplayConverter.nonNull(o -> i18n.get("automation.op." + o)));
        op.setPrefWidth(190);
        op.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox value = new HBox(6);
        value.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(value, javafx.scene.layout.Priority.ALWAYS);
        Runnable redraw = () -> {
            op.getItems().setAll(ConditionRow.ops(row.fieldProperty().get()));
            op.setValue(row.opProperty().get());
            op.setDisable(op.getItems().size() < 2);
            value.getChildren().setAll(conditionValue(row, id));
        };
        redraw.run();
        op.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(row.opProperty().get())) {
                row.opProperty().set(now);
                value.getChildren().setAll(conditionValue(row, id)); // words become a pattern and back
            }
        });
        row.fieldProperty().addListener((o, was, now) -> redraw.run());
        HBox box = new HBox(6, field, op, value, mover(id, () -> vm.moveCondition(row, -1),
                () -> vm.moveCondition(row, 1), () -> vm.removeCondition(row), n, vm.conditions().size()));
        box.setId(id);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("rule-row");
        return box;
    }

    private Node conditionValue(ConditionRow row, String id) {
        RuleOptions o = vm.optionsProperty().get();
        String none = i18n.get("automation.value.pick");
        String field = row.fieldProperty().get();
        Node control = switch (field == null ? "" : field) {
            case "brand" -> CheckCombos.of(id + "-value", o.brands().stream().map(Brand::id).toList(),
                    b -> o.brands().stream().filter(x -> x.id().equals(b)).map(Brand::name).findFirst().orElse(b),
                    row.choices(), none);
            case "channel" -> CheckCombos.of(id + "-value", Arrays.stream(Channel.values()).map(Channel::name).toList(),
                    c -> channelName(c), row.choices(), none);
            case "priority" -> CheckCombos.of(id + "-value", Arrays.stream(Priority.values()).map(Priority::name).toList(),
                    p -> i18n.get("priority." + p.toLowerCase(Locale.ROOT)), row.choices(), none);
            case "label" -> CheckCombos.of(id + "-value", o.labels().stream().map(Label::id).toList(),
                    l -> o.labels().stream().filter(x -> x.id().equals(l)).map(Label::name).findFirst().orElse(l),
                    row.choices(), none);
            case "weekday" -> CheckCombos.of(id + "-value", ConditionRow.WEEKDAYS,
                    d -> i18n.get("automation.day." + d.toLowerCase(Locale.ROOT)), row.choices(), none);
            case "tone" -> {
                javafx.scene.control.Label angry = new javafx.scene.control.Label(i18n.get("automation.value.angry"));
                angry.setId(id + "-value");
                yield angry;
            }
            case "time" -> {
                TextField from = time(id + "-from", row.fromProperty());
                TextField to = time(id + "-to", row.toProperty());
                javafx.scene.control.Label dash = new javafx.scene.control.Label("–");
                Tooltip zone = new Tooltip(i18n.get("automation.value.timeZone"));
                from.setTooltip(zone);
                to.setTooltip(zone);
                HBox range = new HBox(6, from, dash, to);
                range.setAlignment(Pos.CENTER_LEFT);
                yield range;
            }
            default -> {
                TextField text = new TextField();
                text.setId(id + "-value");
                text.setPromptText(i18n.get("automation.prompt." + field
                        + ("regex".equals(row.opProperty().get()) ? ".regex" : "")));
                text.textProperty().bindBidirectional(row.textProperty());
                HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
                yield text;
            }
        };
        if (control instanceof javafx.scene.layout.Region r && !(control instanceof HBox)) {
            r.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(r, javafx.scene.layout.Priority.ALWAYS);
        }
        return control;
    }

    Node action(ActionRow row, int n) {
        String id = "rule-action-" + n;
        ComboBox<String> type = new ComboBox<>();
        type.setId(id + "-type");
        type.getItems().setAll(ActionRow.TYPES);
        type.setConverter(DisplayConverter.nonNull(t -> i18n.get("automation.action." + t)));
        type.valueProperty().bindBidirectional(row.typeProperty());
        type.setPrefWidth(340);
        type.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ComboBox<String> value = new ComboBox<>();
        value.setId(id + "-value");
        value.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(value, javafx.scene.layout.Priority.ALWAYS);
        Runnable fill = () -> {
            Map<String, String> choices = actionChoices(row.typeProperty().get());
            value.getItems().setAll(choices.keySet());
            // Something the rule names that is no longer offered stays visible, so it can be seen and replaced.
            if (row.valueProperty().get() != null && !choices.containsKey(row.valueProperty().get())) {
                value.getItems().add(row.valueProperty().get());
            }
            value.setConverter(DisplayConverter.nonNull(v -> choices.getOrDefault(v, v)));
            value.setPromptText(i18n.get("automation.prompt.action." + row.typeProperty().get()));
            value.setValue(row.valueProperty().get());
        };
        fill.run();
        value.valueProperty().addListener((o, was, now) -> {
            if (now != null || !value.getItems().isEmpty()) {
                row.valueProperty().set(now);
            }
        });
        row.typeProperty().addListener((o, was, now) -> fill.run());
        HBox box = new HBox(6, type, value, mover(id, () -> vm.moveAction(row, -1), () -> vm.moveAction(row, 1),
                () -> vm.removeAction(row), n, vm.actions().size()));
        box.setId(id);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("rule-row");
        return box;
    }

    /** The values an action type takes, id → what the admin reads. */
    private Map<String, String> actionChoices(String type) {
        RuleOptions o = vm.optionsProperty().get();
        Map<String, String> m = new LinkedHashMap<>();
        switch (type == null ? "" : type) {
            case "add_label" -> o.labels().forEach(l -> m.put(l.id(), l.name()));
            case "set_priority", "raise_priority" -> Arrays.stream(Priority.values())
                    .forEach(p -> m.put(p.name(), i18n.get("priority." + p.name().toLowerCase(Locale.ROOT))));
            case "route_queue" -> o.queues().forEach((Workqueue q) -> m.put(q.id(), q.name()));
            case "assign" -> o.agents().forEach((Agent a) -> m.put(a.id(), a.name()));
            case "auto_reply" -> o.canned().forEach((CannedResponse c) -> m.put(c.id(), c.title()
                    + (c.brandId() == null ? "" : " · " + c.brandId()) + (c.language() == null ? "" : " · " + c.language())));
            default -> { }
        }
        return m;
    }

    private String channelName(String channel) {
        try {
            return i18n.get(ChannelIcons.nameKey(Channel.valueOf(channel)));
        } catch (IllegalArgumentException e) {
            return channel;
        }
    }

    private TextField time(String id, javafx.beans.property.StringProperty target) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText("09:00");
        t.setPrefColumnCount(5);
        t.textProperty().bindBidirectional(target);
        return t;
    }

    private HBox mover(String id, Runnable up, Runnable down, Runnable remove, int n, int size) {
        Button earlier = icon(id + "-up", new FontIcon(Material2OutlinedAL.ARROW_UPWARD), up,
                i18n.get("automation.rules.rowEarlier"));
        earlier.setDisable(n == 0);
        Button later = icon(id + "-down", new FontIcon(Material2OutlinedAL.ARROW_DOWNWARD), down,
                i18n.get("automation.rules.rowLater"));
        later.setDisable(n == size - 1);
        Button drop = icon(id + "-remove", new FontIcon(Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE), remove,
                i18n.get("automation.rules.rowRemove"));
        drop.getStyleClass().add(Styles.DANGER);
        HBox box = new HBox(2, earlier, later, drop);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }

    private static Button icon(String id, FontIcon icon, Runnable action, String tip) {
        Button b = new Button(null, icon);
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
