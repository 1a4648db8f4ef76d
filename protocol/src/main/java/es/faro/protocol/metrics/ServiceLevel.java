package es.faro.protocol.metrics;

/**
 * First responses within target over a window (DESIGN.md, "SLA arithmetic"): {@code met} ÷
 * ({@code met} + {@code missed} + {@code breached}), where {@code breached} counts clocks still
 * running past due. {@code ratio} is null when nothing counts yet: never a made-up number.
 */
public record ServiceLevel(int met, int missed, int breached, Double ratio, double goal) {
    public static final double GOAL = 0.83;

    public static ServiceLevel of(int met, int missed, int breached) {
        int total = met + missed + breached;
        return new ServiceLevel(met, missed, breached, total == 0 ? null : (double) met / total, GOAL);
    }

    public int counted() {
        return met + missed + breached;
    }
}
