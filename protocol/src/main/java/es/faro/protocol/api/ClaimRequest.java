package es.faro.protocol.api;

/** Take the conversation for oneself; {@code version} is the one the agent saw. */
public record ClaimRequest(Long version) {
}
