package es.faro.protocol.automation;

import java.util.List;

/**
 * An automation rule: when {@code trigger} happens ({@code message}: a customer message arrived;
 * {@code change}: an agent changed the conversation) and every condition holds, the actions apply in
 * order. Rules run by {@code position} (null in a new rule: last); {@code stop} ends the evaluation after this rule matched.
 */
public record AutomationRule(String id, String name, Boolean enabled, Integer position, String trigger,
                             List<Condition> conditions, List<Action> actions, Boolean stop) {
    public static final String ON_MESSAGE = "message";
    public static final String ON_CHANGE = "change";

    public AutomationRule {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        actions = actions == null ? List.of() : List.copyOf(actions);
        trigger = trigger == null ? ON_MESSAGE : trigger;
        enabled = enabled == null || enabled; // position stays null when not given: "append"
        stop = stop != null && stop;
    }

    public AutomationRule withPosition(int newPosition) {
        return new AutomationRule(id, name, enabled, newPosition, trigger, conditions, actions, stop);
    }

    public AutomationRule withId(String newId) {
        return new AutomationRule(newId, name, enabled, position, trigger, conditions, actions, stop);
    }

    /**
     * One condition. {@code field}: brand, channel, text, customer, priority, label, followers, tone,
     * weekday, time. {@code op}: {@code in} (default: any of the values), {@code contains} (text has any
     * value), {@code regex} (text matches the first value), {@code gte} (followers at least the value),
     * {@code not_in}. Values: brand ids, channel names, customer ids or handles, P1–P4, label ids, a
     * number, {@code angry}, MON–SUN, {@code HH:mm-HH:mm} ranges in Europe/Madrid (may wrap midnight).
     */
    public record Condition(String field, String op, List<String> values) {
        public Condition {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * One action. {@code type}: add_label (label id), set_priority (P1–P4), raise_priority (one level
     * up), route_queue (queue id), assign (agent id), auto_reply (canned response id; message trigger only).
     */
    public record Action(String type, String value) {
    }
}
