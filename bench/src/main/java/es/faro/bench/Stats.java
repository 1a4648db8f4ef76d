package es.faro.bench;

import java.util.Arrays;

/** Percentiles over recorded samples (nearest-rank on a sorted copy). */
public final class Stats {
    private double[] samples = new double[1024];
    private int size;

    public synchronized void add(double value) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = value;
    }

    public synchronized int count() {
        return size;
    }

    public synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    public synchronized double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, samples[i]);
        }
        return size == 0 ? Double.NaN : m;
    }

    public synchronized int countAbove(double limit) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (samples[i] > limit) {
                n++;
            }
        }
        return n;
    }
}
