package es.faro.protocol.metrics;

import java.time.Instant;
import java.util.List;

/**
 * CSAT over a window ({@code GET /api/v1/metrics/csat}): {@code total} and one row per group
 * (brand, channel, queue, agent or day). See {@link CsatFigures} for what each figure counts.
 */
public record CsatReport(Instant from, Instant to, String groupBy, CsatFigures total, List<CsatFigures> groups) {
    public CsatReport {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * {@code sent}: surveys sent in the window; {@code responded}: of those, the ones answered;
     * {@code responseRate} = responded ÷ sent. {@code ratings}: answers given in the window,
     * {@code satisfied}: of those, ratings 4–5; {@code csat} = satisfied ÷ ratings. Ratios are null
     * when their denominator is 0 ("no data yet").
     */
    public record CsatFigures(String key, int sent, int responded, Double responseRate, int ratings, int satisfied,
                              Double csat) {
        public static CsatFigures of(String key, int sent, int responded, int ratings, int satisfied) {
            return new CsatFigures(key, sent, responded, sent == 0 ? null : (double) responded / sent, ratings,
                    satisfied, ratings == 0 ? null : (double) satisfied / ratings);
        }

        /** As the dashboard's {@link Csat} tile. */
        public Csat asCsat() {
            return Csat.of(ratings, satisfied);
        }
    }
}
