package es.faro.client.ui.automation;

import es.faro.protocol.automation.AutomationRule;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One action of the rule being edited: its type and the one value it takes (a label, a priority, a
 * queue, an agent or a canned response id; none needed to raise priority without a cap).
 */
public final class ActionRow {
    /** The action types the server runs, in the order the editor offers them. */
    public static final List<String> TYPES = List.of("add_label", "set_priority", "raise_priority", "route_queue",
            "assign", "auto_reply");

    private final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type", "add_label");
    private final ObjectProperty<String> value = new SimpleObjectProperty<>(this, "value");

    public ActionRow() {
        type.addListener((o, was, now) -> value.set(null)); // a label id means nothing as a priority
    }

    public static ActionRow of(AutomationRule.Action a) {
        ActionRow row = new ActionRow();
        row.type.set(a.type());
        row.value.set(a.value());
        return row;
    }

    public AutomationRule.Action toAction() {
        String v = value.get() == null || value.get().isBlank() ? null : value.get();
        return new AutomationRule.Action(type.get(), v);
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public ObjectProperty<String> valueProperty() {
        return value;
    }
}
