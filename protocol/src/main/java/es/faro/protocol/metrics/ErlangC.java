package es.faro.protocol.metrics;

import java.time.Duration;

/**
 * Erlang C (M/M/N queue): the probability that a contact waits, the service level N agents reach,
 * and the agents needed for a target service level. Traffic {@code A} = arrival rate × average
 * handle time, in erlangs. The probability of waiting is computed through the Erlang B recursion
 * (B₀ = 1, Bₖ = A·Bₖ₋₁ / (k + A·Bₖ₋₁); C = N·B / (N − A·(1 − B))), which never overflows the
 * way Aᴺ/N! does for a few hundred agents.
 */
public final class ErlangC {
    /** Above this many agents the search gives up: the inputs are not a contact centre's. */
    static final int MAX_AGENTS = 10_000;

    private ErlangC() {
    }

    /** Offered traffic in erlangs for {@code arrivalsPerHour} contacts an hour of {@code handleTime} each. */
    public static double traffic(double arrivalsPerHour, Duration handleTime) {
        return arrivalsPerHour * handleTime.toMillis() / 3_600_000.0;
    }

    /** Probability that a contact has to wait with {@code agents} agents for {@code traffic} erlangs (1 when overloaded). */
    public static double probabilityOfWaiting(int agents, double traffic) {
        if (traffic < 0 || agents < 0) {
            throw new IllegalArgumentException("traffic and agents must not be negative");
        }
        if (traffic == 0) {
            return 0;
        }
        if (agents <= traffic) {
            return 1;
        }
        double b = 1;
        for (int k = 1; k <= agents; k++) {
            b = traffic * b / (k + traffic * b);
        }
        return agents * b / (agents - traffic * (1 - b));
    }

    /** Share of contacts answered within {@code answerTime}: 1 − C·e^(−(N − A)·t / AHT). */
    public static double serviceLevel(int agents, double traffic, Duration handleTime, Duration answerTime) {
        if (traffic == 0) {
            return 1;
        }
        if (agents <= traffic) {
            return 0;
        }
        double c = probabilityOfWaiting(agents, traffic);
        double exponent = -(agents - traffic) * answerTime.toMillis() / (double) handleTime.toMillis();
        return 1 - c * Math.exp(exponent);
    }

    /** Average speed of answer: C·AHT / (N − A). */
    public static Duration averageSpeedOfAnswer(int agents, double traffic, Duration handleTime) {
        if (agents <= traffic) {
            throw new IllegalArgumentException("with " + agents + " agents for " + traffic + " erlangs the queue grows forever");
        }
        double c = probabilityOfWaiting(agents, traffic);
        return Duration.ofNanos(Math.round(c * handleTime.toNanos() / (agents - traffic)));
    }

    /** The fewest agents whose service level reaches {@code target} (0 without traffic). */
    public static int agentsNeeded(double traffic, Duration handleTime, Duration answerTime, double target) {
        if (target <= 0 || target >= 1) {
            throw new IllegalArgumentException("target service level must be between 0 and 1 (exclusive): " + target);
        }
        if (traffic == 0) {
            return 0;
        }
        for (int n = Math.max(1, (int) Math.floor(traffic) + 1); n <= MAX_AGENTS; n++) {
            if (serviceLevel(n, traffic, handleTime, answerTime) >= target) {
                return n;
            }
        }
        throw new IllegalArgumentException("more than " + MAX_AGENTS + " agents needed for " + traffic + " erlangs");
    }

    /** A brand's forecast from the arrivals in the last hour and the average handle time. */
    public static StaffingForecast forecast(String brandId, double arrivalsPerHour, Duration handleTime,
                                            Duration answerTime, double target) {
        int agents = agentsNeeded(traffic(arrivalsPerHour, handleTime), handleTime, answerTime, target);
        return new StaffingForecast(brandId, arrivalsPerHour, handleTime, answerTime, target, agents);
    }
}
