package es.faro.client.ui.automation;

import es.faro.client.sync.AutomationApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.automation.AutomationRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's automation rules editor: the ordered list, and a form for one rule. Conditions are
 * edited one per line as {@code field op value, value} (e.g. {@code text contains fibra, router}),
 * actions one per line as {@code type value} (e.g. {@code add_label fibra}); the server validates.
 */
public final class RulesAdminViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RulesAdminViewModel.class);

    private final AutomationApi api;
    private final TaskRunner tasks;
    private final ObservableList<AutomationRule> rules = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AutomationRule> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final StringProperty trigger = new SimpleStringProperty(this, "trigger", AutomationRule.ON_MESSAGE);
    private final StringProperty conditions = new SimpleStringProperty(this, "conditions", "");
    private final StringProperty actions = new SimpleStringProperty(this, "actions", "");
    private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<String> serverMessage = new ReadOnlyObjectWrapper<>(this, "serverMessage");

    public RulesAdminViewModel(AutomationApi api, TaskRunner tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    public ObservableList<AutomationRule> rules() {
        return rules;
    }

    public ReadOnlyObjectProperty<AutomationRule> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty triggerProperty() {
        return trigger;
    }

    public StringProperty conditionsProperty() {
        return conditions;
    }

    public StringProperty actionsProperty() {
        return actions;
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The server's own explanation of the last refusal (e.g. "unknown label x"). */
    public ReadOnlyObjectProperty<String> serverMessageProperty() {
        return serverMessage.getReadOnlyProperty();
    }

    public void load() {
        tasks.run(api::rules, list -> {
            String keep = selected.get() == null ? null : selected.get().id();
            rules.setAll(list);
            rules.stream().filter(r -> r.id().equals(keep)).findFirst().ifPresent(this::select);
        }, e -> failed("automation.rules.error.load", e));
    }

    public void select(AutomationRule rule) {
        selected.set(rule);
        error.set(null);
        serverMessage.set(null);
        if (rule == null) {
            name.set("");
            enabled.set(true);
            trigger.set(AutomationRule.ON_MESSAGE);
            conditions.set("");
            actions.set("");
            return;
        }
        name.set(rule.name());
        enabled.set(Boolean.TRUE.equals(rule.enabled()));
        trigger.set(rule.trigger());
        conditions.set(formatConditions(rule.conditions()));
        actions.set(formatActions(rule.actions()));
    }

    /** Starts a new rule (saved at the end of the list). */
    public void newRule() {
        select(null);
    }

    public void save() {
        AutomationRule draft;
        try {
            AutomationRule current = selected.get();
            draft = new AutomationRule(current == null ? null : current.id(), name.get(), enabled.get(),
                    current == null ? null : current.position(), trigger.get(), parseConditions(conditions.get()),
                    parseActions(actions.get()), current != null && Boolean.TRUE.equals(current.stop()));
        } catch (IllegalArgumentException e) {
            error.set(UiText.of("automation.rules.error.syntax", e.getMessage()));
            return;
        }
        boolean isNew = draft.id() == null;
        tasks.run(() -> isNew ? api.createRule(draft) : api.updateRule(draft), saved -> {
            selected.set(saved);
            load();
        }, e -> failed("automation.rules.error.save", e));
    }

    public void delete() {
        AutomationRule current = selected.get();
        if (current == null) {
            return;
        }
        tasks.run(() -> {
            api.deleteRule(current.id());
            return current;
        }, gone -> {
            select(null);
            load();
        }, e -> failed("automation.rules.error.save", e));
    }

    /** Moves the selected rule one place earlier (-1) or later (+1). */
    public void move(int delta) {
        AutomationRule current = selected.get();
        if (current == null || current.position() == null) {
            return;
        }
        int to = Math.max(0, Math.min(rules.size() - 1, current.position() + delta));
        AutomationRule moved = current.withPosition(to);
        tasks.run(() -> api.updateRule(moved), saved -> {
            selected.set(saved);
            load();
        }, e -> failed("automation.rules.error.save", e));
    }

    private void failed(String key, Throwable e) {
        LOG.warn("rules editor: {}", key, e);
        error.set(UiText.of(key));
        serverMessage.set(e instanceof es.faro.client.sync.ApiException api && api.error() != null
                && api.error().error() != null ? api.error().error().message() : null);
    }

    // --- text form of conditions and actions ------------------------------------------------------

    static String formatConditions(List<AutomationRule.Condition> list) {
        return list.stream().map(c -> c.field() + " " + (c.op() == null ? "in" : c.op()) + " "
                + String.join(", ", c.values())).collect(Collectors.joining("\n"));
    }

    static String formatActions(List<AutomationRule.Action> list) {
        return list.stream().map(a -> a.type() + (a.value() == null ? "" : " " + a.value()))
                .collect(Collectors.joining("\n"));
    }

    /** {@code field op value, value} per line; a regex keeps its commas (one value). */
    static List<AutomationRule.Condition> parseConditions(String text) {
        List<AutomationRule.Condition> result = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                throw new IllegalArgumentException(line);
            }
            List<String> values = parts[1].equals("regex") ? List.of(parts[2].trim())
                    : Arrays.stream(parts[2].split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
            result.add(new AutomationRule.Condition(parts[0], parts[1], values));
        }
        return result;
    }

    /** {@code type value} per line ({@code raise_priority} may have no value). */
    static List<AutomationRule.Action> parseActions(String text) {
        List<AutomationRule.Action> result = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split("\\s+", 2);
            result.add(new AutomationRule.Action(parts[0], parts.length > 1 ? parts[1].trim() : null));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("—");
        }
        return result;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::trim)
                .filter(l -> !l.isEmpty()).toList();
    }
}
