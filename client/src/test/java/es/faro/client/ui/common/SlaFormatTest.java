package es.faro.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.sla.SlaState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlaFormatTest {
    @Test
    void formatsMinutesHoursAndDays() {
        assertThat(SlaFormat.countdown(Duration.ofMinutes(65))).isEqualTo("1 h 05 min");
        assertThat(SlaFormat.countdown(Duration.ofMinutes(12).plusSeconds(59))).isEqualTo("12 min");
        assertThat(SlaFormat.countdown(Duration.ofSeconds(30))).isEqualTo("0 min");
        assertThat(SlaFormat.countdown(Duration.ofHours(27).plusMinutes(10))).isEqualTo("1 d 03 h");
    }

    @Test
    void breachedCountsUpWithAMinusSign() {
        assertThat(SlaFormat.countdown(Duration.ofMinutes(-12))).isEqualTo("-12 min");
        assertThat(SlaFormat.countdown(Duration.ofSeconds(-1))).isEqualTo("-1 min");
        assertThat(SlaFormat.countdown(Duration.ofMinutes(-125))).isEqualTo("-2 h 05 min");
        assertThat(SlaFormat.countdown(Duration.ZERO)).isEqualTo("0 min");
    }

    @Test
    void mapsStatesToStyleClasses() {
        assertThat(SlaFormat.styleClass(SlaState.OK)).isEqualTo("sla-ok");
        assertThat(SlaFormat.styleClass(SlaState.WARNING)).isEqualTo("sla-warning");
        assertThat(SlaFormat.styleClass(SlaState.BREACHED)).isEqualTo("sla-breached");
        assertThat(SlaFormat.styleClass(SlaState.MET)).isEqualTo("sla-stopped");
        assertThat(SlaFormat.styleClass(null)).isEqualTo("sla-stopped");
    }
}
