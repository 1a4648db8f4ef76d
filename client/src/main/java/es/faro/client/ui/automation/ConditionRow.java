package es.faro.client.ui.automation;

import es.faro.protocol.automation.AutomationRule;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One condition of the rule being edited. Which value the row holds depends on its field: a set of
 * choices (brand, channel, priority, label, weekday), words or a pattern typed in (text, customer),
 * a number (followers) or a time range (time). {@link #toCondition} gives the server's shape.
 */
public final class ConditionRow {
    /** The fields the server's rule engine knows, in the order the editor offers them. */
    public static final List<String> FIELDS = List.of("brand", "channel", "text", "customer", "priority", "label",
            "followers", "tone", "weekday", "time");
    /** Fields whose value is a set of choices from a list. */
    static final List<String> CHOICE_FIELDS = List.of("brand", "channel", "priority", "label", "weekday");
    public static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private final ObjectProperty<String> field = new SimpleObjectProperty<>(this, "field", "brand");
    private final ObjectProperty<String> op = new SimpleObjectProperty<>(this, "op", "in");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty to = new SimpleStringProperty(this, "to", "");

    public ConditionRow() {
        // A new field keeps nothing of the old one's value, and starts on an operator it accepts.
        field.addListener((o, was, now) -> {
            choices.clear();
            text.set("");
            from.set("");
            to.set("");
            if (!ops(now).contains(op.get())) {
                op.set(ops(now).get(0));
            }
        });
    }

    /** The operators the server accepts for a field (the first is the default). */
    public static List<String> ops(String field) {
        if (field == null) {
            return List.of("in");
        }
        return switch (field) {
            case "text" -> List.of("contains", "regex");
            case "followers" -> List.of("gte");
            case "tone" -> List.of("in");
            default -> List.of("in", "not_in");
        };
    }

    public static ConditionRow of(AutomationRule.Condition c) {
        ConditionRow row = new ConditionRow();
        row.field.set(c.field());
        row.op.set(c.op() == null ? ops(c.field()).get(0) : c.op());
        List<String> values = c.values();
        if (CHOICE_FIELDS.contains(c.field())) {
            row.choices.setAll(values);
        } else if ("time".equals(c.field()) && !values.isEmpty()) {
            String[] parts = values.get(0).split("-", 2);
            row.from.set(parts[0].trim());
            row.to.set(parts.length > 1 ? parts[1].trim() : "");
        } else if ("regex".equals(row.op.get())) {
            row.text.set(values.isEmpty() ? "" : values.get(0));
        } else {
            row.text.set(String.join(", ", values));
        }
        return row;
    }

    /** The values as the server wants them: a regex keeps its commas; words and handles split on commas. */
    public List<String> values() {
        String f = field.get();
        if (CHOICE_FIELDS.contains(f)) {
            return List.copyOf(choices);
        }
        if ("tone".equals(f)) {
            return List.of("angry");
        }
        if ("time".equals(f)) {
            return from.get().isBlank() && to.get().isBlank() ? List.of() : List.of(from.get().trim() + "-" + to.get().trim());
        }
        String t = text.get() == null ? "" : text.get().trim();
        if ("regex".equals(op.get()) || "followers".equals(f)) {
            return t.isEmpty() ? List.of() : List.of(t);
        }
        return Arrays.stream(t.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    public AutomationRule.Condition toCondition() {
        return new AutomationRule.Condition(field.get(), op.get(), values());
    }

    public ObjectProperty<String> fieldProperty() {
        return field;
    }

    public ObjectProperty<String> opProperty() {
        return op;
    }

    public ObservableList<String> choices() {
        return choices;
    }

    /** Words (text contains), a pattern (regex), handles (customer) or a number (followers). */
    public StringProperty textProperty() {
        return text;
    }

    /** The start of a time range, HH:mm (Madrid time). */
    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }
}
