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

    /** What a webhook call did. */
    public record Result(int accepted, int duplicates) {
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
            int accepted = 0;
            int duplicates = 0;
            List<es.faro.protocol.automation.AutomationRule> rules = automation == null ? List.of()
                    : automation.rules(c);
            for (int i = 0; i < messages.size(); i++) {
                if (store(c, ref, brands.get(i), messages.get(i), rules)) {
                    accepted++;
                } else {
                    duplicates++;
                }
            }
            return new Result(accepted, duplicates);
        });
    }

    private boolean store(Connection c, Reference ref, Brand brand, InboundMessage in,
                          List<es.faro.protocol.automation.AutomationRule> rules) throws SQLException {
        Channel channel = in.channel();
        if (Messages.byChannelId(c, channel, in.channelMessageId()).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        // A network clock ahead of ours must not start SLA clocks in the future.
        Instant at = in.createdAt() == null || in.createdAt().isAfter(now) ? now : in.createdAt();
        Customer customer = customer(c, in);
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
        return true;
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
