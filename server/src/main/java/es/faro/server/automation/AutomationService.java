package es.faro.server.automation;

import es.faro.protocol.automation.AutomationRule.Action;
import es.faro.protocol.automation.AutomationRule.Condition;
import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.automation.RuleValues;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.SlaEngine;
import es.faro.server.config.Reference;
import es.faro.server.http.ApiException;
import es.faro.server.store.Agents;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automation rules: stored in the database (seeded from the reference file {@code rules.json} when the
 * table is empty), edited by admins, and run inside the ingest and workflow write tasks so that what
 * they do is part of the same transaction and leaves as its events.
 */
public final class AutomationService {
    private static final Logger LOG = LoggerFactory.getLogger(AutomationService.class);
    static final Set<String> FIELDS = Set.of("brand", "channel", "text", "customer", "priority", "label",
            "followers", "tone", "weekday", "time");
    static final Set<String> OPS = Set.of("in", "not_in", "contains", "regex", "gte");
    static final Set<String> ACTIONS = Set.of("add_label", "set_priority", "raise_priority", "route_queue",
            "assign", "auto_reply");
    private static final Set<String> DAYS = Set.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final RuleEngine engine = new RuleEngine();
    private final ClassifierService classifier;

    public AutomationService(Store store, Supplier<Reference> reference, Clock clock) {
        this(store, reference, clock, null);
    }

