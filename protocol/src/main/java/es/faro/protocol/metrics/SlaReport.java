package es.faro.protocol.metrics;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/metrics/sla?from=&to=&groupBy=brand|channel|queue|agent|hour|day}: the service
 * level per group over [from, to), and the total.
 */
public record SlaReport(Instant from, Instant to, String groupBy, List<Row> rows, ServiceLevel total) {
    public SlaReport {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * @param key                 the group: a brand id, channel name, queue id, agent id, or the start
     *                            instant of the hour/day (ISO-8601) for time groupings
     * @param inbound             conversations created in the window within this group
     * @param firstResponseMedian median first-response time (wall clock, ISO-8601), null without data
     */
    public record Row(String key, ServiceLevel serviceLevel, int inbound, java.time.Duration firstResponseMedian) {
    }
}
