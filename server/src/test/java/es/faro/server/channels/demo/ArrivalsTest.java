package es.faro.server.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivalsTest {
    @Test
    void meanGapIsOneMinuteOverTheRate() {
        Arrivals arrivals = new Arrivals(12, new Random(7));
        int n = 50_000;
        double sum = 0;
        long max = 0;
        for (int i = 0; i < n; i++) {
            long gap = arrivals.nextGapMillis();
            assertThat(gap).isNotNegative();
            sum += gap;
            max = Math.max(max, gap);
        }
        assertThat(sum / n).isCloseTo(5_000.0, within(150.0));
        // Exponential gaps: some are far longer than the mean (a quiet spell), unlike a fixed timer.
        assertThat(max).isGreaterThan(25_000);
    }

    @Test
    void sameSeedSameGaps() {
        Arrivals a = new Arrivals(30, new Random(99));
        Arrivals b = new Arrivals(30, new Random(99));
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextGapMillis()).isEqualTo(b.nextGapMillis());
        }
    }

    @Test
    void rejectsRatesThatAreNotPositive() {
        assertThatThrownBy(() -> new Arrivals(0, new Random())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Arrivals(-3, new Random())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Arrivals(Double.NaN, new Random())).isInstanceOf(IllegalArgumentException.class);
    }
}
