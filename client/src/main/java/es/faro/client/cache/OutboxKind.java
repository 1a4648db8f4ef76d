package es.faro.client.cache;

/** The kinds of agent write that wait in the outbox; each maps to one API call. */
public enum OutboxKind {
    REPLY, NOTE, CLAIM, ASSIGN, STATUS, PRIORITY, LABELS;

    /** Whether the API call carries the conversation version the agent saw (workflow actions do; messages do not). */
    public boolean carriesVersion() {
        return this != REPLY && this != NOTE;
    }
}
