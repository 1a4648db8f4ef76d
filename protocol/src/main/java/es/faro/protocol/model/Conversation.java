package es.faro.protocol.model;

import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import es.faro.protocol.sla.SlaState;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * A thread with one customer on one channel of one brand. {@code version} grows with every change
 * and guards workflow actions (optimistic concurrency). {@code response} is the running (or last)
 * first/next-response clock, {@code resolution} the resolution clock, and {@code firstResponse} the
 * first-response clock, kept after a next-response clock replaces it in {@code response} so that
 * everyone can count service level (DESIGN: first response within target) from the conversation alone.
 */
public record Conversation(String id, String brandId, Channel channel, String customerId, String customerName,
                           String customerHandle, ConversationStatus status, Priority priority, List<String> labels,
                           String queueId, String assigneeId, String language, String snippet,
                           MessageKind lastMessageKind, int messageCount, Instant createdAt, Instant updatedAt,
                           Instant lastMessageAt, SlaClock response, SlaClock resolution, long version,
                           SlaClock firstResponse, Instant snoozedUntil) {
    public Conversation {
        labels = labels == null ? List.of() : List.copyOf(new TreeSet<>(labels));
        if (response != null && response.kind() == SlaClockKind.FIRST_RESPONSE) {
            firstResponse = response;
        }
    }

    /** Not snoozed (the shape before snoozing existed). */
    public Conversation(String id, String brandId, Channel channel, String customerId, String customerName,
                        String customerHandle, ConversationStatus status, Priority priority, List<String> labels,
                        String queueId, String assigneeId, String language, String snippet,
                        MessageKind lastMessageKind, int messageCount, Instant createdAt, Instant updatedAt,
                        Instant lastMessageAt, SlaClock response, SlaClock resolution, long version,
                        SlaClock firstResponse) {
        this(id, brandId, channel, customerId, customerName, customerHandle, status, priority, labels, queueId,
                assigneeId, language, snippet, lastMessageKind, messageCount, createdAt, updatedAt, lastMessageAt,
                response, resolution, version, firstResponse, null);
    }

    /** Without a first-response clock of its own: it follows {@code response} while that is the first response. */
    public Conversation(String id, String brandId, Channel channel, String customerId, String customerName,
                        String customerHandle, ConversationStatus status, Priority priority, List<String> labels,
                        String queueId, String assigneeId, String language, String snippet,
                        MessageKind lastMessageKind, int messageCount, Instant createdAt, Instant updatedAt,
                        Instant lastMessageAt, SlaClock response, SlaClock resolution, long version) {
        this(id, brandId, channel, customerId, customerName, customerHandle, status, priority, labels, queueId,
                assigneeId, language, snippet, lastMessageKind, messageCount, createdAt, updatedAt, lastMessageAt,
                response, resolution, version, null, null);
    }

    /** The clock agents race against: the running response clock, else the running resolution clock. */
    public SlaClock activeClock() {
        if (response != null && response.isRunning()) {
            return response;
        }
        if (resolution != null && resolution.isRunning()) {
            return resolution;
        }
        return null;
    }

    public SlaState slaStateAt(Instant now) {
        SlaClock clock = activeClock();
        if (clock != null) {
            return clock.stateAt(now);
        }
        return response != null ? response.stateAt(now) : null;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with helper: conversations change one or two fields at a time. */
    public static final class Builder {
        private String id, brandId, customerId, customerName, customerHandle, queueId, assigneeId, language, snippet;
        private Channel channel;
        private ConversationStatus status;
        private Priority priority;
        private List<String> labels;
        private MessageKind lastMessageKind;
        private int messageCount;
        private Instant createdAt, updatedAt, lastMessageAt;
        private SlaClock response, resolution, firstResponse;
        private long version;
        private Instant snoozedUntil;

        private Builder(Conversation c) {
            id = c.id; brandId = c.brandId; channel = c.channel; customerId = c.customerId;
            customerName = c.customerName; customerHandle = c.customerHandle; status = c.status;
            priority = c.priority; labels = c.labels; queueId = c.queueId; assigneeId = c.assigneeId;
            language = c.language; snippet = c.snippet; lastMessageKind = c.lastMessageKind;
            messageCount = c.messageCount; createdAt = c.createdAt; updatedAt = c.updatedAt;
            lastMessageAt = c.lastMessageAt; response = c.response; resolution = c.resolution; version = c.version;
            firstResponse = c.firstResponse;
            snoozedUntil = c.snoozedUntil;
        }

        public Builder status(ConversationStatus v) { status = v; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder labels(List<String> v) { labels = v; return this; }
        public Builder queueId(String v) { queueId = v; return this; }
        public Builder assigneeId(String v) { assigneeId = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder snippet(String v) { snippet = v; return this; }
        public Builder lastMessageKind(MessageKind v) { lastMessageKind = v; return this; }
        public Builder messageCount(int v) { messageCount = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder lastMessageAt(Instant v) { lastMessageAt = v; return this; }
        public Builder response(SlaClock v) { response = v; return this; }
        public Builder resolution(SlaClock v) { resolution = v; return this; }
        public Builder customerName(String v) { customerName = v; return this; }
        public Builder customerHandle(String v) { customerHandle = v; return this; }
        public Builder version(long v) { version = v; return this; }
        /** Snoozed until this instant (it leaves every queue, PENDING, and comes back then); null = not snoozed. */
        public Builder snoozedUntil(Instant v) { snoozedUntil = v; return this; }

        public Conversation build() {
            return new Conversation(id, brandId, channel, customerId, customerName, customerHandle, status, priority,
                    labels, queueId, assigneeId, language, snippet, lastMessageKind, messageCount, createdAt,
                    updatedAt, lastMessageAt, response, resolution, version, firstResponse, snoozedUntil);
        }
    }
}
