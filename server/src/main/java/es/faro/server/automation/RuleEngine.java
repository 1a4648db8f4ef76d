package es.faro.server.automation;

import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.automation.AutomationRule.Action;
import es.faro.protocol.automation.AutomationRule.Condition;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.Priority;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates rules against one event (a customer message, or an agent's change) and returns the
 * conversation with the actions applied. Pure: no I/O, so the caller runs it inside its own write
 * transaction and the effects leave as that transaction's events.
 */
public final class RuleEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);
    public static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    public static final Duration REGEX_BUDGET = Duration.ofMillis(50);

    private final Map<String, SafeRegex> patterns = new ConcurrentHashMap<>();

    /** What the rules are evaluated on. {@code text} and {@code customer} may be null (a change has no text). */
    public record Facts(Conversation conversation, String text, Customer customer, Instant now) {
    }

    /** The conversation after the actions, the canned responses to send, the rules that matched. */
    public record Outcome(Conversation conversation, List<String> autoReplies, List<String> matched) {
    }

    public Outcome apply(List<AutomationRule> rules, String trigger, Facts facts) {
        Conversation conv = facts.conversation();
        List<String> replies = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (AutomationRule rule : rules) {
            if (!rule.enabled() || !trigger.equals(rule.trigger())) {
                continue;
            }
            Facts current = new Facts(conv, facts.text(), facts.customer(), facts.now());
            if (!matches(rule, current)) {
                continue;
            }
            matched.add(rule.id());
            for (Action action : rule.actions()) {
                conv = act(conv, action, replies);
            }
            if (rule.stop()) {
                break;
            }
        }
        return new Outcome(conv, replies, matched);
    }

    boolean matches(AutomationRule rule, Facts facts) {
        for (Condition c : rule.conditions()) {
            if (!holds(rule, c, facts)) {
                return false;
            }
        }
        return true;
    }

    private boolean holds(AutomationRule rule, Condition c, Facts f) {
        String op = c.op() == null ? "in" : c.op();
        boolean negate = op.equals("not_in");
        Conversation conv = f.conversation();
        boolean result = switch (c.field()) {
            case "brand" -> anyEquals(c.values(), conv.brandId());
            case "channel" -> c.values().stream().anyMatch(v -> v.equalsIgnoreCase(conv.channel().name())
                    || v.equalsIgnoreCase(conv.channel().wireName()));
            case "priority" -> anyEquals(c.values(), conv.priority() == null ? null : conv.priority().name());
            case "label" -> c.values().stream().anyMatch(conv.labels()::contains);
            case "customer" -> customer(c.values(), conv, f.customer());
            case "followers" -> f.customer() != null && !c.values().isEmpty()
                    && f.customer().followers() >= Long.parseLong(c.values().get(0).trim());
            case "tone" -> c.values().contains("angry") && Tone.angry(f.text());
            case "weekday" -> weekday(c.values(), f.now());
            case "time" -> c.values().stream().anyMatch(v -> inRange(v, f.now()));
            case "text" -> text(rule, op, c.values(), f.text());
            default -> false;
        };
        return negate != result;
    }

    private boolean text(AutomationRule rule, String op, List<String> values, String text) {
        if (text == null) {
            return false;
        }
        if (op.equals("regex")) {
            SafeRegex regex = patterns.computeIfAbsent(values.get(0), v -> SafeRegex.compile(v, REGEX_BUDGET));
            SafeRegex.Result r = regex.find(text);
            if (r == SafeRegex.Result.TIMED_OUT) {
                LOG.warn("rule {}: its regular expression ran out of time on a message; treated as no match", rule.id());
            }
            return r == SafeRegex.Result.MATCH;
        }
        String folded = Tone.fold(text);
        return values.stream().anyMatch(v -> !v.isBlank() && folded.contains(Tone.fold(v)));
    }

    private static boolean customer(List<String> values, Conversation conv, Customer customer) {
        for (String v : values) {
            String bare = v.startsWith("@") ? v.substring(1) : v;
            if (v.equals(conv.customerId())) {
                return true;
            }
            if (customer != null && (bare.equalsIgnoreCase(customer.handle() == null ? "" : stripAt(customer.handle()))
                    || v.equals(customer.channelUserId()))) {
                return true;
            }
            if (conv.customerHandle() != null && bare.equalsIgnoreCase(stripAt(conv.customerHandle()))) {
                return true;
            }
        }
        return false;
    }

    private static String stripAt(String s) {
        return s.startsWith("@") ? s.substring(1) : s;
    }

    private static boolean anyEquals(List<String> values, String value) {
        return value != null && values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    private static boolean weekday(List<String> values, Instant now) {
        DayOfWeek day = ZonedDateTime.ofInstant(now, ZONE).getDayOfWeek();
        String name = day.name().substring(0, 3);
        return values.stream().anyMatch(v -> v.equalsIgnoreCase(name) || v.equalsIgnoreCase(day.name()));
    }

    /** {@code HH:mm-HH:mm} in Madrid time; a range whose end is before its start wraps midnight. */
    static boolean inRange(String range, Instant now) {
        String[] parts = range.split("-");
        LocalTime from = LocalTime.parse(parts[0].trim());
        LocalTime to = LocalTime.parse(parts[1].trim());
        LocalTime t = ZonedDateTime.ofInstant(now, ZONE).toLocalTime();
        if (!to.isBefore(from)) {
            return !t.isBefore(from) && t.isBefore(to);
        }
        return !t.isBefore(from) || t.isBefore(to);
    }

    private static Conversation act(Conversation conv, Action a, List<String> replies) {
        return switch (a.type()) {
            case "add_label" -> {
                TreeSet<String> labels = new TreeSet<>(conv.labels());
                labels.add(a.value());
                yield conv.toBuilder().labels(List.copyOf(labels)).build();
            }
            case "set_priority" -> conv.toBuilder().priority(Priority.valueOf(a.value())).build();
            case "raise_priority" -> conv.toBuilder().priority(raise(conv.priority(), a.value())).build();
            case "route_queue" -> conv.toBuilder().queueId(a.value()).build();
            case "assign" -> conv.toBuilder().assigneeId(a.value()).build();
            case "auto_reply" -> {
                replies.add(a.value());
                yield conv;
            }
            default -> conv;
        };
    }

    /** One level more urgent, but never past {@code cap} (P1 when absent); never less urgent than now. */
    static Priority raise(Priority current, String cap) {
        Priority p = current == null ? Priority.P3 : current;
        Priority limit = cap == null || cap.isBlank() ? Priority.P1 : Priority.valueOf(cap.trim().toUpperCase(Locale.ROOT));
        if (p.ordinal() <= limit.ordinal()) {
            return p;
        }
        return Priority.values()[p.ordinal() - 1];
    }

    /** The channels' names rules may use (enum names or wire names). */
    static boolean knownChannel(String v) {
        for (Channel ch : Channel.values()) {
            if (v.equalsIgnoreCase(ch.name()) || v.equalsIgnoreCase(ch.wireName())) {
                return true;
            }
        }
        return false;
    }
}
