package es.faro.protocol.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Erlang C against published worked examples:
 * <ul>
 *   <li>Call Centre Helper, "Erlang C Formula – Made Simple with an Easy Worked Example"
 *   (callcentrehelper.com): 100 calls in 30 minutes, AHT 180 s, 80 % answered within 20 s →
 *   A = 10 erlangs; with 11 agents the probability of waiting is 68.21 % and the service level
 *   39.6 %, the average speed of answer 122.8 s; 14 agents are the fewest reaching 80 %.</li>
 *   <li>The textbook M/M/c case A = 2, N = 3: P(wait) = 4/9.</li>
 * </ul>
 */
class ErlangCTest {
    private static final Duration AHT_180 = Duration.ofSeconds(180);

    @Test
    void callCentreHelperWorkedExample() {
        double traffic = ErlangC.traffic(200, AHT_180); // 100 calls per 30 min = 200 an hour
        assertThat(traffic).isCloseTo(10.0, within(1e-9));
        assertThat(ErlangC.probabilityOfWaiting(11, traffic)).isCloseTo(0.6821, within(0.0005));
        assertThat(ErlangC.serviceLevel(11, traffic, AHT_180, Duration.ofSeconds(20))).isCloseTo(0.3896, within(0.0005));
        assertThat(ErlangC.averageSpeedOfAnswer(11, traffic, AHT_180).toMillis() / 1000.0).isCloseTo(122.8, within(0.05));
        assertThat(ErlangC.agentsNeeded(traffic, AHT_180, Duration.ofSeconds(20), 0.80)).isEqualTo(14);
        assertThat(ErlangC.serviceLevel(13, traffic, AHT_180, Duration.ofSeconds(20))).isLessThan(0.80);
        assertThat(ErlangC.serviceLevel(14, traffic, AHT_180, Duration.ofSeconds(20))).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void textbookThreeServers() {
        assertThat(ErlangC.probabilityOfWaiting(3, 2.0)).isCloseTo(4.0 / 9.0, within(1e-12));
    }

    @Test
    void edges() {
        assertThat(ErlangC.probabilityOfWaiting(5, 0)).isZero();
        assertThat(ErlangC.probabilityOfWaiting(10, 10)).isEqualTo(1.0);
        assertThat(ErlangC.agentsNeeded(0, AHT_180, Duration.ofSeconds(20), 0.8)).isZero();
        // More agents never lower the service level.
        double previous = 0;
        for (int n = 11; n < 30; n++) {
            double sl = ErlangC.serviceLevel(n, 10, AHT_180, Duration.ofSeconds(20));
            assertThat(sl).isGreaterThan(previous);
            previous = sl;
        }
        assertThatThrownBy(() -> ErlangC.agentsNeeded(10, AHT_180, Duration.ofSeconds(20), 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        // Large centres do not overflow.
        assertThat(ErlangC.agentsNeeded(ErlangC.traffic(12_000, AHT_180), AHT_180, Duration.ofSeconds(20), 0.8))
                .isBetween(600, 640);
    }

    @Test
    void forecastCarriesItsInputs() {
        StaffingForecast f = ErlangC.forecast("orange", 200, AHT_180, Duration.ofSeconds(20), 0.8);
        assertThat(f.agentsNeeded()).isEqualTo(14);
        assertThat(f.brandId()).isEqualTo("orange");
    }
}
