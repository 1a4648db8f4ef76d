package es.faro.client.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/metrics/volume?from=&to=&groupBy=hour&by=brand}: inbound conversations per hour
 * bucket, split by brand. Mirrors the server's {@code VolumeReport} JSON field for field
 * ({@code {"from","to","groupBy","by","buckets":[{"start","end","total","counts":{"orange":12}}]}}),
 * so either record reads the same answer.
 */
public record HourlyVolume(Instant from, Instant to, String groupBy, String by, List<Bucket> buckets) {
    public HourlyVolume {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    /** @param counts brand id → conversations created in [start, end) */
    public record Bucket(Instant start, Instant end, int total, Map<String, Integer> counts) {
        public Bucket {
            counts = counts == null ? Map.of() : Map.copyOf(counts);
        }
    }
}
