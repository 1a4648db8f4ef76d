package es.faro.protocol.api;

import es.faro.protocol.model.Presence;

/** The caller's own presence (ONLINE, AWAY, OFFLINE); posting it again renews it before it expires. */
public record PresenceRequest(Presence presence) {
}
