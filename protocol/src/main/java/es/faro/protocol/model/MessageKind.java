package es.faro.protocol.model;

/** IN: from the customer; OUT: an agent's reply; NOTE: internal, never leaves Faro. */
public enum MessageKind {
    IN, OUT, NOTE
}
