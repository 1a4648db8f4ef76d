package es.faro.bench.data;

import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Deterministic synthetic data (seeded): conversations across the five brands and seven
 * channels with a realistic mix (most of them resolved history, a share active with running
 * SLA clocks), and threads of customer messages, agent replies and notes with channel-sized
 * bodies. Produces conversations with their threads in chunks, so a million messages never sit
 * in memory at once.
 */
public final class DataGenerator {
    public static final List<String> BRANDS = List.of("orange", "jazztel", "amena", "simyo", "republica");
    private static final double[] BRAND_WEIGHTS = {0.35, 0.20, 0.15, 0.15, 0.15};
    private static final Channel[] CHANNELS = {Channel.TWITTER, Channel.FACEBOOK, Channel.INSTAGRAM,
        Channel.GOOGLE_PLAY, Channel.APP_STORE, Channel.COMMUNITY, Channel.FORUM};
    private static final double[] CHANNEL_WEIGHTS = {0.35, 0.25, 0.15, 0.10, 0.05, 0.05, 0.05};
    private static final Duration RESPONSE_SLA = Duration.ofHours(2);

    private final Random rnd;
    private final Instant now;
    private final double activeShare;
    private long messageSeq;
    private long arrivalSeq;
    private long eventSeq;

    /**
     * @param activeShare share of conversations that are NEW, OPEN or PENDING (the rest are
     *                    resolved or closed history)
     */
    public DataGenerator(long seed, Instant now, double activeShare) {
        this.rnd = new Random(seed);
        this.now = now;
        this.activeShare = activeShare;
    }

    /** One conversation with its thread. */
    public record Thread(Conversation conversation, List<Message> messages) {
    }

