package es.faro.client.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * First-response times over [from, to) in buckets, as the client expects
 * {@code GET /api/v1/metrics/first-response?from=&to=} to answer:
 * {@code {"from","to","buckets":[{"upTo":"PT15M","count":4},…,{"upTo":null,"count":1}]}}, buckets in
 * ascending order, each counting responses longer than the previous bound and at most {@code upTo};
 * the last bucket ({@code upTo} null) holds everything longer.
 */
public record ResponseHistogram(Instant from, Instant to, List<Bucket> buckets) {
    public ResponseHistogram {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    public record Bucket(Duration upTo, int count) {
    }

    public int total() {
        return buckets.stream().mapToInt(Bucket::count).sum();
    }
}
