package es.faro.protocol.model;

/** Lifecycle of a conversation; PENDING means waiting on the customer (SLA clocks pause). */
public enum ConversationStatus {
    NEW, OPEN, PENDING, RESOLVED, CLOSED;

    /** Whether the conversation still needs work from the care team (shown in working queues). */
    public boolean isActive() {
        return this == NEW || this == OPEN || this == PENDING;
    }
}
