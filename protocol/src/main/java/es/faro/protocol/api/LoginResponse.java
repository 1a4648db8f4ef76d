package es.faro.protocol.api;

import es.faro.protocol.model.Agent;
import java.time.Instant;

public record LoginResponse(String token, Agent agent, Instant expiresAt) {
    @Override
    public String toString() {
        return "LoginResponse[agent=" + agent.username() + ", expiresAt=" + expiresAt + "]";
    }
}
