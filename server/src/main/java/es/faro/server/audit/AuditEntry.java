package es.faro.server.audit;

import java.time.Instant;

/** One recorded action: {@code seq} orders entries and is the paging cursor. */
public record AuditEntry(long seq, Instant at, String actorId, String action, String target, String address,
                         String detail) {
}
