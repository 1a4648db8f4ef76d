package es.faro.protocol.metrics;

/** Satisfied (ratings 4–5) ÷ all ratings; {@code ratio} null until there is a rating. */
public record Csat(int ratings, int satisfied, Double ratio, double goal) {
    public static final double GOAL = 0.67;

    public static Csat of(int ratings, int satisfied) {
        return new Csat(ratings, satisfied, ratings == 0 ? null : (double) satisfied / ratings, GOAL);
    }

    public static Csat noData() {
        return of(0, 0);
    }
}
