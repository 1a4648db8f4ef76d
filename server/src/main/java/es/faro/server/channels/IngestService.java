package es.faro.server.channels;

import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import es.faro.protocol.sla.SlaEngine;
import es.faro.server.config.Reference;
import es.faro.server.http.ApiException;
import es.faro.server.sla.SlaTracker;
import es.faro.server.store.Conversations;
import es.faro.server.store.Customers;
import es.faro.server.store.EventLog;
import es.faro.server.store.MessageRevisions;
import es.faro.server.store.Messages;
import es.faro.server.store.Store;
import es.faro.server.workflow.SlaPause;
import es.faro.server.workflow.Snippets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one ingest path for every channel: dedupe by the network's message id, find or create the
 * customer, thread the message into a conversation, start SLA clocks, and write message and
 * conversation events, all in one write task (so one transaction, acknowledged after commit).
 */
public final class IngestService {
    public static final String DEFAULT_LANGUAGE = "es";

    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final SlaTracker sla;
    private final List<IngestHook> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final es.faro.server.automation.AutomationService automation;

    public IngestService(Store store, Supplier<Reference> reference, Clock clock, SlaTracker sla) {
        this(store, reference, clock, sla, null);
    }

    /** With automation rules run on every inbound message ({@code automation} may be null: none). */
    public IngestService(Store store, Supplier<Reference> reference, Clock clock, SlaTracker sla,
                         es.faro.server.automation.AutomationService automation) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.sla = sla;
        this.automation = automation;
    }

    /** Adds work done in the same transaction for every stored or repeated message. */
    public void addHook(IngestHook hook) {
        hooks.add(hook);
    }

    /**
     * What a webhook call did: new messages stored, repeats ignored (also deletions of messages never
     * stored), messages whose text the customer changed, messages the customer deleted.
     */
    public record Result(int accepted, int duplicates, int updated, int deleted) {
        public Result(int accepted, int duplicates) {
            this(accepted, duplicates, 0, 0);
        }
    }

    private enum Outcome { ACCEPTED, DUPLICATE, UPDATED, DELETED }

    /**
     * Recognises a customer's direct message that answers a satisfaction survey ("4", "5 muy bien"):
     * records the rating and returns the surveyed conversation, which the message then joins without
     * reopening it.
     */
    public interface SurveyAnswers {
        Optional<Conversation> answer(Connection c, Customer customer, String brandId, InboundMessage in,
                                      String messageId, Instant now) throws SQLException;
    }

    private volatile SurveyAnswers surveyAnswers;
    private volatile java.util.function.Function<Channel, List<String>> webhookSecrets = channel -> List.of();

    /** Where webhook secrets come from (the admin-managed store); empty for a channel = the configured one. */
    public IngestService webhookSecrets(java.util.function.Function<Channel, List<String>> secrets) {
        this.webhookSecrets = secrets;
        return this;
    }

    /** The secrets a webhook of {@code channel} may be signed with now, newest first (empty: use the configuration). */
    public List<String> webhookSecrets(Channel channel) {
        return webhookSecrets.apply(channel);
    }

    /** Wires the CSAT survey answers (set once at startup). */
    public IngestService surveyAnswers(SurveyAnswers answers) {
        this.surveyAnswers = answers;
        return this;
    }

    /** Resolves brands first (unknown account → 404, nothing written), then stores everything in one task. */
    public CompletableFuture<Result> ingest(List<InboundMessage> messages) {
        Reference ref = reference.get();
        List<Brand> brands = new ArrayList<>(messages.size());
        for (InboundMessage m : messages) {
            brands.add(ref.brandForAccount(m.channel(), m.accountId()).orElseThrow(() -> ApiException.notFound(
                    "no brand has the " + m.channel().wireName() + " account " + m.accountId())));
        }
        return store.write(c -> {
            int[] counts = new int[Outcome.values().length];
            List<es.faro.protocol.automation.AutomationRule> rules = automation == null ? List.of()
                    : automation.rules(c);
            for (int i = 0; i < messages.size(); i++) {
                counts[apply(c, ref, brands.get(i), messages.get(i), rules).ordinal()]++;
            }
            return new Result(counts[Outcome.ACCEPTED.ordinal()], counts[Outcome.DUPLICATE.ordinal()],
                    counts[Outcome.UPDATED.ordinal()], counts[Outcome.DELETED.ordinal()]);
        });
    }

    private Outcome apply(Connection c, Reference ref, Brand brand, InboundMessage in,
                          List<es.faro.protocol.automation.AutomationRule> rules) throws SQLException {
        Optional<Message> known = Messages.byChannelId(c, in.channel(), in.channelMessageId());
        if (known.isEmpty()) {
            if (in.action() == InboundMessage.Action.DELETE) {
                return Outcome.DUPLICATE; // a deletion of something never stored: nothing to do
            }
            return store(c, ref, brand, in, rules) ? Outcome.ACCEPTED : Outcome.DUPLICATE;
        }
        Message m = known.get();
        if (in.action() != InboundMessage.Action.DELETE) {
            // Seen again (a poller's next page, a feed fetched again): refresh what the hooks keep (kudos, views).
            for (IngestHook hook : hooks) {
                hook.repeated(c, brand, in, m, clock.instant());
            }
        }
        if (in.action() == InboundMessage.Action.CREATE) {
            return Outcome.DUPLICATE;
        }
        if (m.deletedAt() != null || m.kind() != MessageKind.IN) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        // A network that reports only when the message was first written (a community post, a feed entry's
        // published time) gives no edit time: an edit cannot predate the message, so it is dated on arrival.
        Instant at = in.createdAt() == null || in.createdAt().isAfter(now) || !in.createdAt().isAfter(m.createdAt())
                ? now : in.createdAt();
        Message changed;
        if (in.action() == InboundMessage.Action.DELETE) {
            changed = m.deleted(at);
            MessageRevisions.record(c, m.id(), "DELETE", m.body(), null, now);
        } else {
            if (in.body() == null || in.body().equals(m.body())) {
                return Outcome.DUPLICATE; // polled again unchanged
            }
            changed = m.edited(in.body(), at);
            MessageRevisions.record(c, m.id(), "EDIT", m.body(), in.body(), now);
        }
        String json = Json.write(changed);
        Messages.update(c, changed, json);
        Optional<Conversation> conv = Conversations.find(c, m.conversationId());
        EventLog.appendJson(c, EventType.MESSAGE, now, conv.map(Conversation::brandId).orElse(brand.id()),
                m.channel(), json);
        return in.action() == InboundMessage.Action.DELETE ? Outcome.DELETED : Outcome.UPDATED;
    }

    private boolean store(Connection c, Reference ref, Brand brand, InboundMessage in,
                          List<es.faro.protocol.automation.AutomationRule> rules) throws SQLException {
        Channel channel = in.channel();
        Instant now = clock.instant();
        // A network clock ahead of ours must not start SLA clocks in the future.
        Instant at = in.createdAt() == null || in.createdAt().isAfter(now) ? now : in.createdAt();
        Customer customer = customer(c, in);
        SurveyAnswers answers = surveyAnswers;
        if (answers != null) {
            String messageId = "m-" + UUID.randomUUID();
            Optional<Conversation> surveyed = answers.answer(c, customer, brand.id(), in, messageId, now);
            if (surveyed.isPresent()) {
                storeSurveyAnswer(c, surveyed.get(), customer, in, messageId, at, now);
                return true;
            }
        }
        Optional<Conversation> existing = thread(c, in, customer, brand);
        Conversation conv;
        if (existing.isPresent()) {
            Conversation base = existing.get();
            if (base.status() == ConversationStatus.PENDING) {
                // The customer answered: the pause ends (clocks move) before this message's own clock rules apply.
                base = SlaPause.apply(c, ref.sla(), base, base.toBuilder().status(ConversationStatus.OPEN).build(), now);
            }
            conv = continued(ref, base, in, at, now);
        } else {
            conv = created(ref, brand, customer, in, at, now);
        }
        Message message = new Message("m-" + UUID.randomUUID(), conv.id(), MessageKind.IN, customer.id(),
                customer.name(), in.body(), in.isPublic(), channel, in.channelMessageId(),
                in.references().isEmpty() ? null : in.references().get(0), at, DeliveryState.RECEIVED, null);
        List<Message> autoReplies = List.of();
        if (automation != null) {
            var applied = automation.onMessage(c, rules, ref, conv, message, customer, now);
            conv = applied.conversation();
            autoReplies = applied.autoReplies();
        }
        String convJson = Json.write(conv);
        String messageJson = Json.write(message);
        Conversations.upsert(c, conv, convJson);
        Messages.insert(c, message, messageJson);
        EventLog.appendJson(c, EventType.MESSAGE, now, conv.brandId(), channel, messageJson);
        for (Message auto : autoReplies) {
            Messages.insert(c, auto);
            EventLog.append(c, EventType.MESSAGE, now, conv.brandId(), channel, auto);
        }
        EventLog.appendJson(c, EventType.CONVERSATION, now, conv.brandId(), channel, convJson);
        sla.onChange(c, ref.sla(), existing.orElse(null), conv, now);
        for (IngestHook hook : hooks) {
            hook.stored(c, brand, in, message, conv, now);
        }
        return true;
    }

    /** A survey answer joins the surveyed (resolved) conversation: no reopening, no SLA clock. */
    private static void storeSurveyAnswer(Connection c, Conversation conv, Customer customer, InboundMessage in,
                                          String messageId, Instant at, Instant now) throws SQLException {
        Message message = new Message(messageId, conv.id(), MessageKind.IN, customer.id(), customer.name(), in.body(),
                in.isPublic(), in.channel(), in.channelMessageId(),
                in.references().isEmpty() ? null : in.references().get(0), at, DeliveryState.RECEIVED, null, null,
                null, true);
        Conversation updated = conv.toBuilder().snippet(Snippets.of(in.body())).lastMessageKind(MessageKind.IN)
                .messageCount(conv.messageCount() + 1)
                .lastMessageAt(at.isAfter(conv.lastMessageAt()) ? at : conv.lastMessageAt())
                .updatedAt(now).version(conv.version() + 1).build();
        String convJson = Json.write(updated);
        String messageJson = Json.write(message);
        Conversations.upsert(c, updated, convJson);
        Messages.insert(c, message, messageJson);
        EventLog.appendJson(c, EventType.MESSAGE, now, updated.brandId(), in.channel(), messageJson);
        EventLog.appendJson(c, EventType.CONVERSATION, now, updated.brandId(), in.channel(), convJson);
    }

    private static Customer customer(Connection c, InboundMessage in) throws SQLException {
        Optional<Customer> known = Customers.byChannelUser(c, in.channel(), in.customerUserId());
        String name = in.customerName() != null ? in.customerName()
                : known.map(Customer::name).orElse(null); // Messenger sends no name: the client shows "customer on <channel>"
        String handle = in.customerHandle() != null ? in.customerHandle() : known.map(Customer::handle).orElse(null);
        String language = in.language() != null ? in.language() : known.map(Customer::language).orElse(null);
        int followers = in.customerFollowers() > 0 ? in.customerFollowers()
                : known.map(Customer::followers).orElse(0);
        Customer customer = new Customer(known.map(Customer::id).orElse("cu-" + UUID.randomUUID()), name, handle,
                in.channel(), in.customerUserId(), followers, language);
        if (known.isEmpty() || !known.get().equals(customer)) {
            Customers.upsert(c, customer);
        }
        return customer;
    }

    /** Reply references first (the thread the customer answered in), then the customer's active conversation. */
    private static Optional<Conversation> thread(Connection c, InboundMessage in, Customer customer, Brand brand)
            throws SQLException {
        for (String ref : in.references()) {
            Optional<Message> parent = Messages.byChannelId(c, in.channel(), ref);
            if (parent.isPresent()) {
                Optional<Conversation> conv = Conversations.find(c, parent.get().conversationId());
                if (conv.isPresent() && conv.get().status().isActive() && conv.get().brandId().equals(brand.id())) {
                    return conv;
                }
            }
        }
        if (in.channel() == Channel.COMMUNITY || in.channel() == Channel.FORUM) {
            // Threads are explicit there: a post without a known parent opens its own thread.
            return Optional.empty();
        }
        return Conversations.activeFor(c, customer.id(), brand.id(), in.channel());
    }

    private Conversation created(Reference ref, Brand brand, Customer customer, InboundMessage in, Instant at,
                                 Instant now) {
        Priority priority = Priority.P3;
        SlaClock response = ref.sla().start(SlaClockKind.FIRST_RESPONSE, brand.id(), in.channel(), priority, at)
                .orElse(null);
        SlaClock resolution = ref.sla().start(SlaClockKind.RESOLUTION, brand.id(), in.channel(), priority, at)
                .orElse(null);
        String language = in.language() != null ? in.language()
                : customer.language() != null ? customer.language() : DEFAULT_LANGUAGE;
        Conversation draft = new Conversation("c-" + UUID.randomUUID(), brand.id(), in.channel(), customer.id(),
                customer.name(), customer.handle(), ConversationStatus.NEW, priority, List.of(), null, null, language,
                Snippets.of(in.body()), MessageKind.IN, 1, at, now, at, response, resolution, 1);
        return draft.toBuilder().queueId(ref.router().route(draft)).build();
    }

    private Conversation continued(Reference ref, Conversation conv, InboundMessage in, Instant at, Instant now) {
        // First message without a clock yet, or the customer writes again after our reply.
        SlaClock response = new SlaEngine(ref.sla()).onCustomerMessage(conv, at);
        ConversationStatus status = conv.status() == ConversationStatus.PENDING ? ConversationStatus.OPEN
                : conv.status();
        return conv.toBuilder()
                .status(status)
                .response(response)
                .snippet(Snippets.of(in.body()))
                .lastMessageKind(MessageKind.IN)
                .messageCount(conv.messageCount() + 1)
                .lastMessageAt(at.isAfter(conv.lastMessageAt()) ? at : conv.lastMessageAt())
                .updatedAt(now)
                .version(conv.version() + 1)
                .build();
    }

}