    /** With the intent classifier applying confident labels to new conversations ({@code classifier} may be null). */
    public AutomationService(Store store, Supplier<Reference> reference, Clock clock, ClassifierService classifier) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.classifier = classifier;
    }

    /** Writes {@code seed} when no rule is stored yet (a fresh database); later edits live in the database. */
    public int seedIfEmpty(List<AutomationRule> seed) {
        return store.<Integer>write(c -> {
            if (RuleRows.count(c) > 0) {
                return 0;
            }
            int position = 0;
            for (AutomationRule r : seed) {
                AutomationRule rule = r.withPosition(position++);
                validate(c, rule);
                RuleRows.upsert(c, rule);
            }
            return seed.size();
        }).join();
    }

    // --- admin CRUD --------------------------------------------------------------------------

    public List<AutomationRule> list() {
        return store.read(RuleRows::all);
    }

    public AutomationRule get(String id) {
        return store.read(c -> RuleRows.find(c, id)).orElseThrow(() -> ApiException.notFound("no rule " + id));
    }

    /** Creates a rule (a new id; appended last unless a position is given). */
    public CompletableFuture<AutomationRule> create(AutomationRule draft) {
        requireShape(draft);
        return store.write(c -> {
            List<AutomationRule> all = RuleRows.all(c);
            AutomationRule rule = draft.withId("rule-" + UUID.randomUUID())
                    .withPosition(draft.position() == null ? all.size() : draft.position());
            validate(c, rule);
            return saveOrdered(c, all, rule);
        });
    }

    public CompletableFuture<AutomationRule> update(String id, AutomationRule draft) {
        requireShape(draft);
        return store.write(c -> {
            RuleRows.find(c, id).orElseThrow(() -> ApiException.notFound("no rule " + id));
            AutomationRule rule = draft.withId(id);
            if (rule.position() == null) {
                rule = rule.withPosition(RuleRows.find(c, id).orElseThrow().position());
            }
            validate(c, rule);
            List<AutomationRule> others = new ArrayList<>(RuleRows.all(c));
            others.removeIf(r -> r.id().equals(id));
            return saveOrdered(c, others, rule);
        });
    }

    public CompletableFuture<Void> delete(String id) {
        return store.write(c -> {
            if (!RuleRows.delete(c, id)) {
                throw ApiException.notFound("no rule " + id);
            }
            EventLog.append(c, EventType.RULE_DELETED, clock.instant(), null, null, Map.of("id", id));
            return null;
        });
    }

    /** Inserts {@code rule} at its position among {@code others} and renumbers them 0..n-1 (events for what moved). */
    private AutomationRule saveOrdered(Connection c, List<AutomationRule> others, AutomationRule rule)
            throws SQLException {
        List<AutomationRule> ordered = new ArrayList<>(others);
        int at = Math.max(0, Math.min(rule.position() == null ? ordered.size() : rule.position(), ordered.size()));
        ordered.add(at, rule);
        Instant now = clock.instant();
        AutomationRule saved = rule;
        for (int i = 0; i < ordered.size(); i++) {
            AutomationRule r = ordered.get(i);
            AutomationRule placed = r.withPosition(i);
            if (r == rule || r.position() == null || r.position() != i) {
                RuleRows.upsert(c, placed);
                EventLog.append(c, EventType.RULE_UPSERTED, now, null, null, placed);
            }
            if (r == rule) {
                saved = placed;
            }
        }
        return saved;
    }

    private static void requireShape(AutomationRule rule) {
        if (rule == null) {
            throw ApiException.validation("a rule object is required");
        }
        if (rule.name() == null || rule.name().isBlank()) {
            throw ApiException.validation("name is required");
        }
        if (rule.actions().isEmpty()) {
            throw ApiException.validation("a rule needs at least one action");
        }
    }

    /** Every reference the rule makes must exist; regexes must compile; values must parse. */
    void validate(Connection c, AutomationRule rule) throws SQLException {
        requireShape(rule);
        if (!rule.trigger().equals(AutomationRule.ON_MESSAGE) && !rule.trigger().equals(AutomationRule.ON_CHANGE)) {
            throw ApiException.validation("trigger must be \"message\" or \"change\"");
        }
        Reference ref = reference.get();
        Set<String> brands = new HashSet<>();
        ref.data().brands().forEach(b -> brands.add(b.id()));
        for (Condition cond : rule.conditions()) {
            if (cond == null || cond.field() == null || !FIELDS.contains(cond.field())) {
                throw ApiException.validation("condition field must be one of " + new java.util.TreeSet<>(FIELDS));
            }
            String op = cond.op() == null ? "in" : cond.op();
            if (!OPS.contains(op)) {
                throw ApiException.validation("condition op must be one of " + new java.util.TreeSet<>(OPS));
            }
            if (cond.values().isEmpty() || cond.values().stream().anyMatch(v -> v == null || v.isBlank())) {
                throw ApiException.validation("condition on " + cond.field() + " needs non-empty values");
            }
            for (String v : cond.values()) {
                checkValue(cond.field(), op, v, brands, ref);
            }
        }
        for (Action a : rule.actions()) {
            if (a == null || a.type() == null || !ACTIONS.contains(a.type())) {
                throw ApiException.validation("action type must be one of " + new java.util.TreeSet<>(ACTIONS));
            }
            checkAction(c, rule, a, ref);
        }
    }

    private static void checkValue(String field, String op, String v, Set<String> brands, Reference ref) {
        switch (field) {
            case "brand" -> require(brands.contains(v), "unknown brand " + v);
            case "channel" -> require(RuleEngine.knownChannel(v), "unknown channel " + v);
            case "priority" -> require(RuleValues.isPriority(v), "priority must be P1, P2, P3 or P4, not " + v);
            case "label" -> require(ref.labelExists(v), "unknown label " + v);
            case "followers" -> {
                require(op.equals("gte"), "followers takes op gte");
                require(v.matches("\\d{1,10}"), "followers needs a whole number, not " + v);
            }
            case "tone" -> require(v.equals("angry"), "tone knows only \"angry\"");
            case "weekday" -> require(DAYS.contains(v.toUpperCase(Locale.ROOT)), "weekday must be MON..SUN, not " + v);
            case "time" -> require(RuleValues.isTimeRange(v), "time must be HH:mm-HH:mm, not " + v);
            case "text" -> {
                require(op.equals("contains") || op.equals("regex"), "text takes op contains or regex");
                if (op.equals("regex")) {
                    try {
                        SafeRegex.compile(v, RuleEngine.REGEX_BUDGET);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.validation(e.getMessage());
                    }
                }
            }
            default -> { }
        }
    }

    private void checkAction(Connection c, AutomationRule rule, Action a, Reference ref) throws SQLException {
        String v = a.value();
        switch (a.type()) {
            case "add_label" -> require(v != null && ref.labelExists(v), "unknown label " + v);
            case "set_priority" -> require(v != null && RuleValues.isPriority(v), "priority must be P1, P2, P3 or P4");
            case "raise_priority" -> require(v == null || v.isBlank() || RuleValues.isPriority(v), "the cap must be P1..P4");
            case "route_queue" -> require(v != null && ref.data().queues().stream().map(Workqueue::id)
                    .anyMatch(v::equals), "unknown queue " + v);
            case "assign" -> require(v != null && Agents.byId(c, v).isPresent(), "unknown agent " + v);
            case "auto_reply" -> {
                require(rule.trigger().equals(AutomationRule.ON_MESSAGE), "auto_reply needs the message trigger");
                require(v != null && canned(c, v) != null, "unknown canned response " + v);
            }
            default -> { }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw ApiException.validation(message);
        }
    }

    private static CannedResponse canned(Connection c, String id) throws SQLException {
        return es.faro.server.canned.CannedResponses.find(c, id).orElse(null);
    }

    // --- hooks in the write paths ------------------------------------------------------------

    /** What the message rules did to a conversation: its new state and the automatic replies to store. */
    public record Applied(Conversation conversation, List<Message> autoReplies) {
    }

    /**
     * Applies the classifier's confident labels to a conversation's first message, then runs the
     * {@code message} rules for an inbound message, inside the ingest transaction. Priority
     * changes recompute running SLA clocks; an auto-reply is sent only on a conversation's first message
     * and only when it fits the channel's public limit.
     */
    public Applied onMessage(Connection c, List<AutomationRule> rules, Reference ref, Conversation conv,
                             Message inbound, Customer customer, Instant now) throws SQLException {
        if (classifier != null && conv.messageCount() == 1) {
            List<String> intents = classifier.toApply(inbound.body()).stream().filter(ref::labelExists).toList();
            if (!intents.isEmpty()) {
                java.util.TreeSet<String> labels = new java.util.TreeSet<>(conv.labels());
                labels.addAll(intents);
                conv = conv.toBuilder().labels(List.copyOf(labels)).build();
            }
        }
        if (rules.isEmpty()) {
            return new Applied(conv, List.of());
        }
        RuleEngine.Outcome out = engine.apply(rules, AutomationRule.ON_MESSAGE,
                new RuleEngine.Facts(conv, inbound.body(), customer, now));
        Conversation next = reprioritized(ref, conv, out.conversation(), now);
        List<Message> replies = new ArrayList<>();
        // Threads sort by the stored millisecond, then by random id: an answer must sort after its question.
        Instant replyAt = now.toEpochMilli() > inbound.createdAt().toEpochMilli() ? now : inbound.createdAt().plusMillis(1);
        if (conv.messageCount() == 1) {
            for (String cannedId : out.autoReplies()) {
                CannedResponse canned = canned(c, cannedId);
                if (canned == null) {
                    continue;
                }
                String body = fill(canned.body(), conv, ref);
                if (body.codePointCount(0, body.length()) > conv.channel().replyLimit(inbound.isPublic())) {
                    LOG.warn("auto-reply {} is too long for {}; not sent", cannedId, conv.channel());
                    continue;
                }
                replies.add(new Message("m-" + UUID.randomUUID(), conv.id(), MessageKind.OUT, "automation",
                        "Faro", body, inbound.isPublic(), conv.channel(), null, inbound.channelMessageId(), replyAt,
                        DeliveryState.QUEUED, null)); // delivered to the network like any reply
            }
        }
        if (!replies.isEmpty()) {
            next = next.toBuilder().messageCount(next.messageCount() + replies.size()).build();
        }
        if (!out.matched().isEmpty()) {
            LOG.debug("rules {} matched on {}", out.matched(), conv.id());
        }
        return new Applied(next, replies);
    }

    /** Runs the {@code change} rules on an agent's change (before it is saved). */
    public Conversation onChange(Connection c, Conversation changed) throws SQLException {
        List<AutomationRule> rules = RuleRows.all(c);
        if (rules.stream().noneMatch(r -> r.enabled() && r.trigger().equals(AutomationRule.ON_CHANGE))) {
            return changed;
        }
        RuleEngine.Outcome out = engine.apply(rules, AutomationRule.ON_CHANGE,
                new RuleEngine.Facts(changed, null, null, clock.instant()));
        return reprioritized(reference.get(), changed, out.conversation(), clock.instant());
    }

    /** The enabled rules, read once per write task. */
    public List<AutomationRule> rules(Connection c) throws SQLException {
        return RuleRows.all(c).stream().filter(AutomationRule::enabled).toList();
    }

    private static Conversation reprioritized(Reference ref, Conversation before, Conversation after, Instant at) {
        if (after.priority() == before.priority()) {
            return after;
        }
        SlaEngine sla = new SlaEngine(ref.sla());
        return after.toBuilder()
                .response(sla.reprioritized(before, before.response(), after.priority(), at))
                .resolution(sla.reprioritized(before, before.resolution(), after.priority(), at))
                .build();
    }

    private static String fill(String body, Conversation conv, Reference ref) {
        String brand = ref.data().brands().stream().filter(b -> b.id().equals(conv.brandId()))
                .map(b -> b.name()).findFirst().orElse(conv.brandId());
        String name = conv.customerName() == null ? "" : conv.customerName().split(" ")[0];
        return body.replace("{{customer.name}}", name).replace("{{brand}}", brand)
                .replace("{{agent.name}}", brand).replaceAll("\\{\\{ask:[^}]*}}", "").trim();
    }
}
