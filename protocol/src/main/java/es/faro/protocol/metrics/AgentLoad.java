package es.faro.protocol.metrics;

import es.faro.protocol.model.Presence;

/** An agent's presence and open assigned conversations against capacity. */
public record AgentLoad(String agentId, String name, Presence presence, int assigned, int capacity) {
}
