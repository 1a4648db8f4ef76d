package es.faro.protocol.api;

import java.time.Instant;

/** Snooze until {@code until} (the conversation goes PENDING and leaves every queue until then). */
public record SnoozeRequest(Instant until, Long version) {
}
