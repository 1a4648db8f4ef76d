package es.faro.server.delivery;

import es.faro.protocol.model.Channel;

/** Delivers outbound messages to one network, in that network's API shape. */
public interface Connector {
    Channel channel();

    /** Whether this network needs an endpoint (an API); a forum without one prepares replies by hand. */
    default boolean needsEndpoint() {
        return true;
    }

    /** One attempt; never throws for a network failure (those are outcomes). */
    Outcome send(Outbound out, Endpoint endpoint);
}
