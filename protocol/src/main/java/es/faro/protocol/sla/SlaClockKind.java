package es.faro.protocol.sla;

public enum SlaClockKind {
    FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION
}
