package es.faro.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of the server's event log. {@code seq} is global and strictly increasing: the sync
 * cursor. {@code data} is the full new state of the entity named by {@code type} (see {@link EventType}),
 * so applying an event is an idempotent upsert.
 */
public record Event(long seq, String type, Instant at, JsonNode data) {
}
