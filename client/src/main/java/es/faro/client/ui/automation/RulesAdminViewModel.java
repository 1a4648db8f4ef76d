package es.faro.client.ui.automation;

import es.faro.client.sync.AutomationApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.automation.AutomationRule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's automation rules editor: the ordered list, and a structured form for one rule — the
 * trigger, condition rows (field, operator, value) and action rows (type, value) that can be added,
 * removed and reordered. The rule is checked here as the server would ({@link RuleProblems}); the
 * server's own 400 message is kept for what only it can know.
 */
public final class RulesAdminViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RulesAdminViewModel.class);

    private final AutomationApi api;
    private final TaskRunner tasks;
    private final Callable<RuleOptions> optionsSource;
    private final ObservableList<AutomationRule> rules = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AutomationRule> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final BooleanProperty stop = new SimpleBooleanProperty(this, "stop", false);
    private final StringProperty trigger = new SimpleStringProperty(this, "trigger", AutomationRule.ON_MESSAGE);
    private final ObservableList<ConditionRow> conditions = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> actions = FXCollections.observableArrayList();
    private final ObjectProperty<RuleOptions> options = new SimpleObjectProperty<>(this, "options", RuleOptions.NONE);
    private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<String> serverMessage = new ReadOnlyObjectWrapper<>(this, "serverMessage");

    /** Without pickers' lists (tests of the server round trip); the server still checks every reference. */
    public RulesAdminViewModel(AutomationApi api, TaskRunner tasks) {
        this(api, tasks, () -> RuleOptions.NONE);
    }

    /** {@code options} is read off the UI thread on {@link #load} (it may read the local cache). */
    public RulesAdminViewModel(AutomationApi api, TaskRunner tasks, Callable<RuleOptions> options) {
        this.api = api;
        this.tasks = tasks;
        this.optionsSource = options;
        newRule();
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

    /** Whether no later rule runs once this one matched. */
    public BooleanProperty stopProperty() {
        return stop;
    }

    public StringProperty triggerProperty() {
        return trigger;
    }

    public ObservableList<ConditionRow> conditions() {
        return conditions;
    }

    public ObservableList<ActionRow> actions() {
        return actions;
    }

    /** The brands, labels, queues, agents and canned responses the pickers offer. */
    public ReadOnlyObjectProperty<RuleOptions> optionsProperty() {
        return options;
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The server's own explanation of the last refusal (e.g. "unknown label x"). */
    public ReadOnlyObjectProperty<String> serverMessageProperty() {
        return serverMessage.getReadOnlyProperty();
    }

    public void load() {
        tasks.run(optionsSource, options::set, e -> LOG.warn("rules editor: the pickers' lists did not load", e));
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
            stop.set(false);
            trigger.set(AutomationRule.ON_MESSAGE);
            conditions.setAll(new ConditionRow());
            actions.setAll(new ActionRow());
            return;
        }
        name.set(rule.name());
        enabled.set(Boolean.TRUE.equals(rule.enabled()));
        stop.set(Boolean.TRUE.equals(rule.stop()));
        trigger.set(rule.trigger());
        conditions.setAll(rule.conditions().stream().map(ConditionRow::of).toList());
        actions.setAll(rule.actions().stream().map(ActionRow::of).toList());
    }

    /** Starts a new rule (saved at the end of the list) with one empty condition and one empty action. */
    public void newRule() {
        select(null);
    }

    // --- rows --------------------------------------------------------------------------------

    public ConditionRow addCondition() {
        ConditionRow row = new ConditionRow();
        conditions.add(row);
        return row;
    }

    public void removeCondition(ConditionRow row) {
        conditions.remove(row);
    }

    public void moveCondition(ConditionRow row, int delta) {
        move(conditions, row, delta);
    }

    public ActionRow addAction() {
        ActionRow row = new ActionRow();
        actions.add(row);
        return row;
    }

    public void removeAction(ActionRow row) {
        actions.remove(row);
    }

    /** Actions apply in order (e.g. label, then route): the order is the admin's to set. */
    public void moveAction(ActionRow row, int delta) {
        move(actions, row, delta);
    }

    private static <T> void move(ObservableList<T> list, T row, int delta) {
        int from = list.indexOf(row);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= list.size()) {
            return;
        }
        list.remove(from);
        list.add(to, row);
    }

    // --- saving ------------------------------------------------------------------------------

    /** What is wrong with the rule as it stands, in words; empty when it can be saved. */
    public Optional<UiText> problem() {
        return RuleProblems.of(name.get(), trigger.get(), conditions, actions, options.get());
    }

    public void save() {
        serverMessage.set(null);
        Optional<UiText> problem = problem();
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        error.set(null);
        AutomationRule current = selected.get();
        AutomationRule draft = new AutomationRule(current == null ? null : current.id(), name.get().trim(),
                enabled.get(), current == null ? null : current.position(), trigger.get(),
                conditions.stream().map(ConditionRow::toCondition).toList(),
                actions.stream().map(ActionRow::toAction).toList(), stop.get());
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

    /** Moves the selected rule one place earlier (-1) or later (+1): rules run in this order. */
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

    /** Turns the selected rule on or off straight away (the list's quick switch). */
    public void setEnabled(AutomationRule rule, boolean on) {
        AutomationRule changed = new AutomationRule(rule.id(), rule.name(), on, rule.position(), rule.trigger(),
                rule.conditions(), rule.actions(), rule.stop());
        tasks.run(() -> api.updateRule(changed), saved -> load(), e -> failed("automation.rules.error.save", e));
    }

    private void failed(String key, Throwable e) {
        LOG.warn("rules editor: {}", key, e);
        error.set(UiText.of(key));
        serverMessage.set(e instanceof es.faro.client.sync.ApiException api && api.error() != null
                && api.error().error() != null ? api.error().error().message() : null);
    }

    /** For tests and the list's tooltip: a rule's conditions in a compact line. */
    static String summary(List<AutomationRule.Condition> list) {
        return String.join(" · ", list.stream().map(c -> c.field() + " " + c.op() + " " + String.join(", ", c.values()))
                .toList());
    }
}
