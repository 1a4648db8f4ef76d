package es.faro.client.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/metrics/first-response?from=&to=}: how long first responses took for
 * conversations answered in [from, to), in buckets [lower, upper) (the last without upper bound).
 * Mirrors the server's {@code FirstResponseHistogram} JSON field for field.
 */
public record ResponseHistogram(Instant from, Instant to, int answered, Duration median, List<Bucket> buckets) {
    public ResponseHistogram {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    public record Bucket(Duration lower, Duration upper, int count) {
    }

    public int total() {
        return buckets.stream().mapToInt(Bucket::count).sum();
    }
}
