package es.faro.protocol.api;

/** Assign to an agent, or unassign with a null {@code agentId}. */
public record AssignRequest(String agentId, Long version) {
}
