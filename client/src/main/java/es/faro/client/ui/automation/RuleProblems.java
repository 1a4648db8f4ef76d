package es.faro.client.ui.automation;

import es.faro.client.ui.common.UiText;
import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.automation.RuleValues;
import es.faro.protocol.model.Channel;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The server's checks on a rule (AutomationService's validation), said in an agent's words before
 * the rule leaves the screen: row numbers are 1-based as shown. Anything the server knows that
 * the client does not (a canned response deleted a second ago) still comes back as its 400.
 */
final class RuleProblems {
    private RuleProblems() {
    }

    static Optional<UiText> of(String name, String trigger, List<ConditionRow> conditions, List<ActionRow> actions,
                               RuleOptions options) {
        if (name == null || name.isBlank()) {
            return problem("automation.rules.problem.name");
        }
        for (int i = 0; i < conditions.size(); i++) {
            Optional<UiText> p = condition(i + 1, conditions.get(i), options);
            if (p.isPresent()) {
                return p;
            }
        }
        if (actions.isEmpty()) {
            return problem("automation.rules.problem.noAction");
        }
        for (int i = 0; i < actions.size(); i++) {
            Optional<UiText> p = action(i + 1, actions.get(i), trigger, options);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<UiText> condition(int n, ConditionRow row, RuleOptions options) {
        String field = row.fieldProperty().get();
        if (field == null || !ConditionRow.FIELDS.contains(field)) {
            return problem("automation.rules.problem.field", n);
        }
        if (!ConditionRow.ops(field).contains(row.opProperty().get())) {
            return problem("automation.rules.problem.op", n);
        }
        List<String> values = row.values();
        if (values.isEmpty()) {
            return problem("automation.rules.problem.empty." + field, n);
        }
        for (String v : values) {
            boolean ok = switch (field) {
                case "brand" -> options.brands().isEmpty() || options.hasBrand(v);
                case "label" -> options.labels().isEmpty() || options.hasLabel(v);
                case "channel" -> channel(v);
                case "priority" -> RuleValues.isPriority(v);
                case "weekday" -> ConditionRow.WEEKDAYS.contains(v);
                case "followers" -> v.matches("\\d{1,10}");
                case "time" -> RuleValues.isTimeRange(v);
                case "text" -> !"regex".equals(row.opProperty().get()) || compiles(v);
                default -> true;
            };
            if (!ok) {
                return problem("automation.rules.problem.value." + field, n, v);
            }
        }
        return Optional.empty();
    }

    private static Optional<UiText> action(int n, ActionRow row, String trigger, RuleOptions options) {
        String type = row.typeProperty().get();
        if (type == null || !ActionRow.TYPES.contains(type)) {
            return problem("automation.rules.problem.type", n);
        }
        String v = row.toAction().value();
        if (v == null && !"raise_priority".equals(type)) {
            return problem("automation.rules.problem.actionValue." + type, n);
        }
        boolean ok = switch (type) {
            case "add_label" -> options.labels().isEmpty() || options.hasLabel(v);
            case "set_priority" -> RuleValues.isPriority(v);
            case "raise_priority" -> v == null || RuleValues.isPriority(v);
            case "route_queue" -> options.queues().isEmpty() || options.hasQueue(v);
            case "assign" -> options.agents().isEmpty() || options.hasAgent(v);
            case "auto_reply" -> options.canned().isEmpty() || options.hasCanned(v);
            default -> true;
        };
        if (!ok) {
            return problem("automation.rules.problem.actionUnknown." + type, n, v);
        }
        if ("auto_reply".equals(type) && !AutomationRule.ON_MESSAGE.equals(trigger)) {
            return problem("automation.rules.problem.autoReplyTrigger", n);
        }
        return Optional.empty();
    }

    private static Optional<UiText> problem(String key, Object... args) {
        return Optional.of(UiText.of(key, args));
    }

    private static boolean channel(String v) {
        for (Channel c : Channel.values()) {
            if (c.name().equalsIgnoreCase(v) || c.wireName().equalsIgnoreCase(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