    /**
     * Generates {@code conversations} conversations holding {@code messages} messages in all
     * (at least one each), handing them over in chunks of {@code chunk} conversations.
     */
    public void generate(int conversations, long messages, int chunk, Consumer<List<Thread>> sink) {
        long remaining = Math.max(messages, conversations);
        double avg = (double) remaining / conversations;
        List<Thread> batch = new ArrayList<>(chunk);
        for (int i = 0; i < conversations; i++) {
            int left = conversations - i;
            long count;
            if (left == 1) {
                count = remaining;
            } else {
                count = 1 + (long) (rnd.nextDouble() * (2 * avg - 1));
                count = Math.max(1, Math.min(count, remaining - (left - 1)));
            }
            remaining -= count;
            batch.add(thread(i, (int) count));
            if (batch.size() == chunk) {
                sink.accept(batch);
                batch = new ArrayList<>(chunk);
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    public static String conversationId(int index) {
        return String.format("bench-c-%07d", index);
    }

    private Thread thread(int index, int count) {
        String id = conversationId(index);
        String brand = pick(BRANDS.toArray(String[]::new), BRAND_WEIGHTS);
        Channel channel = pick(CHANNELS, CHANNEL_WEIGHTS);
        boolean active = rnd.nextDouble() < activeShare;
        boolean english = rnd.nextInt(10) == 0;
        // Active conversations are recent (hours); history spreads over a year.
        Instant created = active ? now.minusSeconds(60 + rnd.nextInt(6 * 3600))
                : now.minusSeconds(3600L * 24 + rnd.nextInt(365 * 24 * 3600));
        String customerId = "bench-cust-" + index;
        String customerName = "Cliente " + index;
        List<Message> messages = new ArrayList<>(count);
        Instant at = created;
        MessageKind last = MessageKind.IN;
        for (int m = 0; m < count; m++) {
            // The thread alternates mostly customer / agent, with the odd internal note.
            MessageKind kind = m == 0 ? MessageKind.IN : rnd.nextInt(10) == 0 ? MessageKind.NOTE
                    : last == MessageKind.IN ? MessageKind.OUT : MessageKind.IN;
            messages.add(message(String.format("bench-m-%08d", ++messageSeq), id, channel, kind, customerId,
                    customerName, at, english));
            last = kind;
            at = at.plusSeconds(active ? 5 + rnd.nextInt(120) : 60 + rnd.nextInt(7200));
        }
        Message lastMessage = messages.get(messages.size() - 1);
        ConversationStatus status = active ? pick(new ConversationStatus[] {ConversationStatus.NEW,
                ConversationStatus.OPEN, ConversationStatus.PENDING}, new double[] {0.4, 0.45, 0.15})
                : rnd.nextInt(4) == 0 ? ConversationStatus.CLOSED : ConversationStatus.RESOLVED;
        SlaClock response = null;
        SlaClock resolution = null;
        if (active) {
            Instant started = lastMessage.createdAt();
            response = new SlaClock(count == 1 ? SlaClockKind.FIRST_RESPONSE : SlaClockKind.NEXT_RESPONSE,
                    started, started.plus(RESPONSE_SLA), started.plus(RESPONSE_SLA.multipliedBy(3).dividedBy(4)),
                    null);
            resolution = new SlaClock(SlaClockKind.RESOLUTION, created, created.plus(Duration.ofDays(2)),
                    created.plus(Duration.ofHours(36)), null);
        }
        String snippet = lastMessage.body().length() > 120 ? lastMessage.body().substring(0, 120) : lastMessage.body();
        Conversation c = new Conversation(id, brand, channel, customerId, customerName, "@cliente" + index,
                status, Priority.values()[1 + rnd.nextInt(3)], rnd.nextInt(5) == 0 ? List.of("factura") : List.of(),
                null, status == ConversationStatus.NEW ? null : "u-ana", english ? "en" : "es", snippet,
                lastMessage.kind(), count, created, lastMessage.createdAt(), lastMessage.createdAt(), response,
                resolution, 1 + rnd.nextInt(5));
        return new Thread(c, messages);
    }

    private Message message(String id, String conversationId, Channel channel, MessageKind kind, String customerId,
                            String customerName, Instant at, boolean english) {
        boolean in = kind == MessageKind.IN;
        String body = in ? Texts.customer(rnd, channel, english) : kind == MessageKind.NOTE
                ? "Nota interna: cliente con incidencia abierta, revisar en el CRM." : Texts.agent(rnd);
        return new Message(id, conversationId, kind, in ? customerId : "u-ana",
                in ? customerName : "Ana García", body, kind != MessageKind.NOTE, channel,
                kind == MessageKind.NOTE ? null : "net-" + id, null, at,
                in ? DeliveryState.RECEIVED : DeliveryState.SENT, null);
    }

    /**
     * The events one new customer message on {@code c} produces on the server: the message and
     * the conversation's new version (snippet, count, a fresh response clock). Returns the
     * conversation as updated, so a stream of arrivals can keep building on it.
     */
    public Conversation arrival(Conversation c, Instant at, List<Event> out) {
        // Arrivals have ids of their own: they must never collide with a generated thread's messages.
        Message m = message(String.format("bench-a-%08d", ++arrivalSeq), c.id(), c.channel(), MessageKind.IN,
                c.customerId(), c.customerName(), at, "en".equals(c.language()));
        SlaClock response = new SlaClock(SlaClockKind.NEXT_RESPONSE, at, at.plus(RESPONSE_SLA),
                at.plus(RESPONSE_SLA.multipliedBy(3).dividedBy(4)), null);
        ConversationStatus status = c.status() == ConversationStatus.NEW ? ConversationStatus.NEW
                : ConversationStatus.OPEN;
        String snippet = m.body().length() > 120 ? m.body().substring(0, 120) : m.body();
        Conversation next = new Conversation(c.id(), c.brandId(), c.channel(), c.customerId(), c.customerName(),
                c.customerHandle(), status, c.priority(), c.labels(), c.queueId(), c.assigneeId(), c.language(),
                snippet, MessageKind.IN, c.messageCount() + 1, c.createdAt(), at, at, response, c.resolution(),
                c.version() + 1);
        out.add(new Event(++eventSeq, EventType.MESSAGE, at, Json.tree(m)));
        out.add(new Event(++eventSeq, EventType.CONVERSATION, at, Json.tree(next)));
        return next;
    }

    /**
     * The events a customer's first message produces on the server: a NEW conversation (unassigned,
     * a fresh first-response clock) and its message, in the order the server writes them. Each one
     * adds one to a lead's backlog.
     */
    public Conversation firstContact(Instant at, List<Event> out) {
        long n = ++arrivalSeq;
        String id = String.format("bench-n-%08d", n);
        String brand = pick(BRANDS.toArray(String[]::new), BRAND_WEIGHTS);
        Channel channel = pick(CHANNELS, CHANNEL_WEIGHTS);
        String customerId = "bench-new-cust-" + n;
        String customerName = "Cliente nuevo " + n;
        Message m = message(String.format("bench-a-%08d", n), id, channel, MessageKind.IN, customerId, customerName,
                at, false);
        SlaClock response = new SlaClock(SlaClockKind.FIRST_RESPONSE, at, at.plus(RESPONSE_SLA),
                at.plus(RESPONSE_SLA.multipliedBy(3).dividedBy(4)), null);
        SlaClock resolution = new SlaClock(SlaClockKind.RESOLUTION, at, at.plus(Duration.ofDays(2)),
                at.plus(Duration.ofHours(36)), null);
        String snippet = m.body().length() > 120 ? m.body().substring(0, 120) : m.body();
        Conversation c = new Conversation(id, brand, channel, customerId, customerName, "@nuevo" + n,
                ConversationStatus.NEW, Priority.P3, List.of(), null, null, "es", snippet, MessageKind.IN, 1, at, at,
                at, response, resolution, 1);
        out.add(new Event(++eventSeq, EventType.CONVERSATION, at, Json.tree(c)));
        out.add(new Event(++eventSeq, EventType.MESSAGE, at, Json.tree(m)));
        return c;
    }

    /** Event sequence numbers continue from here (the cache skips events at or below its cursor). */
    public void startEventsAfter(long seq) {
        eventSeq = seq;
    }

    public Random random() {
        return rnd;
    }

    private <T> T pick(T[] values, double[] weights) {
        double r = rnd.nextDouble();
        double acc = 0;
        for (int i = 0; i < values.length; i++) {
            acc += weights[i];
            if (r < acc) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
