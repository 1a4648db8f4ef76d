package es.faro.protocol.model;

public enum Presence {
    ONLINE, AWAY, OFFLINE
}
