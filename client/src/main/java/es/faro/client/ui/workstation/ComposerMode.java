package es.faro.client.ui.workstation;

/** What the composer sends: a reply the customer sees, or an internal note only the team sees. */
public enum ComposerMode {
    REPLY, NOTE
}
