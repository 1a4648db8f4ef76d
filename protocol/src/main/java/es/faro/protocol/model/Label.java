package es.faro.protocol.model;

/** A label agents and automation put on conversations. */
public record Label(String id, String name, String color) {
}
