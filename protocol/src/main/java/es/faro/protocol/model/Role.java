package es.faro.protocol.model;

public enum Role {
    AGENT, LEAD, ADMIN, ANALYST
}
