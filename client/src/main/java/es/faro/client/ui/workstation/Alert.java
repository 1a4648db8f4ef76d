package es.faro.client.ui.workstation;

import es.faro.protocol.model.Conversation;

/** Something the agent should notice at once about a conversation of theirs. */
public record Alert(Kind kind, Conversation conversation) {
    public enum Kind {
        /** Its SLA clock has just crossed the warn instant. */
        WARNING,
        /** Someone else has just assigned it to this agent. */
        ASSIGNED
    }
}
