package es.faro.protocol.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/metrics/first-response?from=&to=}: how long first responses took (wall clock,
 * first inbound message to the first reply) for conversations answered in [from, to). Buckets are
 * [lower, upper); the last has no upper bound (null).
 */
public record FirstResponseHistogram(Instant from, Instant to, int answered, Duration median,
                                     List<Bucket> buckets) {
    public FirstResponseHistogram {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    public record Bucket(Duration lower, Duration upper, int count) {
    }
}
