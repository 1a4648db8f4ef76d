package es.faro.client.metrics;

import java.time.Instant;
import java.util.List;

/**
 * Inbound conversations per hour and brand over [from, to), as the client expects
 * {@code GET /api/v1/metrics/volume?from=&to=&groupBy=hour} to answer:
 * {@code {"from","to","rows":[{"hour":"2026-11-26T08:00:00Z","brandId":"orange","inbound":12}]}}.
 */
public record HourlyVolume(Instant from, Instant to, List<Row> rows) {
    public HourlyVolume {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** @param hour the start instant of the hour */
    public record Row(Instant hour, String brandId, int inbound) {
    }
}
