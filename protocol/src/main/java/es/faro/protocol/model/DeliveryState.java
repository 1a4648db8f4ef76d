package es.faro.protocol.model;

/** Where a message stands: inbound messages are RECEIVED; replies go QUEUED → SENT or FAILED. */
public enum DeliveryState {
    RECEIVED, QUEUED, SENT, FAILED
}
