package es.faro.protocol.model;

/**
 * Where a message stands: inbound messages are RECEIVED; replies go QUEUED → SENT (with the network's
 * id) or FAILED (with the reason; an agent may retry it). A reply on a network without an API (an
 * external forum) is PREPARED for the agent to post by hand and becomes SENT when they mark it posted.
 */
public enum DeliveryState {
    RECEIVED, QUEUED, SENT, FAILED, PREPARED
}
