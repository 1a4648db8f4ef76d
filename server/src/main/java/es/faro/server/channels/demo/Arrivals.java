package es.faro.server.channels.demo;

import java.util.Random;

/** Poisson arrivals: exponentially distributed gaps whose mean is one minute divided by the rate. */
final class Arrivals {
    private final double meanGapMillis;
    private final Random random;

    Arrivals(double messagesPerMinute, Random random) {
        if (!(messagesPerMinute > 0) || Double.isInfinite(messagesPerMinute)) {
            throw new IllegalArgumentException("messages per minute must be a positive number: " + messagesPerMinute);
        }
        this.meanGapMillis = 60_000.0 / messagesPerMinute;
        this.random = random;
    }

    long nextGapMillis() {
        return Math.round(-Math.log(1.0 - random.nextDouble()) * meanGapMillis);
    }
}
