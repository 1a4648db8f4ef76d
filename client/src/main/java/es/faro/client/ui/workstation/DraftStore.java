package es.faro.client.ui.workstation;

/** Where the composer keeps drafts beyond memory (the local cache), so they survive a restart. */
public interface DraftStore {
    /** Saves the text typed for a conversation; blank removes the draft. Must not block the caller. */
    void save(String conversationId, String text);
}
