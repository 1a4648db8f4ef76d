package es.faro.client.cache;

import es.faro.protocol.model.Message;

/**
 * A message as the thread shows it: {@code pending} while it waits in the outbox (not yet confirmed
 * by the server), {@code failedReason} when the server refused it.
 */
public record ThreadMessage(Message message, boolean pending, String failedReason) {
}
