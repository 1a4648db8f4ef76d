package es.faro.protocol.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/metrics/volume?from=&to=&groupBy=hour|day&by=brand}: inbound conversations
 * (created in the bucket) per time bucket, split by brand. Buckets are whole hours or days in
 * Europe/Madrid; every bucket of the window is present, empty ones with zero counts.
 */
public record VolumeReport(Instant from, Instant to, String groupBy, String by, List<Bucket> buckets) {
    public VolumeReport {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    /** @param counts brand id → conversations created in [start, end); brands without any are left out */
    public record Bucket(Instant start, Instant end, int total, Map<String, Integer> counts) {
        public Bucket {
            counts = counts == null ? Map.of() : Map.copyOf(counts);
        }
    }
}
