package es.faro.protocol.api;

/** Pull mode: claim the best conversation; {@code queueId} narrows it to a workqueue (optional). */
public record NextRequest(String queueId) {
}
