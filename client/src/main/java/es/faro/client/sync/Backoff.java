package es.faro.client.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so a floor of clients does not reconnect in lockstep after an outage. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private int failures;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    Duration next() {
        long base = min.toMillis() << Math.min(failures, 16);
        failures++;
        long capped = Math.min(base, max.toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(capped - capped / 8 + jitter);
    }

    void reset() {
        failures = 0;
    }
}
