package es.faro.protocol.metrics;

import es.faro.protocol.model.Channel;
import es.faro.protocol.sla.SlaClockKind;
import java.time.Instant;

/**
 * The data of the {@code sla.warning}, {@code sla.breached}, {@code sla.met} and {@code sla.missed}
 * events: which clock of which conversation, and the instant it crossed (warn or due) or stopped.
 */
public record SlaAlert(String conversationId, SlaClockKind kind, Instant at, String brandId, Channel channel) {
}
