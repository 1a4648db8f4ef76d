package es.faro.server.delivery;

import es.faro.server.config.ServerConfig;
import java.time.Duration;

/**
 * How the delivery worker behaves: the claim lease, the retry backoff (doubling from {@code backoffBase}
 * up to {@code backoffMax}), the attempts before a transient failure becomes FAILED, parallel calls
 * per node and the HTTP timeout. Keys {@code delivery.lease}, {@code delivery.backoff.base},
 * {@code delivery.backoff.max}, {@code delivery.attempts}, {@code delivery.parallel},
 * {@code delivery.timeout}.
 */
public record DeliverySettings(Duration lease, Duration backoffBase, Duration backoffMax, int maxAttempts,
                               int parallel, Duration timeout) {
    public DeliverySettings {
        if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("delivery.lease must be at least twice delivery.timeout");
        }
        if (maxAttempts < 1 || parallel < 1) {
            throw new IllegalArgumentException("delivery.attempts and delivery.parallel must be at least 1");
        }
    }

    public static DeliverySettings from(ServerConfig config) {
        return new DeliverySettings(duration(config, "delivery.lease", "PT60S"),
                duration(config, "delivery.backoff.base", "PT2S"), duration(config, "delivery.backoff.max", "PT10M"),
                integer(config, "delivery.attempts", 8), integer(config, "delivery.parallel", 4),
                duration(config, "delivery.timeout", "PT20S"));
    }

    /** The wait before attempt {@code attempts + 1}: base × 2^(attempts − 1), at most the max, or what the network asked. */
    public Duration backoff(int attempts, Duration retryAfter) {
        Duration d = backoffBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        if (d.compareTo(backoffMax) > 0) {
            d = backoffMax;
        }
        if (retryAfter != null && retryAfter.compareTo(d) > 0) {
            d = retryAfter.compareTo(backoffMax) > 0 ? backoffMax : retryAfter;
        }
        return d;
    }

    private static Duration duration(ServerConfig config, String key, String fallback) {
        String v = config.get(key).filter(s -> !s.isBlank()).orElse(fallback);
        try {
            return Duration.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT2S, not " + v);
        }
    }

    private static int integer(ServerConfig config, String key, int fallback) {
        String v = config.get(key).filter(s -> !s.isBlank()).orElse(null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not " + v);
        }
    }
}
